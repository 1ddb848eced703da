import { describe, expect, it } from 'vitest';
import { PROCEDURE_IDS } from '../../src/rules/procedure-ids';
import { SITUATIONS } from '../../src/embed/situations';
import {
  answer, answeredPages, isReachable, nextPage, proceduresOf, relevant, stepAfterAnswer, stepFromSearch, stepToSearch, type Journey,
} from '../../src/questionnaire/journey';

const start = (procedures: Journey['procedures'] = ['parcoursup-accompaniment']): Journey => ({ answers: {}, procedures, today: '2026-07-05' });

describe('journey', () => {
  it('asks what the rules need, in order, and ends on the answers to check', () => {
    let j = start();
    const asked: string[] = [];
    const script: Record<string, Record<string, unknown>> = {
      renounced: { 'parcoursup.renounced': false },
      'bac-year': { 'parcoursup.bacYear': 2026 },
      'main-phase': { 'parcoursup.mainPhase': true },
      'main-answers': { 'parcoursup.main.proposals': 0, 'parcoursup.main.waiting': 0, 'parcoursup.main.negative': 3 },
      'complementary-registered': { 'parcoursup.complementaryRegistered': true },
      'complementary-answers': { 'parcoursup.complementary.proposals': 0, 'parcoursup.complementary.waiting': 1, 'parcoursup.complementary.negative': 0 },
      region: { 'parcoursup.region': 'occitanie' },
    };
    for (let step = stepAfterAnswer(j); step.kind === 'question'; step = stepAfterAnswer(j)) {
      asked.push(step.page);
      j = answer(j, script[step.page]!);
    }
    expect(asked).toEqual(['renounced', 'bac-year', 'main-phase', 'main-answers', 'complementary-registered', 'complementary-answers', 'region']);
    expect(nextPage(j)).toBeNull();
    expect(answeredPages(j).map((p) => p.id)).toEqual(asked);
  });

  it('between seasons asks the rentrée, unless a bac year after this year settles it', () => {
    const december = (answers: Journey['answers']): Journey => ({ answers, procedures: ['parcoursup-accompaniment'], today: '2026-12-01' });
    expect(nextPage(december({}))?.id).toBe('bac-year');
    expect(nextPage(december({ parcoursup: { bacYear: 2026 } }))?.id).toBe('session');
    // Bac 2027: the 2027 session, not open yet: nothing more decides before the région that routes it.
    expect(nextPage(december({ parcoursup: { bacYear: 2027 } }))?.id).toBe('region');
    // Mon Master: the licence first, which may exclude for both rentrées (R612-36-3 I al. 1, II), then the rentrée.
    const master = (answers: Journey['answers']): Journey => ({ answers, procedures: ['master-referral'], today: '2026-12-01' });
    expect(nextPage(master({}))?.id).toBe('licence');
    expect(nextPage(master({ master: { licence: 'dnl' } }))?.id).toBe('licence-date');
    expect(nextPage(master({ master: { licence: 'dnl', licenceDate: '2025-07-01' } }))?.id).toBe('master-session');
    expect(nextPage(master({ master: { licence: 'licence-pro' } }))).toBeNull();
    expect(nextPage(master({ master: { licence: 'dnl', licenceDate: '2021-07-01' } }))).toBeNull();
  });

  it('skips a page a changed answer made irrelevant, and restores its answers when changed back', () => {
    let j = answer(start(), { 'parcoursup.renounced': false, 'parcoursup.bacYear': 2026, 'parcoursup.mainPhase': true,
      'parcoursup.main.proposals': 0, 'parcoursup.main.waiting': 2, 'parcoursup.main.negative': 1 });
    expect(isReachable(j, 'main-answers')).toBe(true);
    j = answer(j, { 'parcoursup.mainPhase': false });
    expect(isReachable(j, 'main-answers')).toBe(false);
    expect(relevant(j).parcoursup?.main).toBeUndefined();
    j = answer(j, { 'parcoursup.mainPhase': true });
    expect(isReachable(j, 'main-answers')).toBe(true);
    expect(relevant(j).parcoursup?.main).toEqual({ proposals: 0, waiting: 2, negative: 1 });
  });

  it('decides a renunciation at once', () => {
    const j = answer(start(), { 'parcoursup.renounced': true });
    expect(stepAfterAnswer(j)).toEqual({ kind: 'check' });
  });

  it('offers situations that name only procedures, every one among them', () => {
    // embed.js may not import the rules: its table names the procedures as strings, tied to the rules here.
    expect([...SITUATIONS.both]).toEqual([...PROCEDURE_IDS]);
    for (const list of Object.values(SITUATIONS)) for (const id of list) expect(PROCEDURE_IDS).toContain(id);
  });

  it('resumes saved answers for the procedures they were about', () => {
    expect(proceduresOf({ master: { licence: 'dnl' } })).toEqual(['master-referral']);
    expect(proceduresOf({ parcoursup: { renounced: true } })).toEqual(['parcoursup-accompaniment', 'parcoursup-reexamination']);
    expect(proceduresOf({ parcoursup: {}, master: {} })).toEqual([...PROCEDURE_IDS]);
  });

  it('writes steps in the query string and reads them back, ignoring unknown ones', () => {
    expect(stepToSearch({ kind: 'question', page: 'licence' }, ['master-referral'])).toBe('?step=licence&for=master-referral');
    expect(stepFromSearch('?step=licence&for=master-referral')).toEqual({ step: { kind: 'question', page: 'licence' }, procedures: ['master-referral'] });
    expect(stepFromSearch('?step=nope&for=bogus').step).toEqual({ kind: 'start' });
    expect(stepFromSearch('?step=nope&for=bogus').procedures).toEqual([...PROCEDURE_IDS]);
    expect(stepToSearch({ kind: 'start' }, PROCEDURE_IDS)).toBe('');
    expect(stepFromSearch(stepToSearch({ kind: 'law', anchor: 'R612-36-3-II' }, ['master-referral'])).step).toEqual({ kind: 'law', anchor: 'R612-36-3-II' });
  });

  it('writes the prepare step with its procedure beside the journey\'s, and sends an unknown procedure back to the result', () => {
    const search = stepToSearch({ kind: 'prepare', procedure: 'parcoursup-reexamination' }, ['parcoursup-accompaniment', 'parcoursup-reexamination']);
    expect(search).toBe('?step=prepare&procedure=parcoursup-reexamination&for=parcoursup-accompaniment%2Cparcoursup-reexamination');
    expect(stepFromSearch(search)).toEqual({
      step: { kind: 'prepare', procedure: 'parcoursup-reexamination' }, procedures: ['parcoursup-accompaniment', 'parcoursup-reexamination'],
    });
    expect(stepFromSearch('?step=prepare&procedure=constructor').step).toEqual({ kind: 'result' });
    expect(stepFromSearch('?step=prepare').step).toEqual({ kind: 'result' });
  });
});
