/** What the student records after the referral (R612-36-3 I al. 4 to 8): its shape, and the dates it makes impossible. */
import { describe, expect, it } from 'vitest';
import { MAX_PROPOSALS, validateFacts } from '../../src/rules/facts';
import { keepValidAnswers } from '../../src/questionnaire/saved-answers';

const today = '2026-07-28';
const codes = (master: Record<string, unknown>) => {
  const v = validateFacts({ master }, today);
  return v.ok ? [] : v.errors.map((e) => `${e.field}:${e.code}${e.params && 'date' in e.params ? `(${e.params.date})` : ''}`);
};
const LICENCE = { licenceDate: '2026-06-25' };

describe('the record after the referral', () => {
  it('accepts a referral and proposals in order, answered or not, and none yet', () => {
    expect(codes({ ...LICENCE, referralSent: '2026-07-12', rectorProposals: [] })).toEqual([]);
    expect(codes({ ...LICENCE, referralSent: '2026-07-12', rectorProposals: [
      { notified: '2026-07-12' }, // the day of the referral itself
      { notified: '2026-07-18', answer: 'refused', answered: '2026-07-18' },
      { notified: '2026-07-20', answer: 'accepted' },
    ] })).toEqual([]);
    // Without the licence's date or the referral's day, nothing to compare a proposal with.
    expect(codes({ rectorProposals: [{ notified: '2026-07-20', answer: 'refused', answered: '2026-07-27' }] })).toEqual([]);
  });

  it('checks each item like a field, naming it with its index', () => {
    expect(codes({ rectorProposals: [
      { notified: '2026-07-29' }, { notified: '2026-02-30' }, { notified: null }, { answer: 'maybe', extra: 1 }, 'x',
    ] }).sort()).toEqual([
      'master.rectorProposals[0].notified:date-future', 'master.rectorProposals[1].notified:type-date',
      'master.rectorProposals[2].notified:null-not-allowed', 'master.rectorProposals[3].answer:value-unknown',
      'master.rectorProposals[3].extra:unknown-field', 'master.rectorProposals[3].notified:field-required',
      'master.rectorProposals[4]:type-object',
    ].sort());
    expect(codes({ rectorProposals: { notified: '2026-07-20' } })).toEqual(['master.rectorProposals:type-list']);
    expect(codes({ referralSent: null })).toEqual(['master.referralSent:null-not-allowed']);
    const many = Array.from({ length: MAX_PROPOSALS + 1 }, () => ({ notified: '2026-07-20' }));
    expect(codes({ rectorProposals: many })).toEqual(['master.rectorProposals:list-too-long']);
    expect(codes({ rectorProposals: many.slice(1) })).toEqual([]);
  });

  it('refuses a referral or a proposal before the licence, or without it', () => {
    expect(codes({ ...LICENCE, referralSent: '2026-06-24', rectorProposals: [{ notified: '2026-06-24' }] }))
      .toEqual(['master.referralSent:before-licence(2026-06-25)', 'master.rectorProposals[0].notified:before-licence(2026-06-25)']);
    expect(codes({ licenceDate: null, referralSent: '2026-07-12' })).toEqual(['master.referralSent:licence-not-obtained']);
    // A licence date already refused is not a reference: one problem, on the field that has it.
    expect(codes({ licenceDate: '2026-07-30', referralSent: '2026-07-12' })).toEqual(['master.licenceDate:date-future']);
  });

  it('refuses a referral before the teleservice opened (I al. 3), and never on an opening nobody knows', () => {
    // Session 2026: the calendar does not know the opening; the day the student saw it is the reference.
    expect(codes({ ...LICENCE, teleserviceOpened: '2026-07-01', referralSent: '2026-06-30' })).toEqual(['master.referralSent:before-opening(2026-07-01)']);
    expect(codes({ ...LICENCE, teleserviceOpened: '2026-07-01', referralSent: '2026-07-01' })).toEqual([]);
    // `null` ("not open yet", as last seen) and no answer are no date: nothing to refuse on.
    expect(codes({ ...LICENCE, teleserviceOpened: null, referralSent: '2026-06-30' })).toEqual([]);
    expect(codes({ ...LICENCE, referralSent: '2026-06-30' })).toEqual([]);
    // A student opening already refused (another session's year) is not a reference either.
    expect(codes({ ...LICENCE, session: 2026, teleserviceOpened: '2025-07-01', referralSent: '2026-06-30' })).toEqual(['master.teleserviceOpened:date-other-session']);
    // Session 2024: the calendar's opening (2024-07-15) is a provisional press date, only a guess: a referral
    // before it proves the service open then, and is never refused on it (docs/rulings.md §Calendars)…
    const in2024 = (master: Record<string, unknown>) => {
      const v = validateFacts({ master: { session: 2024, licenceDate: '2024-06-20', ...master } }, '2024-07-28');
      return v.ok ? [] : v.errors.map((e) => `${e.field}:${e.code}(${e.params?.date})`);
    };
    expect(in2024({ referralSent: '2024-07-10' })).toEqual([]);
    expect(in2024({ teleserviceOpened: '2024-07-10', referralSent: '2024-07-12' })).toEqual([]);
    // …but the student's own day is: a referral before the day they saw it open contradicts it, earlier or later than the press date.
    expect(in2024({ teleserviceOpened: '2024-07-10', referralSent: '2024-07-09' })).toEqual(['master.referralSent:before-opening(2024-07-10)']);
    expect(in2024({ teleserviceOpened: '2024-07-20', referralSent: '2024-07-16' })).toEqual(['master.referralSent:before-opening(2024-07-20)']);
    // The licence comes first: one problem per field.
    expect(in2024({ licenceDate: '2024-07-12', referralSent: '2024-07-10' })).toEqual(['master.referralSent:before-licence(2024-07-12)']);
  });

  it('refuses a proposal before the referral it answers, named once', () => {
    expect(codes({ ...LICENCE, referralSent: '2026-07-12', rectorProposals: [{ notified: '2026-07-11' }, { notified: '2026-06-20' }] }))
      .toEqual(['master.rectorProposals[0].notified:before-referral(2026-07-12)', 'master.rectorProposals[1].notified:before-referral(2026-07-12)']);
  });

  it('refuses dates of another session', () => {
    expect(codes({ session: 2026, referralSent: '2025-07-12', rectorProposals: [{ notified: '2025-07-20' }] }).sort())
      .toEqual(['master.referralSent:date-other-session', 'master.rectorProposals[0].notified:date-other-session'].sort());
  });

  it('refuses an answer before its proposal, or a day of answer without the answer', () => {
    expect(codes({ rectorProposals: [{ notified: '2026-07-20', answer: 'refused', answered: '2026-07-19' }, { notified: '2026-07-20', answered: '2026-07-21' }] }))
      .toEqual(['master.rectorProposals[0].answered:before-notification(2026-07-20)', 'master.rectorProposals[1].answered:answered-without-answer']);
  });

  it('refuses a second acceptance and a proposal after the day one was accepted: accepting ends the referral (I al. 7)', () => {
    expect(codes({ rectorProposals: [{ notified: '2026-07-14', answer: 'accepted' }, { notified: '2026-07-20', answer: 'accepted' }] }))
      .toEqual(['master.rectorProposals[1].answer:accepted-twice']);
    expect(codes({ rectorProposals: [{ notified: '2026-07-14', answer: 'accepted', answered: '2026-07-16' }, { notified: '2026-07-17' }, { notified: '2026-07-16' }] }))
      .toEqual(['master.rectorProposals[1].notified:after-acceptance(2026-07-16)']);
    // The acceptance's day unknown: nothing to compare with.
    expect(codes({ rectorProposals: [{ notified: '2026-07-14', answer: 'accepted' }, { notified: '2026-07-27' }] })).toEqual([]);
  });

  it('sets aside a saved list with a bad item as one answer, keeping every other answer', () => {
    const answers = { master: { licence: 'dnl', ...LICENCE, referralSent: '2026-07-12', rectorProposals: [{ notified: '2026-07-20' }, { notified: '2026-07-30' }] } };
    const { kept, rejected } = keepValidAnswers(answers, today);
    expect(kept).toEqual({ master: { licence: 'dnl', ...LICENCE, referralSent: '2026-07-12' } });
    expect(rejected).toEqual({ 'master.rectorProposals': answers.master.rectorProposals });
  });
});
