/**
 * Keeps docs/ true where it can drift from the code: the generated parts are up to date (`npm run docs`),
 * the facts table follows the schema, every id the result can carry is documented, every link and every
 * `docs/<file>.md §Section` reference resolves, and nothing refers to a file outside the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fr from '../../locales/fr.json';
import { fill, GENERATED_FILES, ROOT } from '../../scripts/docs';
import { CONDITIONS } from '../../src/rules/evaluate';
import { FIELD_PATHS } from '../../src/rules/facts';
import { PROCEDURE_IDS } from '../../src/rules/procedure-ids';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const DOCS = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
const MARKDOWN = ['README.md', ...DOCS];
const FORMAT = read('docs/facts-format.md');

/** The lines of a markdown file outside code blocks. */
function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && !line.startsWith('```');
  });
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped (letters of any script kept), spaces to hyphens. */
const slug = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
/** A heading as code and fixtures cite it: without backticks, case-insensitive. */
const plain = (heading: string): string => heading.replace(/`/g, '').trim().toLowerCase();

function headings(file: string): string[] {
  return prose(read(file)).flatMap((line) => /^#{1,6} (.+)$/.exec(line)?.[1] ?? []);
}

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const h of headings(file)) {
    const base = slug(h);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** The rows of the first table after a heading: each row's cells. */
function tableAfter(text: string, heading: string): string[][] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const first = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(lines[i]!.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

/** The `id` in a table's first cell. */
const firstCode = (row: string[]): string => /^`([^`]+)`/.exec(row[0]!)?.[1] ?? row[0]!;

/**
 * Ids the locales define under a group: the keys less their variants (`_nodate`, plural forms). Keys in
 * camelCase are pieces of a message (`notes.previousSession`, inserted into `calendar-not-published`), not ids.
 */
function localeIds(group: Record<string, unknown>): string[] {
  const ids = Object.keys(group).map((k) => k.replace(/_(nodate|zero|one|two|few|many|other)$/, ''));
  return [...new Set(ids.filter((k) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k)))];
}

/** Files of the repository as git sees them (tracked, and untracked not ignored), text only. */
function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && existsSync(join(ROOT, f)) && !/\.(png|ico|jpg|webp)$/.test(f));
}

