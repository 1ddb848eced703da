/**
 * Counsellor mode, the hand-off to a phone and the rules book, in Chromium against the production build.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, launch, watch } from './browser';
import { allStored as storedProgress } from './idb';
import { h1, masterFirstPages, masterLastPages } from './master-journey';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function open(path = '', today = '2026-07-05T10:00:00'): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(today));
  await page.goto(`${base}${path}`);
  return { page, context };
}

const row = (page: Page, procedure: string) => page.locator('.whatif-table tr', { has: page.getByRole('rowheader', { name: procedure }) });
const MASTER = 'Saisir le recteur pour une place en master 1';
/** A cell's value now, without what it was before the last change (struck through beside it). */
const now = (cell: Locator) => cell.evaluate((td) => td.firstChild?.textContent ?? '');

async function fillDate(page: Page, id: string, d: string, m: string, y: string) {
  await page.locator(`#${id}`).fill(d);
  await page.locator(`#${id}-month`).fill(m);
  await page.locator(`#${id}-year`).fill(y);
}

/** The master referral's answers in counsellor mode: every question on one page, as the rules ask them. */
async function masterAnswers(page: Page) {
  await page.locator('#f-master-licence').check();
  await fillDate(page, 'f-master-licenceDate', '25', '6', '2026');
  await page.locator('#f-master-licenceRegion').selectOption('occitanie');
  await page.locator('#f-master-applications').fill('7');
  await page.locator('#f-master-positive').fill('0');
  await page.locator('#f-master-waitingList-no').check();
  await page.locator('#f-master-refusals').fill('7');
  await page.locator('#f-master-refusalMentions').fill('3');
  await page.locator('#f-master-refusalEstablishments').fill('2');
  await fillDate(page, 'f-master-lastRefusalDate', '1', '7', '2026');
  await fillDate(page, 'f-master-teleserviceOpened', '1', '7', '2026');
}

