/**
 * The words as a student sees them on a 360 px phone (docs/glossary.md): French names inside Arabic read
 * left to right with their guillemets pointing outward and never split; place names never broken; a year
 * span keeps its order; the words a page uses explained there, once, in the student's language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RULES_VERSION } from '../../src/rules/version';
import { axe, launch } from './browser';
import { putStored } from './idb';
import { h1 } from './master-journey';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Refused everywhere, window open on 1 July 2026, the licence from Île-de-France. */
const MASTER = {
  licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'ile-de-france', applications: 7, positive: 0, apprenticeshipSearch: false,
  waitingList: false, refusals: 7, refusalMentions: 3, refusalEstablishments: 2, lastRefusalDate: '2026-07-01', teleserviceOpened: '2026-07-01',
};

/** A phone in `lang` on 5 July 2026, with these answers saved, at `step`. */
async function open(lang: string, step: string, answers: object, procedure = 'master-referral'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  await context.addInitScript((l) => localStorage.setItem('recourssup.lang', l), lang);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
  await page.goto(base);
  await putStored(page, 'progress', { schema: 1, rulesVersion: RULES_VERSION, savedAt: '2026-07-05T08:00:00.000Z', answers });
  await page.goto(`${base}?step=${step}&for=${procedure}`);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  return page;
}

interface Box { left: number; right: number; top: number }

/** Where each of `chars` (offsets after the start of `needle`, negative before it) is drawn, in the first text of `selector` holding `needle`. */
function boxes(page: Page, selector: string, needle: string, offsets: number[]): Promise<Box[]> {
  return page.locator(selector).first().evaluate((el, [text, at]) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text as string);
      if (i < 0) continue;
      return (at as number[]).map((o) => {
        const range = document.createRange();
        range.setStart(n!, i + o);
        range.setEnd(n!, i + o + 1);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top };
      });
    }
    throw new Error(`no text "${text as string}"`);
  }, [needle, offsets] as const);
}

describe('words on a phone', () => {
  it('in Arabic, « Saisir le recteur » is one left-to-right island, its guillemets outward, on one line', async () => {
    const page = await open('ar', 'result', { master: MASTER });
    const step = page.locator('.steps > li').first();
    await step.waitFor();
    const name = 'Saisir\u00a0le\u00a0recteur';
    // In the sentence and in the link: the opening guillemet drawn left of the name, the closing one right of it.
    for (const where of ['.steps > li', '.steps > li a']) {
      const [open, first, last, close] = await boxes(page, where, name, [-2, 0, name.length - 1, name.length + 1]);
      expect(open!.right, where).toBeLessThanOrEqual(first!.left + 0.5);
      expect(close!.left, where).toBeGreaterThanOrEqual(last!.right - 0.5);
      expect(new Set([open!.top, first!.top, last!.top, close!.top]).size, `${where}: one line`).toBe(1);
    }
    expect(await step.textContent()).toContain('\u2068«\u00a0Saisir\u00a0le\u00a0recteur\u00a0»\u2069');
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('in Arabic, Île-de-France has no break opportunity, and a year span reads 2023-2024', async () => {
    const page = await open('ar', 'result', { master: MASTER });
    const authority = page.locator('.procedure h3 + p').filter({ hasText: 'Île' });
    await authority.waitFor();
    // Non-breaking hyphens in a left-to-right isolate: nothing inside the name where a line may end.
    expect(await authority.textContent()).toContain('\u2068Île\u2011de\u2011France\u2069');
    const name = 'Île\u2011de\u2011France';
    const [start, end] = await boxes(page, '.procedure h3 + p', name, [0, name.length - 1]);
    expect(start!.top).toBe(end!.top);
    expect(start!.left).toBeLessThan(end!.left);
    // The three-year note's academic year: without its isolate the Arabic around it drew "2024-2023".
    const [y1, y2] = await boxes(page, '.notes', '2023-2024', [0, 5]);
    expect(y1!.left).toBeLessThan(y2!.left);
    await page.context().close();
  });

  it('in English, the licence question explains what a French licence and a French rector are', async () => {
    const page = await open('en', 'licence', {});
    await expect.poll(() => h1(page)).toBe('Which degree do you hold, or are you preparing this year?');
    const terms = page.locator('details.terms');
    expect(await terms.locator('summary').textContent()).toBe('Words to know: licence and rector (recteur)');
    await terms.locator('summary').click();
    expect(await terms.locator('dd').first().textContent()).toContain('three-year university degree');
    expect(await terms.locator('dd').nth(1).textContent()).toContain('does not run a university');
    expect(await axe(page)).toEqual([]);
    // Explained once: the next page (the licence's date) does not explain the licence again.
    await page.locator('#f-master-licence').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => h1(page)).toBe('On which date did you obtain your licence?');
    expect(await page.locator('details.terms').count()).toBe(0);
    await page.context().close();
  });

  it('in French, the result labels the last day and the advised day with the glossary\'s words, and says what a recteur is', async () => {
    const page = await open('fr', 'result', { master: MASTER });
    const dates = page.locator('.dates');
    await dates.waitFor();
    expect(await dates.locator('dt').allTextContents()).toEqual(['Démarche possible depuis le', 'Dernier jour', 'À faire au plus tard le']);
    expect(await dates.textContent()).toContain('Le dernier jour où la démarche est possible\u00a0: ce jour-là compte encore.');
    expect(await page.locator('.procedure').textContent()).toContain('ce n’est pas le président d’une université');
    await page.context().close();
  });
});
