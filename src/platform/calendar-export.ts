/**
 * "Add to my calendar": the result's dates as an iCalendar file (RFC 5545).
 * Pure, no DOM and no clock: the caller injects the stamp and the already translated text, so the
 * output is byte-for-byte reproducible in tests and the same offline as online.
 */
import type { Language } from '../languages';
import { addDays, daysBetween, isCivilDate, type CivilDate } from '../rules/civil-date';
import type { FollowUp } from '../rules/types';

export type IcsLang = Language;

/** A reminder at a time of day: `daysBefore` the event's date, at `hour` o'clock in the student's own time zone. */
export interface IcsAlarm {
  daysBefore: number;
  hour: number;
  /** What the notification says. */
  description: string;
}

export interface IcsEvent {
  /** Unique within one export: it becomes part of the event's UID. */
  id: string;
  date: CivilDate;
  summary: string;
  description: string;
  /** Whole days before the date at which the calendar should remind the student (at midnight); no alarm when absent. */
  alarmDaysBefore?: number;
  /** Reminders at a time of day, as many as given. */
  alarms?: readonly IcsAlarm[];
  /** Where the step is done (the platform's page): calendar apps show it as a link. */
  url?: string;
}

export interface IcsInput {
  /** Stable base of every UID, so that importing the same result twice updates the events instead of doubling them. */
  uid: string;
  /** UTC timestamp, `YYYYMMDDTHHMMSSZ`. */
  now: string;
  lang: IcsLang;
  events: readonly IcsEvent[];
}

// RFC 5545 §3.1: 75 octets per physical line, not counting the CRLF.
const MAX_OCTETS = 75;
const CRLF = '\r\n';
const UTC_STAMP = /^\d{8}T\d{6}Z$/;
const encoder = new TextEncoder();

/**
 * TEXT escaping (RFC 5545 §3.3.11). Every line-break convention becomes `\n`: a bare CR or LF left in a
 * value would end the content line early. Other control characters are not allowed in TEXT at all, and
 * a reader that meets one may reject the whole file, so they are dropped.
 */
function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // Control characters are not allowed in an iCalendar TEXT value (RFC 5545 §3.3.11): they are removed.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    // The page's isolates (a French name inside Arabic) are for the browser: calendar apps show some as boxes,
    // and the bidirectional algorithm orders such a name well enough without them.
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/**
 * Splits one content line into physical lines of at most 75 UTF-8 octets. Counting octets rather than
 * UTF-16 units matters: an Arabic letter is two octets, `’` three, an emoji four. The line is walked by
 * code point, so a fold never lands inside a character, and an escape such as `\n` is kept whole:
 * RFC 5545 would allow splitting it, but some readers unescape before unfolding.
 */
function fold(line: string): string {
  const physical: string[] = [];
  let current = '';
  let octets = 0;
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    let unit = chars[i]!;
    if (unit === '\\' && i + 1 < chars.length) unit += chars[++i]!;
    const size = encoder.encode(unit).length;
    // A continuation line's leading space is one of its 75 octets.
    const limit = physical.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit && current !== '') {
      physical.push(current);
      current = '';
      octets = 0;
    }
    current += unit;
    octets += size;
  }
  physical.push(current);
  return physical.join(`${CRLF} `);
}

const basicDate = (date: CivilDate): string => date.replace(/-/g, '');

function checkInput({ now, events }: IcsInput): void {
  if (!UTC_STAMP.test(now)) throw new RangeError(`now must be a UTC stamp YYYYMMDDTHHMMSSZ: ${now}`);
  // A VCALENDAR needs at least one component (RFC 5545 §3.4); an empty file would be refused on import.
  if (events.length === 0) throw new RangeError('an iCalendar file needs at least one event');
  const ids = new Set<string>();
  for (const event of events) {
    if (!isCivilDate(event.date)) throw new RangeError(`not a civil date: ${event.date}`);
    // Two events with one UID are one event to a calendar app: the second would silently replace the first.
    if (ids.has(event.id)) throw new RangeError(`duplicate event id: ${event.id}`);
    ids.add(event.id);
    const days = event.alarmDaysBefore;
    if (days !== undefined && !(Number.isInteger(days) && days >= 0)) {
      throw new RangeError(`alarmDaysBefore must be a whole number of days ≥ 0: ${days}`);
    }
    for (const a of event.alarms ?? []) {
      if (!(Number.isInteger(a.daysBefore) && a.daysBefore >= 0 && Number.isInteger(a.hour) && a.hour >= 0 && a.hour < 24)) {
        throw new RangeError(`an alarm is whole days ≥ 0 before, at an hour from 0 to 23: ${a.daysBefore}, ${a.hour}`);
      }
    }
  }
}

