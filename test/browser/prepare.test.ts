/**
 * "Préparer ma demande" in Chromium against the production build: one tap from an eligible result, the
 * blanks in the French letter with the dates the rules computed, copy and download alike, nothing typed
 * kept unless asked, ticks that survive a reload, one A4 page, Arabic around a French letter, axe, offline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ar from '../../locales/ar.json';
import type { Facts } from '../../src/rules/facts';
import { RULES_VERSION } from '../../src/rules/version';
import { axe, launch, watch } from './browser';
import { allStored, putStored } from './idb';
import { h1, masterFirstPages, masterLastPages } from './master-journey';
import { staticHost } from './static-server';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const MASTER = 'Saisir le recteur pour une place en master 1';
const REEXAMINATION = 'Réexamen pour circonstances exceptionnelles';
/** A re-examination open on 5 July 2026: health and disability, no proposal, registered in the complementary phase. */
const REEXAMINATION_FACTS: Facts = {
  parcoursup: {
    region: 'ile-de-france', circumstances: ['health', 'disability'], mainPhase: true, mainPhaseApprenticeshipOnly: false,
    main: { proposals: 0, waiting: 1, negative: 2 }, complementaryRegistered: true, complementary: { proposals: 0, waiting: 0, negative: 0 },
    proposalsUnsuitable: false, noOtherApplications: false,
  },
};
/** A Master referral open on 5 July 2026 (seven refusals, the window from 1 July), as the questionnaire saves it. */
const MASTER_FACTS: Facts = { master: {
  session: 2026, licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'occitanie', applications: 7, positive: 0, waitingList: false,
  refusals: 7, refusalMentions: 3, refusalEstablishments: 2, lastRefusalDate: '2026-07-01', teleserviceOpened: '2026-07-01',
} };
const BLANKS = { 'Prénom et nom': 'Camille Martin', 'Numéro INE': '0123456789A', 'Adresse postale': '12 rue des Lilas\n31000 Toulouse',
  'E-mail ou téléphone': 'camille@example.org', 'Votre projet, en une ou deux phrases': 'Un master de chimie, pour travailler en laboratoire.' };

async function open(lang = 'fr', today = '2026-07-05T10:00:00', width = 390): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, acceptDownloads: true });
  if (lang !== 'fr') await context.addInitScript((l) => localStorage.setItem('recourssup.lang', l), lang);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(today));
  return { page, context };
}

/** Answers saved on the device, as the questionnaire leaves them, then the result of `procedure`. */
async function resultWith(page: Page, answers: Facts, procedure: string, at = base) {
  await page.goto(at);
  await putStored(page, 'progress', { schema: 2, rulesVersion: RULES_VERSION, savedAt: '2026-07-05T08:00:00.000Z', revision: 1, answers });
  await page.goto(`${at}?step=result&for=${procedure}`);
  await page.waitForSelector('.procedure');
}

/** The one tap: the procedure's block on the result page, its "Préparer ma demande". */
async function tapPrepare(page: Page, procedure: string, label = 'Préparer ma demande') {
  await page.getByRole('region', { name: procedure }).getByRole('link', { name: new RegExp(`^${label}`) }).click();
  await page.waitForSelector('#letter-fr');
}

