/**
 * What follows a Master referral, over random valid records (R612-36-3 I al. 4 to 8): every proposal's last
 * day is eight days after its notification and the act-by day the one before; each state agrees with
 * today; the stage with the states; and the record never moves the referral's own outcome.
 */
import fc from 'fast-check';
import { runs } from '../support/property-runs';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/rules/civil-date';
import { answeredInTime } from '../../src/rules/deadlines';
import { evaluate } from '../../src/rules/evaluate';
import { setPath, type Facts } from '../../src/rules/facts';
import { caseArb } from '../support/arbitraries';

// Fewer runs than the other properties: one case in eight carries a record, the others are drawn and dropped.
const RUNS = 1000;
const withRecord = caseArb.filter(({ facts }) => facts.master?.referralSent !== undefined || facts.master?.rectorProposals !== undefined);

describe('the follow-up of a Master referral', () => {
  it('is given exactly when a record is, one entry per proposal in its order', () => {
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      const f = evaluate(facts, today, ['master-referral']).procedures['master-referral']!.followUp;
      const m = facts.master;
      expect(f === null).toBe(m?.referralSent === undefined && m?.rectorProposals === undefined);
      if (f) expect(f.proposals.map((p) => p.notified)).toEqual((m!.rectorProposals ?? []).map((p) => p.notified));
    }), { numRuns: runs(RUNS) });
  });

  it('dates every proposal eight days after its notification, acts one day earlier, and states it on today', () => {
    fc.assert(fc.property(withRecord, ({ facts, today }) => {
      const f = evaluate(facts, today, ['master-referral']).procedures['master-referral']!.followUp!;
      for (const p of f.proposals) {
        expect(daysBetween(p.notified, p.deadline)).toBe(8);
        expect(p.actBy).toBe(addDays(p.deadline, -1));
        expect([p.dates.deadline.date, p.dates.actBy.date]).toEqual([p.deadline, p.actBy]);
        expect([p.dates.deadline.kind, p.dates.actBy.kind]).toEqual(['law', 'practice']);
        const late = !answeredInTime(p.notified, p.answered ?? undefined);
        const taken = f.proposals.find((q) => q.answer === 'accepted' && q.state === 'answered');
        const on = taken ? taken.answered ?? taken.notified : null;
        const unanswered = on !== null ? (p.deadline >= on ? 'ended' : 'lapsed') : today > p.deadline ? 'lapsed' : 'open';
        const expected = p.answer && !late ? 'answered' : late ? 'lapsed' : unanswered;
        expect(p.state).toBe(expected);
      }
      const states = f.proposals.map((p) => p.state);
      const acceptedInTime = f.proposals.some((p) => p.answer === 'accepted' && p.state === 'answered');
      expect(f.stage).toBe(acceptedInTime ? 'accepted' : states.includes('open') ? 'proposals-open' : states.length >= 3 ? 'declined' : 'awaiting-proposals');
      // The commission of III is named only while no proposal has come, and only where the conditions held
      // (I al. 4); otherwise, with fewer than three and none accepted, the rector judges admissibility.
      const ids = f.notes.map((n) => n.id);
      if (ids.includes('commission-if-no-proposal')) expect(f.proposals).toEqual([]);
      if (f.stage !== 'accepted' && f.proposals.length < 3) {
        expect(ids.includes('rector-owes-three')).not.toBe(ids.includes('rector-judges-admissibility'));
        if (f.proposals.length === 0) expect(ids.includes('commission-if-no-proposal')).toBe(ids.includes('rector-owes-three'));
      }
    }), { numRuns: runs(RUNS) });
  });

  it('never moves the referral\'s status, reasons, dates, missing facts or changes, given the opening it proves', () => {
    const outcome = (facts: Facts, today: string) => {
      const { notes: _notes, followUp: _followUp, ...rest } = evaluate(facts, today, ['master-referral']).procedures['master-referral']!;
      return rest;
    };
    fc.assert(fc.property(withRecord, ({ facts, today }) => {
      // A referral proves the service open by its day (docs/rulings.md §Calendars): with that day given as the
      // opening on both sides, the record itself must move nothing.
      const sent = facts.master?.referralSent;
      const seen = facts.master?.teleserviceOpened;
      const opened = sent && !(seen && seen <= sent) ? setPath(facts, 'master.teleserviceOpened', sent) : facts;
      const without = setPath(setPath(opened, 'master.referralSent', undefined), 'master.rectorProposals', undefined);
      expect(outcome(opened, today)).toEqual(outcome(without, today));
    }), { numRuns: runs(RUNS) });
  });
});
