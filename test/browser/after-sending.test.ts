/**
 * "Après l'envoi" of a Master referral in Chromium against the production build: the day sent and a proposal
 * recorded with the answers, its last day and act-by day as the rules date them, kept through a reload, in
 * a calendar file with its reminders; a date the record makes impossible said on its field, nothing typed
 * lost; the same right to left in Arabic at 360 px; axe.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ar from '../../locales/ar.json';
import fr from '../../locales/fr.json';
import type { Facts } from '../../src/rules/facts';
import { RULES_VERSION } from '../../src/rules/version';
import { axe, launch, watch } from './browser';
import { getStored, putStored } from './idb';

const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** A Master referral open on 10 July 2026 (the fifteen days from 1 July), as the questionnaire saves it. */
const MASTER_FACTS: Facts = { master: {
  session: 2026, licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'occitanie', applications: 7, positive: 0, waitingList: false,
  refusals: 7, refusalMentions: 3, refusalEstablishments: 2, lastRefusalDate: '2026-07-01', teleserviceOpened: '2026-07-01',
} };

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f\u2066-\u2069]/g, ' ');
type Strings = typeof fr;

async function openStep(lang: 'fr' | 'ar', width: number, answers: Facts, day: string, step: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, acceptDownloads: true });
  if (lang !== 'fr') await context.addInitScript((l) => localStorage.setItem('recourssup.lang', l), lang);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
  await page.goto(base);
  await putStored(page, 'progress', { schema: 2, rulesVersion: RULES_VERSION, savedAt: '2026-07-05T08:00:00.000Z', revision: 1, answers });
  await page.goto(`${base}?step=${step}&for=master-referral`);
  return page;
}

async function openPrepare(lang: 'fr' | 'ar', width: number, answers: Facts = MASTER_FACTS): Promise<Page> {
  const page = await openStep(lang, width, answers, '2026-07-10', 'prepare&procedure=master-referral');
  await page.waitForSelector('.referral-record');
  return page;
}

async function fillDate(page: Page, s: Strings, legend: string, [day, month, year]: [string, string, string]) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel(s.form.day, { exact: true }).fill(day);
  await group.getByLabel(s.form.month, { exact: true }).fill(month);
  await group.getByLabel(s.form.year, { exact: true }).fill(year);
}

/** The day sent, then a proposal notified before it (refused, kept as typed), then corrected. */
async function record(page: Page, s: Strings) {
  const r = s.prepare.after.record;
  await fillDate(page, s, r.sent, ['6', '7', '2026']);
  await page.getByRole('button', { name: r.sentSave }).click();
  await expect.poll(async () => plain(await page.locator('.referral-record').textContent())).toContain(plain(r.sentOn.split('{{')[0]!));

  await fillDate(page, s, r.notified, ['5', '7', '2026']);
  await page.getByRole('button', { name: r.save }).click();
  await page.waitForSelector('.error-summary');
  expect(plain(await page.locator('.error-summary').textContent())).toContain(plain(s.form.errors['before-referral'].split('(')[0]!.trim()));
  expect(await page.locator('.field-error').count()).toBe(1);
  expect(await page.title()).toMatch(new RegExp(`^${plain(s.ui.errorTitle.split('{{')[0]!).trim()}`.replace(/\s+/g, '\\s')));
  const group = page.getByRole('group', { name: r.notified, exact: true });
  expect(await group.getByLabel(s.form.day, { exact: true }).inputValue()).toBe('5');
  expect(await axe(page), 'error').toEqual([]);
  await group.getByLabel(s.form.day, { exact: true }).fill('8');
  await page.getByRole('button', { name: r.save }).click();
  await page.waitForSelector('.proposal');
  expect(await page.locator('.error-summary').count()).toBe(0);
}

