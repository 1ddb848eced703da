/**
 * Every source in src/rules that cites a shipped article names a paragraph of it, counted as
 * docs/rulings.md §"How a source names a paragraph" says ("R612-36-3 I al. 3 2°": part, alinéa, item), and
 * written one way (never "alinéa 3", "al.3" or "I, al. 3").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGAL_TEXTS } from '../../src/rules/legal/index';

const ROOT = join(__dirname, '../../src/rules');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/** The strings the rules carry (quoted literals: sources, ids), not their comments. */
const literals = (code: string): string[] => [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? '');

const SHIPPED = new Map(LEGAL_TEXTS.articles.map((a) => [a.id, new Set(a.paragraphs.map((p) => p.label))]));
const CITATION = /\b(R612-36-3|L612-3|D612-1-2\d)((?: [IVX]+\b)?(?: al\. \d+)?(?: \d+°)?(?: (?:et|à) (?:al\. )?\d+°?)*)/g;

/** The paragraph labels a citation names: "I al. 4 et 6" → I al. 4, I al. 6; "I al. 4 à 8" → each of 4 to 8. */
function labels(rest: string): string[] {
  const m = /^ ?([IVX]+)?(?: ?al\. (\d+))?(?: (\d+°))?((?: (?:et|à) (?:al\. )?\d+°?)*)$/.exec(rest);
  if (!m) return [`unparsed: ${rest}`];
  const [, part, al, item, more] = m;
  const at = (n: string | undefined, i?: string) => [part, n && `al. ${n}`, i].filter(Boolean).join(' ');
  const out = [at(al, item)];
  for (const [, op, n, deg] of (more ?? '').matchAll(/ (et|à) (?:al\. )?(\d+)(°?)/g)) {
    if (deg) out.push(at(al, `${n}°`));
    else if (op === 'à') for (let k = Number(al) + 1; k <= Number(n); k++) out.push(at(String(k)));
    else out.push(at(n));
  }
  return out.filter(Boolean);
}

const cited = files(ROOT).flatMap((f) => literals(readFileSync(f, 'utf8')).flatMap((s) =>
  [...s.matchAll(CITATION)].map(([whole, article, rest]) => ({ file: f.slice(ROOT.length + 1), whole, article: article!, rest: rest! }))));

describe('sources citing the law', () => {
  it('are found', () => expect(cited.filter((c) => SHIPPED.has(c.article) && c.rest).length).toBeGreaterThan(25));

  it('name paragraphs the shipped texts have, alinéas counted within their part, items with their alinéa', () => {
    const wrong: string[] = [];
    for (const c of cited) {
      const have = SHIPPED.get(c.article);
      if (!have || !c.rest) continue;
      for (const l of labels(c.rest)) {
        // A part's first alinéa is labelled with the part alone where the text has no other (L612-3 VIII).
        const found = have.has(l) || have.has(l.replace(/ al\. 1$/, '')) || [...have].some((h) => !/al\./.test(l) && h.startsWith(`${l} `));
        if (!found) wrong.push(`${c.file}: ${c.whole} (${l})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('are written one way', () => {
    const all = files(ROOT).flatMap((f) => literals(readFileSync(f, 'utf8')).map((s) => [f, s] as const));
    const odd = all.filter(([, s]) => /\b(R612-36-3|L612-3|D612-1-2\d)\b[^«]*?(alinéa \d|al\.\d|\b[IVX]+, al\.)/.test(s));
    expect(odd.map(([f, s]) => `${f}: ${s}`)).toEqual([]);
  });

  it('read a citation as its parts', () => {
    expect(labels(' I al. 3 2°')).toEqual(['I al. 3 2°']);
    expect(labels(' I al. 4 et 6')).toEqual(['I al. 4', 'I al. 6']);
    expect(labels(' I al. 2 et al. 3')).toEqual(['I al. 2', 'I al. 3']);
    expect(labels(' I al. 4 à 6')).toEqual(['I al. 4', 'I al. 5', 'I al. 6']);
    expect(labels(' VIII')).toEqual(['VIII']);
  });
});
