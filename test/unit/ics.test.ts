/** The .ics export parsed back with a real iCalendar parser (ical.js). */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, fold } from '../../src/platform/ics';

const events = [
  { id: 'act-by', date: '2026-07-15', summary: 'Saisir le recteur : à faire au plus tard', description: 'Le recteur, Occitanie; « Saisir le recteur », bouton\nligne 2 \\ fin', alarmDaysBefore: 2 },
  { id: 'deadline', date: '2026-12-31', summary: 'اللجوء إلى رئيس الأكاديمية: الموعد النهائي', description: 'يُعتمد التاريخ الذي تعرضه المنصة. '.repeat(8) },
];

describe('ics export', () => {
  const text = buildIcs({ uid: 'recourssup-2026-07-05', now: '20260705T120000Z', events });
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevents = cal.getAllSubcomponents('vevent');

  it('has one all-day event per date, ending the next day (across the year end too)', () => {
    expect(vevents).toHaveLength(2);
    const [a, b] = vevents.map((v) => new ICAL.Event(v));
    expect(a!.startDate.isDate).toBe(true);
    expect(a!.startDate.toString()).toBe('2026-07-15');
    expect(a!.endDate.toString()).toBe('2026-07-16');
    expect(b!.startDate.toString()).toBe('2026-12-31');
    expect(b!.endDate.toString()).toBe('2027-01-01');
  });

  it('round-trips the text exactly: accents, Arabic, commas, semicolons, newlines, backslashes', () => {
    const [a, b] = vevents.map((v) => new ICAL.Event(v));
    expect(a!.summary).toBe(events[0]!.summary);
    expect(a!.description).toBe(events[0]!.description);
    expect(b!.summary).toBe(events[1]!.summary);
    expect(b!.description).toBe(events[1]!.description);
  });

  it('sets an alarm two days before the act-by date, and unique ids', () => {
    const alarm = vevents[0]!.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P2D');
    expect(vevents[1]!.getFirstSubcomponent('valarm')).toBeNull();
    const uids = vevents.map((v) => v.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(2);
  });

  it('folds lines at 75 octets on character boundaries, with CRLF everywhere', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const folded = fold(`DESCRIPTION:${'é'.repeat(80)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
  });
});
