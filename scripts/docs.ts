/**
 * `npm run docs`: rewrites the generated parts of docs/ from the rules themselves, so that no table about
 * the rules is written twice by hand. A generated part sits between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`; everything else in the file is left as it is. test/unit/docs.test.ts fails
 * when a generated part is out of date (run `npm run docs`, then commit).
 *
 * - docs/rulings.md `procedures`: each procedure, its conditions in walk order (id, role, status when it
 *   fails, kind, source), read from the procedures and the condition registry (src/rules/book.ts), then the
 *   rules of what follows it once used (the rector's proposals).
 * - docs/rulings.md `calendars`: every calendar file, every date with its source and provisional flag.
 * - docs/facts-format.md `calendar-fields`: the calendar dates `missing` may name.
 * - docs/glossary.md `glossary`: the institutional words in the three languages, from `glossary.terms` in locales/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ar from '../locales/ar.json';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import { FIELDS_OF, type Platform } from '../src/rules/calendars/index';
import { rulesBook, type BookCondition, type RulesBook } from '../src/rules/book';
import { CLI_ERROR_CODES } from '../src/cli/problems';
import { FACT_ERROR_CODES } from '../src/rules/fact-errors';

export const ROOT = join(import.meta.dirname, '..');

/** The files with generated parts, relative to the repository's root. */
export const GENERATED_FILES = ['docs/rulings.md', 'docs/facts-format.md', 'docs/glossary.md'] as const;

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { parcoursup: 'Parcoursup', monmaster: 'Mon Master' };
const FIELD_LABELS = en.calendarFields as Record<string, string>;
const PROCEDURE_NAMES = en.procedures as Record<string, string>;