describe('counsellor mode', () => {
  it('has a way back, to the start page when opened from a link', async () => {
    const { page, context } = await open('?step=counsellor');
    await page.locator('.counsellor .back-link').click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.locator('main h1').count()).toBe(1);
    expect(await page.locator('.counsellor').count()).toBe(0);
    await context.close();
  });

  it('shows every outcome beside the answers, what a change does, another day of check, and keeps nothing', async () => {
    const { page, context } = await open();
    const seen = watch(page, new URL(base).origin);
    // A student's answers saved on this shared computer earlier: never read, never overwritten.
    await page.goto(`${base}?step=licence&for=master-referral`);
    await page.getByLabel('Une licence professionnelle').check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect.poll(() => h1(page)).toBe('Vérifiez vos réponses');
    const before = await storedProgress(page);
    expect(before).toContain('"licence":"licence-pro"');

    await page.goto(base);
    await page.getByRole('link', { name: /Ouvrir le mode conseiller/ }).click();
    await expect.poll(() => h1(page)).toBe('Mode conseiller');
    expect(await page.locator('main').textContent()).toContain('Rien n’est enregistré sur cet appareil');
    expect(await page.locator('#f-master-licence').isChecked()).toBe(false); // the student's answers were not read
    for (const p of ['Accompagnement Parcoursup (CAES)', 'Réexamen pour circonstances exceptionnelles', MASTER]) {
      expect(await row(page, p).count(), p).toBe(1);
    }
    expect(await axe(page), 'empty').toEqual([]);

    await masterAnswers(page);
    await expect.poll(() => row(page, MASTER).textContent()).toContain('Vous pouvez faire cette démarche.');
    expect(await row(page, MASTER).textContent()).toContain('16 juillet 2026');
    expect(await page.locator('.counsellor-summary').textContent()).toContain('Le recteur de la région académique Occitanie');

    // What if the licence were a licence professionnelle? The other questions go, and come back as they were.
    await page.locator('#f-master-licence-licence-pro').check();
    await expect.poll(() => row(page, MASTER).textContent()).toContain('Cette démarche ne vous est pas ouverte.');
    expect(await row(page, MASTER).locator('td.changed .was').first().textContent()).toContain('Vous pouvez faire cette démarche.');
    expect(await page.locator('.whatif [role="status"]').textContent()).toBe(`${MASTER}\u00a0: Cette démarche ne vous est pas ouverte.`);
    expect(await page.locator('#f-master-refusals').count()).toBe(0);
    expect(await axe(page), 'what-if').toEqual([]);
    await page.locator('#f-master-licence').check();
    await expect.poll(() => row(page, MASTER).textContent()).toContain('Vous pouvez faire cette démarche.');
    expect(await page.locator('#f-master-refusals').inputValue()).toBe('7');

    // Planning ahead: on 20 July the 15 days are over.
    await page.locator('#check-date-day').fill('20');
    await expect.poll(() => row(page, MASTER).textContent()).toContain('Trop tard pour cette rentrée.');
    expect(await page.locator('.whatif-table caption').textContent()).toContain('20 juillet 2026');

    // A bad date says so and changes nothing.
    await page.locator('#check-date-month').fill('13');
    await expect.poll(() => page.locator('#check-date-error').count()).toBe(1);
    expect(await page.locator('.whatif-table caption').textContent()).toContain('20 juillet 2026');
    await page.locator('#check-date-month').fill('7');

    // The printed summary: one A4 page, the first name on it.
    await page.locator('#counsellor-first-name').fill('Inès');
    // Reading a text and coming back: the session is as it was (the page stayed under the text).
    const why = page.locator('.counsellor-summary details.why').first();
    await why.locator('summary').click();
    await why.locator('a.law-link').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('law');
    expect(await page.locator('.counsellor').isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Retour' }).first().click();
    await expect.poll(() => h1(page)).toBe('Mode conseiller');
    expect(await page.locator('#counsellor-first-name').inputValue()).toBe('Inès');
    expect(await page.locator('#f-master-refusals').inputValue()).toBe('7');
    expect(await page.locator('#check-date-day').inputValue()).toBe('20');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.summary-title').textContent()).toBe('Vos recours, Inès');
    expect(await page.locator('.whatif-form').isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // Next student: everything gone at once.
    await page.getByRole('button', { name: 'Élève suivant' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('La séance précédente a été effacée.');
    expect(await page.locator('#counsellor-first-name').inputValue()).toBe('');
    expect(await page.locator('#f-master-licence').isChecked()).toBe(false);
    expect(await row(page, MASTER).textContent()).not.toContain('Vous pouvez faire cette démarche.');

    expect(await storedProgress(page)).toBe(before);
    expect(await page.evaluate(() => Object.keys(localStorage))).not.toContain('recourssup.counsellor');
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('prepares the request for the student in front of the counsellor: printed alone on one A4 page, nothing stored, gone with the next student', async () => {
    const { page, context } = await open('?step=counsellor');
    const before = await storedProgress(page);
    await masterAnswers(page);
    await expect.poll(() => row(page, MASTER).textContent()).toContain('Vous pouvez faire cette démarche.');
    await page.getByRole('button', { name: `Préparer : ${MASTER}` }).click();
    await page.waitForSelector('#letter-fr');
    expect(await page.locator('#letter-fr').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Prénom et nom', { exact: true }).fill('Inès Benali');
    await page.getByLabel('Votre CV à jour').check();
    expect(await page.locator('#letter-fr').textContent()).toContain('Inès Benali');
    expect(await page.locator('#letter-fr').textContent()).toContain('16 juillet 2026');
    // Counsellor mode offers no "keep on this device".
    expect(await page.getByLabel('Garder ces informations sur cet appareil').count()).toBe(0);
    expect(await axe(page), 'prepared').toEqual([]);
    // Its own print button prints the prepared request alone (the dialog itself is the browser's).
    await page.evaluate(() => { window.print = () => undefined; });
    await page.getByRole('button', { name: 'Imprimer la lettre et la liste des pièces' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('print-prepared'))).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#letter-fr').isVisible()).toBe(true);
    for (const hidden of ['.whatif-form', '.counsellor-summary', '.counsellor-grid']) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    // On paper: where to go, as an address to type; an empty blank, a line to write on.
    expect(await page.locator('.counsellor-prepare .official-address').isVisible()).toBe(true);
    expect(await page.locator('.counsellor-prepare .official-address').textContent()).toContain('https://www.monmaster.gouv.fr/');
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(1);
    // The summary's own print leaves the prepared request out.
    await page.evaluate(() => document.documentElement.classList.remove('print-prepared'));
    expect(await page.locator('#letter-fr').isVisible()).toBe(false);
    expect(await page.locator('.counsellor-summary .procedure').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    expect(await storedProgress(page)).toBe(before);
    await page.getByRole('button', { name: 'Élève suivant' }).click();
    await expect.poll(() => page.locator('#letter-fr').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('Inès Benali');
    await context.close();
  });

  it('compares a change typed in several keystrokes with the outcome before the first of them', async () => {
    const { page, context } = await open('?step=counsellor');
    await masterAnswers(page);
    await expect.poll(() => row(page, MASTER).textContent()).toContain('Vous pouvez faire cette démarche.');
    // 20 July, typed as a counsellor does: the day (20 July), then the month (20 June): one change of the day.
    await page.locator('#check-date-day').fill('20');
    await expect.poll(() => now(row(page, MASTER).locator('td').first())).toContain('Trop tard pour cette rentrée.');
    await page.locator('#check-date-month').fill('6');
    await expect.poll(() => page.locator('.whatif-table caption').textContent()).toContain('20 juin 2026');
    expect(await page.locator('.whatif-table caption').textContent()).toContain('au 5 juillet 2026');
    expect(await row(page, MASTER).locator('td.changed .was').first().textContent()).toContain('Vous pouvez faire cette démarche.');
    await context.close();
  });

  it('follows the situation: only its questions, its rows and, on paper, its procedures, each question still to answer once', async () => {
    const { page, context } = await open('?step=counsellor');
    await expect.poll(() => h1(page)).toBe('Mode conseiller');
    // Nothing chosen for the student: the three procedures are examined.
    expect(await page.locator('input[name="counsellor-situation"]:checked').count()).toBe(0);
    expect(await page.locator('.whatif-table tbody tr').count()).toBe(3);
    // Shared questions (the phases' answers, the région…) named once, not once per procedure.
    const listed = await page.locator('.still-to-answer li').allTextContents();
    expect(listed.length).toBeGreaterThan(5);
    expect(new Set(listed).size).toBe(listed.length);
    expect(await page.locator('.counsellor-summary .missing').count()).toBe(0);

    await page.getByLabel('J’ai (ou j’aurai) une licence et aucun master 1 ne m’a accepté (Mon Master)').check();
    await expect.poll(() => page.locator('.whatif-table tbody tr').count()).toBe(1);
    expect(await row(page, MASTER).count()).toBe(1);
    expect(await page.locator('#f-parcoursup-renounced').count()).toBe(0);
    await page.locator('#f-master-licence').check();
    await page.emulateMedia({ media: 'print' });
    const paper = await page.locator('.counsellor-summary').innerText();
    expect(await page.locator('.counsellor-summary .procedure:visible h2').allTextContents()).toEqual([MASTER]);
    for (const absent of ['Parcoursup', 'renoncé', 'bac']) expect(paper, absent).not.toContain(absent);
    const questions = await page.locator('.still-to-answer li').allTextContents();
    expect(questions).toContain('Vos refus');
    for (const q of questions) expect(paper.split(q).length - 1, q).toBe(1);
    // Where it comes from, on paper.
    expect(paper).toContain(`RecoursSup · ${base}`);
    await page.emulateMedia({ media: 'screen' });
    expect(await axe(page), 'master situation').toEqual([]);

    // Both: the rows come back, the answers given are kept.
    await page.getByLabel('Les deux').check();
    await expect.poll(() => page.locator('.whatif-table tbody tr').count()).toBe(3);
    expect(await page.locator('#f-master-licence').isChecked()).toBe(true);
    await context.close();
  });

  it('never answers for the student: unticking or emptying an answer leaves it unanswered, in the form and in the outcomes', async () => {
    const { page, context } = await open('?step=counsellor');
    const REEXAM = 'Réexamen pour circonstances exceptionnelles';
    const none = page.locator('#f-parcoursup-circumstances-none');
    const status = () => now(row(page, REEXAM).locator('td').first());
    const unknown = 'Nous ne pouvons pas encore répondre.';
    expect(await status()).toBe(unknown);
    // A situation ticked, then unticked: nothing is ticked, and "none" is not recorded.
    await page.getByLabel('Votre état de santé').check();
    await page.getByLabel('Votre état de santé').uncheck();
    expect(await none.isChecked()).toBe(false);
    expect(await page.locator('#f-parcoursup-circumstances ~ * input:checked, #f-parcoursup-circumstances:checked').count()).toBe(0);
    expect(await status()).toBe(unknown);
    // "None" ticked closes the re-examination; unticked, the question is open again, on screen and in the table.
    await none.check();
    await expect.poll(status).toContain('Cette démarche ne vous est pas ouverte.');
    await none.uncheck();
    expect(await none.isChecked()).toBe(false);
    await expect.poll(status).toBe(unknown);
    // A count emptied is no longer counted.
    await masterAnswers(page);
    await expect.poll(() => now(row(page, MASTER).locator('td').first())).toBe('Vous pouvez faire cette démarche.');
    await page.locator('#f-master-refusals').fill('');
    await expect.poll(() => now(row(page, MASTER).locator('td').first())).toBe(unknown);
    await context.close();
  });

  it('labels each date by what it is, and reads without a hole when a date is not known', async () => {
    const { page, context } = await open('?step=counsellor');
    await masterAnswers(page);
    await expect.poll(() => row(page, MASTER).textContent()).toContain('Vous pouvez faire cette démarche.');
    const heads = await page.locator('.whatif-table thead th').allTextContents();
    const cell = (head: string) => now(row(page, MASTER).locator('td').nth(heads.indexOf(head) - 1));
    // The safer day is the day before the last one: "at the latest on" it, never "before" it.
    expect(await cell('À faire au plus tard le')).toBe('15 juillet 2026');
    expect(await cell('Dernier jour')).toBe('16 juillet 2026');
    expect(heads).not.toContain('À faire avant le');
    // A date now known where there was none: highlighted, with no struck dash beside it.
    expect(await row(page, MASTER).locator('td.changed').count()).toBeGreaterThan(0);
    expect(await row(page, MASTER).locator('td s').allTextContents()).not.toContain('—');
    // Neither the teleservice's opening nor the last refusal's day known: the deadline an opening would give is
    // not known either.
    await fillDate(page, 'f-master-teleserviceOpened', '', '', '');
    await fillDate(page, 'f-master-lastRefusalDate', '', '', '');
    await expect.poll(() => page.locator('.counsellor-summary').textContent()).toContain('les quinze jours partiront de son ouverture');
    const text = (await page.locator('.counsellor-summary').textContent())!;
    expect(text).not.toMatch(/\b(le|du|au|dès le)\s+[.,;:)]/);
    await context.close();
  });

  it('reads its table at 360 px and at 200 % zoom: the caption whole, no sideways scroll', async () => {
    for (const [width, lang] of [[360, 'fr'], [360, 'ar'], [640, 'fr']] as const) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
      await page.goto(`${base}?step=counsellor`);
      if (lang === 'ar') await page.getByRole('button', { name: 'العربية' }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
      await page.locator('#f-parcoursup-renounced').check(); // a change, for the caption's second part
      await expect.poll(() => page.locator('.whatif-table caption .hint').count()).toBe(1);
      const frame = page.locator('.whatif .table-scroll');
      const [scrollWidth, clientWidth] = await frame.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scrollWidth, `${width} ${lang}`).toBeLessThanOrEqual(clientWidth);
      const caption = (await page.locator('.whatif-table caption').boundingBox())!;
      const box = (await frame.boundingBox())!;
      expect(caption.x, `${width} ${lang}`).toBeGreaterThanOrEqual(box.x - 1);
      expect(caption.x + caption.width, `${width} ${lang}`).toBeLessThanOrEqual(box.x + box.width + 1);
      // Each value named by its column, the row's procedure first.
      const labels = await page.locator('.whatif-table tbody tr').first().locator('td').evaluateAll((tds) =>
        tds.map((td) => getComputedStyle(td, '::before').content));
      expect(labels.every((l) => l.length > 4), labels.join()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} ${lang}`).toBeLessThanOrEqual(width);
      expect(await axe(page), `${width} ${lang}`).toEqual([]);
      await context.close();
    }
  });

  it('works in Arabic, right to left, with no axe violation', async () => {
    const { page, context } = await open('?step=counsellor');
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    await expect.poll(() => h1(page)).toBe('وضع المستشار');
    await page.locator('#f-parcoursup-renounced').check();
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});

describe('hand-off to the phone', () => {
  it('carries the answers in the fragment: imported on the phone, then removed from the address bar', async () => {
    const { page, context } = await open();
    await page.goto(base);
    await masterFirstPages(page);
    await masterLastPages(page);
    const answers = await page.locator('.summary-list').textContent();
    await page.getByRole('button', { name: 'Voir mes recours' }).click();
    await page.getByRole('button', { name: 'Continuer sur mon téléphone' }).click();
    const qr = page.getByRole('img', { name: /Code QR/ });
    await expect.poll(() => qr.count()).toBe(1);
    expect(await axe(page), 'hand-off panel').toEqual([]);
    const link = await page.getByLabel('Le lien').inputValue();
    expect(link).toMatch(/#rs1\./);
    expect(new URL(link).search).toBe('');

    // The phone: another device, nothing saved there.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
    const requests: string[] = [];
    p.on('request', (r) => requests.push(r.url()));
    await p.goto(link);
    await expect.poll(() => p.locator('main').textContent()).toContain('Vos réponses ont été reprises');
    expect(p.url()).not.toContain('#');
    // Every question answered: the phone opens on the result, with the answers a tap away.
    await expect.poll(() => h1(p)).toBe('Vos recours');
    await p.getByRole('button', { name: 'Modifier mes réponses' }).click();
    await expect.poll(() => p.locator('.summary-list').textContent()).toContain(answers);
    expect(requests.some((r) => r.includes('rs1'))).toBe(false);
    // Imported means saved on the phone: a reload resumes.
    await p.reload();
    await expect.poll(() => p.locator('.summary-list').textContent()).toContain(answers);
    await phone.close();

    // A damaged link: said plainly, nothing imported.
    const other = await browser.newContext();
    const q = await other.newPage();
    await q.goto(link.slice(0, -5));
    await expect.poll(() => q.getByRole('alert').textContent()).toContain('aucune réponse n’a été reprise');
    expect(q.url()).not.toContain('#');
    expect(await h1(q)).toMatch(/Parcoursup/);
    expect(await q.getByRole('region', { name: 'Reprendre où vous en étiez\u202f?' }).count()).toBe(0);
    await other.close();

    // In another site's frame: not imported; the full app is offered.
    const framed = await browser.newContext();
    const f = await framed.newPage();
    await f.goto(`${base}?embed=1&lang=fr${new URL(link).hash}`);
    const offer = f.getByRole('link', { name: 'Ouvrir l’application complète' });
    await expect.poll(() => offer.count()).toBe(1);
    expect(await offer.getAttribute('href')).toContain('#rs1.');
    expect(await h1(f)).toMatch(/Parcoursup/);
    await framed.close();
    await context.close();
  });
});

describe('rules book', () => {
  it('lists every procedure’s conditions with their sources, opens the article, and has no axe violation', async () => {
    const { page, context } = await open();
    await page.getByRole('link', { name: 'Le livre des règles' }).click();
    await expect.poll(() => h1(page)).toBe('Le livre des règles');
    const text = (await page.locator('main').textContent())!;
    for (const s of ['R612-36-3', 'D612-1-23', 'L612-3', 'Parcoursup 2026', 'Mon Master 2026']) expect(text, s).toContain(s);
    // What follows the Master referral: the eight days to answer each of the rector's proposals, with their alinéa.
    const after = page.getByRole('table', { name: /Après la démarche/ });
    expect(await after.count()).toBe(1);
    expect(await after.textContent()).toContain('R612-36-3 I al. 8');
    expect(await axe(page)).toEqual([]);
    await page.locator('a.book-source').first().click();
    await expect.poll(() => h1(page)).toBe('Les textes et les sources');
    // The same calendar tables as the book's, after the articles.
    await expect.poll(() => page.getByRole('table', { name: /Mon Master 2026/ }).count()).toBe(1);
    expect(await axe(page), 'legal texts').toEqual([]);
    await context.close();
  });
});
