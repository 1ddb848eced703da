/**
 * Lighthouse (the version in package.json) through its Node API, on a Chromium this module launches and
 * kills: mobile form factor with the default simulated throttling (slow 4G, 4× CPU), which makes a run on
 * a loaded machine closer to one on an idle machine than any real throttling would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Result } from 'lighthouse';

export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The categories whose failed audits a developer can act on one by one (performance is read from its metrics). */
const LISTED = ['accessibility', 'best-practices', 'seo'] as const;

export interface FailedAudit { category: string; id: string; title: string; detail: string }

export interface Sample {
  scores: Record<(typeof CATEGORIES)[number], number>;
  cls: number;
  lcp: number;
  tbt: number;
  fcp: number;
  failed: FailedAudit[];
  warnings: string[];
  /** Lighthouse's and Chromium's versions, as the run reports them. */
  versions: string;
}

/** Resolves with the DevTools port Chromium prints on stderr; rejects if it exits or stays silent first. */
function devtoolsPort(child: ChildProcess): Promise<number> {
  return new Promise((done, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not open its DevTools port in 30 s:\n${log.slice(-2000)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (m) { clearTimeout(timer); done(Number(m[1])); }
    });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${log.slice(-2000)}`)); });
  });
}

/** Kills the whole process group: Debian's /usr/bin/chromium is a shell script, and Chromium forks helpers. */
function killGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Runs `use` with a fresh headless Chromium (its profile in a temporary folder), then kills it and removes the profile. */
async function withChromium<T>(use: (port: number) => Promise<T>): Promise<T> {
  const path = chromiumPath();
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: set CHROME_PATH, install it (apt-get install -y chromium), or pass --no-lighthouse.`);
  const profile = mkdtempSync(join(tmpdir(), 'recourssup-lighthouse-'));
  const child = spawn(path, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    detached: true, // its own process group, so that killGroup reaches every helper process
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const onInterrupt = () => { killGroup(child); process.exit(130); };
  process.once('SIGINT', onInterrupt);
  try {
    const port = await devtoolsPort(child);
    child.stderr!.resume(); // keep draining, or a full pipe would stall Chromium
    return await use(port);
  } finally {
    process.off('SIGINT', onInterrupt);
    const exited = new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
    killGroup(child);
    await exited;
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Every weighted audit of the listed categories that did not pass, with what Lighthouse says about it. */
function failedAudits(lhr: Result): FailedAudit[] {
  return LISTED.flatMap((category) => (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => ({ category, id: audit.id, title: audit.title, detail: audit.displayValue ?? '' })));
}

/**
 * One Lighthouse run of `url` in a Chromium of its own, as the Lighthouse CLI does: a fresh profile, so no
 * run sees what an earlier one stored. Its JSON report goes to `reportFile`. A run Lighthouse could not
 * complete (no paint, page error) is an error.
 */
export function runLighthouse(url: string, reportFile: string): Promise<Sample> {
  return withChromium((port) => lighthouseOn(port, url, reportFile));
}

async function lighthouseOn(port: number, url: string, reportFile: string): Promise<Sample> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    formFactor: 'mobile',
    throttlingMethod: 'simulate',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  writeFileSync(reportFile, String(result.report));
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Sample['scores'],
    cls: metric('cumulative-layout-shift'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    fcp: metric('first-contentful-paint'),
    failed: failedAudits(lhr),
    warnings: lhr.runWarnings.map(String),
    versions: `Lighthouse ${lhr.lighthouseVersion}, ${/(?:Headless)?Chrome\/[\d.]+/.exec(lhr.environment.hostUserAgent)?.[0] ?? 'Chromium'}`,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Figures = Omit<Sample, 'failed' | 'warnings' | 'versions'>;

export function medians(samples: Sample[]): Figures {
  const of = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, of((s) => s.scores[c])])) as Sample['scores'],
    cls: of((s) => s.cls),
    lcp: of((s) => s.lcp),
    tbt: of((s) => s.tbt),
    fcp: of((s) => s.fcp),
  };
}

/** Each failed audit once, with the number of runs it failed in: a flaky failure reads differently. */
export function failedAcrossRuns(samples: Sample[]): (FailedAudit & { runs: number })[] {
  const byId = new Map<string, FailedAudit & { runs: number }>();
  for (const audit of samples.flatMap((s) => s.failed)) {
    const seen = byId.get(audit.id);
    if (seen) seen.runs++;
    else byId.set(audit.id, { ...audit, runs: 1 });
  }
  return [...byId.values()];
}
