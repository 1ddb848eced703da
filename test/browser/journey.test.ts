/**
 * Full journeys in Chromium against the production build: the questionnaire, Back and Change, the
 * result with its dates, saved progress, storage blocked, the .ics, in French and in Arabic, with
 * axe-core on every page state visited.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, launch, watch } from './browser';
import { getStored, putStored } from './idb';
import { date, h1, masterCounts, masterFirstPages, masterLastPages, next } from './master-journey';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function open(context?: BrowserContext, today = '2026-07-05T10:00:00'): Promise<{ page: Page; context: BrowserContext }> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true }));
  const page = await ctx.newPage();
  await page.clock.setFixedTime(new Date(today));
  return { page, context: ctx };
}

async function noViolations(page: Page, state: string) {
  expect(await axe(page), state).toEqual([]);
}

/** The master referral in French, up to the answers to check, with axe on each kind of page. */
async function masterJourney(page: Page, region = 'occitanie') {
  await page.goto(base);
  await noViolations(page, 'start');
  await masterFirstPages(page, region, (state) => noViolations(page, state));
  await masterLastPages(page);
  await noViolations(page, 'check answers');
}

describe('journeys', () => {
  it('master referral, eligible: the window with weekdays, the rector, the reasons, each page accessible', async () => {
    const { page, context } = await open();
    const seen = watch(page, new URL(base).origin);
    await masterJourney(page);
    await page.getByRole('button', { name: 'Voir mes recours' }).click();
    expect(await h1(page)).toBe('Vos recours');
    const section = page.getByRole('region', { name: 'Saisir le recteur pour une place en master 1' });
    await expect.poll(() => section.textContent()).toContain('Vous pouvez faire cette démarche.');
    const text = (await section.textContent())!;
    expect(text).toContain('mercredi 1er juillet 2026');
    expect(text).toContain('jeudi 16 juillet 2026');
    expect(text).toContain('mercredi 15 juillet 2026');
    expect(text).toContain('Il reste 10 jours.');
    expect(text).toContain('Le recteur de la région académique Occitanie');
    expect(text).toContain('Source\u00a0: R612-36-3 I al. 3 (loi)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    await noViolations(page, 'result');
    // The outcome first, then the steps with the official place, then why (an accordion, opened here).
    const order = await section.locator('h3, .outcome, details.why > summary').allTextContents();
    expect(order[0]).toContain('Vous pouvez faire cette démarche.');
    expect(order[1]).toBe('Ce que vous devez faire');
    expect(await section.getByRole('link', { name: /Ouvrir Mon Master/ }).getAttribute('href')).toBe('https://www.monmaster.gouv.fr/');
    await section.locator('details.why > summary').click();
    // The law, shipped in the app, on the right paragraph.
    const lawLink = section.getByRole('link', { name: /Lire le texte \(R612-36-3 II\)/ });
    await lawLink.scrollIntoViewIfNeeded();
    const where = await page.evaluate(() => scrollY);
    await lawLink.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('R612-36-3-II');
    expect(await page.locator('#R612-36-3-II').textContent()).toContain('trois années universitaires');
    await noViolations(page, 'law');
    // Back from the text: where the student was, the reasons still open, the link followed focused.
    await page.getByRole('link', { name: 'Retour' }).first().click();
    await expect.poll(() => lawLink.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(Math.abs(await page.evaluate(() => scrollY) - where)).toBeLessThan(5);
    expect(await section.locator('details.why').getAttribute('open')).not.toBeNull();
    expect(await h1(page)).toBe('Vos recours');
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });

  it('Back, browser Back and Change come back where they should; an irrelevant step is skipped', async () => {
    const { page, context } = await open();
    await masterJourney(page);
    // Change the degree to a licence pro: decided at once, back on the check page with only that answer.
    const changeLicence = 'Modifier la réponse\u00a0: Quel diplôme avez-vous, ou préparez-vous cette année\u202f?';
    await page.getByRole('link', { name: changeLicence }).click();
    expect(await h1(page)).toBe('Quel diplôme avez-vous, ou préparez-vous cette année\u202f?');
    expect(await page.getByLabel('Une licence (diplôme national de licence)').isChecked()).toBe(true);
    await page.getByLabel('Une licence professionnelle').check();
    await next(page);
    expect(await h1(page)).toBe('Vérifiez vos réponses');
    // The situation chosen first, and that one answer.
    expect(await page.locator('.summary-row').count()).toBe(2);
    expect(await page.locator('.summary-row').first().textContent()).toContain('J’ai (ou j’aurai) une licence');
    // Changing back restores every answer kept in memory: straight back to the full check page.
    await page.getByRole('link', { name: changeLicence }).click();
    await page.getByLabel('Une licence (diplôme national de licence)').check();
    await next(page);
    expect(await h1(page)).toBe('Vérifiez vos réponses');
    expect(await page.locator('.summary-list').textContent()).toContain('Vos refus');
    // Browser Back: one history entry per step.
    await page.goBack();
    expect(await h1(page)).toBe('Quel diplôme avez-vous, ou préparez-vous cette année\u202f?');
    await page.getByRole('link', { name: 'Retour' }).click();
    expect(await h1(page)).toBe('Vérifiez vos réponses');
    // A step made irrelevant is skipped: with a licence pro, the refusals page is not shown, even by URL.
    await page.getByRole('link', { name: changeLicence }).click();
    await page.getByLabel('Une licence professionnelle').check();
    await next(page);
    await page.goto(`${base}?step=refusals&for=master-referral`);
    await expect.poll(() => h1(page)).toBe('Vérifiez vos réponses');
    await context.close();
  });

  it('bad input: an error summary that takes focus and links to the field, and nothing typed is lost', async () => {
    const { page, context } = await open();
    await page.goto(`${base}?step=licence&for=master-referral`);
    await page.getByLabel('Une licence (diplôme national de licence)').check();
    await next(page);
    await date(page, '31', '2', '2026');
    await next(page);
    const summary = page.getByRole('alert');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await summary.textContent()).toContain('Cette date n’existe pas.');
    await noViolations(page, 'error');
    expect(await page.getByLabel('Jour', { exact: true }).inputValue()).toBe('31');
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-master-licenceDate');
    await context.close();
  });

  it('reload mid-journey resumes on the same step with the same answers', async () => {
    const { page, context } = await open();
    await page.goto(`${base}?step=licence&for=master-referral`);
    await page.getByLabel('Une licence (diplôme national de licence)').check();
    await next(page);
    await date(page, '25', '6', '2026');
    await next(page);
    expect(await h1(page)).toBe('Dans quelle région académique avez-vous obtenu votre licence\u202f?');
    await page.reload();
    expect(await h1(page)).toBe('Dans quelle région académique avez-vous obtenu votre licence\u202f?');
    await page.goBack();
    await expect.poll(() => h1(page)).toBe('À quelle date avez-vous obtenu votre licence\u202f?');
    expect(await page.getByLabel('Jour', { exact: true }).inputValue()).toBe('25');
    await context.close();
  });

  it('on return, offers to resume (with the day saved) or start again, and erases on request', async () => {
    const { page, context } = await open();
    await page.goto(`${base}?step=licence&for=master-referral`);
    await page.getByLabel('Une licence (diplôme national de licence)').check();
    await next(page);
    await page.goto(base);
    const offer = page.getByRole('region', { name: 'Reprendre où vous en étiez\u202f?' });
    await expect.poll(() => offer.textContent()).toContain('le 5 juillet 2026');
    await noViolations(page, 'resume offer');
    await offer.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(() => h1(page)).toBe('À quelle date avez-vous obtenu votre licence\u202f?');
    // Erasing asks first: cancel keeps everything, focus back on the button.
    await page.getByRole('button', { name: 'Effacer mes réponses' }).click();
    const ask = page.getByRole('group', { name: /Effacer toutes vos réponses de cet appareil/ });
    await expect.poll(() => ask.count()).toBe(1);
    await noViolations(page, 'erase question');
    await ask.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Effacer mes réponses');
    await page.getByRole('button', { name: 'Effacer mes réponses' }).click();
    await page.getByRole('button', { name: 'Oui, tout effacer' }).click();
    await page.getByText('Vos réponses ont été effacées de cet appareil.').waitFor();
    await page.reload();
    expect(await page.getByRole('region', { name: 'Reprendre où vous en étiez\u202f?' }).count()).toBe(0);
    await context.close();
  });

  it('answers saved under older rules are re-evaluated, and the page says the rules changed', async () => {
    const { page, context } = await open();
    await page.goto(base);
    // What an earlier release left on this device: the envelope with another rules version.
    await putStored(page, 'progress', {
      schema: 1, rulesVersion: '2025.1', savedAt: '2026-07-01T08:00:00.000Z', answers: { master: { licence: 'licence-pro' } },
    });
    await page.goto(`${base}?step=result&for=master-referral`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Les règles ont changé depuis votre dernière visite');
    expect(await page.locator('.procedure').textContent()).toContain('Cette démarche ne vous est pas ouverte.');
    await noViolations(page, 'rules changed');
    await context.close();
  });

  it('storage blocked: says answers are kept in memory only, and the journey still works', async () => {
    const { page, context } = await open();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await page.goto(`${base}?step=renounced&for=parcoursup-accompaniment`);
    await page.getByLabel('Oui').check();
    await next(page);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('gardées tant que cette page reste ouverte');
    expect(await h1(page)).toBe('Vérifiez vos réponses');
    await page.getByRole('button', { name: 'Voir mes recours' }).click();
    expect(await page.locator('.procedure').textContent()).toContain('Cette démarche ne vous est pas ouverte.');
    await context.close();
  });

  it('downloads an .ics with the act-by date and an alarm two days before', async () => {
    const { page, context } = await open();
    await masterJourney(page);
    await page.getByRole('button', { name: 'Voir mes recours' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click()]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260715');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260716');
    expect(ics).toContain('TRIGGER:-P2D');
    // Each event links to where the referral is made.
    expect(ics).toContain('URL:https://www.monmaster.gouv.fr/');
    await context.close();
  });

  it('in Arabic, right to left: renunciation decides the accompaniment, every state accessible', async () => {
    const { page, context } = await open();
    await page.goto(base);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    await noViolations(page, 'start ar');
    await page.getByRole('link', { name: 'ليس لدي أي عرض على Parcoursup' }).click();
    await expect.poll(() => h1(page)).toBe('هل تخليت عن جميع رغباتك على Parcoursup؟');
    await noViolations(page, 'question ar');
    // Dates read right to left like their example: the day's box on the right of the year's.
    const dateContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const datePage = await dateContext.newPage();
    await datePage.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
    await datePage.goto(`${base}?step=licence&for=master-referral`);
    await datePage.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => datePage.getAttribute('html', 'dir')).toBe('rtl');
    await datePage.locator('#f-master-licence').check();
    await datePage.getByRole('button', { name: 'متابعة' }).click();
    await datePage.locator('#f-master-licenceDate').waitFor();
    const box = async (id: string) => (await datePage.locator(id).boundingBox())!.x;
    expect(await box('#f-master-licenceDate')).toBeGreaterThan(await box('#f-master-licenceDate-year'));
    await dateContext.close();
    await page.getByLabel('نعم').check();
    await page.getByRole('button', { name: 'متابعة' }).click();
    // The re-examination still needs answers; the accompaniment is decided already.
    await expect.poll(() => h1(page)).not.toBe('هل تخليت عن جميع رغباتك على Parcoursup؟');
    // Saved (a read-modify-write, under a lock) before the page is left for the result's address.
    await expect.poll(() => getStored(page, 'progress')).toMatchObject({ answers: { parcoursup: { renounced: true } } });
    await page.goto(`${base}?step=result&for=parcoursup-accompaniment`);
    await expect.poll(() => page.locator('.procedure').textContent()).toContain('هذا الإجراء غير متاح لك.');
    expect(await page.locator('.procedure').textContent()).toContain('D612-1-23 IV');
    await noViolations(page, 'result ar');
    await context.close();
  });
});

/**
 * Between seasons and before a calendar is published (docs/rulings.md §Sessions): never "too late" to a student who
 * is not, never a date of another session; the rentrée asked when nothing else settles it.
 */
describe('every day of the year', () => {
  const ACCOMPANIMENT = '?for=parcoursup-accompaniment';
  const LANGS = {
    fr: { begin: 'Commencer', bac: 'Année du bac', go: 'Continuer', session: 'Pour quelle rentrée cherchez-vous une place\u202f?',
      notYet: 'Pas encore', tooLate: 'Trop tard pour cette rentrée', unpublished: 'n’est pas encore publié', check: 'Vérifiez vos réponses', submit: 'Voir le résultat' },
    ar: { begin: 'ابدأ', bac: 'سنة البكالوريا', go: 'متابعة', session: 'لأي دخول جامعي تبحث عن مقعد؟',
      notYet: 'ليس بعد', tooLate: 'فات الأوان', unpublished: 'لم يُنشر بعد', check: '', submit: '' },
  } as const;

  async function start(today: string, lang: 'fr' | 'ar') {
    const { page, context } = await open(undefined, today);
    await page.goto(`${base}${ACCOMPANIMENT}`);
    if (lang === 'ar') {
      await page.getByRole('button', { name: 'العربية' }).click();
      await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    }
    await page.getByRole('button', { name: LANGS[lang].begin, exact: true }).click();
    return { page, context };
  }

  /** Answers the pages up to the result: the bac year given, the région chosen. */
  async function toResult(page: Page, lang: 'fr' | 'ar', bacYear: string, session?: string) {
    const L = LANGS[lang];
    await page.getByLabel(L.bac).fill(bacYear);
    await next(page, L.go);
    if (session) {
      await expect.poll(() => h1(page)).toBe(L.session);
      await noViolations(page, `session question ${lang}`);
      await page.locator(`input[name="f-parcoursup-session"][value="${session}"]`).check();
      await next(page, L.go);
      await savedAnswer(page, 'session', Number(session));
    }
  }

  /** The answer is stored (a save is a read-modify-write under a lock) before the test leaves the page by URL. */
  const savedAnswer = (page: Page, field: string, value: unknown) =>
    expect.poll(async () => ((await getStored(page, 'progress')) as { answers?: { parcoursup?: Record<string, unknown> } } | undefined)
      ?.answers?.parcoursup?.[field]).toEqual(value);

  for (const lang of ['fr', 'ar'] as const) {
    it(`on 1 December, a lycéen with a bac in 2027 is told "not yet", with no date of 2026 (${lang})`, async () => {
      const { page, context } = await start('2026-12-01T10:00:00', lang);
      await toResult(page, lang, '2027');
      // The région routes the request: the only other question.
      await page.locator('#f-parcoursup-region').selectOption('ile-de-france');
      await next(page, LANGS[lang].go);
      await savedAnswer(page, 'region', 'ile-de-france');
      await page.goto(`${base}?step=result&for=parcoursup-accompaniment`);
      const procedure = page.locator('.procedure');
      await expect.poll(() => procedure.textContent()).toContain(LANGS[lang].notYet);
      const text = (await procedure.textContent())!;
      expect(text).not.toContain(LANGS.fr.tooLate);
      expect(text).toContain(LANGS[lang].unpublished);
      // No date of the 2026 session as a date of the answer (it may only appear, labelled, as context).
      expect(await page.locator('.procedure .dates').count()).toBe(0);
      await noViolations(page, `december result ${lang}`);
      await context.close();
    });

    it(`on 1 December, a bac of 2026 is asked which rentrée; 2026 is too late, with the rectorat still reachable (${lang})`, async () => {
      const { page, context } = await start('2026-12-01T10:00:00', lang);
      await toResult(page, lang, '2026', '2026');
      await page.goto(`${base}?step=result&for=parcoursup-accompaniment`);
      const procedure = page.locator('.procedure');
      await expect.poll(() => procedure.textContent()).toContain(lang === 'fr' ? LANGS.fr.tooLate : LANGS.ar.tooLate);
      // Too late: the day it opened, never "open since" beside it.
      const labels = await procedure.locator('.dates dt').allTextContents();
      expect(labels[0]).toBe(lang === 'fr' ? 'Ouverture le' : 'فُتح يوم');
      await noViolations(page, `december too late ${lang}`);
      await context.close();
    });
  }

  it('on 1 December, a Master student is asked the licence before the rentrée: one too old for both is told why, never asked the rentrée', async () => {
    const { page, context } = await open(undefined, '2026-12-01T10:00:00');
    await page.goto(base);
    await page.getByRole('link', { name: 'Tous les masters m’ont refusé' }).click();
    await expect.poll(() => h1(page)).toBe('Quel diplôme avez-vous, ou préparez-vous cette année\u202f?');
    await page.getByLabel('Une licence (diplôme national de licence)').check();
    await next(page);
    expect(await h1(page)).toBe('À quelle date avez-vous obtenu votre licence\u202f?');
    await date(page, '1', '7', '2021');
    await next(page);
    // Too old for 2026 and for 2027 (R612-36-3 II): nothing more is asked, the rentrée never.
    await expect.poll(() => h1(page)).toBe('Vérifiez vos réponses');
    expect(await page.locator('main').textContent()).not.toContain('rentrée');
    await page.goto(`${base}?step=result&for=master-referral`);
    const procedure = page.locator('.procedure');
    await expect.poll(() => procedure.locator('.status-line').textContent()).toContain('Cette démarche ne vous est pas ouverte');
    // Why, beside the outcome, not only under "Pourquoi".
    expect(await procedure.locator('.because').textContent()).toBe('Votre licence date de plus de trois années universitaires\u00a0: la saisine n’est plus possible.');
    expect(await procedure.textContent()).not.toContain('Trop tard');
    await noViolations(page, 'december master not eligible');
    await context.close();
  });

  it('on 10 January 2027, with no 2027 calendar, the answer names what is missing and never says too late', async () => {
    const { page, context } = await start('2027-01-10T10:00:00', 'fr');
    // In the 2027 season the session is settled; whether it has opened is unknown (no calendar), so the
    // law's own questions are asked meanwhile.
    await page.locator('#f-parcoursup-renounced-no').check();
    await next(page);
    await page.getByLabel(LANGS.fr.bac).fill('2027');
    await next(page);
    for (const field of ['mainPhase', 'complementaryRegistered']) {
      await page.locator(`#f-parcoursup-${field}-no`).check();
      await next(page);
    }
    await page.locator('#f-parcoursup-region').selectOption('ile-de-france');
    await next(page);
    await savedAnswer(page, 'region', 'ile-de-france');
    await page.goto(`${base}?step=result&for=parcoursup-accompaniment`);
    const procedure = page.locator('.procedure');
    await expect.poll(() => procedure.textContent()).toContain('Nous ne pouvons pas encore répondre');
    const text = (await procedure.textContent())!;
    expect(text).not.toContain(LANGS.fr.tooLate);
    expect(text).toContain('Parcoursup 2027');
    expect(await page.locator('.procedure .dates').count()).toBe(0);
    await noViolations(page, 'january result');
    await context.close();
  });

  for (const lang of ['fr', 'ar'] as const) {
    it(`"Commencer" asks the situation first: a lycéen is never asked about a master (${lang})`, async () => {
      const { page, context } = await open(undefined, '2026-12-01T10:00:00');
      await page.goto(base);
      if (lang === 'ar') {
        await page.getByRole('button', { name: 'العربية' }).click();
        await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
      }
      await page.getByRole('button', { name: LANGS[lang].begin, exact: true }).click();
      const title = lang === 'fr' ? 'Quelle est votre situation\u202f?' : 'ما هو وضعك؟';
      await expect.poll(() => h1(page)).toBe(title);
      // Nothing chosen for the student; continuing without a choice asks for one.
      expect(await page.locator('input[name="situation"]:checked').count()).toBe(0);
      await next(page, LANGS[lang].go);
      await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
      await noViolations(page, `situation error ${lang}`);
      await page.locator('#f-situation').check();
      await next(page, LANGS[lang].go);
      // Parcoursup between seasons: the bac year first (it may settle the session), never the master's rentrée.
      await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('bac-year');
      expect(new URL(page.url()).searchParams.get('for')).toBe('parcoursup-accompaniment,parcoursup-reexamination');
      await page.getByLabel(LANGS[lang].bac).fill('2026');
      await next(page, LANGS[lang].go);
      await expect.poll(() => h1(page)).toBe(LANGS[lang].session);
      await context.close();
    });
  }

  it('the start page says where the year stands between seasons', async () => {
    const { page, context } = await open(undefined, '2026-12-01T10:00:00');
    await page.goto(base);
    await expect.poll(() => page.locator('.season').textContent()).toContain('Parcoursup 2026 est terminé\u202f; le calendrier 2027 n’est pas encore publié.');
    await context.close();
  });
});

/** Issue "a journey a 17-year-old can act on": nothing answered for the student; errors where they are fixed. */
describe('no dead ends', () => {
  it('the result has a way back, to the answers, and to start again (asked first)', async () => {
    const { page, context } = await open();
    await masterJourney(page);
    await page.getByRole('button', { name: 'Voir mes recours' }).click();
    await expect.poll(() => h1(page)).toBe('Vos recours');
    await page.getByRole('button', { name: 'Modifier mes réponses' }).click();
    await expect.poll(() => h1(page)).toBe('Vérifiez vos réponses');
    // The answers page has its own way back.
    await page.getByRole('link', { name: 'Retour' }).first().click();
    await expect.poll(() => h1(page)).toBe('Vos recours');
    await page.getByRole('button', { name: 'Recommencer' }).click();
    await page.getByRole('button', { name: 'Oui, tout effacer' }).click();
    await expect.poll(() => h1(page)).toMatch(/Parcoursup/);
    // Nothing left of the answers (the record keeps only its revision, for the other tabs).
    await expect.poll(async () => ((await getStored(page, 'progress')) as { answers?: object } | undefined)?.answers ?? {}).toEqual({});
    await context.close();
  });
});

describe('reloads', () => {
  it('once the next step is shown, the answer that led there is stored: a reload at once loses nothing', async () => {
    const { page, context } = await open();
    await page.goto(`${base}?step=licence&for=master-referral`);
    await page.getByLabel('Une licence (diplôme national de licence)').check();
    await next(page);
    await page.waitForURL(/step=licence-date/);
    await page.reload();
    await expect.poll(() => h1(page)).toBe('À quelle date avez-vous obtenu votre licence\u202f?');
    await page.goBack();
    await expect.poll(() => h1(page)).toBe('Quel diplôme avez-vous, ou préparez-vous cette année\u202f?');
    expect(await page.getByLabel('Une licence (diplôme national de licence)').isChecked()).toBe(true);
    await context.close();
  });
});

describe('on a phone', () => {
  it('does not offer to continue on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page, context } = await open(phone);
    await masterJourney(page);
    await page.getByRole('button', { name: 'Voir mes recours' }).click();
    await expect.poll(() => h1(page)).toBe('Vos recours');
    expect(await page.getByRole('button', { name: 'Continuer sur mon téléphone' }).count()).toBe(0);
    await context.close();
  });
});