describe('docs', () => {
  it('generated parts are up to date (run `npm run docs`)', () => {
    for (const file of GENERATED_FILES) expect(fill(read(file)), file).toBe(read(file));
  });

  it('the facts table lists every field of the schema, in the schema\'s order', () => {
    expect(tableAfter(FORMAT, '### Fields').map(firstCode)).toEqual(FIELD_PATHS);
  });

  it('every note and change id of the locales is documented, and the tables document no other', () => {
    for (const group of ['notes', 'changes'] as const) {
      const ids = localeIds(fr[group]);
      expect(ids.length, group).toBeGreaterThan(5);
      for (const id of ids) expect(FORMAT, `${group}.${id}`).toContain(`\`${id}\``);
      const heading = group === 'notes' ? '### Notes' : '### Changes';
      expect(tableAfter(FORMAT, heading).map(firstCode).sort()).toEqual([...ids].sort());
    }
  });

  it('every error code of the locales is documented', () => {
    const codes = Object.keys(fr.errors).filter((k) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k));
    for (const code of codes) expect(FORMAT, code).toContain(`\`${code}\``);
  });

  it('every procedure and condition of the registry is in the rulings', () => {
    const rulings = read('docs/rulings.md');
    for (const id of [...PROCEDURE_IDS, ...CONDITIONS.map((c) => c.id)]) expect(rulings, id).toContain(`\`${id}\``);
  });

  it('every relative link of the README and docs/ resolves, to a heading when it names one', () => {
    const broken: string[] = [];
    for (const file of MARKDOWN) {
      for (const line of prose(read(file))) {
        for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
          if (/^[a-z]+:/.test(target!)) continue;
          const [path, anchor] = target!.split('#') as [string, string | undefined];
          const to = path ? relative(ROOT, resolve(dirname(join(ROOT, file)), path)) : file;
          if (!existsSync(join(ROOT, to))) broken.push(`${file}: ${target} (no file)`);
          else if (anchor !== undefined && (!to.endsWith('.md') || !anchors(to).has(decodeURIComponent(anchor)))) {
            broken.push(`${file}: ${target} (no heading)`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every `docs/<file>.md §Section` the code, tests and fixtures cite names a heading that exists', () => {
    const broken: string[] = [];
    let count = 0;
    // §"Several words" (§\"…\" inside JSON strings), §One-word, or the file, a comma and the quoted heading.
    const reference = /docs\/([a-z-]+\.md)(?: §(?:\\?"([^"\\]+)\\?"|([\p{L}\p{N}-]+))|, "([^"]+)")/gu;
    for (const file of repositoryFiles()) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(reference)) {
        const doc = `docs/${m[1]}`;
        const section = m[2] ?? m[3] ?? m[4]!;
        count++;
        if (!existsSync(join(ROOT, doc)) || !headings(doc).some((h) => plain(h) === plain(section))) broken.push(`${file}: ${m[0]}`);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  it('nothing refers to a file outside the repository (the bench\'s optional floor aside)', () => {
    const outside = ['..', 'shared'].join('/');
    const gone = ['domain', 'check-format'].map((n) => `${n}.md`);
    const offending: string[] = [];
    for (const file of repositoryFiles()) {
      if (!statSync(join(ROOT, file)).isFile()) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (file !== 'scripts/bench.ts' && text.includes(outside)) offending.push(`${file}: ${outside}`);
      for (const name of gone) if (text.includes(name)) offending.push(`${file}: ${name}`);
      // The design doc is cited with its folder (docs/…), or linked from beside it in docs/.
      const bare = /(?<![\w/])design\.md/.exec(text);
      if (bare && !file.startsWith('docs/')) offending.push(`${file}: ${bare[0]}`);
    }
    expect(offending).toEqual([]);
  });
});

/** Each `$ …` command of a shell block (continuation lines joined) with the lines it shows as output. */
function shellExamples(file: string): { command: string; output: string[] }[] {
  const examples: { command: string; output: string[] }[] = [];
  let block: string[] | null = null;
  for (const line of read(file).split('\n')) {
    if (line.startsWith('```')) { block = block === null && line === '```sh' ? [] : null; continue; }
    if (block === null) continue;
    const last = examples.at(-1);
    if (line.startsWith('$ ')) examples.push({ command: line.slice(2), output: [] });
    else if (last && last.output.length === 0 && last.command.endsWith('\\')) last.command = `${last.command.slice(0, -1)}${line.trim()}`;
    else if (last && !line.startsWith('#')) last.output.push(line);
  }
  return examples.filter((e) => /npm run --silent check|echo \$\?/.test(e.command));
}

/** jq's `-c` on a path filter such as `.procedures["master-referral"].status`, so that no jq is needed to check. */
function jqPath(filter: string, json: string): string {
  const steps = [...filter.matchAll(/\.(\w+)|\["([^"]+)"\]/g)].map((m) => m[1] ?? m[2]!);
  return JSON.stringify(steps.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], JSON.parse(json)));
}

describe('the shell examples', () => {
  it.each(['README.md', 'docs/facts-format.md'])('in %s print what they show', (file) => {
    const examples = shellExamples(file);
    expect(examples.length).toBeGreaterThan(0);
    let status = 0;
    for (const { command, output } of examples) {
      let shown: string[];
      if (command === 'echo $?') {
        shown = [String(status)];
      } else {
        const [, shell, filter] = /^(.*?)(?:\| jq -c '([^']+)')?$/.exec(command)!;
        const r = spawnSync('bash', ['-c', `${shell} 2>&1`], { cwd: ROOT, encoding: 'utf8' });
        status = r.status ?? -1;
        const lines = r.stdout.split('\n').filter(Boolean);
        shown = filter === undefined ? lines : command.includes('--ndjson') ? lines.map((l) => jqPath(filter, l)) : [jqPath(filter, r.stdout)];
      }
      expect(shown, command).toEqual(output.filter(Boolean));
    }
  }, 120_000);
});
