/**
 * Every procedure to each of its outcomes (eligible, not yet, not eligible, too late), through the real
 * questionnaire in Chromium: the scenario fixtures' facts are typed into the pages the app asks for,
 * on the fixture's day, and the result must say the fixture's status. French, and Arabic for a subset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ar from '../../locales/ar.json';
import fr from '../../locales/fr.json';
import { FIELDS, getPath } from '../../src/rules/facts';
import { axe, launch } from './browser';
import { next } from './master-journey';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const LOCALES = { fr, ar } as const;
const id = (path: string) => `#f-${path.replace(/\./g, '-')}`;

/** Types the fixture's answer to each field of the page on screen. */
async function answerPage(page: Page, facts: unknown): Promise<void> {
  const ids = await page.locator('form.question [id^="f-"]').evaluateAll((els) => els.map((e) => e.id));
  const paths = Object.keys(FIELDS).filter((p) => ids.includes(`f-${p.replace(/\./g, '-')}`));
  for (const path of paths) {
    const type = FIELDS[path]!;
    const value = getPath(facts, path);
    if (value === undefined) throw new Error(`the app asks ${path}, which the fixture does not give`);
    const sel = id(path);
    if (type.type === 'boolean') await page.locator(value ? sel : `${sel}-no`).check();
    else if (type.type === 'enum') await page.locator(value === type.values[0] ? sel : `${sel}-${String(value)}`).check();
    else if (type.type === 'set') {
      if (!(value as string[]).length) await page.locator(`${sel}-none`).check();
      for (const v of value as string[]) await page.locator(v === type.values[0] ? sel : `${sel}-${v}`).check();
    } else if (type.type === 'region') await page.locator(sel).selectOption(String(value));
    else if (type.type === 'session') await page.locator(`input[name="${sel.slice(1)}"][value="${String(value)}"]`).check();
    else if (type.type === 'date') {
      if (value === null) await page.locator(`${sel}-none`).check();
      else {
        const [y, m, d] = String(value).split('-');
        await page.locator(sel).fill(String(Number(d)));
        await page.locator(`${sel}-month`).fill(String(Number(m)));
        await page.locator(`${sel}-year`).fill(y!);
      }
    } else await page.locator(sel).fill(String(value));
  }
}

/** Opens the app on the fixture's day, for its procedures, and answers every page up to the result. */
async function complete(fixture: string, lang: 'fr' | 'ar') {
  const s = JSON.parse(readFileSync(join(__dirname, '../scenarios/cases', `${fixture}.json`), 'utf8'));
  const L = LOCALES[lang];
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${s.today}T10:00:00`));
  await page.goto(`${base}?for=${Object.keys(s.expect).join(',')}`);
  if (lang !== 'fr') {
    await page.getByRole('button', { name: L.languages[lang] }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  }
  await page.getByRole('button', { name: L.start.begin, exact: true }).click();
  await expect.poll(() => page.locator('h1').textContent()).not.toBe(L.start.title);
  for (let i = 0; i < 12 && (await page.locator('form.question').count()); i++) {
    await answerPage(page, s.facts);
    await next(page, L.ui.continue);
  }
  expect(await page.locator('h1').textContent()).toBe(L.ui.check.title);
  await page.getByRole('button', { name: L.ui.check.submit }).click();
  return { s, L, page, context };
}

async function run(fixture: string, lang: 'fr' | 'ar') {
  const { s, L, page, context } = await complete(fixture, lang);
  const expected = Object.values(s.expect)[0] as { status: string };
  const status = page.locator('.procedure .status-line');
  await expect.poll(() => status.textContent()).toContain((L.result.statusOf as Record<string, string>)[expected.status]);
  if (lang !== 'fr') expect(await axe(page)).toEqual([]);
  // No horizontal scroll on a 320 px screen (or 640 px at 200 % zoom).
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await context.close();
}

describe('every procedure to each outcome, through the questionnaire', () => {
  const cases: [string, 'fr' | 'ar'][] = [
    ['accompaniment-01-category-1', 'fr'], ['accompaniment-14-before-caes-opening', 'fr'],
    ['accompaniment-08-oui-si-is-a-proposal', 'fr'], ['accompaniment-17-after-complementary-phase', 'fr'],
    ['reexamination-01-condition-1-category-2', 'fr'], ['reexamination-09-before-first-answers', 'fr'],
    ['reexamination-06-no-circumstance', 'fr'], ['reexamination-11-after-complementary-phase', 'fr'],
    ['master-02-licence-last-1', 'fr'], ['master-21-licence-not-obtained', 'fr'], ['master-17-licence-pro', 'fr'],
    ['master-05-day-after-deadline', 'fr'],
    ['accompaniment-01-category-1', 'ar'], ['reexamination-09-before-first-answers', 'ar'],
    ['master-17-licence-pro', 'ar'], ['master-05-day-after-deadline', 'ar'],
  ];
  for (const [fixture, lang] of cases) it(`${fixture} (${lang})`, () => run(fixture, lang));
});

/** Pages of a PDF Chromium printed: each page object carries `/Type /Page`. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('print', () => {
  for (const fixture of ['master-02-licence-last-1', 'mixed-01-category-1-and-disability']) {
    it(`fits the result on one A4 page, with the date of the check and the rules version (${fixture})`, async () => {
      const { page, context } = await complete(fixture, 'fr');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.result-meta').isVisible()).toBe(true);
      expect(await page.locator('.result-meta').textContent()).toMatch(/^Calculé le .+ · règles \d{4}\.\d+$/);
      // The caveats and where the result comes from are on paper too.
      expect(await page.locator('.procedure .print-only .reasons').first().isVisible()).toBe(true);
      expect(await page.locator('.procedure .notes').first().isVisible()).toBe(true);
      expect(await page.getByText(/^RecoursSup · http/).isVisible()).toBe(true);
      expect(pdfPages(await page.pdf({ format: 'A4', printBackground: true }))).toBe(1);
      await context.close();
    });
  }
});
