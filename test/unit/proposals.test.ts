/** What follows a Master referral (R612-36-3 I al. 4 to 8, III): each proposal dated and stated, where the student stands. */
import { describe, expect, it } from 'vitest';
import { evaluate, prune } from '../../src/rules/evaluate';
import type { Facts, RectorProposal } from '../../src/rules/facts';
import type { FollowUp } from '../../src/rules/types';

/** Eligible on 2026-07-12 (window 2026-07-10 → 2026-07-25), referral sent on 2026-07-12. */
const MASTER = {
  licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'occitanie', applications: 7, positive: 0, waitingList: false,
  refusals: 7, refusalMentions: 3, refusalEstablishments: 2, lastRefusalDate: '2026-07-10', teleserviceOpened: '2026-07-01',
} as const;

const run = (today: string, record: { referralSent?: string; rectorProposals?: RectorProposal[] }, master: object = MASTER) =>
  evaluate({ master: { ...master, ...record } } as Facts, today, ['master-referral']).procedures['master-referral']!;
const followUp = (today: string, rectorProposals: RectorProposal[], referralSent = '2026-07-12'): FollowUp =>
  run(today, { referralSent, rectorProposals }).followUp!;
const states = (f: FollowUp) => f.proposals.map((p) => p.state);
const noteIds = (f: FollowUp) => f.notes.map((n) => n.id);