/** French typography's no-break spaces (before « : », inside « ») read as spaces, so that expectations read plainly. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const letter = async (page: Page) => plain(await page.locator('#letter-fr').innerText());

async function fillBlanks(page: Page) {
  for (const [label, value] of Object.entries(BLANKS)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** Pages of a PDF Chromium printed: each page object carries `/Type /Page`. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('Préparer ma demande', () => {
  it('master referral: one tap from the result, the blanks and the computed dates in the French letter, copied and downloaded alike', async () => {
    const { page, context } = await open();
    const seen = watch(page, new URL(base).origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    await page.goto(base);
    await masterFirstPages(page);
    await masterLastPages(page);
    await page.getByRole('button', { name: 'Voir mes recours' }).click();
    await expect.poll(() => h1(page)).toBe('Vos recours');
    expect(plain(await page.getByRole('region', { name: MASTER }).locator('.prepare-entry-lead').textContent())).toMatch(/^Votre lettre prête à envoyer/);
    await tapPrepare(page, MASTER);
    expect(await h1(page)).toBe('Préparer ma demande');
    expect(plain(await page.locator('.prepared > p').first().textContent())).toMatch(/^Trois étapes : les pièces à réunir, votre lettre/);
    expect(new URL(page.url()).searchParams.get('step')).toBe('prepare');
    expect(new URL(page.url()).searchParams.get('procedure')).toBe('master-referral');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    // Where, to whom and when, from the result.
    const summary = (await page.locator('.prepare-summary').textContent())!;
    expect(summary).toContain('Le recteur de la région académique Occitanie');
    expect(summary).toContain('À faire au plus tard le mercredi 15 juillet 2026');
    expect(summary).toContain('Jusqu’au jeudi 16 juillet 2026');
    expect(await page.getByRole('link', { name: /Ouvrir Mon Master/ }).getAttribute('href')).toBe('https://www.monmaster.gouv.fr/');
    expect(await axe(page), 'empty').toEqual([]);

    expect(await page.locator('.blanks-left').textContent()).toBe('Il reste 5 blancs à remplir.');
    await fillBlanks(page);
    await expect.poll(() => page.locator('.blanks-left').textContent()).toBe('Tous les blancs sont remplis.');
    const text = await letter(page);
    for (const value of Object.values(BLANKS)) expect(text).toContain(value);
    expect(await page.locator('#letter-fr').getAttribute('lang')).toBe('fr');
    // The dates are the answers' and the rules' own: the licence, the last refusal, the end of the fifteen days.
    expect(text).toContain('J’ai obtenu le diplôme national de licence le 25 juin 2026, dans la région académique Occitanie.');
    expect(text).toContain('Le dernier m’a été notifié le 1er juillet 2026.');
    expect(text).toContain('qui court jusqu’au 16 juillet 2026');
    expect(text).toContain('J’ai reçu 7 refus, pour 3 mentions de master différentes, dans 2 établissements.');
    // The article quoted from the texts shipped with the app.
    expect(text).toMatch(/L’article R612-36-3 du code de l’éducation \(I al\. 1\) dispose : « Un étudiant titulaire .* peut saisir le recteur de la région académique dans laquelle il a obtenu son diplôme national de licence/s);
    expect(text).toContain('Pièces jointes : mon diplôme de licence ou l’attestation de réussite, 7 attestations de refus, mes relevés de notes de licence et mon CV.');
    expect(await axe(page), 'filled').toEqual([]);

    await page.getByRole('button', { name: 'Copier le texte' }).click();
    await expect.poll(async () => plain(await page.locator('.copy-status').textContent())).toBe('Texte copié : collez-le dans le formulaire.');
    const copied = plain(await page.evaluate(() => navigator.clipboard.readText()));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le texte (.txt)' }).click()]);
    expect(download.suggestedFilename()).toBe('demande-master-referral.txt');
    const downloaded = plain(readFileSync((await download.path())!, 'utf8'));
    expect(downloaded).toBe(copied);
    for (const value of [...Object.values(BLANKS), '16 juillet 2026', 'Objet : saisine du recteur']) expect(downloaded).toContain(value);
    // The page shows the same text: paragraph for paragraph, the sender's lines kept.
    expect(downloaded.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());

    // Nothing typed went into storage: the student did not ask.
    const stored = await allStored(page);
    for (const value of ['Camille', '0123456789A', 'Lilas', 'example.org', 'chimie']) expect(stored).not.toContain(value);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);

    // Back to the result, on the link that led here.
    await page.getByRole('link', { name: 'Retour à mes recours' }).click();
    await expect.poll(() => h1(page)).toBe('Vos recours');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Préparer ma demande/);
    await context.close();
  });

  it('keeps the ticks through a reload, and the blanks only once asked, erased when the student unticks it', async () => {
    const { page, context } = await open();
    await resultWith(page, MASTER_FACTS, 'master-referral');
    await tapPrepare(page, MASTER);
    await page.getByLabel('Votre diplôme de licence, ou l’attestation de réussite').check();
    await page.getByLabel('Attestation de refus n° 3').check();
    await expect.poll(() => page.locator('.checklist-progress').textContent()).toBe('2 sur 11 pièces prêtes');
    await fillBlanks(page);
    await expect.poll(() => allStored(page)).toContain('refusal-3');
    expect(await allStored(page)).not.toContain('Camille');
    // Back to the result to check a date, and here again: what was typed is still on the page (memory only).
    await page.getByRole('link', { name: 'Retour à mes recours' }).first().click();
    await tapPrepare(page, MASTER);
    expect(await page.getByLabel('Prénom et nom', { exact: true }).inputValue()).toBe('Camille Martin');
    expect(await allStored(page)).not.toContain('Camille');
    await page.reload();
    await page.waitForSelector('#letter-fr');
    expect(await page.getByLabel('Attestation de refus n° 3').isChecked()).toBe(true);
    expect(await page.getByLabel('Attestation de refus n° 2').isChecked()).toBe(false);
    expect(await page.locator('.checklist-progress').textContent()).toBe('2 sur 11 pièces prêtes');
    expect(await page.getByLabel('Prénom et nom', { exact: true }).inputValue()).toBe('');

    // Asked: kept on the device, and there after a reload.
    await fillBlanks(page);
    await page.getByLabel('Garder ces informations sur cet appareil').check();
    await expect.poll(() => page.locator('.keep-status').textContent()).toBe('Gardé sur cet appareil.');
    await expect.poll(() => allStored(page)).toContain('Camille Martin');
    await page.getByLabel('E-mail ou téléphone', { exact: true }).fill('camille@example.net');
    await expect.poll(() => allStored(page)).toContain('camille@example.net');
    await page.reload();
    await page.waitForSelector('#letter-fr');
    expect(await page.getByLabel('Prénom et nom', { exact: true }).inputValue()).toBe('Camille Martin');
    expect(await page.getByLabel('Garder ces informations sur cet appareil').isChecked()).toBe(true);
    expect(await letter(page)).toContain('12 rue des Lilas\n31000 Toulouse');
    // Unticked: erased from the device, still on the page.
    await page.getByLabel('Garder ces informations sur cet appareil').uncheck();
    await expect.poll(() => allStored(page)).not.toContain('Camille');
    expect(await page.getByLabel('Prénom et nom', { exact: true }).inputValue()).toBe('Camille Martin');
    expect(await allStored(page)).toContain('refusal-3');
    await context.close();
  });

  it('shares the ticks with another tab at once, without saying the answers changed', async () => {
    const { page, context } = await open();
    await resultWith(page, MASTER_FACTS, 'master-referral');
    await tapPrepare(page, MASTER);
    const other = await context.newPage();
    await other.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
    await other.goto(page.url());
    await other.waitForSelector('#letter-fr');
    await page.getByLabel('Votre CV à jour').check();
    await expect.poll(() => other.getByLabel('Votre CV à jour').isChecked()).toBe(true);
    expect(await other.getByText('Vos réponses ont été mises à jour depuis un autre onglet.').count()).toBe(0);
    await context.close();
  });

  it('falls back to selecting the letter when the clipboard is refused', async () => {
    const { page, context } = await open();
    await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await resultWith(page, { parcoursup: REEXAMINATION_FACTS.parcoursup! }, 'parcoursup-reexamination');
    await tapPrepare(page, REEXAMINATION);
    await page.getByRole('button', { name: 'Copier le texte' }).click();
    await expect.poll(async () => plain(await page.locator('.copy-status').textContent())).toBe('La copie n’a pas été permise : le texte est sélectionné, copiez-le vous-même.');
    const selected = plain(await page.evaluate(() => getSelection()?.toString() ?? ''));
    expect(selected.replace(/\s+/g, ' ').trim()).toBe((await letter(page)).replace(/\s+/g, ' ').trim());
    await context.close();
  });

  it('re-examination in Arabic: the page right to left, the letter in French left to right, the help in Arabic, medical papers apart', async () => {
    const { page, context } = await open('ar', '2026-07-05T10:00:00', 360);
    await resultWith(page, REEXAMINATION_FACTS, 'parcoursup-reexamination');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The proofs of the circumstances chosen (health, disability), not all four.
    const steps = (await page.getByRole('region', { name: ar.procedures['parcoursup-reexamination'] }).locator('.steps').textContent())!;
    expect(steps).toContain(ar.result.proofs.health);
    expect(steps).toContain(ar.result.proofs.disability);
    expect(steps).not.toContain(ar.result.proofs.athlete);
    await tapPrepare(page, ar.procedures['parcoursup-reexamination'], ar.prepareLink.label);
    expect(await h1(page)).toBe(ar.prepareLink.label);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const fr = page.locator('#letter-fr');
    expect([await fr.getAttribute('lang'), await fr.getAttribute('dir')]).toEqual(['fr', 'ltr']);
    expect(await fr.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    const text = await letter(page);
    expect(text).toContain('Objet : demande de réexamen de ma candidature pour circonstances exceptionnelles');
    expect(text).toContain('tenant à mon état de santé et à mon handicap');
    expect(text).toContain('sous pli confidentiel, à l’attention du médecin conseiller technique du recteur de région académique');
    expect(text).toMatch(/« Lorsque la situation d'un candidat justifie/);
    expect(text).not.toMatch(/[\u0600-\u06FF]/);
    const help = page.locator('#letter-help');
    expect([await help.getAttribute('lang'), await help.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    const helpText = (await help.innerText());
    expect(helpText).toContain(ar.prepare.letter.reexam.request);
    expect(await page.locator('.translation').textContent()).toContain(ar.prepare.translation.note);
    // The papers of each circumstance, the medical ones to go apart.
    const checklist = (await page.locator('.checklist').textContent())!;
    expect(checklist).toContain(ar.prepare.items['medical-certificate'].label);
    expect(checklist).toContain(ar.prepare.items['disability-proof'].label);
    expect(await page.locator('.checklist-confidential').count()).toBe(2);
    // The rule is in the rules book (a new tab: nothing typed here is lost); here, what it means for these papers.
    expect(await page.locator('.confidential-rule').textContent()).toContain(ar.prepare.documents.confidentialPointer);
    const book = page.getByRole('link', { name: new RegExp(ar.prepare.documents.confidentialLink) });
    expect([await book.getAttribute('href'), await book.getAttribute('target')]).toEqual(['?step=book', '_blank']);
    // What is typed in the Arabic page goes into the French letter as typed.
    await page.locator('#blank-name').fill('Camille Martin');
    await expect.poll(() => letter(page)).toContain('Camille Martin');
    // The French project typed stays one isolated run in the Arabic help: its full stop stays at its end.
    await page.locator('#blank-project').fill('Une licence de psychologie à Paris.');
    await expect.poll(() => page.locator('#letter-help bdi').allTextContents()).toContain('Une licence de psychologie à Paris.');
    expect(await page.locator('#letter-help').innerText()).toContain('مشروعي: Une licence de psychologie à Paris.');
    expect(await axe(page)).toEqual([]);
    // 360 px, and 320 px at 200 % zoom (160 CSS px): no sideways scroll, the letter's long words wrap.
    for (const width of [360, 160]) {
      await page.setViewportSize({ width, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  for (const [name, answers, procedure, label] of [
    ['master referral, twenty refusals', { master: { ...MASTER_FACTS.master, applications: 20, refusals: 20, refusalMentions: 4, refusalEstablishments: 5 } },
      'master-referral', MASTER],
    ['re-examination, every circumstance', { parcoursup: { ...REEXAMINATION_FACTS.parcoursup, circumstances: ['health', 'disability', 'athlete', 'family'] } },
      'parcoursup-reexamination', REEXAMINATION],
  ] as const) {
    it(`prints the letter and the checklist on one A4 page (${name})`, async () => {
      const { page, context } = await open();
      await resultWith(page, answers as Facts, procedure);
      await tapPrepare(page, label);
      await fillBlanks(page);
      await page.getByRole('checkbox').first().check();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#letter-fr').isVisible()).toBe(true);
      expect(await page.locator('.checklist').isVisible()).toBe(true);
      for (const hidden of ['.prepare-form', '.prepare-send', '.after-sending', '.site-footer']) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
      expect(await page.getByText(/^RecoursSup · http/).isVisible()).toBe(true);
      // The act-by day's caveat, as the printed result keeps it.
      if (procedure === 'master-referral') expect(await page.locator('.prepare-summary .date-extra.printed').isVisible()).toBe(true);
      expect(pdfPages(await page.pdf({ format: 'A4', printBackground: true }))).toBe(1);
      await context.close();
    });
  }

  it('prepares a request that opens soon, saying from when (the CAES the day before it opens)', async () => {
    const { page, context } = await open('fr', '2026-06-30T10:00:00');
    await resultWith(page, { parcoursup: {
      region: 'ile-de-france', bacYear: 2026, renounced: false, mainPhase: true, mainPhaseApprenticeshipOnly: false,
      main: { proposals: 0, waiting: 0, negative: 3 }, complementaryRegistered: true, complementary: { proposals: 0, waiting: 0, negative: 1 },
    } }, 'parcoursup-accompaniment');
    await tapPrepare(page, 'Accompagnement Parcoursup (CAES)');
    expect(plain(await page.locator('.prepared > .notice').first().textContent()))
      .toBe('Pas encore : vous pourrez envoyer cette demande à partir du mercredi 1er juillet 2026. Préparez-la dès maintenant.');
    expect(plain(await page.locator('.prepare-summary').textContent())).toContain('À partir du mercredi 1er juillet 2026');
    // A short text to paste in the Parcoursup file: the situation, the request under L612-3 VIII, the project; no letter.
    const text = await letter(page);
    expect(text.split(/\n+/)).toEqual([
      'J’ai présenté ma candidature sur Parcoursup pour la rentrée 2026. En phase principale, j’ai fait 3 vœux, qui ont tous reçu une réponse négative.',
      'Je demande donc l’accompagnement prévu au VIII de l’article L612-3 du code de l’éducation : que le recteur, avec la commission d’accès '
      + 'à l’enseignement supérieur (CAES), me propose une formation qui correspond à mon projet.',
      'Mon projet : [votre projet en une ou deux phrases]',
    ]);
    expect(await page.locator('.prepare-form input[type=text], .prepare-form textarea').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Votre texte, en français' }).count()).toBe(1);
    expect(plain(await page.locator('.prepare-send').textContent()))
      .toContain('collez ce texte dans la zone où Parcoursup vous demande d’expliquer votre situation et votre projet. Rien n’est à envoyer par la poste.');
    expect(await page.getByRole('button', { name: 'Imprimer le texte et la liste des pièces' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('the CAES text in Arabic at 360 px: French to paste, the help in Arabic, where to paste it', async () => {
    const { page, context } = await open('ar', '2026-07-05T10:00:00', 360);
    await resultWith(page, { parcoursup: {
      region: 'ile-de-france', bacYear: 2026, renounced: false, mainPhase: true, mainPhaseApprenticeshipOnly: false,
      main: { proposals: 0, waiting: 0, negative: 3 }, complementaryRegistered: true, complementary: { proposals: 0, waiting: 0, negative: 1 },
    } }, 'parcoursup-accompaniment');
    await tapPrepare(page, ar.procedures['parcoursup-accompaniment'], ar.prepareLink.label);
    const text = await letter(page);
    expect(text).toMatch(/^J’ai présenté ma candidature sur Parcoursup/);
    expect(text).not.toMatch(/Objet|Madame|À l’attention|[\u0600-\u06FF]/);
    expect(await page.locator('#letter-help').innerText()).toContain('L612-3');
    expect(await page.getByRole('heading', { name: ar.prepare.letter.heading_message }).count()).toBe(1);
    expect(await page.locator('.prepare-send').textContent()).toContain(ar.prepare.send.how['parcoursup-accompaniment']);
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('before the session has begun: the documents, and no letter written (nothing has happened yet)', async () => {
    const { page, context } = await open('fr', '2026-12-01T10:00:00');
    await resultWith(page, { parcoursup: { bacYear: 2027, mainPhase: false, renounced: false, region: 'occitanie' } }, 'parcoursup-accompaniment');
    const caes = page.getByRole('region', { name: 'Accompagnement Parcoursup (CAES)' });
    // A text pasted in the Parcoursup file, not a letter, from the result's link on.
    expect(plain(await caes.locator('.prepare-entry-lead').textContent())).toBe('Votre texte prêt à coller dans votre dossier Parcoursup, et les pièces à réunir.');
    await caes.getByRole('link', { name: /^Préparer ma demande/ }).click();
    await page.waitForSelector('.checklist');
    const prepared = plain(await page.locator('.prepared').textContent());
    expect(prepared).toContain('Pas encore : la session n’a pas commencé, et votre texte dira ce qui vous est arrivé');
    expect(prepared).not.toMatch(/lettre|Trois étapes/);
    expect(prepared).toContain('Pour l’instant : les pièces à réunir.');
    for (const absent of ['#letter-fr', '#prepare-blanks', '.prepare-send']) expect(await page.locator(absent).count(), absent).toBe(0);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('re-examination for one circumstance: its proofs only, one way to send it (the rectorat), no confidential cover', async () => {
    const { page, context } = await open();
    await resultWith(page, { parcoursup: { ...REEXAMINATION_FACTS.parcoursup, circumstances: ['family'] } }, 'parcoursup-reexamination');
    const steps = plain(await page.getByRole('region', { name: REEXAMINATION }).locator('.steps').textContent());
    expect(steps).toContain('Un justificatif de vos charges de famille');
    expect(steps).not.toMatch(/certificat médical|MDPH|sportifs/);
    expect(steps).toContain('la page « CAES » de votre rectorat donne l’adresse ou le formulaire en ligne');
    await tapPrepare(page, REEXAMINATION);
    expect(await page.locator('.confidential-rule').count()).toBe(0);
    expect(await letter(page)).not.toContain('pli confidentiel');
    expect(plain(await page.locator('.prepare-send').textContent())).toContain('Envoyez votre lettre et vos pièces au recteur de votre région académique');
    expect(plain(await page.locator('.prepare-summary').textContent())).toMatch(/D612-1-25 al\. 1 \(loi\) · Pages CAES des rectorats/);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('says a procedure that is not open prepares nothing, and links back to the result', async () => {
    const { page, context } = await open();
    await resultWith(page, { master: { licence: 'licence-pro' } }, 'master-referral');
    expect(await page.getByRole('link', { name: /^Préparer ma demande/ }).count()).toBe(0);
    await page.goto(`${base}?step=prepare&procedure=master-referral&for=master-referral`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Cette démarche ne vous est pas ouverte avec vos réponses actuelles');
    await page.getByRole('link', { name: 'Retour à mes recours' }).click();
    await expect.poll(() => h1(page)).toBe('Vos recours');
    await context.close();
  });
});

describe('Préparer ma demande offline', () => {
  let dist = '';
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'recourssup-prepare-'));
    await build({ root: resolve(import.meta.dirname, '../..'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }, 180_000);
  afterAll(() => { if (dist) rmSync(dist, { recursive: true, force: true }); });

  it('after one visit, the server gone: the page, its strings, its style and the article quoted all load from the device', async () => {
    const host = await staticHost(dist);
    const { page, context } = await open();
    try {
      await page.goto(host.url, { waitUntil: 'load' });
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await resultWith(page, REEXAMINATION_FACTS, 'parcoursup-reexamination', host.url);
      await host.stop();
      host.takeRequests();
      await page.goto(`${host.url}?step=result&for=parcoursup-reexamination`);
      await page.waitForSelector('.procedure');
      await tapPrepare(page, REEXAMINATION);
      await expect.poll(() => letter(page)).toMatch(/« Lorsque la situation d'un candidat justifie/);
      expect(await page.locator('.letter').evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/Georgia|serif/);
      expect(host.takeRequests()).toEqual([]);
    } finally {
      await context.close();
      await host.stop();
    }
  });
});
