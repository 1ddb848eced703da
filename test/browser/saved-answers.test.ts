/**
 * Saved answers in Chromium: several tabs sharing one journey, a reload while storage is slow, saved
 * answers validated (what fails set aside, listed, the rest kept), a hand-off that asks before replacing
 * the device's answers, and the empty check page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeHandoff } from '../../src/platform/handoff';
import { RULES_VERSION } from '../../src/rules/version';
import { axe, launch, watch } from './browser';
import { getStored, putStored, slowStorage } from './idb';
import { date, h1, next } from './master-journey';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function context(): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 } });
}
async function tab(ctx: BrowserContext, path = ''): Promise<Page> {
  const page = await ctx.newPage();
  await page.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
  await page.goto(`${base}${path}`);
  return page;
}
const stored = async (page: Page) => ((await getStored(page, 'progress')) as { answers: Record<string, Record<string, unknown>> } | undefined)?.answers;
const LICENCE = 'Quel diplôme avez-vous, ou préparez-vous cette année\u202f?';
const LICENCE_DATE = 'À quelle date avez-vous obtenu votre licence\u202f?';
const LICENCE_REGION = 'Dans quelle région académique avez-vous obtenu votre licence\u202f?';
const DNL = 'Une licence (diplôme national de licence)';
/** The Master referral's first two answers: a licence, obtained on 25 June 2026. */
async function licenceOn25June(page: Page) {
  await page.getByLabel(DNL).check();
  await next(page);
  await date(page, '25', '6', '2026');
  await next(page);
}