/**
 * A TRIGGER duration relative to an all-day DTSTART (the date's midnight, in the student's own time zone):
 * `daysBefore` days earlier at `hour` o'clock. Apple Calendar writes "1 day before at 9:00" as -PT15H.
 * Zero is written unsigned: `-P0D` is legal but parsers read it as a negative zero.
 */
export function trigger(daysBefore: number, hour: number): string {
  const hours = daysBefore * 24 - hour;
  if (hours === 0) return 'PT0S';
  const abs = Math.abs(hours);
  const days = Math.floor(abs / 24);
  const rest = abs % 24;
  return `${hours < 0 ? '' : '-'}P${days ? `${days}D` : ''}${rest ? `T${rest}H` : ''}`;
}

export function buildIcs(input: IcsInput): string {
  checkInput(input);
  const { uid, now, lang, events } = input;
  // The parameter lets a reader pick fonts and direction (Arabic is right to left) without guessing.
  const text = (name: string, value: string) => `${name};LANGUAGE=${lang}:${escapeText(value)}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//RecoursSup//RecoursSup//${lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${uid}-${event.id}@recourssup`)}`,
      `DTSTAMP:${now}`,
      // All-day: a DATE has no time zone, so the act-by day is the same day wherever the phone is.
      // DTEND is exclusive (RFC 5545 §3.6.1), hence the next day.
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
      text('SUMMARY', event.summary),
      text('DESCRIPTION', event.description),
      // A URI (RFC 5545 §3.8.4.6), not TEXT: not escaped; the app's own constant addresses only.
      ...(event.url ? [`URL:${event.url}`] : []),
      // A reminder, not an appointment: it must not show the student as busy all day.
      'TRANSP:TRANSPARENT',
    );
    // Relative to DTSTART, i.e. midnight at the start of the date in the student's own time zone.
    // DISPLAY alarms require a DESCRIPTION; the summary is what fits in a notification.
    const alarms = [
      ...(event.alarmDaysBefore === undefined ? [] : [{ daysBefore: event.alarmDaysBefore, hour: 0, description: event.summary }]),
      ...(event.alarms ?? []),
    ];
    for (const a of alarms) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', text('DESCRIPTION', a.description), `TRIGGER:${trigger(a.daysBefore, a.hour)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

/**
 * A download name made from the UID base. Kept to ASCII letters, digits, `.`, `_` and `-`: other
 * characters are refused or mangled by some file systems and by the `download` attribute. Accents are
 * taken off rather than replaced, so a French word stays readable.
 */
export function icsFileName(uid: string): string {
  const base = uid
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 100);
  return `${base || 'recourssup'}.ics`;
}

/** The translated texts of the proposals' events (i18next's `t`) and dates as the student reads them. */
export interface ProposalText {
  t: (key: string, params: Record<string, string | number>) => string;
  date: (date: CivilDate) => string;
}

/** The morning hour of the proposals' reminders. */
export const REMINDER_HOUR = 9;

/**
 * One event for each proposal of the rector still open (R612-36-3 I al. 8): on its last day to answer,
 * with a reminder the morning before the act-by day and one on the act-by day's morning. Proposals answered,
 * lapsed or ended by an acceptance have nothing left to remind. `today` is the day of the check, told in
 * the description. Ids are made from the notification day, so that importing again updates the events.
 */
export function proposalEvents(followUp: FollowUp | null | undefined, today: CivilDate, text: ProposalText): IcsEvent[] {
  const events: IcsEvent[] = [];
  const seen = new Map<CivilDate, number>();
  followUp?.proposals.forEach((p, i) => {
    // Two proposals notified the same day keep apart ids, in their order.
    const nth = (seen.get(p.notified) ?? 0) + 1;
    seen.set(p.notified, nth);
    if (p.state !== 'open') return;
    const n = i + 1;
    const actBy = daysBetween(p.actBy, p.deadline);
    events.push({
      id: `master-referral-proposal-${p.notified}${nth > 1 ? `-${nth}` : ''}`,
      date: p.deadline,
      summary: text.t('followUp.ics.summary', { n }),
      description: text.t('followUp.ics.description', {
        n, notified: text.date(p.notified), deadline: text.date(p.deadline), actBy: text.date(p.actBy), today: text.date(today),
      }),
      alarms: [
        { daysBefore: actBy + 1, hour: REMINDER_HOUR, description: text.t('followUp.ics.alarmDayBefore', { n }) },
        { daysBefore: actBy, hour: REMINDER_HOUR, description: text.t('followUp.ics.alarmActBy', { n }) },
      ],
    });
  });
  return events;
}
