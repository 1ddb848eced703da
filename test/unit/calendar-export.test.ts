/**
 * The calendar export read back by a real iCalendar parser (ical.js), plus byte-level checks that a
 * parser would forgive: octet-counted folding, CRLF, no character cut in two.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { buildIcs, icsFileName, proposalEvents, trigger, type IcsEvent, type IcsInput } from '../../src/platform/calendar-export';
import { evaluate } from '../../src/rules/evaluate';
import type { Facts } from '../../src/rules/facts';

type Component = InstanceType<typeof ICAL.Component>;

const NOW = '20260705T120000Z';
const UID = 'recourssup-master-referral-2026-07-01';

const FRENCH_SUMMARY = 'Saisir le recteur : à faire au plus tard, « dernier délai » ; déjà noté';
const FRENCH_DESCRIPTION =
  'Le recteur de la région académique (Île-de-France), via « Mon Master » ; bouton « Saisir ».\n' +
  'Ligne 2 : chemin C:\\Users\\élève\\dossier, virgule, point-virgule ; fin.\n\nAprès une ligne vide.';
const ARABIC_SUMMARY = 'اللجوء إلى رئيس الأكاديمية: الموعد النهائي، آخر أجل؛ لا تتأخر';
// Long enough that every line of it must be folded several times, with Arabic commas, Latin commas and
// semicolons, newlines and backslashes falling wherever the 75th octet happens to be.
const ARABIC_DESCRIPTION =
  'يُعتمد التاريخ الذي تعرضه المنصة، وليس تاريخ الإشعار; راجِع بريدك الإلكتروني, ثم قدِّم الطلب.\n'.repeat(6) +
  'المسار: \\\\ لا شيء \\ آخر — نهاية النص 📅';

const events: IcsEvent[] = [
  { id: 'opens', date: '2026-07-31', summary: 'Le recours est possible à partir de ce jour', description: FRENCH_DESCRIPTION },
  { id: 'act-by', date: '2026-12-31', summary: FRENCH_SUMMARY, description: FRENCH_DESCRIPTION, alarmDaysBefore: 2 },
  { id: 'deadline', date: '2027-02-28', summary: ARABIC_SUMMARY, description: ARABIC_DESCRIPTION },
  { id: 'leap', date: '2028-02-28', summary: 'Leap year', description: 'Feb 29th exists in 2028' },
];

const input: IcsInput = { uid: UID, now: NOW, lang: 'fr', events };
const text = buildIcs(input);

function parse(ics: string): { cal: Component; vevents: Component[] } {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return { cal, vevents: cal.getAllSubcomponents('vevent') };
}

const { cal, vevents } = parse(text);
const byId = (id: string): Component => {
  const found = vevents.find((v) => String(v.getFirstPropertyValue('uid')) === `${UID}-${id}@recourssup`);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};

/** Physical lines as raw UTF-8 bytes, split on CRLF only, so a stray CR or LF would stay visible. */
function physicalLinesAsBytes(ics: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(ics);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  expect(start).toBe(bytes.length); // the file ends with CRLF
  return lines;
}

// A fold between the two halves of a surrogate pair leaves each half alone; TextEncoder would quietly
// turn them into U+FFFD, so the byte check below cannot see it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function expectWellFormedLines(ics: string): void {
  for (const line of ics.split('\r\n')) expect(line).not.toMatch(LONE_SURROGATE);
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (const line of physicalLinesAsBytes(ics)) {
    expect(line.length).toBeLessThanOrEqual(75);
    expect(line.includes(0x0d) || line.includes(0x0a)).toBe(false);
    // A fatal decoder throws on a multi-byte character cut by a fold.
    expect(() => strict.decode(line)).not.toThrow();
  }
}

