/**
 * Offline after one visit, updates that lose nothing, and the kill switch, against builds served by a
 * host of our own (./static-server.ts): two builds deployed one after the other at the same address,
 * and the server stopped to go offline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, watch } from './browser';
import { h1, masterFirstPages, masterLastPages, next } from './master-journey';
import { staticHost, type StaticHost } from './static-server';

const root = resolve(import.meta.dirname, '../..');
const dirs: Record<'a' | 'b' | 'kill', string> = { a: '', b: '', kill: '' };
let browser: Browser;

/**
 * A production build whose footer names it (`__APP_VERSION__`): two builds differ as two releases do. With
 * `chunkTag`, every lazy module gets another name, as when a release changes them all: the previous
 * version's files are then gone from the server.
 */
async function buildApp(version: string, mode = 'production', chunkTag = ''): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `recourssup-${version}-`));
  const output = chunkTag ? { chunkFileNames: `assets/[name]-${chunkTag}-[hash].js` } : {};
  await build({ root, mode, logLevel: 'warn', define: { __APP_VERSION__: JSON.stringify(version) }, build: { outDir, emptyOutDir: true, rollupOptions: { output } } });
  return outDir;
}

beforeAll(async () => {
  browser = await launch();
  dirs.a = await buildApp('test-a');
  dirs.b = await buildApp('test-b', 'production', 'next');
  dirs.kill = await buildApp('test-kill', 'kill-switch');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  for (const d of Object.values(dirs)) if (d) rmSync(d, { recursive: true, force: true });
});

const footer = (page: Page) => page.locator('footer').textContent();

interface Installed { host: StaticHost; context: BrowserContext; page: Page }
/** Build A installed (`visit`), handed to `test`; the context and the host are closed whatever happens. */
async function withInstalled(test: (installed: Installed) => Promise<void>): Promise<void> {
  const host = await staticHost(dirs.a);
  const { context, page } = await visit(host);
  try {
    await test({ host, context, page });
  } finally {
    await context.close();
    await host.stop();
  }
}

async function visit(host: StaticHost): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
  await page.goto(host.url, { waitUntil: 'load' });
  // Installed means precached: everything the app needs is in the cache from then on. The second visit
  // is the one the worker controls (a first visit is not claimed), as for a returning student.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

