/**
 * From a tap on "Continuer" to the next page painted, as a student on a phone lives it: the production build
 * served locally, a 360 × 740 touch page, the CPU slowed four times (Chromium's own throttling, through the
 * DevTools protocol), one journey per procedure from its first question to the result ("Voir mes recours"
 * included), answered from the scenario fixture that asks the most pages of that procedure.
 *
 * Measured inside the page, never from Node's round trips: from the tap's `pointerdown` (its `timeStamp`, when
 * the input reached the page) to the presentation of the first frame that shows the next page's h1 (Element
 * Timing's `renderTime`).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { fieldType } from '../../src/questionnaire/inputs';
import { nextQuestions } from '../../src/rules/evaluate';
import { getPath, setPath, validateFacts, type Facts } from '../../src/rules/facts';
import { PROCEDURE_IDS, type ProcedureId } from '../../src/rules/procedure-ids';
import { PAGES } from '../../src/rules/questions';
import { chromiumPath, median } from './lighthouse';

export interface Tap { procedure: ProcedureId; from: string; to: string; ms: number }
export interface TapRun { taps: Tap[]; median: number; worst: number }

/** A scenario fixture: its file name, its day and its facts. */
export interface Fixture { file: string; today: string; facts: Facts }
interface Journey extends Fixture { procedure: ProcedureId; pages: number }

/**
 * The pages a journey about `procedure` asks, answered from `facts`; null when it asks one they do not answer,
 * or when the answers given so far would not pass the page's checks (the page would stop the student).
 */
function pagesAnswered(facts: Facts, today: string, procedure: ProcedureId): number | null {
  let known: Facts = {};
  for (let pages = 0; pages < 40; pages++) {
    const page = nextQuestions(known, today, [procedure])[0];
    if (!page) return pages;
    if (page.fields.some((f) => getPath(facts, f) === undefined)) return null;
    for (const f of page.fields) known = setPath(known, f, getPath(facts, f));
    if (!validateFacts(known, today).ok) return null;
  }
  return null;
}

/** For each procedure, the fixture whose journey is the longest that a student can answer to the end. */
export function longestJourneys(fixtures: readonly Fixture[]): Journey[] {
  return PROCEDURE_IDS.map((procedure) => {
    const ranked = fixtures.map((f) => ({ ...f, procedure, pages: pagesAnswered(f.facts, f.today, procedure) ?? -1 }))
      .sort((a, b) => b.pages - a.pages || a.file.localeCompare(b.file));
    if (!ranked[0] || ranked[0].pages < 1) throw new Error(`no scenario fixture answers a whole journey about ${procedure}`);
    return ranked[0];
  });
}

/**
 * Records each tap's time to the next page painted, in the page (see the module's comment). Plain JavaScript
 * in a string: a function compiled by tsx would carry its helpers (`__name`), unknown to the page.
 * The next page's h1 is marked for Element Timing as it enters the DOM: its entry's `renderTime` is when the
 * frame that shows it was presented. Work queued after that frame is not counted, unlike a frame callback's.
 * Should no entry come (the h1 element reused), the start of the second frame after it is taken instead.
 */
const RECORD_TAPS = `
  window.taps = [];
  let pending = null;
  let n = 0;
  const title = () => document.querySelector('h1')?.textContent ?? '';
  const waiting = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) waiting.get(e.identifier)?.(e.renderTime || e.loadTime);
  }).observe({ type: 'element' });
  addEventListener('pointerdown', (e) => { pending = { at: e.timeStamp, title: title() }; }, true);
  new MutationObserver(() => {
    const tap = pending;
    const h1 = document.querySelector('h1');
    if (!tap || !h1 || title() === tap.title) return;
    pending = null;
    const id = 'next-page-' + ++n;
    let done = false;
    const record = (at) => {
      if (done) return;
      done = true;
      waiting.delete(id);
      window.taps.push({ from: tap.title, to: title(), ms: at - tap.at });
    };
    waiting.set(id, record);
    h1.setAttribute('elementtiming', id);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const fallback = performance.now();
      setTimeout(() => record(fallback), 1000);
    }));
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const tapCount = (page: Page) => page.evaluate(() => (window as unknown as { taps: unknown[] }).taps.length);

/** Taps `name` and waits until the next page is painted and recorded. */
async function tap(page: Page, name: string) {
  const before = await tapCount(page);
  await page.getByRole('button', { name, exact: true }).tap();
  await page.waitForFunction((n) => (window as unknown as { taps: unknown[] }).taps.length > n, before, { timeout: 20_000 }).catch(async () => {
    const errors = await page.locator('.error-summary').textContent().catch(() => null);
    throw new Error(`"${name}" on ${page.url()} led nowhere in 20 s${errors ? `: ${errors}` : ''}`);
  });
}

/** Answers the question page on screen from the fixture's facts, as a student would. */
async function answerPage(page: Page, facts: Facts) {
  const step = new URL(page.url()).searchParams.get('step');
  const fields = PAGES.find((p) => p.id === step)?.fields;
  if (!fields) throw new Error(`not a question page: ${page.url()}`);
  for (const path of fields) {
    const id = `f-${path.replace(/\./g, '-')}`;
    const v = getPath(facts, path);
    const type = fieldType(path);
    const radio = (value: string) => page.locator(`input[name="${id}"][value="${value}"]`).check();
    if (type.type === 'boolean') await radio(v ? 'yes' : 'no');
    else if (type.type === 'enum' || type.type === 'session') await radio(String(v));
    else if (type.type === 'set') {
      const chosen = v as string[];
      if (!chosen.length) await page.locator(`#${id}-none`).check();
      for (const c of chosen) await page.locator(type.values[0] === c ? `#${id}` : `#${id}-${c}`).check();
    } else if (type.type === 'region') await page.locator(`#${id}`).selectOption(String(v));
    else if (type.type === 'date' && v === null) await page.locator(`#${id}-none`).check();
    else if (type.type === 'date') {
      const [y, m, d] = (v as string).split('-');
      await page.locator(`#${id}`).fill(String(Number(d)));
      await page.locator(`#${id}-month`).fill(String(Number(m)));
      await page.locator(`#${id}-year`).fill(y!);
    } else await page.locator(`#${id}`).fill(String(v));
  }
}

