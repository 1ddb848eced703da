/**
 * The smaller faults a walk on a 360 px phone found, in French and Arabic (issue 13): the error summary's
 * lines, a date field that "not yet" disables, the law page's calendars, the start page's short-cuts and the
 * check date, the bac year's example, the "Modifier" links' names, Arabic's counted nouns and "Mon Master".
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

const JULY = '2026-07-05T10:00:00';
const DECEMBER = '2026-12-10T10:00:00';

/** A 360 px phone in `lang` on `day`, with `answers` saved when given, at `query`. */
async function open(lang: string, query: string, day: string, answers?: object): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await context.addInitScript((l) => localStorage.setItem('recourssup.lang', l), lang);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(day));
  await page.goto(base);
  if (answers) await putStored(page, 'progress', { schema: 1, rulesVersion: RULES_VERSION, savedAt: '2026-07-05T08:00:00.000Z', answers });
  await page.goto(`${base}${query}`);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  return page;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** A Master referral answered whole (each page opens through its "Modifier"), with `refusals` refusals. */
const master = (refusals: number) => ({
  master: {
    session: 2026, licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'occitanie', applications: 7, positive: 0, apprenticeshipSearch: false,
    waitingList: false, refusals, refusalMentions: refusals, refusalEstablishments: 2, lastRefusalDate: '2026-07-01', teleserviceOpened: '2026-07-01',
  },
});

describe('a phone walk, 360 px', () => {
  it('the error summary gives the message alone on a page of one question, and the bac year\'s example follows the session', async () => {
    const page = await open('fr', '?step=bac-year&for=parcoursup-accompaniment', DECEMBER, {});
    await expect.poll(() => h1(page)).toBe('En quelle année avez-vous obtenu (ou obtiendrez-vous) le bac\u202f?');
    // In December 2026 the session a lycéen asks about is 2027's.
    expect(await page.locator('#help-bac-year').textContent()).toBe('Ou un diplôme équivalent. Exemple\u00a0: 2027.');
    await page.getByRole('button', { name: 'Continuer' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.locator('a').allTextContents()).toEqual(['Indiquez l’année.']);
    expect(await page.locator('.field-error').textContent()).toBe('Erreur\u00a0: Indiquez l’année.');
    expect(await axe(page)).toEqual([]);
    await page.context().close();

    const july = await open('fr', '?step=bac-year&for=parcoursup-accompaniment', JULY, {});
    await expect.poll(() => july.locator('#help-bac-year').textContent()).toBe('Ou un diplôme équivalent. Exemple\u00a0: 2026.');
    await july.context().close();
  });

  it('on a page of several fields, each summary line names its field by its short label, never the question', async () => {
    const page = await open('fr', '?step=refusals&for=master-referral', JULY, master(3));
    await expect.poll(() => h1(page)).toContain('refus');
    await page.getByLabel('Mentions de master différentes parmi ces refus').fill('5');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary a').allTextContents())
      .toEqual(['Mentions de master différentes parmi ces refus\u00a0: Indiquez au plus 3\u00a0: vous avez reçu 3 refus.']);
    await page.context().close();
  });

  it('a date field that "not yet" disables looks disabled, and its message says which box to untick', async () => {
    const page = await open('fr', '?step=last-refusal-date&for=master-referral', JULY, master(7));
    await expect.poll(() => h1(page)).toContain('dernier refus');
    const day = page.getByLabel('Jour');
    const enabled = await day.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderStyle }));
    await page.getByLabel('Je n’ai encore reçu aucun refus').check();
    await expect.poll(() => day.isDisabled()).toBe(true);
    const disabled = await day.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderStyle }));
    expect(disabled.bg).not.toBe(enabled.bg);
    expect(disabled.border).toBe('dashed');
    await page.getByRole('button', { name: 'Continuer' }).click();
    const message = 'Vous avez indiqué 7 refus\u00a0: décochez «\u00a0Je n’ai encore reçu aucun refus\u00a0» pour saisir la date du dernier.';
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary a').allTextContents()).toEqual([message]);
    // The disabled box takes no focus: the summary's link leads to the box to untick.
    await page.locator('.error-summary a').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-master-lastRefusalDate-none');
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('in Arabic, a count of two reads as the dual, not "2 رفض"', async () => {
    const page = await open('ar', '?step=refusals&for=master-referral', JULY, master(2));
    await page.locator('#f-master-refusalMentions').fill('5');
    await page.locator('button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    const text = await page.locator('.field-error').textContent();
    expect(text).toContain('تلقيت رفضين');
    expect(text).not.toMatch(/\d\s*(رفض|حالات)/);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('the law page\'s calendars are cards, nothing wider than the phone, a past session\'s missing date "not found"', async () => {
    for (const lang of ['fr', 'ar']) {
      const page = await open(lang, '?step=law', DECEMBER);
      const table = page.locator('.book-table').first();
      await table.waitFor();
      expect(await pageWidth(page), lang).toBeLessThanOrEqual(360);
      expect(await table.locator('td').first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
      // No cell squeezed to a column of letters: every cell of every calendar at least half the phone wide.
      const narrowest = await page.locator('.book-table td').evaluateAll((cells) => Math.min(...cells.map((c) => c.getBoundingClientRect().width)));
      expect(narrowest, lang).toBeGreaterThan(180);
      if (lang === 'fr') {
        // Parcoursup 2026 is over in December 2026: a date it lacks will not be published any more.
        const ps2026 = page.getByRole('table', { name: /^Parcoursup 2026/ });
        expect(await ps2026.textContent()).not.toContain('pas encore publiée');
        expect(await ps2026.textContent()).toContain('introuvable dans nos sources');
      }
      expect(await axe(page), lang).toEqual([]);
      await page.context().close();
    }
  });

  it('the start page\'s short-cuts are blocks (the marker before the first line), in Arabic too; "vérifiés le" never names a day to come', async () => {
    const page = await open('ar', '', DECEMBER);
    const links = page.locator('.shortcuts a');
    await links.first().waitFor();
    expect(new Set(await links.evaluateAll((as) => as.map((a) => getComputedStyle(a).display)))).toEqual(new Set(['block']));
    // Each link fills its item: a wrapped link starts on the item's first line, where the marker is.
    const gaps = await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().top - a.parentElement!.getBoundingClientRect().top));
    for (const gap of gaps) expect(Math.abs(gap)).toBeLessThan(1);
    // "Mon Master" in the title: one isolate, on one line.
    const title = await page.locator('h1').textContent();
    expect(title).toContain('\u2068Mon\u00a0Master\u2069');
    const [m, r] = await page.locator('h1').evaluate((el) => {
      const text = el.firstChild!;
      const at = text.textContent!.indexOf('Mon\u00a0Master');
      return [at, at + 9].map((i) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().top;
      });
    });
    expect(m).toBe(r);
    await expect.poll(() => page.locator('.season').textContent()).toContain('1 ديسمبر 2026');
    await page.context().close();

    // In July 2026, the calendars checked on 1 December 2026 are not "checked" yet: the line says where the year stands only.
    const july = await open('fr', '', JULY);
    await expect.poll(() => july.locator('.season').textContent()).toContain('Session Parcoursup 2026');
    expect(await july.locator('.season').textContent()).not.toContain('vérifiés');
    await july.context().close();
  });

  it('each "Modifier" link of "Vérifiez vos réponses" names its answer, beginning with the visible word', async () => {
    for (const [lang, change] of [['fr', 'Modifier'], ['ar', 'تعديل']] as const) {
      const page = await open(lang, '?step=check&for=master-referral', JULY, master(3));
      const links = page.locator('.summary-action a');
      await links.first().waitFor();
      expect(await links.count(), lang).toBeGreaterThan(5);
      for (const link of await links.all()) expect(await link.getAttribute('aria-label')).toBeNull();
      const names = await Promise.all((await links.all()).map(async (l) => (await l.evaluate((el) => el.textContent ?? '')).replace(/\s+/g, ' ')));
      expect(new Set(names).size, lang).toBe(names.length);
      for (const n of names) expect(n.startsWith(`${change} `), n).toBe(true);
      // The accessibility tree agrees: one link per answer, found by its whole name.
      const licence = lang === 'fr' ? 'Modifier la réponse\u00a0: Quel diplôme avez-vous, ou préparez-vous cette année\u202f?' : undefined;
      if (licence) expect(await page.getByRole('link', { name: licence, exact: true }).count()).toBe(1);
      expect(await axe(page), lang).toEqual([]);
      await page.context().close();
    }
  });
});