describe('offline after one visit (server stopped)', () => {
  it('reloads, answers every step to the result, opens the texts, and switches language, with no request answered by the network', async () => {
    await withInstalled(async ({ host, page }) => {
      const seen = watch(page, new URL(host.url).origin);
      await host.stop();
      host.takeRequests();
      await page.reload();
      expect(await h1(page)).toMatch(/Parcoursup/);
      await masterFirstPages(page);
      await masterLastPages(page);
      await page.getByRole('button', { name: 'Voir mes recours' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('jeudi 16 juillet 2026');
      await page.getByRole('link', { name: 'Textes et sources des dates' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('R612-36-3');
      for (const [name, dir] of [['English', 'ltr'], ['العربية', 'rtl']] as const) {
        await page.getByRole('button', { name }).click();
        await expect.poll(() => page.getAttribute('html', 'dir')).toBe(dir);
        await expect.poll(() => page.locator('main').textContent()).toContain('R612-36-3');
      }
      expect(host.takeRequests()).toEqual([]); // nothing reached a server: there was none
      expect(seen.errors).toEqual([]);
    });
  });
});

describe('updates', () => {
  it('offers a new version, never in the middle of a question, and applies it losing no answer; offline afterwards', async () => {
    await withInstalled(async ({ host, page }) => {
      expect(await footer(page)).toContain('test-a');
      await masterFirstPages(page);
      const questionUrl = page.url();

      // A new release is deployed; the browser finds it (as it would on its next navigation).
      host.deploy(dirs.b);
      await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update(); });
      await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
      // Not on a question page: what the student is typing is not saved yet.
      await page.waitForTimeout(300);
      expect(await page.getByRole('button', { name: 'Mettre à jour' }).count()).toBe(0);

      // Back to a page that is not a question (the start page): the notice appears, non-modal.
      await page.goBack();
      await page.goBack();
      await page.goBack();
      await page.goBack();
      expect(await h1(page)).toMatch(/Parcoursup/);
      await expect.poll(() => page.getByRole('button', { name: 'Mettre à jour' }).count()).toBe(1);
      expect(await axe(page), 'update notice').toEqual([]);
      await page.goForward();
      await page.goForward();
      await page.goForward();
      await page.goForward();
      expect(page.url()).toBe(questionUrl);
      await page.goBack(); // the région: a question, so no notice…
      expect(await page.getByRole('button', { name: 'Mettre à jour' }).count()).toBe(0);
      await page.goForward();

      // …so the student goes on to a page without a question: the check page, via the journey's end.
      await page.getByLabel('Nombre de candidatures').fill('7');
      await page.getByLabel('Réponses positives').fill('2');
      await next(page);
      expect(await h1(page)).toBe('Vérifiez vos réponses');
      const answersBefore = await page.locator('.summary-list').textContent();
      const checkUrl = page.url();
      await page.getByRole('button', { name: 'Mettre à jour' }).click();
      await page.waitForFunction(() => document.querySelector('footer')?.textContent?.includes('test-b'));
      expect(page.url()).toBe(checkUrl);
      await expect.poll(() => h1(page)).toBe('Vérifiez vos réponses');
      await expect.poll(() => page.locator('.summary-list').textContent()).toBe(answersBefore);

      // Offline after the update: the new version, the same answers.
      await host.stop();
      await page.reload();
      await expect.poll(() => page.locator('.summary-list').textContent()).toBe(answersBefore);
      expect(await footer(page)).toContain('test-b');
    });
  });
});

describe('an update applied in another tab', () => {
  it('the tab still running the old version loads its lazy modules, and its "Update" reloads it on the new one', async () => {
    await withInstalled(async ({ host, page: a, context }) => {
      const b = await context.newPage();
      await b.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
      await b.goto(host.url, { waitUntil: 'load' });
      await b.waitForFunction(() => navigator.serviceWorker.controller !== null);
      host.deploy(dirs.b);
      await a.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update(); });
      await a.getByRole('button', { name: 'Mettre à jour' }).click();
      await a.waitForFunction(() => document.querySelector('footer')?.textContent?.includes('test-b'));
      // Tab B runs test-a, whose English strings the server no longer has: the worker kept them.
      expect(await footer(b)).toContain('test-a');
      await b.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => b.getAttribute('html', 'lang')).toBe('en');
      await expect.poll(() => b.locator('h1').textContent()).toMatch(/^No place/);
      // Its update notice: the new version already took over, so "Update" just reloads it onto it.
      await b.getByRole('button', { name: 'Update' }).click();
      await b.waitForFunction(() => document.querySelector('footer')?.textContent?.includes('test-b'));
      expect(await b.getAttribute('html', 'lang')).toBe('en');
    });
  });
});

describe('deep paths', () => {
  it('a path where the app does not live is the server\'s business, not the app\'s; its steps still load offline', async () => {
    await withInstalled(async ({ host, page }) => {
      const deep = await page.goto(new URL('x/y', host.url).href);
      expect(deep?.status()).toBe(404);
      expect(await page.locator('#app').count()).toBe(0);
      await host.stop();
      await page.goto(`${host.url}?step=licence&for=master-referral`);
      await expect.poll(() => h1(page)).toBe('Quel diplôme avez-vous, ou préparez-vous cette année\u202f?');
    });
  });
});

describe('kill switch', () => {
  it('a kill-switch build removes the service worker and its caches, and the app then loads from the network', async () => {
    await withInstalled(async ({ host, page }) => {
      expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
      host.deploy(dirs.kill);
      host.takeRequests();
      // The browser checks sw.js soon after a navigation; the kill-switch worker then unregisters itself,
      // reloads the page it controlled and empties the caches (the page may be navigating while polled).
      await page.reload();
      const state = () => page.evaluate(async () => ({
        registrations: (await navigator.serviceWorker.getRegistrations()).length, caches: (await caches.keys()).length,
      })).catch(() => 'navigating');
      await expect.poll(state, { timeout: 20_000 }).toEqual({ registrations: 0, caches: 0 });
      expect(host.takeRequests()).toContain('/sw.js');
      await page.reload();
      await expect.poll(() => footer(page)).toContain('test-kill');
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    });
  });
});
