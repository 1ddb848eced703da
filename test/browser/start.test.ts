/** The production build in Chromium: the start page, its languages, accessibility, and the installable app. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, launch, watch } from './browser';

const base = inject('baseUrl');
const origin = new URL(base).origin;
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('start page', () => {
  it('loads in French, with no console error and no request to another origin', async () => {
    const page = await browser.newPage();
    const seen = watch(page, origin);
    const res = await page.goto(base, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sans place après Parcoursup ou Mon Master ? Voyez quel recours vous avez.');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('footer').textContent()).toMatch(/Version des règles : \d{4}\.\d+/);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await page.close();
  });

  it('switches to Arabic, right to left, remembers it, and applies it before the first render on return', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.locator('h1').textContent()).toMatch(/Parcoursup/);
    expect(await page.locator('h1').textContent()).not.toMatch(/Voyez/);
    // On reload, the first rendered heading is already Arabic: no French flash.
    await page.reload();
    const firstHeading = await page.waitForSelector('h1');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await firstHeading.textContent()).not.toMatch(/Voyez/);
    await context.close();
  });

  it('has no axe violation in French, English and Arabic', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    for (const name of ['Français', 'English', 'العربية']) {
      await page.getByRole('button', { name }).click();
      await page.waitForFunction((n) => document.querySelector('button[aria-pressed="true"]')?.textContent === n, name);
      expect(await axe(page), name).toEqual([]);
    }
    await page.close();
  });

  it('fits 320 px wide with no horizontal scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(base);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('serves a service worker and a manifest with a maskable icon', async () => {
    const page = await browser.newPage();
    const sw = await page.goto(new URL('sw.js', base).href);
    expect(sw?.status()).toBe(200);
    expect(await sw?.text()).toMatch(/precache/i);
    await page.goto(base);
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(href).toBeTruthy();
    const manifest = await (await page.goto(new URL(href!, base).href))!.json();
    expect(manifest).toMatchObject({ name: 'RecoursSup', lang: 'fr', display: 'standalone' });
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    await page.close();
  });
});
