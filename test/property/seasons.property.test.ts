/**
 * Every day from 2023 to 2028, random facts: an answer is about one session and tells its dates only;
 * a status never contradicts the dates beside it; unknown always says why; time moves statuses forward.
 */
import fc from 'fast-check';
import { runs } from '../support/property-runs';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../src/rules/civil-date';
import { evaluate } from '../../src/rules/evaluate';
import { validateFacts, type Facts } from '../../src/rules/facts';
import { PROCEDURE_IDS, type ProcedureId } from '../../src/rules/procedure-ids';
import { seasonEnd } from '../../src/rules/sessions';
import { factsFor } from '../support/arbitraries';

const FIRST = toDayNumber('2023-01-01');
const LAST = toDayNumber('2028-12-31');
const everyDay = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);
const caseOnAnyDay = everyDay.chain((today) => factsFor(today).map((facts) => ({ facts, today })));

const platformOf = (id: ProcedureId) => (id === 'master-referral' ? 'master' : 'parcoursup');

describe('answers on every day of the year', () => {
  it('use only the session\'s own calendar, and no status contradicts its dates', () => {
    fc.assert(fc.property(caseOnAnyDay, ({ facts, today }) => {
      const result = evaluate(facts, today);
      for (const id of PROCEDURE_IDS) {
        const r = result.procedures[id]!;
        const session = result.calendars[platformOf(id)].session;
        for (const d of [r.dates.opens, r.dates.deadline, r.dates.actBy]) {
          if (!d) continue;
          // A date from a calendar is the student's session's, never another's.
          if (d.basis?.startsWith('calendar:')) expect(d.basis, id).toMatch(new RegExp(`-${session}\\.`));
          if (id !== 'master-referral') expect(d.date.slice(0, 4), `${id} ${d.basis}`).toBe(String(session));
        }
        // Eligible: today inside known dates; too late: a known last day has passed.
        if (r.status === 'eligible') {
          expect(r.opens !== null && r.opens <= today, `${id} eligible opens ${r.opens}`).toBe(true);
          if (id === 'master-referral') expect(r.deadline !== null && today <= r.deadline, `${id} deadline`).toBe(true);
          else expect(r.deadline === null || today <= r.deadline, `${id} deadline`).toBe(true);
        }
        if (r.status === 'too-late' && id !== 'master-referral') {
          // Parcoursup: too late once a known end (the phase's, or its wishes') has passed, or the session's
          // whole season (every date of session S falls in it).
          const end = (r.deadline !== null && r.deadline < today) || today > seasonEnd('parcoursup', session!);
          expect(end || r.reasons.some((x) => x.id === 'pa.can-register' && x.holds === false), `${id} too late`).toBe(true);
        }
        // Master: too late once the window's known last day has passed, or the session's season (30 September).
        if (r.status === 'too-late' && id === 'master-referral') {
          expect((r.deadline !== null && r.deadline < today) || today > seasonEnd('monmaster', session!), `${id} too late`).toBe(true);
        }
        if (r.status === 'unknown' && !r.missing.length) {
          expect(r.notes.map((n) => n.id), id).toEqual(expect.arrayContaining([expect.stringMatching(/unsettled/)]));
        }
      }
    }), { numRuns: runs(4000) });
  });

  it('for fixed facts and a fixed session, statuses only move forward in time', () => {
    const RANK: Record<string, number> = { 'not-yet': 0, eligible: 1, 'too-late': 2 };
    // A session and facts valid on its first day; then every week of that year.
    const arb = fc.integer({ min: 2023, max: 2028 }).chain((year) => factsFor(`${year}-01-01`).map((facts) => ({ year, facts })));
    fc.assert(fc.property(arb, ({ year, facts }) => {
      const fixed: Facts = { ...facts, parcoursup: { ...facts.parcoursup, session: year }, master: { ...facts.master, session: year } };
      fc.pre(validateFacts(fixed, `${year}-01-01`).ok);
      const seen: Partial<Record<ProcedureId, string>> = {};
      for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 7)) {
        const result = evaluate(fixed, day);
        for (const id of PROCEDURE_IDS) {
          const status = result.procedures[id]!.status;
          const before = seen[id];
          if (before && before in RANK && status in RANK) expect(`${id}: ${before} → ${status} (${day})`).toBe(`${id}: ${RANK[status]! >= RANK[before]! ? before : status} → ${status} (${day})`);
          if (before === 'not-eligible') expect(`${id}: ${status} (${day})`).not.toMatch(/not-yet|: eligible/);
          if (status !== 'unknown') seen[id] = status;
        }
      }
    }), { numRuns: runs(300) });
  });
});
