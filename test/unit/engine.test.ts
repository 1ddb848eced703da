/** The interpreter: declared inputs, three-valued short-circuits, decisive reasons, pruning, next questions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Context, isLeaf } from '../../src/rules/engine';
import { CONDITIONS, evaluate, nextQuestions, prune, REGISTRY } from '../../src/rules/evaluate';
import { PAGES } from '../../src/rules/questions';
import { setPath } from '../../src/rules/facts';
import { caseArb } from '../support/arbitraries';

describe('conditions', () => {
  it('read only the facts they declare (the rules book and the questions rely on it)', () => {
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      for (const c of CONDITIONS.filter(isLeaf)) {
        const ctx = new Context(facts, today, REGISTRY, true);
        ctx.value(c.id);
        for (const path of ctx.reads()) expect(c.inputs, `${c.id} reads ${path}`).toContain(path);
      }
    }), { numRuns: 1500 });
  });
});

describe('short-circuits', () => {
  const today = '2026-07-05';

  it('a renunciation decides the accompaniment at once, with nothing more to ask for it', () => {
    const r = evaluate({ parcoursup: { renounced: true } }, today, ['parcoursup-accompaniment']).procedures['parcoursup-accompaniment']!;
    expect(r.status).toBe('not-eligible');
    expect(r.missing).toEqual([]);
    expect(r.reasons.filter((x) => x.decisive).map((x) => x.id)).toEqual(['pa.not-renounced']);
    expect(nextQuestions({ parcoursup: { renounced: true } }, today, ['parcoursup-accompaniment'])).toEqual([]);
  });

  it('a licence professionnelle decides the master referral at once', () => {
    expect(nextQuestions({ master: { licence: 'licence-pro' } }, today, ['master-referral'])).toEqual([]);
    const r = evaluate({ master: { licence: 'licence-pro' } }, today).procedures['master-referral']!;
    expect(r).toMatchObject({ status: 'not-eligible', authority: null, opens: null, deadline: null });
  });

  it('asks renunciation first, then the bac year, for the accompaniment; between seasons, the session first', () => {
    expect(nextQuestions({}, today, ['parcoursup-accompaniment']).slice(0, 2).map((p) => p.id)).toEqual(['renounced', 'bac-year']);
    expect(nextQuestions({}, '2026-12-01', ['parcoursup-accompaniment']).slice(0, 3).map((p) => p.id)).toEqual(['bac-year', 'session', 'renounced']);
    expect(nextQuestions({}, today, ['master-referral'])[0]!.id).toBe('licence');
  });

  it('asks a group of counts together, leaving out what is already answered', () => {
    const pages = nextQuestions({ parcoursup: { renounced: false, bacYear: 2026, mainPhase: true, main: { proposals: 0 } } }, today, ['parcoursup-accompaniment']);
    expect(pages[0]).toEqual({ id: 'main-answers', fields: ['parcoursup.main.waiting', 'parcoursup.main.negative'] });
  });

  it('does not ask the main-phase counts of a candidate who did not take part, and prunes them if given', () => {
    const facts = { parcoursup: { renounced: false, bacYear: 2026, mainPhase: false, main: { proposals: 2, waiting: 0, negative: 0 } } };
    const pages = nextQuestions(facts, today, ['parcoursup-accompaniment']).map((p) => p.id);
    expect(pages).not.toContain('main-answers');
    expect(prune(facts, today, ['parcoursup-accompaniment'])).toEqual({ parcoursup: { renounced: false, bacYear: 2026, mainPhase: false } });
    // The stale "2 proposals" does not count against the student.
    expect(evaluate(facts, today).procedures['parcoursup-accompaniment']!.reasons.find((r) => r.id === 'pa.no-proposal')?.holds).not.toBe(false);
  });

  it('keeps answers made irrelevant in memory: changing back restores them', () => {
    const all = {
      parcoursup: {
        renounced: false, bacYear: 2026, mainPhase: true, main: { proposals: 0, waiting: 0, negative: 4 }, complementaryRegistered: false,
      },
    };
    const without = setPath(all, 'parcoursup.mainPhase', false);
    expect(prune(without, today, ['parcoursup-accompaniment']).parcoursup?.main).toBeUndefined();
    const back = setPath(without, 'parcoursup.mainPhase', true);
    expect(prune(back, today, ['parcoursup-accompaniment']).parcoursup?.main).toEqual({ proposals: 0, waiting: 0, negative: 4 });
    expect(evaluate(back, today).procedures['parcoursup-accompaniment']!.category).toBe(1);
  });

  it('never asks the apprenticeship search, which cannot block (R612-36-3 I al. 1)', () => {
    let facts = {};
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const page = nextQuestions(facts, today, ['master-referral'])[0];
      if (!page) break;
      seen.push(page.id);
      facts = { master: { ...(facts as { master?: object }).master, ...Object.fromEntries(page.fields.map((f) => [f.split('.')[1], 0])) } };
    }
    expect(seen).not.toContain('apprenticeship-search');
  });

  it('declares every fact of the format on exactly one page', () => {
    const fields = PAGES.flatMap((p) => p.fields);
    expect(new Set(fields).size).toBe(fields.length);
  });
});