/** A rule's sentence in English (`followUp.rules.<id>`), as the docs are written in English. */
const ruleText = (key: string): string => {
  let node: unknown = en;
  for (const k of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[k];
  return typeof node === 'string' ? node : key;
};

/** A table cell: pipes escaped, line breaks flattened. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The articles a procedure's law conditions cite, in order of first appearance ("R612-36-3 I al. 2" → "R612-36-3"). */
function articles(conditions: readonly BookCondition[]): string[] {
  const out: string[] = [];
  for (const c of conditions) {
    if (c.kind !== 'law') continue;
    for (const m of c.source.matchAll(/\b[LRD]\d{3}-\d+(?:-\d+)*\b/g)) if (!out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

function procedures(book: RulesBook): string {
  const lines = [
    '| procedure | id | conditions | articles its law conditions cite |',
    '|---|---|---|---|',
    ...book.procedures.map((p) =>
      `| ${cell(PROCEDURE_NAMES[p.id] ?? p.id)} | \`${p.id}\` | ${p.conditions.length} | ${articles(p.conditions).join(', ')} |`),
  ];
  for (const p of book.procedures) {
    lines.push(
      '',
      `### ${PROCEDURE_NAMES[p.id] ?? p.id} (\`${p.id}\`)`,
      '',
      '| # | condition | role | when it fails | kind | source |',
      '|---|---|---|---|---|---|',
      ...p.conditions.map((c, i) =>
        `| ${i + 1} | \`${c.id}\` | ${c.role} | ${c.onFalse ? `\`${c.onFalse}\`` : ''} | ${c.kind} | ${cell(c.source)} |`),
    );
    if (p.sending.length) {
      lines.push(
        '',
        'How the request is sent ([Preparing the request](#preparing-the-request)):',
        '',
        '| # | rule | what it says | kind | source |',
        '|---|---|---|---|---|',
        ...p.sending.map((r, i) => `| ${i + 1} | \`${r.id}\` | ${cell(ruleText(r.messageKey))} | ${r.kind} | ${cell(r.source)} |`),
      );
    }
    if (!p.after.length) continue;
    lines.push(
      '',
      'What follows once the procedure is used: rules that date the next steps in `followUp`, never the status',
      '([After the referral](#after-the-referral)).',
      '',
      '| # | rule | what it says | kind | source |',
      '|---|---|---|---|---|',
      ...p.after.map((r, i) => `| ${i + 1} | \`${r.id}\` | ${cell(ruleText(r.messageKey))} | ${r.kind} | ${cell(r.source)} |`),
    );
  }
  return lines.join('\n');
}

function calendars(book: RulesBook): string {
  const lines: string[] = [];
  for (const c of book.calendars) {
    lines.push(
      `### ${PLATFORM_NAMES[c.platform]} ${c.session}`,
      '',
      `${c.published ? 'Published' : '**Not published yet**: every date is `null`'}; file checked on ${c.updated} (\`src/rules/calendars/${c.platform}-${c.session}.json\`).`,
      '',
    );
    if (!c.published) continue;
    lines.push(
      '| key | date | provisional | source |',
      '|---|---|---|---|',
      ...c.dates.map((d) =>
        `| \`${d.key}\` | ${d.value ?? '*not found*'} | ${d.provisional ? 'yes' : 'no'} | ${cell(d.source)} |`),
      '',
    );
  }
  return lines.join('\n').trimEnd();
}

function calendarFields(): string {
  return [
    '| platform | keys in `missing` | field | what it is |',
    '|---|---|---|---|',
    ...(Object.keys(FIELDS_OF) as Platform[]).flatMap((p) =>
      FIELDS_OF[p].map((f) => `| ${PLATFORM_NAMES[p]} | \`calendar:${p}-<session>.${f}\` | \`${f}\` | ${cell(FIELD_LABELS[f] ?? '')} |`)),
  ].join('\n');
}

const ERROR_KINDS: Readonly<Record<string, string>> = {
  input: 'the input', shape: 'shapes and values', list: 'lists', consistency: 'consistency',
  record: 'the record after the referral', flags: 'flags',
};

/** The codes from their catalogues, in the order a reader meets them: the input, each fact, the facts together, the flags. */
function errorCodes(): string {
  const { input, flags } = CLI_ERROR_CODES;
  const groups = { input, ...FACT_ERROR_CODES, flags };
  return Object.entries(groups).map(([kind, codes]) => `- ${ERROR_KINDS[kind]}: ${codes.map((c) => `\`${c}\``).join(', ')};`).join('\n').replace(/;$/, '.');
}

type Glossary = Record<string, { term: string; plain: string }>;
const GLOSSARIES: readonly [string, Glossary][] = [['fr', fr.glossary.terms], ['en', en.glossary.terms], ['ar', ar.glossary.terms]];

/** Each word in the three languages, one row per language, as the app shows it. */
function glossary(): string {
  return [
    '| id | language | term | in plain words |',
    '|---|---|---|---|',
    ...Object.keys(fr.glossary.terms).flatMap((id) => GLOSSARIES.map(([lang, g], i) =>
      `| ${i ? '' : `\`${id}\``} | ${lang} | ${cell(g[id]!.term)} | ${cell(g[id]!.plain)} |`)),
  ].join('\n');
}

/** Every generated part, by name. */
export function generatedParts(book: RulesBook = rulesBook()): Readonly<Record<string, string>> {
  return { procedures: procedures(book), calendars: calendars(book), 'calendar-fields': calendarFields(), 'error-codes': errorCodes(), glossary: glossary() };
}

/** `text` with each generated part it holds rewritten; a marker without its end is an error. */
export function fill(text: string, parts: Readonly<Record<string, string>> = generatedParts()): string {
  return text.replace(/<!-- generated:([a-z-]+) -->[\s\S]*?(<!-- \/generated:([a-z-]+) -->|$)/g, (whole, name: string, end: string, endName: string) => {
    if (!end || endName !== name) throw new Error(`generated:${name} has no matching end marker`);
    const part = parts[name];
    if (part === undefined) throw new Error(`no generated part named ${name}`);
    return `<!-- generated:${name} -->\n<!-- Written by \`npm run docs\` (scripts/docs.ts): do not edit by hand. -->\n\n${part}\n\n<!-- /generated:${name} -->`;
  });
}

const isMain = process.argv[1]?.endsWith('docs.ts');
if (isMain) {
  const parts = generatedParts();
  for (const file of GENERATED_FILES) {
    const path = join(ROOT, file);
    const before = readFileSync(path, 'utf8');
    const after = fill(before, parts);
    if (after !== before) writeFileSync(path, after);
    process.stdout.write(`${file}${after === before ? ' (up to date)' : ''}\n`);
  }
}