describe('calendar export', () => {
  it('is a publishable VCALENDAR 2.0 with one VEVENT per date', () => {
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(cal.getFirstPropertyValue('prodid'))).toMatch(/^-\/\/RecoursSup\/\/RecoursSup\/\/FR$/);
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(vevents).toHaveLength(events.length);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('makes all-day events ending the next day, across month, year and leap-year ends', () => {
    const expected: Record<string, [string, string]> = {
      opens: ['2026-07-31', '2026-08-01'],
      'act-by': ['2026-12-31', '2027-01-01'],
      deadline: ['2027-02-28', '2027-03-01'],
      leap: ['2028-02-28', '2028-02-29'],
    };
    for (const [id, [start, end]] of Object.entries(expected)) {
      const vevent = byId(id);
      const event = new ICAL.Event(vevent);
      expect(vevent.getFirstProperty('dtstart')!.type).toBe('date');
      expect(vevent.getFirstProperty('dtend')!.type).toBe('date');
      expect(event.startDate.isDate).toBe(true);
      expect(event.endDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(start);
      expect(event.endDate.toString()).toBe(end);
      expect(event.duration.toSeconds()).toBe(86_400);
    }
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
  });

  it('round-trips summaries and descriptions exactly: accents, Arabic, commas, semicolons, newlines, backslashes', () => {
    for (const source of events) {
      const event = new ICAL.Event(byId(source.id));
      expect(event.summary).toBe(source.summary);
      expect(event.description).toBe(source.description);
    }
  });

  it('tags the text with the language, and the product id follows it', () => {
    const summary = byId('act-by').getFirstProperty('summary')!;
    expect(summary.getParameter('language')).toBe('fr');
    const arabic = parse(buildIcs({ ...input, lang: 'ar' }));
    expect(arabic.vevents[2]!.getFirstProperty('description')!.getParameter('language')).toBe('ar');
    expect(arabic.vevents[2]!.getFirstPropertyValue('description')).toBe(ARABIC_DESCRIPTION);
    expect(String(arabic.cal.getFirstPropertyValue('prodid'))).toMatch(/\/\/AR$/);
    expect(parse(buildIcs({ ...input, lang: 'en' })).vevents[0]!.getFirstProperty('summary')!.getParameter('language')).toBe('en');
  });

  it('turns any line break into a newline and drops control characters that TEXT does not allow', () => {
    const { vevents: [v] } = parse(buildIcs({
      ...input,
      events: [{ id: 'x', date: '2026-07-01', summary: 'a\rb\r\nc\nd', description: 'tab\tkept\u0000\u0007\u001b\u007f.' }],
    }));
    expect(v!.getFirstPropertyValue('summary')).toBe('a\nb\nc\nd');
    expect(v!.getFirstPropertyValue('description')).toBe('tab\tkept.');
  });

  it('drops the page\u2019s bidirectional isolates, which calendar apps may show as boxes, and links to where the step is done', () => {
    const { vevents: [v] } = parse(buildIcs({
      ...input, lang: 'ar',
      events: [{ id: 'x', date: '2026-07-01', summary: 'آخر يوم: \u2068Mon\u00a0Master\u2069', description: 'في \u2066Île‑de‑France\u2069.', url: 'https://www.monmaster.gouv.fr/' }],
    }));
    expect(v!.getFirstPropertyValue('summary')).toBe('آخر يوم: Mon\u00a0Master');
    expect(v!.getFirstPropertyValue('description')).toBe('في Île‑de‑France.');
    expect(v!.getFirstPropertyValue('url')).toBe('https://www.monmaster.gouv.fr/');
    expect(byId('act-by').getFirstPropertyValue('url')).toBeNull();
  });

  it('rings a display alarm two days before the act-by date, and only where asked', () => {
    const alarm = byId('act-by').getFirstSubcomponent('valarm')!;
    expect(alarm).not.toBeNull();
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('description')).toBe(FRENCH_SUMMARY);
    const trigger = alarm.getFirstProperty('trigger')!;
    expect(trigger.type).toBe('duration');
    expect(trigger.getParameter('related')).toBeUndefined(); // i.e. relative to DTSTART
    const duration = trigger.getFirstValue() as InstanceType<typeof ICAL.Duration>;
    expect(duration.isNegative).toBe(true);
    expect(duration.days).toBe(2);
    expect(duration.toSeconds()).toBe(-2 * 86_400);
    expect(text).toContain('\r\nTRIGGER:-P2D\r\n');
    for (const id of ['opens', 'deadline', 'leap']) expect(byId(id).getFirstSubcomponent('valarm')).toBeNull();

    const sameDay = parse(buildIcs({ ...input, events: [{ ...events[0]!, alarmDaysBefore: 0 }] })).vevents[0]!;
    const onTheDay = sameDay.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as InstanceType<typeof ICAL.Duration>;
    expect(onTheDay.toSeconds()).toBe(0);
    expect(onTheDay.toString()).toBe('PT0S');
  });

  it('gives every event a unique, stable UID, the injected stamp, and leaves the student free', () => {
    const uids = vevents.map((v) => String(v.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(events.length);
    expect(uids).toEqual(events.map((e) => `${UID}-${e.id}@recourssup`));
    expect(buildIcs(input)).toBe(text); // same input, same bytes: re-importing updates, never duplicates
    for (const v of vevents) {
      const stamp = v.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
      expect(stamp.toICALString()).toBe(NOW);
      expect(stamp.zone).toBe(ICAL.Timezone.utcTimezone);
      expect(v.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    }
  });

  it('ends every line with CRLF, keeps each within 75 octets and never cuts a character', () => {
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expectWellFormedLines(text);
    // Continuation lines (and only they) start with a space.
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) if (!line.startsWith(' ')) expect(line).toMatch(/^[A-Z-]+[;:]/);
  });

  it('folds a long Arabic description tightly and it still round-trips exactly', () => {
    const unfoldedLength = new TextEncoder().encode(`DESCRIPTION;LANGUAGE=fr:${ARABIC_DESCRIPTION}`).length;
    expect(unfoldedLength).toBeGreaterThan(5 * 75);
    const start = text.indexOf('DESCRIPTION;LANGUAGE=fr:يُعتمد');
    const physical = text.slice(start).split('\r\n');
    const end = physical.findIndex((line, i) => i > 0 && !line.startsWith(' '));
    const folded = physical.slice(0, end);
    expect(folded.length).toBeGreaterThan(5);
    // Tight: a line is cut short only by the one unit (≤ 4 octets, or a 2-octet escape) that did not fit.
    for (const line of folded.slice(0, -1)) expect(new TextEncoder().encode(line).length).toBeGreaterThanOrEqual(71);
    expect(folded.join('\r\n').replace(/\r\n /g, '')).toBe(`DESCRIPTION;LANGUAGE=fr:${ARABIC_DESCRIPTION
      .replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n')}`);
    expect(new ICAL.Event(byId('deadline')).description).toBe(ARABIC_DESCRIPTION);
  });

  it('moves a character that would cross the 75th octet to the next line, whole', () => {
    const prefix = 'SUMMARY;LANGUAGE=fr:'; // 20 octets
    const filler = 'a'.repeat(54); // 74 octets so far
    for (const [ch, escaped] of [['é', 'é'], ['’', '’'], ['ع', 'ع'], ['📅', '📅'], [',', '\\,'], ['\n', '\\n']] as const) {
      const summary = `${filler}${ch}tail`;
      const ics = buildIcs({ ...input, events: [{ ...events[0]!, summary }] });
      const lines = ics.split('\r\n');
      const at = lines.findIndex((l) => l.startsWith(prefix));
      expect(lines[at]).toBe(prefix + filler);
      expect(lines[at + 1]).toBe(` ${escaped}tail`);
      expectWellFormedLines(ics);
      expect(parse(ics).vevents[0]!.getFirstPropertyValue('summary')).toBe(summary);
    }
    // 72 octets, then a 4-octet emoji: its first UTF-16 half alone would still "fit".
    const emoji = buildIcs({ ...input, events: [{ ...events[0]!, summary: `${'a'.repeat(52)}📅` }] });
    expect(emoji).toContain(`\r\n${prefix}${'a'.repeat(52)}\r\n 📅\r\n`);
    expectWellFormedLines(emoji);
    // Exactly 75 octets is not folded.
    const exact = buildIcs({ ...input, events: [{ ...events[0]!, summary: `${'a'.repeat(53)}é` }] });
    expect(exact).toContain(`\r\n${prefix}${'a'.repeat(53)}é\r\n`);
  });

  it('round-trips any Unicode text and keeps every line well formed (property)', () => {
    // eslint-disable-next-line no-control-regex -- the control characters the export must drop
    const allowed = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    const textArb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom('é', 'ع', '’', '📅', ',', ';', '\\', '\n', '\r', 'a', ' ', ':', '"'), maxLength: 300 }),
    );
    fc.assert(
      fc.property(textArb, textArb, fc.constantFrom<IcsInput['lang']>('fr', 'en', 'ar'), (summary, description, lang) => {
        const ics = buildIcs({ uid: UID, now: NOW, lang, events: [{ id: 'p', date: '2026-07-01', summary, description, alarmDaysBefore: 2 }] });
        expectWellFormedLines(ics);
        const [v] = parse(ics).vevents;
        expect(v!.getFirstPropertyValue('summary')).toBe(allowed(summary));
        expect(v!.getFirstPropertyValue('description')).toBe(allowed(description));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses input that would make an invalid or misleading file', () => {
    const one = events[0]!;
    expect(() => buildIcs({ ...input, now: '2026-07-05T12:00:00Z' })).toThrow(RangeError);
    expect(() => buildIcs({ ...input, now: '20260705T120000' })).toThrow(RangeError);
    expect(() => buildIcs({ ...input, events: [] })).toThrow(RangeError);
    expect(() => buildIcs({ ...input, events: [{ ...one, date: '2026-02-30' }] })).toThrow(RangeError);
    expect(() => buildIcs({ ...input, events: [one, { ...one, date: '2026-08-01' }] })).toThrow(/duplicate/);
    expect(() => buildIcs({ ...input, events: [{ ...one, alarmDaysBefore: -1 }] })).toThrow(RangeError);
    expect(() => buildIcs({ ...input, events: [{ ...one, alarmDaysBefore: 1.5 }] })).toThrow(RangeError);
  });
});

describe('icsFileName', () => {
  it('names the download after the UID base, in characters every file system accepts', () => {
    expect(icsFileName(UID)).toBe('recourssup-master-referral-2026-07-01.ics');
    expect(icsFileName('recours sup/été:2026')).toBe('recours-sup-ete-2026.ics');
    expect(icsFileName('../..')).toBe('recourssup.ics');
    expect(icsFileName('')).toBe('recourssup.ics');
  });
});

describe('the rector\'s proposals in the calendar', () => {
  /** A translator reading the locale files as the app does: `{{name}}` replaced, French as the reference. */
  const translator = (strings: Record<string, unknown>) => (key: string, params: Record<string, string | number>) => {
    let node: unknown = strings;
    for (const k of key.split('.')) node = (node as Record<string, unknown>)[k];
    if (typeof node !== 'string') throw new Error(`no string ${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
  };
  const text = { t: translator(fr), date: (d: string) => `le ${d}` };
  const TODAY = '2026-07-22';
  const followUp = evaluate({ master: {
    licenceDate: '2026-06-25', referralSent: '2026-07-12',
    rectorProposals: [
      { notified: '2026-07-20' },
      { notified: '2026-07-14' }, // its last day is today: still open
      { notified: '2026-07-13' }, // last day 2026-07-21: lapsed
      { notified: '2026-07-15', answer: 'refused', answered: '2026-07-16' },
      { notified: '2026-07-20' }, // the same day as the first
    ],
  } } as Facts, TODAY, ['master-referral']).procedures['master-referral']!.followUp!;

  it('makes one event per open proposal, on its last day, with ids that stay when imported again', () => {
    expect(followUp.proposals.map((p) => p.state)).toEqual(['open', 'open', 'lapsed', 'answered', 'open']);
    const events = proposalEvents(followUp, TODAY, text);
    expect(events.map((e) => [e.id, e.date])).toEqual([
      ['master-referral-proposal-2026-07-20', '2026-07-28'],
      ['master-referral-proposal-2026-07-14', '2026-07-22'],
      ['master-referral-proposal-2026-07-20-2', '2026-07-28'],
    ]);
    expect(proposalEvents(followUp, TODAY, text)).toEqual(events);
    expect(proposalEvents(null, TODAY, text)).toEqual([]);
    const accepted = { ...followUp, stage: 'accepted' as const, proposals: followUp.proposals.map((p) => ({ ...p, state: p.state === 'open' ? 'ended' as const : p.state })) };
    expect(proposalEvents(accepted, TODAY, text)).toEqual([]);
  });

  it('reminds the morning before the act-by day and the act-by day\'s morning, in the student\'s time zone', () => {
    const ics = buildIcs({ uid: UID, now: NOW, lang: 'fr', events: proposalEvents(followUp, TODAY, text) });
    const [first] = parse(ics).vevents;
    const event = new ICAL.Event(first!);
    expect(event.startDate.toString()).toBe('2026-07-28');
    const alarms = first!.getAllSubcomponents('valarm').map((a) => {
      const at = event.startDate.clone();
      at.isDate = false; // midnight of the date, then the offset
      at.addDuration(a.getFirstPropertyValue('trigger') as InstanceType<typeof ICAL.Duration>);
      return [at.toString(), a.getFirstPropertyValue('description')];
    });
    // Act by 2026-07-27: reminded on the 26th and the 27th at 9:00, floating (no time zone: the phone's own).
    expect(alarms).toEqual([
      ['2026-07-26T09:00:00', 'Demain\u00a0: dernier jour conseillé pour répondre à la proposition n°\u00a01 du recteur'],
      ['2026-07-27T09:00:00', 'Aujourd’hui\u00a0: dernier jour conseillé pour répondre à la proposition n°\u00a01 du recteur'],
    ]);
    expect(ics).toContain('\r\nTRIGGER:-P1DT15H\r\n');
    expect(ics).toContain('\r\nTRIGGER:-PT15H\r\n');
    expect(event.summary).toBe('Proposition du recteur n°\u00a01\u00a0: dernier jour pour répondre');
    expect(event.description).toContain('Dernier jour pour répondre\u00a0: le 2026-07-28\u202f; à faire au plus tard le le 2026-07-27');
    expectWellFormedLines(ics);
  });

  it('has its texts in every language, with the same placeholders', () => {
    for (const strings of [en, ar]) {
      const events = proposalEvents(followUp, TODAY, { t: translator(strings), date: (d) => d });
      expect(events[0]!.summary).toMatch(/1/);
      expect(events[0]!.description).toContain('2026-07-28');
      expect(events[0]!.alarms!.map((a) => a.description)).toHaveLength(2);
    }
  });

  it('writes alarm offsets as RFC 5545 durations from the date\'s midnight, and refuses an hour off the clock', () => {
    expect([trigger(2, 0), trigger(0, 0), trigger(1, 9), trigger(2, 9), trigger(0, 9), trigger(1, 0)]).toEqual(['-P2D', 'PT0S', '-PT15H', '-P1DT15H', 'PT9H', '-P1D']);
    const one = { id: 'x', date: '2026-07-28', summary: 's', description: 'd' };
    expect(() => buildIcs({ uid: UID, now: NOW, lang: 'fr', events: [{ ...one, alarms: [{ daysBefore: 1, hour: 24, description: 'a' }] }] })).toThrow(RangeError);
    expect(() => buildIcs({ uid: UID, now: NOW, lang: 'fr', events: [{ ...one, alarms: [{ daysBefore: -1, hour: 9, description: 'a' }] }] })).toThrow(RangeError);
  });
});
