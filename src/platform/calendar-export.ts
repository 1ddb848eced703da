/**
 * "Add to my calendar": the result's dates as an iCalendar file (RFC 5545).
 * Pure, no DOM and no clock: the caller injects the stamp and the already translated text, so the
 * output is byte-for-byte reproducible in tests and the same offline as online.
 */
import { addDays, isCivilDate, type CivilDate } from '../rules/civil-date';

export type IcsLang = 'fr' | 'en' | 'ar';

export interface IcsEvent {
  /** Unique within one export: it becomes part of the event's UID. */
  id: string;
  date: CivilDate;
  summary: string;
  description: string;
  /** Whole days before the date at which the calendar should remind the student; no alarm when absent. */
  alarmDaysBefore?: number;
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
  }
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
      // A reminder, not an appointment: it must not show the student as busy all day.
      'TRANSP:TRANSPARENT',
    );
    if (event.alarmDaysBefore !== undefined) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        // DISPLAY alarms require a DESCRIPTION; the summary is what fits in a notification.
        text('DESCRIPTION', event.summary),
        // Relative to DTSTART, i.e. midnight at the start of the date in the student's own time zone.
        // Zero is written unsigned: `-P0D` is legal but parsers read it as a negative zero.
        `TRIGGER:${event.alarmDaysBefore === 0 ? 'PT0S' : `-P${event.alarmDaysBefore}D`}`,
        'END:VALARM',
      );
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
