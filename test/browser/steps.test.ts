/**
 * The result's steps on a 360 px phone (docs/rulings.md §"Steps the rules give"): in December, a lycéen asking
 * about the next rentrée reads numbered steps to take now, each with its days on a line of its own (the next
 * calendar unpublished: last session's, labelled with their year), in French and Arabic; a student asking
 * about the rentrée just past reads what can still be done; a Master student whose licence will be too old
 * for the next session reads why no step is given. axe finds nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RULES_VERSION } from '../../src/rules/version';
import { axe, launch } from './browser';
import { putStored } from './idb';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** A phone in `lang` on `day`, with these answers saved, on the result of `procedure`, once `shown` is there. */
async function result(lang: string, day: string, answers: object, procedure: string, shown = '.steps > li'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  await context.addInitScript((l) => localStorage.setItem('recourssup.lang', l), lang);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
  await page.goto(base);
  await putStored(page, 'progress', { schema: 1, rulesVersion: RULES_VERSION, savedAt: `${day}T08:00:00.000Z`, answers });
  await page.goto(`${base}?step=result&for=${procedure}`);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  await page.locator(shown).first().waitFor();
  return page;
}

const steps = (page: Page) => page.locator('.procedure .steps > li').evaluateAll((lis) => lis.map((li) => ({
  text: li.firstChild?.textContent ?? '',
  when: li.querySelector('.step-when')?.textContent ?? null,
  papers: li.querySelectorAll('ul li').length,
})));

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A lycéen in terminale on 1 December 2026, bac 2027, health and disability: the 2027 calendar is not published. */
const LYCEEN = { parcoursup: { bacYear: 2027, region: 'occitanie', circumstances: ['health', 'disability'] } };

describe('the steps of a December result', () => {
  it('in French: numbered steps to take now, their days beside them, last session\'s labelled as 2026\'s', async () => {
    const page = await result('fr', '2026-12-01', LYCEEN, 'parcoursup-reexamination');
    expect(await page.locator('.procedure h3').first().textContent()).toBe('Ce que vous devez faire');
    const got = await steps(page);
    expect(got.map((s) => s.text)).toEqual([
      'Inscrivez-vous sur Parcoursup et formulez vos vœux pour la rentrée 2027.',
      'Confirmez vos vœux dans votre dossier Parcoursup\u00a0: un vœu non confirmé ne compte pas.',
      expect.stringMatching(/^Préparez dès maintenant vos justificatifs/),
    ]);
    expect(got[0]!.when).toBe('Calendrier 2027 pas encore publié. Pour repère, en 2026\u00a0: du 19 janvier jusqu’au 12 mars inclus.');
    expect(got[1]!.when).toBe('Calendrier 2027 pas encore publié. Pour repère, en 2026\u00a0: jusqu’au 1er avril inclus.');
    expect([got[2]!.papers, got[2]!.when]).toEqual([4, null]);
    // Where each platform step is done, one tap away; preparing papers is done nowhere in particular.
    const links = page.locator('.procedure .steps > li').nth(0).getByRole('link');
    expect([await links.textContent(), await links.getAttribute('href')]).toEqual(['Ouvrir Parcoursup (nouvel onglet)', 'https://dossierappel.parcoursup.fr/']);
    expect(await page.locator('.procedure .steps > li').nth(2).getByRole('link').count()).toBe(0);
    expect(await page.locator('.procedure').textContent()).not.toContain('Attendez');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/steps-december-fr.png`, fullPage: true });
    await page.context().close();
  });

  it('in Arabic: the same steps, right to left, the days labelled as 2026\'s', async () => {
    const page = await result('ar', '2026-12-01', LYCEEN, 'parcoursup-reexamination');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const got = await steps(page);
    expect(got.map((s) => s.text.slice(0, 12))).toEqual(['سجّل في Parc', 'أكّد رغباتك ', 'جهّز وثائقك ']);
    expect(got[0]!.when).toMatch(/^تقويم 2027 لم يُنشر بعد\. للاستئناس، في 2026: من 19 .+ حتى 12 .+ ضمنًا\.$/);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/steps-december-ar.png`, fullPage: true });
    await page.context().close();
  });

  it('asking about the rentrée just past: what can still be done, no note of the CAES sitting until September', async () => {
    const answers = { parcoursup: { session: 2026, region: 'occitanie', bacYear: 2026, renounced: false, mainPhase: false, complementaryRegistered: false } };
    const page = await result('fr', '2026-12-01', answers, 'parcoursup-accompaniment');
    expect(await page.locator('.procedure h3').first().textContent()).toBe('Ce que vous pouvez encore faire');
    const got = await steps(page);
    expect(got.map((s) => s.text)).toEqual([
      expect.stringMatching(/^Si vous n’avez toujours pas de place, contactez le rectorat/),
      'Inscrivez-vous sur Parcoursup et formulez vos vœux pour la rentrée 2027.',
      expect.stringMatching(/^Confirmez vos vœux/),
    ]);
    // The note, not the reason's source (académie de Paris: « jusqu’à fin septembre »).
    expect(await page.locator('.procedure .notes').textContent()).not.toContain('septembre');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/steps-december-too-late-fr.png`, fullPage: true });
    await page.context().close();
  });

  it('in July, for comparison: the complementary phase\'s step', async () => {
    const answers = { parcoursup: { session: 2026, region: 'occitanie', bacYear: 2026, renounced: false, mainPhase: false, complementaryRegistered: false, circumstances: ['health'] } };
    const page = await result('fr', '2026-07-05', answers, 'parcoursup-reexamination');
    const got = await steps(page);
    expect(got[0]!.text).toBe('Inscrivez-vous en phase complémentaire et faites au moins un vœu.');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${process.env.SCREENSHOTS ?? '/tmp'}/steps-july-fr.png`, fullPage: true });
    await page.context().close();
  });
});

