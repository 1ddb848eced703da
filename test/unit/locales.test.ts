/** Every user-visible string comes from locales/, French is the reference, and no language lacks a key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { CONDITIONS, evaluate } from '../../src/rules/evaluate';
import { caseArb } from '../support/arbitraries';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const FR = leaves(fr as Tree);

describe('locales', () => {
  for (const [lang, tree] of [['en', en], ['ar', ar]] as const) {
    it(`${lang} has exactly the keys of the French reference, with the same placeholders`, () => {
      const other = leaves(tree as Tree);
      expect([...other.keys()].sort()).toEqual([...FR.keys()].sort());
      for (const [key, text] of FR) expect(placeholders(other.get(key) ?? ''), `${lang} ${key}`).toEqual(placeholders(text));
    });
  }

  it('uses Latin digits in Arabic, as in the Maghreb', () => {
    for (const [key, text] of leaves(ar as Tree)) expect(text, key).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
  });

  it('has the three sentences of every condition', () => {
    for (const c of CONDITIONS) {
      for (const form of ['met', 'notMet', 'unknown']) expect(FR.has(`conditions.${c.id}.${form}`), `${c.id}.${form}`).toBe(true);
    }
  });

  it('has every note, change and status the rules can produce', () => {
    fc.assert(fc.property(caseArb, ({ facts, today }) => {
      for (const r of Object.values(evaluate(facts, today).procedures)) {
        expect(FR.has(`status.${r!.status}`)).toBe(true);
        for (const n of r!.notes) expect(FR.has(`notes.${n.id}`), `notes.${n.id}`).toBe(true);
        for (const c of r!.changes) expect(FR.has(`changes.${c.id}`), `changes.${c.id}`).toBe(true);
      }
    }), { numRuns: 1500 });
  });

  it('has a message for every error code the validator and the command use', () => {
    const dir = join(__dirname, '../../src');
    const files = ['rules/facts.ts', 'cli/args.ts', 'cli/run.ts', 'cli/check.ts'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const codes = new Set(files.flatMap((s) => [...s.matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]!)));
    for (const s of files) for (const m of s.matchAll(/fail\('([a-z-]+)'/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) expect(FR.has(`errors.${code}`), code).toBe(true);
  });
});