describe('follow-up of a Master referral', () => {
  it('is null until something is recorded, and only on the Master referral', () => {
    const result = evaluate({ master: MASTER } as Facts, '2026-07-12');
    expect(result.procedures['master-referral']!.followUp).toBeNull();
    expect('followUp' in result.procedures['parcoursup-accompaniment']!).toBe(false);
    expect(run('2026-07-12', { referralSent: '2026-07-12' }).followUp).toEqual({
      referralSent: '2026-07-12', stage: 'awaiting-proposals', proposals: [],
      notes: [
        { id: 'rector-owes-three', kind: 'law', source: 'R612-36-3 I al. 4 et 6', count: 0 },
        { id: 'commission-if-no-proposal', kind: 'law', source: 'R612-36-3 III' },
      ],
    });
  });

  it('gives each proposal eight days from its notification, the day not counted, and one day earlier to act', () => {
    const [p] = followUp('2026-07-22', [{ notified: '2026-07-20' }]).proposals;
    expect(p).toEqual({
      notified: '2026-07-20', answer: null, answered: null, state: 'open', deadline: '2026-07-28', actBy: '2026-07-27',
      dates: {
        deadline: { date: '2026-07-28', source: 'R612-36-3 I al. 8', kind: 'law', provisional: false, rule: 'event-day-excluded-8-days-no-extension', basis: 'master.rectorProposals[0].notified' },
        actBy: { date: '2026-07-27', source: 'R612-36-3 I al. 8', kind: 'practice', provisional: false, rule: 'one-day-before-deadline', basis: 'master.rectorProposals[0].notified' },
      },
    });
  });

  it('keeps a proposal open on its last day and deems it refused the day after (I al. 8)', () => {
    expect(states(followUp('2026-07-28', [{ notified: '2026-07-20' }]))).toEqual(['open']);
    const after = followUp('2026-07-29', [{ notified: '2026-07-20' }]);
    expect(states(after)).toEqual(['lapsed']);
    expect(after.stage).toBe('awaiting-proposals');
  });

  it('never moves a last day that falls on a weekend, and says so while the proposal is open', () => {
    // Notified on Saturday 2026-07-18: the count starts all the same; the last day is Sunday 2026-07-26.
    const f = followUp('2026-07-20', [{ notified: '2026-07-18' }]);
    expect(f.proposals[0]).toMatchObject({ deadline: '2026-07-26', actBy: '2026-07-25', state: 'open' });
    expect(f.notes).toContainEqual({ id: 'deadline-on-weekend-not-extended', kind: 'context', date: '2026-07-26', actBy: '2026-07-25', weekday: 7 });
    expect(noteIds(followUp('2026-07-27', [{ notified: '2026-07-18' }]))).not.toContain('deadline-on-weekend-not-extended');
  });

  it('ends the referral with an acceptance: the others no longer run, even open ones', () => {
    const f = followUp('2026-07-24', [{ notified: '2026-07-20' }, { notified: '2026-07-21', answer: 'accepted', answered: '2026-07-23' }, { notified: '2026-07-14' }]);
    expect(f.stage).toBe('accepted');
    expect(states(f)).toEqual(['ended', 'answered', 'lapsed']);
    expect(noteIds(f)).toEqual(['proposals-eight-days', 'acceptance-ends-referral']);
  });

  it('counts an answer given after the eight days as lapsed: a late acceptance ends nothing', () => {
    const f = followUp('2026-08-05', [{ notified: '2026-07-20', answer: 'accepted', answered: '2026-07-29' }]);
    expect(states(f)).toEqual(['lapsed']);
    expect(f.stage).toBe('awaiting-proposals');
    expect(f.notes).toContainEqual({ id: 'answered-after-deadline', kind: 'law', source: 'R612-36-3 I al. 8', notified: '2026-07-20', deadline: '2026-07-28', answered: '2026-07-29', answer: 'accepted' });
    // Answered on the last day itself: in time.
    expect(states(followUp('2026-08-05', [{ notified: '2026-07-20', answer: 'accepted', answered: '2026-07-28' }]))).toEqual(['answered']);
  });

  it('waits for three proposals, then, all refused or lapsed, declines without the commission (III: none could be proposed)', () => {
    const two = followUp('2026-08-10', [{ notified: '2026-07-14', answer: 'refused' }, { notified: '2026-07-20' }]);
    expect(two.stage).toBe('awaiting-proposals');
    expect(two.notes).toContainEqual({ id: 'rector-owes-three', kind: 'law', source: 'R612-36-3 I al. 4 et 6', count: 2 });
    expect(noteIds(two)).not.toContain('commission-if-no-proposal');
    const three = followUp('2026-08-10', [{ notified: '2026-07-14', answer: 'refused' }, { notified: '2026-07-20' }, { notified: '2026-07-22', answer: 'refused', answered: '2026-07-23' }]);
    expect(three.stage).toBe('declined');
    expect(noteIds(three)).toEqual(['proposals-eight-days', 'all-proposals-declined']);
    // One still open: not declined yet.
    expect(followUp('2026-07-29', [{ notified: '2026-07-14', answer: 'refused' }, { notified: '2026-07-15', answer: 'refused' }, { notified: '2026-07-22' }]).stage).toBe('proposals-open');
  });

  it('never changes the referral\'s status, reasons or dates (only notes about referring), and depends on nothing but the record and today', () => {
    const record = { referralSent: '2026-07-12', rectorProposals: [{ notified: '2026-07-20' }] };
    for (const today of ['2026-07-22', '2026-07-28']) {
      const { followUp: f, notes: _n, ...without } = run(today, record);
      const { followUp: none, notes: _p, ...plain } = run(today, {});
      expect(none).toBeNull();
      expect(without).toEqual(plain);
      // A licence professionnelle is not eligible: the proposals recorded keep their dates all the same.
      const pro = run(today, record, { ...MASTER, licence: 'licence-pro' }).followUp!;
      expect({ ...pro, notes: [] }).toEqual({ ...f, notes: [] });
      // I al. 4: what the rector owes is the law only for a student who meets the conditions.
      expect(noteIds(pro)).toContain('rector-judges-admissibility');
      expect(noteIds(pro)).not.toContain('rector-owes-three');
    }
    expect(run('2026-07-28', record).status).toBe('too-late');
  });

  it('is kept by pruning whenever the Master referral is evaluated, and only then', () => {
    const facts = { master: { ...MASTER, licence: 'licence-pro', referralSent: '2026-07-12', rectorProposals: [{ notified: '2026-07-20' }] } } as Facts;
    expect(prune(facts, '2026-07-22', ['master-referral']).master).toEqual({ licence: 'licence-pro', referralSent: '2026-07-12', rectorProposals: [{ notified: '2026-07-20' }] });
    expect(prune(facts, '2026-07-22', ['parcoursup-accompaniment'])).toEqual({});
  });

  it('notes a referral recorded after the last day the rules count, in the procedure\'s notes', () => {
    const late = run('2026-07-28', { referralSent: '2026-07-26' });
    expect(late.notes).toContainEqual({ id: 'referral-sent-after-deadline', kind: 'context', source: 'R612-36-3 I al. 3', sent: '2026-07-26', deadline: '2026-07-25' });
    expect(run('2026-07-28', { referralSent: '2026-07-25' }).notes.map((n) => n.id)).not.toContain('referral-sent-after-deadline');
  });
});
