/** The master referral's questionnaire in French, answered as an eligible student would, for several test files. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const h1 = (page: Page) => page.locator('h1:visible').textContent();
/**
 * "Continue": the next step is shown once the answer is stored, so the click is followed by a wait for the
 * address to change, or for the page's errors when the answer does not pass.
 */
export async function next(page: Page, label = 'Continuer') {
  const before = page.url();
  await page.getByRole('button', { name: label }).click();
  await page.waitForFunction((url) => location.href !== url || document.querySelector('.error-summary') !== null, before, { timeout: 10_000 })
    .catch(() => undefined);
}

export async function date(page: Page, d: string, m: string, y: string, labels = ['Jour', 'Mois', 'Année']) {
  await page.getByLabel(labels[0]!, { exact: true }).fill(d);
  await page.getByLabel(labels[1]!, { exact: true }).fill(m);
  await page.getByLabel(labels[2]!, { exact: true }).fill(y);
}

/** A hook on some pages of the way (axe, for instance). */
type Visit = (state: string) => Promise<void>;
const nothing: Visit = async () => undefined;

/** From the start page's short-cut to the applications question, the licence's région given. */
export async function masterFirstPages(page: Page, region = 'occitanie', visit: Visit = nothing) {
  await page.getByRole('link', { name: 'Tous les masters m’ont refusé' }).click();
  await expect.poll(() => h1(page)).toBe('Quel diplôme avez-vous, ou préparez-vous cette année\u202f?');
  await visit('licence');
  await page.getByLabel('Une licence (diplôme national de licence)').check();
  await next(page);
  await date(page, '25', '6', '2026');
  await next(page);
  await page.getByLabel('Région académique', { exact: true }).selectOption(region);
  await visit('région');
  await next(page);
  expect(await h1(page)).toBe('Vos candidatures en master 1 cette année');
}

/** The applications, the waiting list ("no") and the refusals pages, from the applications question on. */
interface Counts { applications: number; positive: number; refusals: number; mentions: number; establishments: number }

export async function masterCounts(page: Page, c: Counts) {
  await page.getByLabel('Nombre de candidatures').fill(String(c.applications));
  await page.getByLabel('Réponses positives').fill(String(c.positive));
  await next(page);
  await page.getByLabel('Non').check();
  await next(page);
  await page.getByLabel('Nombre de refus reçus').fill(String(c.refusals));
  await page.getByLabel('Mentions').fill(String(c.mentions));
  await page.getByLabel('Établissements').fill(String(c.establishments));
  await next(page);
}

/** From the applications question to "check your answers": refused everywhere, window open on 1 July 2026. */
export async function masterLastPages(page: Page) {
  await masterCounts(page, { applications: 7, positive: 0, refusals: 7, mentions: 3, establishments: 2 });
  expect(await h1(page)).toBe('À quelle date avez-vous reçu votre dernier refus\u202f?');
  await date(page, '1', '7', '2026');
  await next(page);
  expect(await h1(page)).toBe('Le service «\u00a0Saisir le recteur\u00a0» de Mon Master est-il ouvert\u202f? Depuis quand\u202f?');
  await date(page, '1', '7', '2026');
  await next(page);
  expect(await h1(page)).toBe('Vérifiez vos réponses');
}
