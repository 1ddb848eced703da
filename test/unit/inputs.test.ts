/** What the student types becomes a fact, or a clear message; consistency comes from the format's checks. */
import { describe, expect, it } from 'vitest';
import { parseField, parsePage, toRaw } from '../../src/questionnaire/inputs';
import { validateFacts } from '../../src/rules/facts';

const today = '2026-07-05';
const date = (day: string, month: string, year: string, none = false) => ({ day, month, year, none });

describe('inputs', () => {
  it('parses dates from day, month and year, refusing impossible and future ones', () => {
    expect(parseField('master.licenceDate', date('25', '6', '2026'), today)).toEqual({ value: '2026-06-25' });
    expect(parseField('master.licenceDate', date('31', '2', '2026'), today).error?.code).toBe('date-invalid');
    expect(parseField('master.licenceDate', date('6', '7', '2026'), today).error?.code).toBe('date-future');
    expect(parseField('master.licenceDate', date('', '', ''), today).error?.code).toBe('required-date');
    expect(parseField('master.licenceDate', date('1', '7', '26'), today).error?.code).toBe('date-parts');
    expect(parseField('master.licenceDate', date('', '', '', true), today)).toEqual({ value: null });
    // "Not yet" wherever the format gives null a meaning, read from the schema (no list of its own).
    expect(parseField('master.lastRefusalDate', date('', '', '', true), today)).toEqual({ value: null });
    expect(parseField('master.teleserviceOpened', date('', '', '', true), today)).toEqual({ value: null });
  });

  it('reads the digits an Arabic keyboard types (٠–٩, and the Persian ۰–۹) as the digits they are', () => {
    expect(parseField('parcoursup.bacYear', '٢٠٢٦', today)).toEqual({ value: 2026 });
    expect(parseField('master.applications', '۷', today)).toEqual({ value: 7 });
    expect(parseField('master.licenceDate', date('٢٥', '٦', '٢٠٢٦'), today)).toEqual({ value: '2026-06-25' });
    // Still whole numbers only: an Arabic decimal separator is no digit.
    expect(parseField('master.applications', '٢٫٥', today).error?.code).toBe('whole-number');
  });

  it('parses counts, years and choices', () => {
    expect(parseField('master.applications', ' 7 ', today)).toEqual({ value: 7 });
    expect(parseField('master.applications', '-1', today).error?.code).toBe('whole-number');
    expect(parseField('master.applications', '2.5', today).error?.code).toBe('whole-number');
    expect(parseField('master.applications', '', today).error?.code).toBe('required-number');
    expect(parseField('parcoursup.bacYear', '2028', today).error).toEqual({ field: 'parcoursup.bacYear', code: 'year-range', params: { min: 1950, max: 2027 } });
    expect(parseField('parcoursup.renounced', 'no', today)).toEqual({ value: false });
    expect(parseField('parcoursup.renounced', '', today).error?.code).toBe('choose-one');
    expect(parseField('parcoursup.circumstances', [], today)).toEqual({ value: [] });
  });

  it('bounds dates and counts as the facts format does, with the same message', () => {
    // Four digits pass readDate, and a count of 1000 is a whole number: the format's bounds still apply.
    expect(parseField('master.licenceDate', date('25', '6', '0026'), today).error)
      .toEqual({ field: 'master.licenceDate', code: 'date-too-early', params: { min: '1900-01-01' } });
    expect(parseField('master.licenceDate', date('1', '1', '1900'), today)).toEqual({ value: '1900-01-01' });
    expect(parseField('master.applications', '1000', today).error).toEqual({ field: 'master.applications', code: 'count-too-large', params: { max: 999 } });
    expect(parseField('master.applications', '999', today)).toEqual({ value: 999 });
    for (const [field, raw] of [['master.licenceDate', date('25', '6', '0026')], ['master.applications', '1000']] as const) {
      const value = { master: { [field.slice('master.'.length)]: field.endsWith('Date') ? '0026-06-25' : 1000 } };
      const facts = validateFacts(value, today);
      expect(facts.ok ? [] : facts.errors).toEqual([parseField(field, raw, today).error]);
    }
  });

  it('round-trips stored values to what the form shows', () => {
    expect(toRaw('master.licenceDate', '2026-06-05')).toEqual(date('5', '6', '2026'));
    expect(toRaw('master.licenceDate', null)).toEqual(date('', '', '', true));
    expect(toRaw('parcoursup.renounced', true)).toBe('yes');
    expect(toRaw('master.applications', 0)).toBe('0');
    expect(toRaw('parcoursup.circumstances', [])).toEqual([]);
    expect(toRaw('parcoursup.circumstances', ['health'])).toEqual(['health']);
  });

  it('never answers for the student: every type unanswered stays unanswered, and continuing asks for an answer', () => {
    const unanswered = { boolean: 'parcoursup.renounced', set: 'parcoursup.circumstances', count: 'master.applications',
      year: 'parcoursup.bacYear', date: 'master.licenceDate', region: 'parcoursup.region', enum: 'master.licence', session: 'master.session' };
    for (const [type, path] of Object.entries(unanswered)) {
      const raw = toRaw(path, undefined);
      // Nothing chosen: no "none of these", no "no", no date.
      expect(raw === undefined || raw === '' || (typeof raw === 'object' && !Array.isArray(raw) && !raw.none && !raw.day), type).toBe(true);
      expect(parseField(path, raw, today).error, type).toBeDefined();
    }
  });

  it('reports the format’s consistency checks on the page that breaks them', () => {
    const answers = { master: { applications: 4, positive: 0 } };
    const r = parsePage(['master.refusals', 'master.refusalMentions', 'master.refusalEstablishments'],
      { 'master.refusals': '5', 'master.refusalMentions': '6', 'master.refusalEstablishments': '2' }, answers, today);
    expect(r.ok ? [] : r.errors.map((e) => e.code).sort()).toEqual(['answers-exceed-applications', 'exceeds-refusals']);
    // On the refusals field, with the figure that fits: 4 applications, none positive, so at most 4.
    expect(r.ok ? undefined : r.errors.find((e) => e.code === 'answers-exceed-applications'))
      .toMatchObject({ field: 'master.refusals', params: { applications: 4, max: 4 } });
    const withPositive = parsePage(['master.refusals', 'master.refusalMentions', 'master.refusalEstablishments'],
      { 'master.refusals': '7', 'master.refusalMentions': '2', 'master.refusalEstablishments': '2' },
      { master: { applications: 7, positive: 1, contractSearch: 1 } }, today);
    expect(withPositive.ok ? undefined : withPositive.errors[0]).toMatchObject({ field: 'master.refusals', params: { max: 5 } });
  });
});
