/**
 * Runs every scenario in test/scenarios/cases: facts + today → expected status, category, dates,
 * authority and decisive reasons per procedure, and for the Master referral what follows it (each
 * proposal's state and dates); or facts the format refuses → the problems, field and code. One readable
 * JSON file per case: someone who reads the law but not TypeScript can add one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate';
import { validateFacts } from '../../src/rules/facts';
import type { ProcedureId } from '../../src/rules/engine';

interface Expectation {
  status: string;
  category?: number | null;
  opens: string | null;
  deadline: string | null;
  actBy: string | null;
  authority?: { kind: string; region: string } | null;
  decisive: string[];
  missing?: string[];
  notes?: string[];
  /** Notes the result must not give. */
  absentNotes?: string[];
  /**
   * The changes in order: an id, or an object pinning some of its fields (`null`: absent or null, as for a
   * `from` that is not given).
   */
  changes?: (string | Record<string, unknown>)[];
  /** What follows the referral: `null`, or its stage, each proposal's state and dates, and some of its notes. */
  followUp?: null | { stage: string; proposals: { state: string; deadline: string; actBy: string }[]; notes?: string[]; absentNotes?: string[] };
}

interface Scenario {
  name: string;
  why: string;
  today: string;
  facts: unknown;
  /** Either what the rules answer, or the problems (`field:code`) that make the facts invalid. */
  expect?: Partial<Record<ProcedureId, Expectation>>;
  errors?: string[];
}

const dir = join(__dirname, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('scenario fixtures', () => {
  it('are at least 60, each with a reason and every pinned field', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    for (const file of files) {
      const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
      expect(s.why, file).toBeTruthy();
      if (s.errors) {
        expect(s.expect, file).toBeUndefined();
        expect(s.errors.length, file).toBeGreaterThan(0);
        continue;
      }
      expect(Object.keys(s.expect ?? {}).length, file).toBeGreaterThan(0);
      for (const e of Object.values(s.expect ?? {})) {
        for (const key of ['status', 'opens', 'deadline', 'actBy', 'decisive'] as const) expect(e, `${file}: ${key}`).toHaveProperty(key);
      }
    }
  });

  for (const file of files) {
    const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    it(`${file.replace(/\.json$/, '')}: ${s.name}`, () => {
      const v = validateFacts(s.facts, s.today);
      if (s.errors) {
        expect(v.ok ? [] : v.errors.map((e) => `${e.field}:${e.code}`)).toEqual(s.errors);
        return;
      }
      expect(v.ok ? [] : v.errors).toEqual([]);
      const expected = s.expect!;
      const result = evaluate(s.facts as never, s.today, Object.keys(expected) as ProcedureId[]);
      for (const [id, e] of Object.entries(expected) as [ProcedureId, Expectation][]) {
        const r = result.procedures[id]!;
        const decisive = r.reasons.filter((x) => x.decisive).map((x) => x.id).sort();
        expect({ procedure: id, status: r.status, opens: r.opens, deadline: r.deadline, actBy: r.actBy, decisive })
          .toEqual({ procedure: id, status: e.status, opens: e.opens, deadline: e.deadline, actBy: e.actBy, decisive: [...e.decisive].sort() });
        if ('category' in e) expect(r.category, `${id} category`).toBe(e.category);
        if ('authority' in e) expect(r.authority, `${id} authority`).toEqual(e.authority);
        if (e.missing) expect(r.missing, `${id} missing`).toEqual(e.missing);
        if (e.notes) expect(r.notes.map((n) => n.id), `${id} notes`).toEqual(expect.arrayContaining(e.notes));
        for (const n of e.absentNotes ?? []) expect(r.notes.map((x) => x.id), `${id} notes`).not.toContain(n);
        if (e.changes) {
          expect(r.changes.map((c) => c.id), `${id} changes`).toEqual(e.changes.map((c) => (typeof c === 'string' ? c : c.id)));
          for (const [i, c] of e.changes.entries()) {
            if (typeof c === 'string') continue;
            const got = r.changes[i] as unknown as Record<string, unknown>;
            for (const [k, v] of Object.entries(c)) expect(got[k] ?? null, `${id} changes[${i}].${k}`).toEqual(v);
          }
        }
        if (e.followUp === null) expect(r.followUp, `${id} followUp`).toBeNull();
        else if (e.followUp) {
          const f = r.followUp!;
          expect({ stage: f.stage, proposals: f.proposals.map((p) => ({ state: p.state, deadline: p.deadline, actBy: p.actBy })) }, `${id} followUp`)
            .toEqual({ stage: e.followUp.stage, proposals: e.followUp.proposals });
          if (e.followUp.notes) expect(f.notes.map((n) => n.id), `${id} followUp notes`).toEqual(expect.arrayContaining(e.followUp.notes));
          for (const n of e.followUp.absentNotes ?? []) expect(f.notes.map((x) => x.id), `${id} followUp notes`).not.toContain(n);
        }
      }
    });
  }
});
