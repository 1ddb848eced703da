import { describe, expect, it } from 'vitest';
import { getPath, setPath, validateFacts } from '../../src/rules/facts';

const today = '2026-07-05';
const codes = (input: unknown) => {
  const v = validateFacts(input, today);
  return v.ok ? [] : v.errors.map((e) => `${e.field}:${e.code}`);
};

describe('facts validation', () => {
  it('accepts the example of the format and an empty object', () => {
    expect(codes({})).toEqual([]);
    expect(codes({
      format: 1,
      parcoursup: { region: 'ile-de-france', bacYear: 2026, mainPhase: true, mainPhaseApprenticeshipOnly: false,
        main: { proposals: 0, waiting: 2, negative: 1 }, complementaryRegistered: true,
        complementary: { proposals: 0, waiting: 0, negative: 0 }, renounced: false,
        circumstances: ['disability'], proposalsUnsuitable: false, noOtherApplications: false },
      master: { licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'ile-de-france', applications: 6, positive: 0,
        waitingList: false, refusals: 6, refusalMentions: 3, refusalEstablishments: 3, lastRefusalDate: '2026-06-20',
        apprenticeshipSearch: false, teleserviceOpened: '2026-07-01' },
    })).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(codes({
      format: 3, extra: 1,
      parcoursup: { region: 'paris', bacYear: 1949, main: { proposals: -1, waiting: 1.5 }, renounced: 'no', circumstances: ['health', 'wealth'] },
      master: { licence: 'bachelor', licenceDate: '2026-02-30', lastRefusalDate: '2026-07-06', teleserviceOpened: null },
    }).sort()).toEqual([
      'extra:unknown-field', 'format:format-unsupported', 'master.lastRefusalDate:date-future', 'master.licence:value-unknown',
      'master.licenceDate:type-date', 'parcoursup.bacYear:year-range', 'parcoursup.circumstances:value-unknown',
      'parcoursup.main.proposals:type-count', 'parcoursup.main.waiting:type-count', 'parcoursup.region:region-unknown',
      'parcoursup.renounced:type-boolean',
    ].sort());
  });

  it('reads format 1 and 2 alike, and checks the fields added in 2026-12', () => {
    expect(codes({ format: 1, parcoursup: { session: 2026 } })).toEqual([]);
    expect(codes({ format: 2, master: { session: 2027, contractSearch: 1, apprenticeshipSearch: true } })).toEqual([]);
    // In the 2026 season: the session just ended, the current one or the next; never two years off.
    expect(codes({ parcoursup: { session: 2024 }, master: { session: 2028 } }).sort())
      .toEqual(['master.session:session-range', 'parcoursup.session:session-range']);
    // Between seasons (December) the current year's session has ended: 2026 or 2027 only.
    expect(validateFacts({ parcoursup: { session: 2025 } }, '2026-12-01').ok).toBe(false);
    expect(validateFacts({ parcoursup: { session: 2027 } }, '2026-12-01').ok).toBe(true);
    expect(codes({ master: { contractSearch: 0, apprenticeshipSearch: true } })).toEqual(['master.contractSearch:contract-search-disagrees']);
    expect(codes({ master: { applications: 5, positive: 1, refusals: 3, contractSearch: 2 } })).toEqual(['master.applications:answers-exceed-applications']);
    // A refusal or an opening of another year belongs to another session.
    expect(codes({ master: { refusals: 5, lastRefusalDate: '2025-07-01', teleserviceOpened: '2025-07-02' } }).sort())
      .toEqual(['master.lastRefusalDate:date-other-session', 'master.teleserviceOpened:date-other-session']);
    expect(codes({ master: { session: 2025, refusals: 5, lastRefusalDate: '2025-07-01' } })).toEqual([]);
  });

  it('allows null only where the format gives it a meaning', () => {
    expect(codes({ master: { licenceDate: null, lastRefusalDate: null, teleserviceOpened: null } })).toEqual([]);
    expect(codes({ master: { licence: null }, parcoursup: { mainPhase: null } }).sort())
      .toEqual(['master.licence:null-not-allowed', 'parcoursup.mainPhase:null-not-allowed']);
  });

  it('rejects inconsistent master counts', () => {
    expect(codes({ master: { applications: 5, positive: 1, refusals: 5 } })).toEqual(['master.applications:answers-exceed-applications']);
    expect(codes({ master: { refusals: 2, refusalMentions: 3, refusalEstablishments: 3 } }).sort())
      .toEqual(['master.refusalEstablishments:exceeds-refusals', 'master.refusalMentions:exceeds-refusals']);
    expect(codes({ master: { refusals: 0, lastRefusalDate: '2026-06-01' } })).toEqual(['master.lastRefusalDate:date-without-refusal']);
    expect(codes({ master: { refusals: 2, lastRefusalDate: null } })).toEqual(['master.lastRefusalDate:null-with-refusals']);
    expect(codes({ master: { applications: 5, positive: 0, refusals: 5, refusalMentions: 2, refusalEstablishments: 2 } })).toEqual([]);
  });

  it('bounds the bac year from 1950 to next year', () => {
    expect(codes({ parcoursup: { bacYear: 1950 } })).toEqual([]);
    expect(codes({ parcoursup: { bacYear: 2027 } })).toEqual([]);
    expect(codes({ parcoursup: { bacYear: 2028 } })).toEqual(['parcoursup.bacYear:year-range']);
  });

  it('rejects duplicates and non-arrays in circumstances, non-objects in groups, a non-object input', () => {
    expect(codes({ parcoursup: { circumstances: ['health', 'health'] } })).toEqual(['parcoursup.circumstances:set-duplicate']);
    expect(codes({ parcoursup: { circumstances: 'health' } })).toEqual(['parcoursup.circumstances:type-set']);
    expect(codes({ parcoursup: [] })).toEqual(['parcoursup:type-object']);
    expect(codes([])).toEqual([':type-object']);
    expect(codes(null)).toEqual([':type-object']);
  });

  it('reports a field named like a property of every object as unknown, at every level', () => {
    // Reaching Object.prototype through the schema table would make these pass as known fields.
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      const input = JSON.parse(`{"${key}": 1, "parcoursup": {"${key}": 1, "main": {"${key}": 1}}}`);
      expect(Object.hasOwn(input, key), key).toBe(true);
      expect(codes(input).sort(), key).toEqual([`${key}:unknown-field`, `parcoursup.${key}:unknown-field`, `parcoursup.main.${key}:unknown-field`].sort());
    }
  });

  it('bounds dates from 1900-01-01 and counts to 999, naming the bound', () => {
    expect(codes({ master: { licenceDate: '1900-01-01', applications: 999 } })).toEqual([]);
    const v = validateFacts({ master: { licenceDate: '0026-06-25', teleserviceOpened: '1899-12-31', applications: 1000 },
      parcoursup: { main: { waiting: 1e21 } } }, today);
    expect(v.ok ? [] : v.errors).toEqual([
      { field: 'master.licenceDate', code: 'date-too-early', params: { min: '1900-01-01' } },
      { field: 'master.teleserviceOpened', code: 'date-too-early', params: { min: '1900-01-01' } },
      { field: 'master.applications', code: 'count-too-large', params: { max: 999 } },
      { field: 'parcoursup.main.waiting', code: 'count-too-large', params: { max: 999 } },
    ]);
  });

  it('reads and writes dotted paths without touching the original, dropping emptied groups', () => {
    const facts = { parcoursup: { main: { proposals: 1 } } };
    const set = setPath(facts, 'parcoursup.main.waiting', 2);
    expect(set).toEqual({ parcoursup: { main: { proposals: 1, waiting: 2 } } });
    expect(facts).toEqual({ parcoursup: { main: { proposals: 1 } } });
    expect(getPath(set, 'parcoursup.main.waiting')).toBe(2);
    expect(getPath(set, 'master.licence')).toBeUndefined();
    expect(setPath(facts, 'parcoursup.main.proposals', undefined)).toEqual({});
  });
});
