/**
 * `npm run bench`: the figures the issues set budgets for, printed beside the floor
 * (../shared/bench-floor: the mandated libraries alone) measured in the same run. Never a timed test:
 * it reports, and exits 0 whatever the verdicts; only a crash exits otherwise.
 *   - rules: full evaluations per second (three procedures), over the scenario fixtures and random facts;
 *   - questions: pages asked per journey about one procedure, mean and maximum, over the fixtures;
 *   - first load: the start page's HTML, entry JS, preloaded modules and CSS, gzip -9, and its critical chain;
 *   - precache: everything the service worker downloads on install, gzip -9;
 *   - Lighthouse: medians of N runs each on the app and the floor, alternating, served alike (./bench/serve.ts);
 *   - check --ndjson: a batch of BENCH_NDJSON_LINES lines (default 1,000,000; 0 skips it) through the real
 *     command, lines per second and peak memory (./bench/cli.ts).
 *   - taps: from a tap on "Continuer" to the next page painted, on a phone-sized page with the CPU slowed four
 *     times, median and worst over a journey per procedure (./bench/taps.ts).
 * Options: --no-build (rules and the command only), --no-lighthouse, --no-taps, --taps-only (build and taps
 * alone: the quick run after a change to the questionnaire), --runs N (Lighthouse runs per site and passes over
 * the journeys, default 3).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { ProcedureId } from '../src/rules/engine';
import { evaluate, nextQuestions } from '../src/rules/evaluate';
import { getPath, setPath, type Facts } from '../src/rules/facts';
import { caseArb, factsFor } from '../test/support/arbitraries';
import { runBatch } from './bench/cli';
import { failedAcrossRuns, medians, runLighthouse, type Figures, type Sample } from './bench/lighthouse';
import { serve } from './bench/serve';
import { tapFigures } from './bench/taps';
import { criticalChain, firstLoad, precache, type Chain, type Weight } from './bench/weights';

const ROOT = resolve(import.meta.dirname, '..');
const FLOOR_SRC = resolve(ROOT, '..', 'shared', 'bench-floor');
const WORK = join(ROOT, '.bench');

interface Scenario { file: string; today: string; facts: Facts; expect?: Partial<Record<ProcedureId, unknown>>; errors?: string[] }
// The scenarios the rules answer: those of facts the format refuses (`errors`) are never evaluated.
const scenarios = readdirSync(join(ROOT, 'test/scenarios/cases')).filter((f) => f.endsWith('.json'))
  .map((f) => ({ ...JSON.parse(readFileSync(join(ROOT, 'test/scenarios/cases', f), 'utf8')) as Scenario, file: f }))
  .filter((s): s is Scenario & { expect: Partial<Record<ProcedureId, unknown>> } => s.expect !== undefined);

type Verdict = boolean | null; // null: no budget, or the figure it is checked against is missing

function row(label: string, value: string, budget = '', floor = '', verdict: Verdict = null) {
  const mark = verdict === null ? '' : verdict ? 'PASS' : 'FAIL';
  console.log(`${label.padEnd(50)} ${value.padStart(22)}  ${budget.padEnd(30)} ${floor.padEnd(24)} ${mark}`.trimEnd());
}

/** Evaluations per second over `ms` milliseconds of whole passes over the cases. */
function rate(cases: { facts: Facts; today: string }[], ms: number): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const c of cases) evaluate(c.facts, c.today);
    n += cases.length;
  }
  return n / ((performance.now() - start) / 1000);
}

/**
 * The steady rate, as a server or a counsellor's long session sees it: a second of warm-up first (the
 * first second runs partly unoptimised code, about two thirds of the steady rate), then the best of three
 * two-second runs (the machine is shared: other work only ever slows a run down).
 */
function evaluationsPerSecond(cases: { facts: Facts; today: string }[]): number {
  rate(cases, 1000);
  return Math.max(rate(cases, 2000), rate(cases, 2000), rate(cases, 2000));
}

