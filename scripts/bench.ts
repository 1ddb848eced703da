/**
 * `npm run bench`: the figures the issues set budgets for, printed beside the floor
 * (../shared/bench-floor: the mandated libraries alone) measured in the same run. Never a timed test.
 *   - rules: full evaluations per second (three procedures), over the scenario fixtures and random facts;
 *   - questions: pages asked per journey about one procedure, mean and maximum, over the fixtures;
 *   - first load: the start page's HTML, entry JS, preloaded modules and CSS, gzip -9, app and floor.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { ProcedureId } from '../src/rules/engine';
import { evaluate, nextQuestions } from '../src/rules/evaluate';
import { getPath, setPath, type Facts } from '../src/rules/facts';
import { caseArb } from '../test/support/arbitraries';

const ROOT = resolve(import.meta.dirname, '..');
const FLOOR_SRC = resolve(ROOT, '..', 'shared', 'bench-floor');
const WORK = join(ROOT, '.bench');

interface Scenario { today: string; facts: Facts; expect: Partial<Record<ProcedureId, unknown>> }
const scenarios: Scenario[] = readdirSync(join(ROOT, 'test/scenarios/cases')).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'test/scenarios/cases', f), 'utf8')) as Scenario);

function row(label: string, value: string, budget = '', floor = '') {
  console.log(`${label.padEnd(44)} ${value.padStart(14)}  ${budget.padEnd(22)} ${floor}`);
}

function evaluationsPerSecond(cases: { facts: Facts; today: string }[]): number {
  for (const c of cases.slice(0, 200)) evaluate(c.facts, c.today); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    for (const c of cases) evaluate(c.facts, c.today);
    n += cases.length;
  }
  return n / ((performance.now() - start) / 1000);
}

/** A journey: ask the first page still missing, answer it from the scenario's facts, until nothing is missing. */
function pagesAsked(s: Scenario, procedure: ProcedureId): number {
  let facts: Facts = {};
  for (let pages = 0; pages < 40; pages++) {
    const page = nextQuestions(facts, s.today, [procedure])[0];
    if (!page) return pages;
    const answers = page.fields.map((f) => [f, getPath(s.facts, f)] as const).filter(([, v]) => v !== undefined);
    if (!answers.length) return pages + 1; // the student does not know: asked, then the outcome stays unknown
    for (const [f, v] of answers) facts = setPath(facts, f, v);
  }
  throw new Error('journey does not end');
}

function firstLoad(dist: string): { bytes: number; files: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref)="([^"]+)"/g)].map((m) => m[1]!);
  const files = [join(dist, 'index.html'), ...refs.map((r) => join(dist, r.replace(/^\.?\//, '')))];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return { bytes, files: files.length };
}

function buildFloor(): string | null {
  if (!existsSync(FLOOR_SRC)) return null;
  const dir = join(WORK, 'floor');
  cpSync(FLOOR_SRC, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/dist') });
  if (!existsSync(join(dir, 'node_modules'))) execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: dir, stdio: 'inherit' });
  return join(dir, 'dist');
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

console.log(`RecoursSup bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
row('figure', 'app', 'budget', 'floor');
row('-'.repeat(44), '-'.repeat(14), '-'.repeat(22), '-'.repeat(10));

const random = fc.sample(caseArb, { numRuns: 2000, seed: 42 });
const fixtures = scenarios.map((s) => ({ facts: s.facts, today: s.today }));
row('rules: evaluations/s (fixtures)', Math.round(evaluationsPerSecond(fixtures)).toLocaleString('en'), '> 100,000', 'n/a (no rules)');
row('rules: evaluations/s (2,000 random fact sets)', Math.round(evaluationsPerSecond(random)).toLocaleString('en'), '> 100,000', 'n/a');

const journeys: Record<string, number[]> = {};
for (const s of scenarios) for (const p of Object.keys(s.expect) as ProcedureId[]) (journeys[p] ??= []).push(pagesAsked(s, p));
for (const [p, counts] of Object.entries(journeys)) {
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  row(`questions: ${p} (${counts.length} journeys)`, `mean ${mean.toFixed(1)}, max ${Math.max(...counts)}`, 'max ≤ 8 pages', 'n/a');
}

if (process.argv.includes('--no-build')) process.exit(0);
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
const app = firstLoad(join(ROOT, 'dist'));
let floorText = 'not measured: ../shared/bench-floor not found';
try {
  const floorDist = buildFloor();
  if (floorDist) { const f = firstLoad(floorDist); floorText = `${kb(f.bytes)} (${f.files} files)`; }
} catch (e) {
  floorText = `not measured: ${(e as Error).message.split('\n')[0]}`;
}
row('first load, gzip -9 (HTML + entry JS + CSS)', `${kb(app.bytes)} (${app.files} files)`, '≤ 35 KB', floorText);