/** After the 2026 season, a licence of June 2023: within its three years for 2026, not for 2027 (R612-36-3 II). */
const NEXT_CLOSED = { master: { session: 2026, licence: 'dnl', licenceDate: '2023-06-20' } };

describe('a too-late whose next session is closed to the student', () => {
  for (const [lang, words] of [['fr', ['(2027)', 'elle ne vous sera pas ouverte', 'plus de trois années universitaires']],
    ['ar', ['(2027)', 'لن تكون مفتوحة لك', 'ثلاث سنوات جامعية']]] as const) {
    it(`says why among the result's notes, with no step (${lang})`, async () => {
      const page = await result(lang, '2026-12-01', NEXT_CLOSED, 'master-referral', '.notes > li');
      const notes = await page.locator('.procedure .notes > li').allTextContents();
      expect(notes.filter((n) => words.every((w) => n.includes(w))), notes.join('\n')).toHaveLength(1);
      expect(notes.join(' ')).not.toMatch(/\{\{|undefined|nextSessionClosed/);
      expect(await page.locator('.steps > li').count()).toBe(0);
      expect(await noHorizontalScroll(page)).toBe(true);
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the answers to check', () => {
  // As the language lists: "A et B" in French; Arabic joins with و, never a Latin comma.
  for (const [lang, check] of [['fr', (a: string) => a === 'Votre état de santé et Un handicap'], ['ar', (a: string) => a.includes(' و') && !a.includes(',')]] as const) {
    it(`list the circumstances chosen as the language lists them (${lang})`, async () => {
      const page = await result(lang, '2026-12-01', LYCEEN, 'parcoursup-reexamination');
      await page.goto(`${base}?step=check&for=parcoursup-reexamination`);
      await page.locator('dd').first().waitFor();
      const answers = await page.locator('dd').allTextContents();
      expect(answers.filter(check), answers.join(' | ')).toHaveLength(1);
      await page.context().close();
    });
  }
});
