/**
 * iCalendar (RFC 5545) for the result's dates: all-day events, an alarm two days before the act-by date.
 * Pure: no DOM, no clock (the stamp is given). Text is escaped and lines folded at 75 octets, on a
 * character boundary (French accents and Arabic are several bytes each).
 */
import { addDays, type CivilDate } from '../rules/civil-date';

export interface IcsEvent { id: string; date: CivilDate; summary: string; description: string; alarmDaysBefore?: number }
export interface IcsInput { uid: string; now: string; events: IcsEvent[] }

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const compact = (d: CivilDate) => d.replace(/-/g, '');
const encoder = new TextEncoder();

/** Folds a content line: at most 75 octets per physical line, continuation lines start with a space. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = out.length ? 74 : 75; // continuation lines spend one octet on the leading space
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function buildIcs({ uid, now, events }: IcsInput): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//RecoursSup//RecoursSup//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT', `UID:${uid}-${e.id}@recourssup`, `DTSTAMP:${now}`,
      `DTSTART;VALUE=DATE:${compact(e.date)}`, `DTEND;VALUE=DATE:${compact(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`, `DESCRIPTION:${escapeText(e.description)}`, 'TRANSP:TRANSPARENT',
    );
    if (e.alarmDaysBefore) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(e.summary)}`, `TRIGGER:-P${e.alarmDaysBefore}D`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
