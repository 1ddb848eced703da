/**
 * Properties over thousands of random valid fact sets: no crash, every decided outcome explained by a
 * sourced decisive reason, learning a fact never undoes a decision, pruning changes nothing, and the
 * questionnaire always ends.
 */
import fc from 'fast-check';
import { runs } from '../support/property-runs';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_IDS } from '../../src/rules/engine';
import { evaluate, nextQuestions, prune } from '../../src/rules/evaluate';
import { FIELD_PATHS, getPath, setPath, validateFacts, type Facts } from '../../src/rules/facts';
import { resolveSession } from '../../src/rules/sessions';
import { caseArb } from '../support/arbitraries';

const RUNS = 3000;

/** The sessions the facts are about, settled or not. */
const sessionsOf = (facts: Facts, today: string) => JSON.stringify([
  resolveSession('parcoursup', { session: facts.parcoursup?.session, bacYear: facts.parcoursup?.bacYear }, today),
  resolveSession('monmaster', { session: facts.master?.session }, today),
]);

/** Every known leaf of the facts, as [path, value]. */
function leaves(facts: Facts): [string, unknown][] {
  return FIELD_PATHS.map((p) => [p, getPath(facts, p)] as [string, unknown]).filter(([, v]) => v !== undefined);
}

describe('rules properties', () => {
  it('generated facts are valid, and the rules never throw', () => {
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      const v = validateFacts(facts, today);
      expect(v.ok ? [] : v.errors).toEqual([]);
      evaluate(facts, today);
    }), { numRuns: runs(RUNS) });
  });

  it('every decided outcome has a decisive reason with a source', () => {
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      for (const [id, r] of Object.entries(evaluate(facts, today).procedures)) {
        if (r!.status === 'unknown') continue;
        const decisive = r!.reasons.filter((x) => x.decisive);
        expect(decisive.length, `${id} ${r!.status}`).toBeGreaterThan(0);
        // A law reason cites its article; a platform or practice one names the pages that show it applied.
        for (const d of decisive) expect(d.source).toMatch(d.kind === 'law' ? /^(L|D|R)\d/ : /\S{3}/);
      }
    }), { numRuns: runs(RUNS) });
  });

  it('learning one more fact never turns a decided outcome back to unknown, nor changes it', () => {
    fc.assert(fc.property(caseArb, fc.nat(), ({ facts, today }, pick) => {
      const known = leaves(facts);
      fc.pre(known.length > 0);
      const [path] = known[pick % known.length]!;
      const fewer = setPath(facts, path, undefined);
      // The session is what an answer is about: a fact that changes it (the session named, a bac year after
      // this year) makes another question, not more knowledge of the same one.
      fc.pre(sessionsOf(fewer, today) === sessionsOf(facts, today));
      const before = evaluate(fewer, today).procedures;
      const after = evaluate(facts, today).procedures;
      for (const id of PROCEDURE_IDS) {
        if (before[id]!.status !== 'unknown') expect(`${id}: ${after[id]!.status}`).toBe(`${id}: ${before[id]!.status}`);
      }
    }), { numRuns: runs(RUNS) });
  });

  it('an unknown status without a settled-case note names what is missing', () => {
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      for (const r of Object.values(evaluate(facts, today).procedures)) {
        if (r!.status !== 'unknown' || r!.missing.length) continue;
        // No fact missing: a case the texts or the calendars do not settle, and a note says which.
        expect(r!.notes.map((n) => n.id)).toEqual(expect.arrayContaining([expect.stringMatching(/unsettled|not-published/)]));
      }
    }), { numRuns: runs(RUNS) });
  });

  it('pruning keeps every outcome and only removes answers', () => {
    // Notes may describe the outcome with facts that did not decide it (an apprenticeship search): the
    // outcome itself (status, dates, authority, reasons, missing facts, changes) must not move.
    const outcome = (r: ReturnType<typeof evaluate>) => Object.fromEntries(Object.entries(r.procedures)
      .map(([id, p]) => [id, { ...p, notes: undefined }]));
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      const pruned = prune(facts, today);
      expect(outcome(evaluate(pruned, today))).toEqual(outcome(evaluate(facts, today)));
      for (const [path, value] of leaves(pruned)) expect(getPath(facts, path)).toEqual(value);
    }), { numRuns: runs(RUNS) });
  });

  it('asking the next questions ends: each answer removes its page', () => {
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      let current: Facts = {};
      const full = facts;
      for (let step = 0; step < 30; step++) {
        const pages = nextQuestions(current, today);
        if (!pages.length) return;
        const page = pages[0]!;
        const answers = page.fields.map((f) => getPath(full, f));
        // A student who does not know an answer stops there: the outcome stays unknown.
        if (answers.every((a) => a === undefined)) return;
        for (const [i, f] of page.fields.entries()) if (answers[i] !== undefined) current = setPath(current, f, answers[i]);
        expect(nextQuestions(current, today)[0]?.id === page.id && page.fields.every((f) => getPath(current, f) !== undefined)).toBe(false);
      }
      throw new Error('more than 30 pages');
    }), { numRuns: runs(1000) });
  });
});
