import { describe, expect, it } from 'vitest';
import { draftOf, recordProposal, recordSent, removeProposal } from '../../src/questionnaire/referral-form';
import type { Facts } from '../../src/rules/facts';

const TODAY = '2026-07-20';
const date = (day: string, month = '7', year = '2026') => ({ day, month, year, none: false });
const MASTER: Facts = { master: { session: 2026, licence: 'dnl', licenceDate: '2026-06-25', applications: 7, positive: 0, refusals: 7 } };
const withRecord = (record: object): Facts => ({ master: { ...MASTER.master, ...record } });

describe('recording the referral and the rector’s proposals', () => {
  it('records the day sent, and says what is wrong with it on its field', () => {
    expect(recordSent(date('6'), MASTER, TODAY)).toEqual({ ok: true, values: { 'master.referralSent': '2026-07-06' } });
    expect(recordSent(date(''), MASTER, TODAY)).toMatchObject({ ok: false, errors: [{ field: 'master.referralSent', code: 'date-parts' }] });
    expect(recordSent(date('21'), MASTER, TODAY)).toMatchObject({ ok: false, errors: [{ field: 'master.referralSent', code: 'date-future' }] });
    expect(recordSent(date('20', '6'), MASTER, TODAY)).toMatchObject({ ok: false, errors: [{ field: 'master.referralSent', code: 'before-licence' }] });
    // Moved after a proposal already recorded: the problem is the day sent, the field changed.
    const record = withRecord({ referralSent: '2026-07-06', rectorProposals: [{ notified: '2026-07-10' }] });
    expect(recordSent(date('12'), record, TODAY)).toMatchObject({ ok: false, errors: [{ field: 'master.referralSent', code: 'before-referral' }] });
  });

  it('adds a proposal to the list, changes one, and removes one', () => {
    const record = withRecord({ referralSent: '2026-07-06' });
    const added = recordProposal(draftOf(), null, record, TODAY);
    expect(added).toMatchObject({ ok: false, errors: [{ field: 'proposal.notified', code: 'required-date' }] });
    const one = recordProposal({ ...draftOf(), notified: date('10') }, null, record, TODAY);
    expect(one).toEqual({ ok: true, values: { 'master.rectorProposals': [{ notified: '2026-07-10' }] } });
    const withOne = withRecord({ referralSent: '2026-07-06', rectorProposals: [{ notified: '2026-07-10' }] });
    const two = recordProposal({ notified: date('12'), answer: 'refused', answered: date('13') }, null, withOne, TODAY);
    expect(two).toEqual({ ok: true, values: { 'master.rectorProposals': [{ notified: '2026-07-10' }, { notified: '2026-07-12', answer: 'refused', answered: '2026-07-13' }] } });
    const changed = recordProposal({ ...draftOf({ notified: '2026-07-10' }), answer: 'accepted' }, 0, withOne, TODAY);
    expect(changed).toEqual({ ok: true, values: { 'master.rectorProposals': [{ notified: '2026-07-10', answer: 'accepted' }] } });
    expect(removeProposal(withOne, 0)).toEqual({ 'master.rectorProposals': undefined });
  });

  it('puts each problem of the proposal on its field', () => {
    const record = withRecord({ referralSent: '2026-07-06' });
    expect(recordProposal({ ...draftOf(), notified: date('5') }, null, record, TODAY))
      .toMatchObject({ ok: false, errors: [{ field: 'proposal.notified', code: 'before-referral', params: { date: '2026-07-06' } }] });
    expect(recordProposal({ notified: date('10'), answer: '', answered: date('11') }, null, record, TODAY))
      .toMatchObject({ ok: false, errors: [{ field: 'proposal.answered', code: 'answered-without-answer' }] });
    expect(recordProposal({ notified: date('10'), answer: 'accepted', answered: date('9') }, null, record, TODAY))
      .toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ field: 'proposal.answered', code: 'before-notification' })]) });
  });

  it('fills the form with a recorded proposal', () => {
    expect(draftOf({ notified: '2026-07-10', answer: 'accepted', answered: '2026-07-11' }))
      .toEqual({ notified: date('10'), answer: 'accepted', answered: date('11') });
  });
});