describe('an opening known only as "open by then", on a phone (docs/rulings.md §Calendars)', () => {
  // Session 2026 (no opening in its calendar), after the season; the student last saw the service closed.
  const SEEN_CLOSED = {
    master: {
      session: 2026, licence: 'dnl', licenceDate: '2026-07-03', licenceRegion: 'occitanie', applications: 6, positive: 0, contractSearch: 0,
      waitingList: false, refusals: 6, refusalMentions: 2, refusalEstablishments: 2, lastRefusalDate: '2026-09-25', teleserviceOpened: null,
    },
  };

  for (const lang of ['fr', 'ar'] as const) {
    it(`says the student's "not open yet" is old, and what to do now, beside the outcome (${lang})`, async () => {
      const early = await open(lang, '?step=result&for=master-referral', '2026-10-05T10:00:00', SEEN_CLOSED);
      const lead = early.locator('.procedure .outcome .leading-note');
      await expect.poll(() => lead.count()).toBe(1);
      expect(await lead.textContent()).toContain(lang === 'fr' ? 'même si vous l’avez vu fermé' : 'حتى لو رأيتها مغلقة');
      expect(await early.locator('.procedure .dates dt').first().textContent()).toBe(lang === 'fr' ? 'Démarche possible depuis le' : 'ممكن منذ');
      expect(await axe(early)).toEqual([]);
      await early.context().close();
      // Once the first last day has passed: unknown, and the note says to refer today if still possible.
      const late = await open(lang, '?step=result&for=master-referral', '2026-10-12T10:00:00', SEEN_CLOSED);
      const leadLate = late.locator('.procedure .outcome .leading-note');
      await expect.poll(() => leadLate.count()).toBe(1);
      expect(await leadLate.textContent()).toContain(lang === 'fr' ? 'faites-le aujourd’hui' : 'فافعل اليوم');
      expect(await late.locator('.procedure .notes').textContent().catch(() => '')).not.toContain(lang === 'fr' ? 'faites-le aujourd’hui' : 'فافعل اليوم');
      expect(await pageWidth(late)).toBeLessThanOrEqual(360);
      expect(await axe(late)).toEqual([]);
      await late.context().close();
    });
  }
});