describe('two tabs: one journey, shared live', () => {
  it('each tab saves only what it changed: neither replaces the other, and a third tab resumes with both', async () => {
    const ctx = await context();
    const a = await tab(ctx, '?step=renounced&for=parcoursup-accompaniment,parcoursup-reexamination');
    const b = await tab(ctx, '?step=licence&for=master-referral');
    await licenceOn25June(b);
    await expect.poll(() => h1(b)).toBe(LICENCE_REGION);
    // Tab A had opened before B saved anything; it saves last.
    await a.getByLabel('Non').check();
    await next(a);
    await expect.poll(() => stored(a)).toEqual({ parcoursup: { renounced: false }, master: { licence: 'dnl', licenceDate: '2026-06-25' } });
    await b.reload();
    await expect.poll(() => h1(b)).toBe(LICENCE_REGION);
    await b.goBack();
    await expect.poll(() => h1(b)).toBe(LICENCE_DATE);
    expect(await b.getByLabel('Jour', { exact: true }).inputValue()).toBe('25');
    // A third tab: the offer, then every procedure, with both tabs' answers.
    const c = await tab(ctx);
    await c.getByRole('region', { name: 'Reprendre où vous en étiez\u202f?' }).getByRole('button', { name: 'Reprendre' }).click();
    await c.goto(`${base}?step=check`);
    await expect.poll(() => c.locator('.summary-list').textContent()).toContain('Avez-vous renoncé');
    expect(await c.locator('.summary-list').textContent()).toContain('25 juin 2026');
    await ctx.close();
  });

  it('another tab’s answers come in live; a page with unsaved typing is not overwritten but asks', async () => {
    const ctx = await context();
    const a = await tab(ctx, '?step=licence&for=master-referral');
    const b = await tab(ctx, '?step=licence&for=master-referral');
    // B has not typed anything: A's answer is taken at once, and said.
    await a.getByLabel(DNL).check();
    await next(a);
    await expect.poll(() => b.getByRole('status').filter({ hasText: 'mises à jour depuis un autre onglet' }).count()).toBe(1);
    expect(await b.getByLabel(DNL).isChecked()).toBe(true);
    // B now types; A saves again: B keeps what it typed, and is asked.
    await b.getByLabel('Une licence professionnelle').check();
    await date(a, '25', '6', '2026');
    await next(a);
    const alert = b.getByRole('alert').filter({ hasText: 'changé dans un autre onglet' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await b.getByLabel('Une licence professionnelle').isChecked()).toBe(true);
    expect(await axe(b), 'other tab notice').toEqual([]);
    await alert.getByRole('button', { name: /Garder ce que j’écris/ }).click();
    expect(await b.getByLabel('Une licence professionnelle').isChecked()).toBe(true);
    // B goes on with its own answer, saved over A's: A's date stays in storage (no longer relevant to B's licence).
    await next(b);
    await expect.poll(() => stored(b)).toEqual({ master: { licence: 'licence-pro', licenceDate: '2026-06-25' } });
    await ctx.close();
  });
});

describe('a reload before the saved answers are read', () => {
  it('shows a question page with its answers, and a conditional step stays where it was, even when storage is slow', async () => {
    const ctx = await context();
    const page = await tab(ctx, '?step=licence&for=master-referral');
    await licenceOn25June(page);
    await page.getByLabel('Région académique', { exact: true }).selectOption('occitanie');
    await next(page);
    await page.getByLabel('Nombre de candidatures').fill('7');
    await page.getByLabel('Réponses positives').fill('0');
    await next(page);
    await page.getByLabel('Non').check();
    await next(page);
    await expect.poll(() => stored(page)).toMatchObject({ master: { waitingList: false } });
    await slowStorage(page, 800);
    // A conditional step: asked only because of the answers before it.
    await page.goto(`${base}?step=refusals&for=master-referral`);
    await expect.poll(() => page.locator('.loading, h1').first().textContent()).toBe('Chargement…');
    await expect.poll(() => h1(page)).toBe('Vos refus');
    await page.goto(`${base}?step=licence-date&for=master-referral`);
    await expect.poll(() => h1(page)).toBe(LICENCE_DATE);
    expect(await page.getByLabel('Jour', { exact: true }).inputValue()).toBe('25');
    await ctx.close();
  });
});

describe('saved answers are validated', () => {
  it('sets aside what fails, keeps the rest, says so, and lists every set-aside record on the start page', async () => {
    const ctx = await context();
    const page = await tab(ctx);
    const seen = watch(page, new URL(base).origin);
    const invalid = {
      schema: 1, rulesVersion: RULES_VERSION, savedAt: 'not a date',
      answers: { master: { licence: 'dnl', licenceDate: 12345 }, parcoursup: { bacYear: 1e308, renounced: false } },
    };
    // Stored once the page open has done its reading: the start page reads (validates and sets aside) in its
    // own time, and would race the test; any other step shows its title only once the answers are read.
    await page.goto(`${base}?step=book`);
    await expect.poll(() => h1(page)).not.toBe('');
    // Entering on a question page: the answers are validated before the page is shown.
    await putStored(page, 'progress', invalid);
    await page.goto(`${base}?step=licence-date&for=master-referral`);
    await expect.poll(() => page.locator('main').textContent()).toContain('n’étaient pas valables');
    expect(await h1(page)).toBe(LICENCE_DATE);
    expect(await page.getByLabel('Jour', { exact: true }).inputValue()).toBe('');
    expect(await stored(page)).toEqual({ master: { licence: 'dnl' }, parcoursup: { renounced: false } });
    // Entering on the start page: it does not throw on an unreadable date of saving, offers the answers
    // undated, and says what it set aside once the questionnaire (which validates) has come.
    await putStored(page, 'progress', invalid);
    await page.goto(base);
    await expect.poll(() => page.getByRole('region', { name: 'Reprendre où vous en étiez\u202f?' }).textContent())
      .toContain('Des réponses enregistrées sont sur cet appareil.');
    await expect.poll(() => page.locator('main').textContent()).toContain('n’étaient pas valables');
    expect(await stored(page)).toEqual({ master: { licence: 'dnl' }, parcoursup: { renounced: false } });
    // A second unreadable record never replaces the first set aside.
    await putStored(page, 'progress', 'unreadable');
    await page.goto(base);
    await expect.poll(() => page.locator('main').textContent()).toContain('illisibles');
    const list = page.locator('details', { hasText: 'Réponses mises de côté' });
    await list.locator('summary').click();
    await expect.poll(() => list.getByRole('button').allTextContents()).toEqual([
      'Le 5 juillet 2026\u00a0: des réponses non valables, master.licenceDate, parcoursup.bacYear (télécharger)',
      'Le 5 juillet 2026\u00a0: des réponses non valables, master.licenceDate, parcoursup.bacYear (télécharger)',
      'Le 5 juillet 2026\u00a0: un enregistrement illisible (télécharger)',
    ]);
    expect(await axe(page), 'set-aside list').toEqual([]);
    expect(seen.errors).toEqual([]);
    await ctx.close();
  });
});

describe('a hand-off when the device already holds answers', () => {
  const link = (answers: object, procedures: ('master-referral' | 'parcoursup-accompaniment')[]) =>
    `${base}#${encodeHandoff({ answers, procedures }, RULES_VERSION)}`;

  it('asks before replacing them, even with an empty link, naming the procedures of each side', async () => {
    const ctx = await context();
    const page = await tab(ctx, '?step=renounced&for=parcoursup-accompaniment');
    await page.getByLabel('Oui').check();
    await next(page);
    await expect.poll(() => stored(page)).toEqual({ parcoursup: { renounced: true } });
    await page.goto(link({}, ['master-referral']));
    const ask = page.getByRole('region', { name: 'Remplacer les réponses de cet appareil\u202f?' });
    await expect.poll(() => ask.textContent()).toContain('Ce lien n’apporte aucune réponse (démarches\u00a0: Saisir le recteur pour une place en master 1).');
    expect(await ask.textContent()).toContain('Cet appareil a déjà des réponses sur\u00a0: Accompagnement Parcoursup (CAES) et Réexamen');
    expect(page.url()).toBe(base);
    expect(await axe(page), 'hand-off question').toEqual([]);
    await ask.getByRole('button', { name: 'Garder les réponses de cet appareil' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'ont été gardées' }).count()).toBe(1);
    expect(await stored(page)).toEqual({ parcoursup: { renounced: true } });

    await page.goto('about:blank'); // from the app's own address, only the fragment would change: no new load
    await page.goto(link({ master: { licence: 'dnl' } }, ['master-referral']));
    await page.getByRole('button', { name: 'Remplacer par les réponses du lien' }).click();
    // Handed-over answers land on the answers to check (questions remain), never on another procedure's question.
    await expect.poll(() => h1(page)).toBe('Vérifiez vos réponses');
    expect(await stored(page)).toEqual({ master: { licence: 'dnl' } });
    await ctx.close();
  });
});

describe('the check page with no answer', () => {
  it('says the result cannot be worked out yet when questions remain, and leads to them', async () => {
    const ctx = await context();
    const page = await tab(ctx, '?step=check&for=master-referral');
    await expect.poll(() => page.locator('main').textContent()).toContain('Vous n’avez encore répondu à aucune question');
    expect(await page.locator('main').textContent()).not.toContain('ne dépend que du calendrier');
    await page.getByRole('button', { name: 'Répondre aux questions' }).click();
    await expect.poll(() => h1(page)).toBe(LICENCE);
    await ctx.close();
  });
});
