/** Every user-visible string comes from locales/, French is the reference, and no language lacks a key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { localePart, PREPARE_KEYS, SHELL_KEYS } from '../../src/locale-parts';
import { CONDITIONS, evaluate } from '../../src/rules/evaluate';
import { caseArb } from '../support/arbitraries';
import { PROCEDURE_IDS } from '../../src/rules/procedure-ids';
import { CLI_ERROR_CODES } from '../../src/cli/problems';
import { FACT_ERROR_CODES } from '../../src/rules/fact-errors';
import { leaves, type Tree } from '../support/locale-leaves';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const FR = leaves(fr as unknown as Tree);
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A language's keys with plural forms folded to `base#plural`, and the forms each base must have there. */
function shape(tree: Tree): { keys: string[]; plurals: Map<string, string[]> } {
  const keys = new Set<string>();
  const plurals = new Map<string, string[]>();
  for (const key of leaves(tree).keys()) {
    const m = PLURAL.exec(key);
    if (!m) { keys.add(key); continue; }
    const base = key.slice(0, -m[0].length);
    keys.add(`${base}#plural`);
    plurals.set(base, [...(plurals.get(base) ?? []), m[1]!].sort());
  }
  return { keys: [...keys].sort(), plurals };
}

describe('locales', () => {
  for (const [lang, tree] of [['en', en], ['ar', ar]] as const) {
    it(`${lang} has exactly the keys of the French reference, each plural in all its forms, with the same placeholders`, () => {
      const other = leaves(tree as unknown as Tree);
      const mine = shape(tree as unknown as Tree);
      expect(mine.keys).toEqual(shape(fr as unknown as Tree).keys);
      // Plural forms are the language's own (Arabic has six: zero, one, two, few, many, other).
      const forms = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      for (const [base, have] of mine.plurals) expect(have, `${lang} ${base}`).toEqual(forms);
      for (const [key, text] of FR) {
        const m = PLURAL.exec(key);
        const theirs = m ? other.get(`${key.slice(0, -m[0].length)}_other`) : other.get(key);
        expect(placeholders(theirs ?? ''), `${lang} ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('French has the plural forms of French', () => {
    const forms = [...new Intl.PluralRules('fr').resolvedOptions().pluralCategories].sort();
    for (const [base, have] of shape(fr as unknown as Tree).plurals) expect(have, base).toEqual(forms);
  });

  it('uses Latin digits in Arabic, as in the Maghreb', () => {
    for (const [key, text] of leaves(ar as unknown as Tree)) expect(text, key).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
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

  it('has every string a procedure needs, for each procedure of the registry (a new one fails here until written)', () => {
    const PER_PROCEDURE = [
      'procedures', 'result.whereText', 'result.officialLink', 'result.prepareList', 'prepare.after', 'prepare.send.how',
      'prepare.letter.subject', 'prepare.letter.gist', 'prepare.blanks.project.example', 'prepare.blanks.project.hint',
    ];
    for (const id of PROCEDURE_IDS) {
      for (const prefix of PER_PROCEDURE) {
        const key = `${prefix}.${id}`;
        expect(FR.has(key) || [...FR.keys()].some((k) => k.startsWith(`${key}.`)), key).toBe(true);
      }
    }
  });

  it('has a message for every error code the validator and the command can report', () => {
    // The catalogues are the codes' type: a code reported but not listed does not compile.
    const codes = [...Object.values(FACT_ERROR_CODES), ...Object.values(CLI_ERROR_CODES)].flat();
    for (const code of codes) expect(FR.has(`errors.${code}`), code).toBe(true);
  });

  it('splits each language into a first-load part, the prepare page\'s part and the rest, losing no key', () => {
    const shell = localePart(fr, 'shell');
    const prepare = localePart(fr, 'prepare');
    const rest = localePart(fr, 'journey');
    expect(Object.keys(shell).sort()).toEqual([...SHELL_KEYS].sort());
    expect(Object.keys(prepare).sort()).toEqual([...PREPARE_KEYS].sort());
    expect({ ...shell, ...prepare, ...rest }).toEqual(fr);
    expect(Object.keys(shell).filter((k) => k in rest || k in prepare)).toEqual([]);
    expect(Object.keys(prepare).filter((k) => k in rest)).toEqual([]);
  });

  it('has every string of the first load in the first-load part (the start page never shows a raw key)', () => {
    // The modules of the shell: what src/main.tsx renders before the questionnaire's code arrives. A scan of
    // their source on purpose: the shell's states (resume, set-aside list, update, banner, a missing module)
    // cannot all be reached in a browser test, and a key missing from the part shows only in one of them.
    const shellFiles = ['ui/App.tsx', 'ui/StartPage.tsx', 'ui/UpdateNotice.tsx', 'ui/EmbedBanner.tsx', 'i18n.ts', 'platform/updates.ts', 'platform/embedded.ts'];
    const used = shellFiles.flatMap((f) => [...readFileSync(join(__dirname, '../../src', f), 'utf8').matchAll(/\bt\(\s*[`'"]([a-z][\w]*)\./gi)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(10);
    for (const top of new Set(used)) expect(SHELL_KEYS, top).toContain(top);
  });
});