/** A journey: ask the first page still missing, answer it from the scenario's facts, until nothing is missing. */
function pagesAsked(s: { today: string; facts: Facts }, procedure: ProcedureId): number {
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

function buildFloor(): string | null {
  if (!existsSync(FLOOR_SRC)) return null;
  const dir = join(WORK, 'floor');
  cpSync(FLOOR_SRC, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/dist') });
  if (!existsSync(join(dir, 'node_modules'))) execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: dir, stdio: 'inherit' });
  return join(dir, 'dist');
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

interface Options { build: boolean; lighthouse: boolean; taps: boolean; tapsOnly: boolean; runs: number }

const OPTIONS = '--no-build, --no-lighthouse, --no-taps, --taps-only, --runs N';

function options(argv: string[]): Options {
  const known = new Set(['--no-build', '--no-lighthouse', '--no-taps', '--taps-only', '--runs']);
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known.has(a) && argv[i - 1] !== '--runs');
  if (unknown.length) throw new Error(`unknown option ${unknown[0]}; options: ${OPTIONS}`);
  const at = argv.indexOf('--runs');
  const runs = at < 0 ? 3 : Number(argv[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number ≥ 1, not ${argv[at + 1]}`);
  const tapsOnly = argv.includes('--taps-only');
  if (tapsOnly && (argv.includes('--no-build') || argv.includes('--no-taps'))) throw new Error('--taps-only builds the app and measures the taps alone');
  return { build: !argv.includes('--no-build'), lighthouse: !argv.includes('--no-lighthouse') && !tapsOnly, taps: !argv.includes('--no-taps'), tapsOnly, runs };
}

/** The floor's figure, or why it is missing: the app is still measured when the floor cannot be built. */
type FloorResult<T> = { ok: true; value: T } | { ok: false; why: string };

function onFloor<T>(dist: FloorResult<string>, measure: (dist: string) => T): FloorResult<T> {
  if (!dist.ok) return dist;
  try {
    return { ok: true, value: measure(dist.value) };
  } catch (e) {
    return { ok: false, why: firstLine(e) };
  }
}

const show = <T>(f: FloorResult<T>, format: (v: T) => string) => (f.ok ? format(f.value) : `not measured: ${f.why}`);

const RULES_BUDGET = 20_000;

function rulesFigures() {
  const random = fc.sample(caseArb, { numRuns: 2000, seed: 42 });
  const fixtures = scenarios.map((s) => ({ facts: s.facts, today: s.today }));
  for (const [label, cases] of [['rules: evaluations/s (fixtures)', fixtures], ['rules: evaluations/s (2,000 random fact sets)', random]] as const) {
    const rate = evaluationsPerSecond(cases);
    // The budget a student's journey and the counsellor's what-if need (a few hundred evaluations at most):
    // clarity of the rules comes before speed beyond it.
    row(label, Math.round(rate).toLocaleString('en'), '> 20,000', 'n/a (no rules)', rate > RULES_BUDGET);
  }
  const journeys: Record<string, number[]> = {};
  for (const s of scenarios) for (const p of Object.keys(s.expect) as ProcedureId[]) (journeys[p] ??= []).push(pagesAsked(s, p));
  for (const [p, counts] of Object.entries(journeys)) {
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const max = Math.max(...counts);
    row(`questions: ${p} (${counts.length} journeys)`, `mean ${mean.toFixed(1)}, max ${max}`, 'max ≤ 8 pages', 'n/a', max <= 8);
  }
}

/** The batch size for the command's figures: BENCH_NDJSON_LINES, for a quick run, or a million. */
function batchLines(): number {
  const text = process.env.BENCH_NDJSON_LINES;
  const n = text === undefined ? 1_000_000 : Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`BENCH_NDJSON_LINES takes a whole number ≥ 0, not ${text}`);
  return n;
}

/**
 * A batch through the real `check --ndjson` process, 2,000 random fact sets cycled. Memory must not grow
 * with the batch: its budget is a constant. Returns what to say under the table.
 */
async function cliFigures(count: number): Promise<string[]> {
  if (!count) return [];
  const today = '2026-07-05';
  const facts = fc.sample(factsFor(today), { numRuns: 2000, seed: 42 }).map((f) => JSON.stringify(f));
  process.stderr.write(`check --ndjson: ${count.toLocaleString('en')} lines\n`);
  const r = await runBatch(ROOT, facts, count, today);
  const label = (what: string) => `check --ndjson: ${what} (${count.toLocaleString('en')} lines)`;
  if (r.exit !== 0) {
    row(label('lines/s'), `failed, exit ${r.exit}`);
    return [`check --ndjson: ${firstLine(r.stderr)}`];
  }
  row(label('lines/s'), Math.round(r.lines / r.seconds).toLocaleString('en'), '(no budget)', 'n/a (no command)');
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  row(label('peak RSS'), r.peakRss === null ? 'not measured (no /proc)' : mb(r.peakRss), '≤ 256 MB, whatever the size', 'n/a',
    r.peakRss === null ? null : r.peakRss <= 256 * 1024 * 1024);
  return [`check --ndjson: ${count.toLocaleString('en')} lines in ${r.seconds.toFixed(1)} s (process start included), ${(r.outputBytes / 1e9).toFixed(2)} GB of results`];
}

/** Prints the build figures; returns what to say under the table. */
function weightFigures(appDist: string, floorDist: FloorResult<string>): string[] {
  const notes: string[] = [];
  const app = firstLoad(appDist);
  const weight = (w: Weight) => `${kb(w.bytes)} (${w.files} files)`;
  row('first load, gzip -9 (HTML + entry JS + CSS)', weight(app), '≤ 35 KB', show(onFloor(floorDist, firstLoad), weight), app.bytes <= 35 * 1024);

  const chain = criticalChain(appDist);
  const chainText = (c: Chain) => `depth ${c.depth} (${c.js} JS, ${c.css} CSS)`;
  row('critical chain (HTML → JS and CSS)', chainText(chain), 'depth 2, no @import, no font', show(onFloor(floorDist, criticalChain), chainText), chain.depth === 2);
  notes.push(...chain.deeper.map((d) => `critical chain: ${d}`));

  const cache = precache(appDist);
  row('precache, gzip -9 (sw.js + workbox + manifest)', weight(cache), '≤ 200 KB', show(onFloor(floorDist, precache), weight), cache.bytes <= 200 * 1024);
  notes.push(...cache.missing.map((f) => `precache: ${f} is listed in sw.js but not in dist`));
  return notes;
}

interface Site { name: 'app' | 'floor'; url: string; samples: Sample[] }

/**
 * Runs Lighthouse `runs` times per site, alternating, the order flipped each round so that neither always
 * goes first; each run's JSON report is kept in .bench/lighthouse/ for the details the table leaves out.
 */
async function lighthouseRuns(sites: Site[], runs: number): Promise<void> {
  const reports = join(WORK, 'lighthouse');
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  for (let round = 0; round < runs; round++) {
    const order = round % 2 ? [...sites].reverse() : sites;
    for (const site of order) {
      process.stderr.write(`lighthouse: ${site.name}, run ${round + 1} of ${runs}\n`);
      site.samples.push(await runLighthouse(site.url, join(reports, `${site.name}-${round + 1}.json`)));
    }
  }
}

function lighthouseTable(app: Figures, floor: FloorResult<Figures>, runs: number) {
  const f = floor.ok ? floor.value : null;
  const onFloorOr = (format: (v: Figures) => string) => show(floor, format);
  const label = (what: string) => `lighthouse: ${what} (median of ${runs})`;
  const score = (id: keyof Figures['scores'], name: string, min: number) =>
    row(label(name), String(app.scores[id]), min === 100 ? '= 100' : `≥ ${min}`, onFloorOr((v) => String(v.scores[id])), app.scores[id] >= min);
  score('performance', 'performance', 99);
  score('accessibility', 'accessibility', 100);
  score('best-practices', 'best practices', 100);
  score('seo', 'SEO', 95);
  row(label('CLS'), app.cls.toFixed(3), '= 0', onFloorOr((v) => v.cls.toFixed(3)), app.cls === 0);
  row(label('LCP'), ms(app.lcp), f ? `≤ 1.15 × floor = ${ms(1.15 * f.lcp)}` : '≤ 1.15 × floor', onFloorOr((v) => ms(v.lcp)), f && app.lcp <= 1.15 * f.lcp);
  row(label('TBT'), ms(app.tbt), f ? `≤ floor + 50 ms = ${ms(f.tbt + 50)}` : '≤ floor + 50 ms', onFloorOr((v) => ms(v.tbt)), f && app.tbt <= f.tbt + 50);
  row(label('FCP'), ms(app.fcp), '(no budget)', onFloorOr((v) => ms(v.fcp)));
}

/** What a developer needs under the table: each run's metrics (the spread shows the noise), then what to fix. */
function lighthouseNotes(sites: Site[]): string[] {
  const each = (s: Site, pick: (x: Sample) => number) => s.samples.map((x) => Math.round(pick(x)).toLocaleString('en')).join(' / ');
  const perRun = (s: Site) => `${s.name} runs: performance ${each(s, (x) => x.scores.performance)}; LCP ${each(s, (x) => x.lcp)} ms; TBT ${each(s, (x) => x.tbt)} ms`;
  const notes = [`${sites[0]!.samples[0]!.versions}, mobile, simulated slow 4G; reports in .bench/lighthouse/`, ...sites.map(perRun)];
  const app = sites.find((s) => s.name === 'app')!;
  const failed = failedAcrossRuns(app.samples);
  notes.push(failed.length ? 'app: failed audits (accessibility, best practices, SEO):' : 'app: no failed audit in accessibility, best practices or SEO');
  notes.push(...failed.map((a) => `  ${a.category} ${a.id}: ${a.title}${a.detail ? ` (${a.detail})` : ''}, in ${a.runs} of ${app.samples.length} runs`));
  for (const s of sites) notes.push(...[...new Set(s.samples.flatMap((x) => x.warnings))].map((w) => `${s.name}: Lighthouse warning: ${w}`));
  return notes;
}

/** From a tap on "Continuer" to the next page painted, on the production build (./bench/taps.ts); the floor has no questions. */
async function tapRow(appDist: string, runs: number): Promise<string[]> {
  process.stderr.write(`taps: ${runs} passes over a journey per procedure, after one not counted\n`);
  const server = await serve(appDist);
  try {
    const f = await tapFigures(server.url, scenarios, runs);
    row(`tap "Continuer" → next page painted (median of ${runs})`, `median ${ms(f.median)}, worst ${ms(f.worst)}`, 'median ≤ 100 ms, worst ≤ 200 ms',
      'n/a (no questions)', f.pass);
    return f.notes;
  } catch (e) {
    row('tap "Continuer" → next page painted', 'failed');
    return [`taps: ${firstLine(e)}`];
  } finally {
    await server.close();
  }
}

async function main() {
  const opts = options(process.argv.slice(2));
  const lines = batchLines();
  console.log(`RecoursSup bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
  row('figure', 'app', 'budget', 'floor', null);
  row('-'.repeat(50), '-'.repeat(22), '-'.repeat(30), '-'.repeat(24), null);
  if (!opts.tapsOnly) rulesFigures();
  const notes = opts.tapsOnly ? [] : await cliFigures(lines);
  const printNotes = () => { if (notes.length) console.log(`\n${notes.join('\n')}`); };
  if (!opts.build) return printNotes();

  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const appDist = join(ROOT, 'dist');
  if (opts.tapsOnly) {
    notes.push(...await tapRow(appDist, opts.runs));
    return printNotes();
  }
  let floorDist: FloorResult<string>;
  try {
    const dist = buildFloor();
    floorDist = dist ? { ok: true, value: dist } : { ok: false, why: '../shared/bench-floor not found' };
  } catch (e) {
    floorDist = { ok: false, why: firstLine(e) };
  }
  notes.push(...weightFigures(appDist, floorDist));
  if (opts.taps) notes.push(...await tapRow(appDist, opts.runs));

  if (opts.lighthouse) {
    const servers = [await serve(appDist), ...(floorDist.ok ? [await serve(floorDist.value)] : [])];
    const sites: Site[] = servers.map((s, i) => ({ name: i ? 'floor' : 'app', url: s.url, samples: [] }));
    try {
      await lighthouseRuns(sites, opts.runs);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
    const floor = sites[1];
    lighthouseTable(medians(sites[0]!.samples), floor ? { ok: true, value: medians(floor.samples) } : { ok: false, why: floorDist.ok ? '' : floorDist.why }, opts.runs);
    notes.push(...lighthouseNotes(sites));
  }
  printNotes();
}

await main();