describe('answers and errors', () => {
  it('leaves the circumstances unanswered, "none" exclusive after "or", and asks for a choice', async () => {
    const { page, context } = await open();
    await page.goto(`${base}?step=circumstances&for=parcoursup-reexamination`);
    await expect.poll(() => h1(page)).toBe('Une de ces situations vous oblige-t-elle à étudier dans une zone précise\u202f?');
    const none = page.getByLabel('Aucune de ces situations');
    expect(await none.isChecked()).toBe(false);
    expect(await page.locator('input[type="checkbox"]:checked').count()).toBe(0);
    expect(await page.locator('.choice-or').textContent()).toBe('ou');
    await next(page);
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Cochez au moins une case');
    await expect.poll(() => page.title()).toMatch(/^Erreur\u00a0: /);
    await noViolations(page, 'circumstances error');
    // "None" excludes the others, and the others "none".
    await page.getByLabel('Un handicap').check();
    await none.check();
    expect(await page.getByLabel('Un handicap').isChecked()).toBe(false);
    await page.getByLabel('Un handicap').check();
    expect(await none.isChecked()).toBe(false);
    // Unticking the last one leaves the question unanswered: "none" is not ticked for the student.
    await page.getByLabel('Un handicap').uncheck();
    expect(await page.locator('input[type="checkbox"]:checked').count()).toBe(0);
    await next(page);
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Cochez au moins une case');
    await context.close();
  });

  it('points a date\'s fields at its error, says the région an académie sets, and gives the figure that fits', async () => {
    const { page, context } = await open();
    await page.goto(base);
    await page.getByRole('link', { name: 'Tous les masters m’ont refusé' }).click();
    await page.getByLabel('Une licence (diplôme national de licence)').check();
    await next(page);
    await date(page, '31', '2', '2026');
    await next(page);
    await expect.poll(() => page.locator('.field-error').count()).toBe(1);
    const describedBy = await page.getByLabel('Jour', { exact: true }).getAttribute('aria-describedby');
    expect(describedBy?.split(' ')[0]).toMatch(/-error$/);
    await date(page, '25', '6', '2026');
    await next(page);
    await page.getByLabel('Ou l’académie de votre université').selectOption('creteil');
    await expect.poll(() => page.locator('.field [role="status"]').textContent()).toContain('Île\u2011de\u2011France');
    expect(await page.getByLabel('Région académique', { exact: true }).inputValue()).toBe('ile-de-france');
    await next(page);
    // More refusals than the applications leave.
    await masterCounts(page, { applications: 6, positive: 0, refusals: 7, mentions: 2, establishments: 2 });
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Indiquez au plus 6');
    await expect.poll(() => page.title()).toMatch(/^Erreur\u00a0: /);
    await context.close();
  });
});
