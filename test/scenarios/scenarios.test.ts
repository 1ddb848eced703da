/**
 * Runs every scenario in test/scenarios/cases: facts + today → expected status, category, dates,
 * authority and decisive reasons per procedure. One readable JSON file per case: someone who reads
 * the law but not TypeScript can add one.
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
  changes?: string[];
}

interface Scenario {
  name: string;
  why: string;
  today: string;
  facts: unknown;
  expect: Partial<Record<ProcedureId, Expectation>>;
}

const dir = join(__dirname, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('scenario fixtures', () => {
  it('are at least 60, each with a reason and every pinned field', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    for (const file of files) {
      const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
      expect(s.why, file).toBeTruthy();
      expect(Object.keys(s.expect).length, file).toBeGreaterThan(0);
      for (const e of Object.values(s.expect)) {
        for (const key of ['status', 'opens', 'deadline', 'actBy', 'decisive'] as const) expect(e, `${file}: ${key}`).toHaveProperty(key);
      }
    }
  });

  for (const file of files) {
    const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    it(`${file.replace(/\.json$/, '')}: ${s.name}`, () => {
      const v = validateFacts(s.facts, s.today);
      expect(v.ok ? [] : v.errors).toEqual([]);
      const result = evaluate(s.facts as never, s.today, Object.keys(s.expect) as ProcedureId[]);
      for (const [id, e] of Object.entries(s.expect) as [ProcedureId, Expectation][]) {
        const r = result.procedures[id]!;
        const decisive = r.reasons.filter((x) => x.decisive).map((x) => x.id).sort();
        expect({ procedure: id, status: r.status, opens: r.opens, deadline: r.deadline, actBy: r.actBy, decisive })
          .toEqual({ procedure: id, status: e.status, opens: e.opens, deadline: e.deadline, actBy: e.actBy, decisive: [...e.decisive].sort() });
        if ('category' in e) expect(r.category, `${id} category`).toBe(e.category);
        if ('authority' in e) expect(r.authority, `${id} authority`).toEqual(e.authority);
        if (e.missing) expect(r.missing, `${id} missing`).toEqual(e.missing);
        if (e.notes) expect(r.notes.map((n) => n.id), `${id} notes`).toEqual(expect.arrayContaining(e.notes));
        if (e.changes) expect(r.changes.map((c) => c.id), `${id} changes`).toEqual(e.changes);
      }
    });
  }
});