/**
 * The day of the journey, for the app's clock (src/today.ts reads `new Date()`). Not Playwright's clock: its
 * timers wrap the page's own, which would be measured with them.
 */
const fixedDay = (today: string) => `{
  const fixed = new Date('${today}T10:00:00').getTime();
  const Real = Date;
  globalThis.Date = class extends Real { constructor(...a) { super(...(a.length ? a : [fixed])); } static now() { return fixed; } };
}`;

/** One journey in a page of its own: from the start page's "Commencer" (not counted) to the result, each tap after it recorded. */
async function journey(context: BrowserContext, url: string, j: Journey): Promise<Tap[]> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: fixedDay(j.today) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // A new student: no saved answers (they would lead straight to the answers to check); the service worker
    // and its caches kept, as on a second visit.
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'indexeddb,local_storage' });
    await page.goto(`${url}?for=${j.procedure}`);
    await tap(page, 'Commencer');
    await page.evaluate(() => { (window as unknown as { taps: unknown[] }).taps.length = 0; });
    while (new URL(page.url()).searchParams.get('step') !== 'check') {
      await answerPage(page, j.facts);
      await tap(page, 'Continuer');
    }
    await tap(page, 'Voir mes recours');
    const taps = await page.evaluate(() => (window as unknown as { taps: Omit<Tap, 'procedure'>[] }).taps);
    return taps.map((t) => ({ ...t, procedure: j.procedure }));
  } finally {
    await page.close();
  }
}

/**
 * `runs` passes over the journeys, after one pass not counted (the service worker installed, the lazy modules
 * cached, as on a student's second visit). Each pass's median and worst.
 */
export async function measureTaps(url: string, journeys: readonly Journey[], runs: number): Promise<TapRun[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await context.addInitScript({ content: RECORD_TAPS });
    const out: TapRun[] = [];
    for (let run = 0; run <= runs; run++) {
      const taps: Tap[] = [];
      for (const j of journeys) taps.push(...await journey(context, url, j));
      if (run === 0) continue;
      const times = taps.map((t) => t.ms);
      out.push({ taps, median: median(times), worst: Math.max(...times) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

const TAP_BUDGET = { median: 100, worst: 200 };

/**
 * The figure for the bench's table: the median of the passes' medians and of their worsts, with the budget;
 * under the table, the journeys, each pass and the slowest taps (what to look at first).
 */
export async function tapFigures(url: string, fixtures: readonly Fixture[], runs: number):
Promise<{ median: number; worst: number; pass: boolean; notes: string[] }> {
  const journeys = longestJourneys(fixtures);
  const passes = await measureTaps(url, journeys, runs);
  const m = median(passes.map((r) => r.median));
  const w = median(passes.map((r) => r.worst));
  const ms = (n: number) => `${Math.round(n)} ms`;
  const slowest = passes.flatMap((r) => r.taps).sort((a, b) => b.ms - a.ms).slice(0, 3);
  const short = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);
  return {
    median: m,
    worst: w,
    pass: m <= TAP_BUDGET.median && w <= TAP_BUDGET.worst,
    notes: [
      `taps: 360 × 740 touch page, CPU 4× slower; journeys: ${journeys.map((j) => `${j.procedure} (${j.file}, ${j.pages} pages)`).join(', ')}`,
      `taps: each pass (median / worst): ${passes.map((r) => `${ms(r.median)} / ${ms(r.worst)}`).join('; ')}`,
      ...slowest.map((t) => `taps: slow: ${ms(t.ms)}, ${t.procedure}, "${short(t.from)}" → "${short(t.to)}"`),
    ],
  };
}