describe('Après l’envoi', () => {
  for (const [lang, s] of [['fr', fr], ['ar', ar]] as const) {
    it(`once a proposal is accepted, offers no form to add one and says why; a correction stays possible (${lang})`, async () => {
      const r = s.prepare.after.record;
      const page = await openPrepare(lang, 360, { master: { ...MASTER_FACTS.master, referralSent: '2026-07-06',
        rectorProposals: [{ notified: '2026-07-07', answer: 'refused', answered: '2026-07-07' }, { notified: '2026-07-08', answer: 'accepted', answered: '2026-07-09' }] } });
      await page.waitForSelector('.proposal');
      expect(await page.locator('.record-proposal').count()).toBe(0);
      expect(plain(await page.locator('.record-ended').textContent())).toBe(plain(r.ended));
      // Answered: nothing is due, so no day to answer by is shown beside them.
      expect(await page.locator('.proposal dt').allTextContents()).toEqual([r.notifiedOn, r.notifiedOn]);
      expect(await axe(page), 'ended').toEqual([]);
      // Correcting the accepted one: the form again, for it; cancelled, gone again.
      await page.getByRole('button', { name: new RegExp(`^${r.edit}`) }).nth(1).click();
      expect(await page.locator('.record-proposal').count()).toBe(1);
      expect(await page.locator('.record-ended').count()).toBe(0);
      await page.getByRole('button', { name: r.cancel }).click();
      expect(await page.locator('.record-proposal').count()).toBe(0);
      await page.context().close();
    });
  }

  for (const [lang, s] of [['fr', fr], ['ar', ar]] as const) {
    it(`after a referral in time, the result leads with where the student stands and the day to answer, not "too late" (${lang})`, async () => {
      // 20 July: the fifteen days ended on the 16th; the referral was sent on the 10th, a proposal notified on the 17th.
      const answers = { master: { ...MASTER_FACTS.master, referralSent: '2026-07-10', rectorProposals: [{ notified: '2026-07-17' }] } };
      const page = await openStep(lang, 360, answers, '2026-07-20', 'result');
      const block = page.locator('.procedure').first();
      await block.locator('.outcome').waitFor();
      const outcome = plain(await block.locator('.outcome').textContent());
      expect(outcome).toContain(plain(s.result.followUp['proposals-open_nodate']));
      expect(outcome).not.toContain(plain(s.result.statusOf['too-late']));
      // Its last day is notification + 8 (the 25th), the act-by day the 24th.
      expect(await block.locator('.outcome p').nth(1).textContent()).toMatch(lang === 'fr' ? /24 juillet 2026.*25 juillet 2026/ : /24.*25/);
      expect(await axe(page), 'result after sending').toEqual([]);
      // One tap to the record: no request left to prepare, the proposals there.
      await block.getByRole('link', { name: new RegExp(`^${plain(s.result.followUp.record)}`) }).click();
      await page.waitForSelector('.referral-record');
      expect((await page.locator('.notice').allTextContents()).map(plain)).toContain(plain(s.prepare.sent));
      expect(await page.locator('.proposal').count()).toBe(1);
      // One count for one proposal: the record and the result count to the same last day.
      const recordCount = plain(await page.locator('.proposal .countdown').textContent());
      await page.getByRole('link', { name: s.prepareLink.back }).first().click();
      expect(plain(await page.locator('.procedure .outcome .countdown').first().textContent())).toBe(recordCount);
      await page.context().close();
    });

    it(`after the window, with nothing recorded, the result still leads to the record: the student may have referred in time (${lang})`, async () => {
      const page = await openStep(lang, 360, MASTER_FACTS, '2026-07-20', 'result');
      const block = page.locator('.procedure').first();
      await block.locator('.outcome').waitFor();
      expect(plain(await block.locator('.outcome').textContent())).toContain(plain(s.result.statusOf['too-late']));
      await block.getByRole('link', { name: new RegExp(`^${plain(s.result.followUp.recordLate).replace(/\?/g, '\\?')}`) }).click();
      await page.waitForSelector('.referral-record');
      expect((await page.locator('.notice').allTextContents()).map(plain)).toContain(plain(s.prepare.windowClosed));
      expect(await axe(page), 'record after the window').toEqual([]);
      await page.context().close();
    });
  }

  it('refuses a referral dated before the teleservice opened, naming the day', async () => {
    const page = await openPrepare('fr', 390);
    const r = fr.prepare.after.record;
    await fillDate(page, fr, r.sent, ['30', '6', '2026']);
    await page.getByRole('button', { name: r.sentSave }).click();
    await page.waitForSelector('.error-summary');
    expect(plain(await page.locator('.error-summary').textContent())).toContain(plain(fr.form.errors['before-opening'].replace('{{date}}', '1er juillet 2026')));
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('records the referral and a proposal, shows its last day and act-by day, keeps them, and adds them to a calendar', async () => {
    const page = await openPrepare('fr', 360);
    const seen = watch(page, new URL(base).origin);
    await record(page, fr);
    const proposal = () => page.locator('.proposal').first().textContent().then(plain);
    // Notified on 8 July: eight days, the notification day not counted, so the 16th; the 15th to be safe.
    for (const text of ['Proposition n° 1', 'En attente de votre réponse.', 'Il vous reste 6 jours pour répondre.',
      'Notifiée le', 'mercredi 8 juillet 2026', 'Dernier jour pour répondre', 'jeudi 16 juillet 2026',
      'À faire au plus tard le', 'mercredi 15 juillet 2026', 'R612-36-3 I al. 8']) expect(await proposal()).toContain(text);
    const notes = plain(await page.locator('.referral-record .notes').textContent());
    expect(notes).toContain('Propositions reçues à ce jour : 1.');
    expect(notes).toContain('Source : R612-36-3 I al. 4 et 6 (loi)');
    // Saved with the answers, as facts.
    const stored = await getStored(page, 'progress') as { answers: Facts };
    expect(stored.answers.master).toMatchObject({ referralSent: '2026-07-06', rectorProposals: [{ notified: '2026-07-08' }] });
    expect(await axe(page), 'recorded').toEqual([]);

    await page.reload();
    await page.waitForSelector('.proposal');
    expect(await proposal()).toContain('jeudi 16 juillet 2026');
    expect(plain(await page.locator('.referral-record').textContent())).toContain('Saisine envoyée le lundi 6 juillet 2026.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('recourssup-offers.ics');
    const ics = plain(readFileSync((await download.path())!, 'utf8').replace(/\r\n /g, ''));
    expect(ics).toContain('DTSTART;VALUE=DATE:20260716');
    expect(ics).toContain('BEGIN:VALARM');
    expect(ics).toContain('SUMMARY;LANGUAGE=fr:Proposition du recteur n° 1');

    // An answer recorded: the proposal is no longer open, and nothing is left to remind.
    await page.getByRole('button', { name: /^Modifier/ }).click();
    await page.getByLabel('Je l’ai acceptée').check();
    await fillDate(page, fr, fr.prepare.after.record.answered, ['9', '7', '2026']);
    await page.getByRole('button', { name: fr.prepare.after.record.save }).click();
    await expect.poll(proposal).toContain('Vous l’avez acceptée le 9 juillet 2026.');
    expect(plain(await page.locator('.referral-record .notes').textContent())).toContain('la saisine s’arrête là');
    expect(await page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).count()).toBe(0);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await page.context().close();
  });

  it('in Arabic at 360 px: right to left, the dates readable, the same record', async () => {
    const page = await openPrepare('ar', 360);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await record(page, ar as unknown as Strings);
    const text = await page.locator('.proposal').first().textContent();
    expect(text).toContain(ar.prepare.after.record.deadline);
    expect(text).toContain(ar.prepare.after.record.actBy);
    // Latin digits, the month in Arabic: "16 يوليو 2026".
    expect(text).toMatch(/16 \S+ 2026/);
    expect(text).toMatch(/15 \S+ 2026/);
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
