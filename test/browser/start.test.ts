/** The production build in Chromium: the start page, its languages, accessibility, and the installable app. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, cspViolations, launch, recordCspViolations, watch } from './browser';

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
    await expect(page.locator('h1').textContent()).resolves.toBe('Sans place après Parcoursup ou Mon Master\u202f? Voyez quel recours vous avez.');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('footer').textContent()).toMatch(/Version des règles\u00a0: \d{4}\.\d+/);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await page.close();
  });

  it('requests nothing but the HTML, one script and the CSS until a frame is painted; the questionnaire and the worker come after', async () => {
    const context = await browser.newContext();
    // Frames held back: what the app requests before its first frame is painted is all that loads.
    await context.addInitScript(() => {
      const w = window as unknown as { heldFrames: FrameRequestCallback[] };
      w.heldFrames = [];
      window.requestAnimationFrame = (cb) => w.heldFrames.push(cb);
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(base, { waitUntil: 'load' });
    await page.waitForTimeout(1000); // an absence: given time to happen, it did not
    // The manifest and the icons are the browser's own requests, and tiny.
    const mine = () => requests.filter((p) => !/manifest|icons/.test(p)).map((p) => p.replace(/-[\w-]{8}\./, '.'));
    expect(mine()).toEqual(['/', '/assets/index.js', '/assets/index.css']);
    await page.evaluate(() => {
      const w = window as unknown as { heldFrames: FrameRequestCallback[] };
      for (let i = 0; i < 20 && w.heldFrames.length; i++) for (const cb of w.heldFrames.splice(0)) cb(performance.now());
    });
    await expect.poll(mine).toEqual(expect.arrayContaining(['/assets/Flow.js', '/assets/service-worker.js']));
    await context.close();
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

  it('a language whose module will not load (a version replaced since) is not a dead button: the page says so and reloads', async () => {
    const page = await browser.newPage();
    await page.route('**/assets/en-*.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(base);
    await page.getByRole('button', { name: 'English' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'ne peut plus se charger' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await axe(page), 'module missing').toEqual([]);
    await page.unroute('**/assets/en-*.js');
    await alert.getByRole('button', { name: 'Recharger la page' }).click();
    await page.waitForFunction(() => !document.querySelector('[role="alert"]') && document.querySelector('h1'));
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
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

  // 320 CSS px is WCAG's reflow width (1280 px at 400 %); 640 × 450 is a 1280 × 900 screen at 200 % zoom.
  for (const [width, height] of [[320, 640], [640, 450]] as const) {
    it(`fits ${width} px wide with no horizontal scroll: start, a question, the result, the rules book, counsellor mode`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      for (const path of ['', '?step=refusals&for=master-referral', '?step=result&for=master-referral', '?step=book', '?step=counsellor']) {
        await page.goto(`${base}${path}`);
        await page.waitForSelector('h1');
        expect(await overflow(), path || 'start').toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  }

  // A 320 px screen at 200 % zoom lays the page out in 160 CSS px: long words must wrap (or hyphenate) there.
  for (const lang of ['fr', 'en', 'ar']) {
    it(`fits 320 px at 200 % zoom (160 CSS px) in ${lang}: long words wrap, on every kind of page`, async () => {
      const context = await browser.newContext({ viewport: { width: 160, height: 320 } });
      await context.addInitScript((l) => localStorage.setItem('recourssup.lang', l), lang);
      const page = await context.newPage();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      for (const path of ['', '?step=renounced&for=parcoursup-accompaniment,parcoursup-reexamination', '?step=licence&for=master-referral',
        '?step=check', '?step=result', '?step=law', '?step=book', '?step=counsellor']) {
        // Network idle: the law's texts, the rules book and the result are in the page.
        await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('.loading'));
        expect(await overflow(), `${lang} ${path || 'start'}`).toBeLessThanOrEqual(0);
      }
      await context.close();
    });
  }

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

describe('installable app', () => {
  // Registration comes after first paint; a remembered English or Arabic awaits its chunk before the first
  // render, after `load` has fired: the worker must be registered all the same. (Offline use is tested with
  // the server stopped, in offline-update.test.ts: the browser's offline switch misses the worker's fetches.)
  for (const lang of ['fr', 'ar']) {
    it(`registers the service worker after first paint (${lang})`, async () => {
      const context = await browser.newContext();
      await context.addInitScript((l) => { if (l !== 'fr' && !localStorage.getItem('recourssup.lang')) localStorage.setItem('recourssup.lang', l); }, lang);
      const page = await context.newPage();
      const seen = watch(page, origin);
      await page.goto(base, { waitUntil: 'load' });
      const scope = await page.evaluate(() => Promise.race([
        navigator.serviceWorker.ready.then((r) => r.scope),
        new Promise<string>((done) => setTimeout(() => done('no service worker within 10 s'), 10_000)),
      ]));
      expect(scope).toBe(base);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(seen.errors).toEqual([]);
      await context.close();
    });
  }
});

describe('Content-Security-Policy', () => {
  // The policy the app is meant to be served with: no inline script or style, nothing from another origin.
  const CSP = [
    'default-src \'self\'', 'script-src \'self\'', 'style-src \'self\'', 'img-src \'self\' data:', 'connect-src \'self\'',
    'worker-src \'self\'', 'manifest-src \'self\'', 'object-src \'none\'', 'base-uri \'self\'', 'form-action \'self\'',
  ].join('; ');

  it('runs under a strict policy with no violation, in French and in Arabic, into the questionnaire', async () => {
    const context = await browser.newContext();
    await context.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
    });
    await recordCspViolations(context);
    const page = await context.newPage();
    const seen = watch(page, origin);
    await page.goto(base, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toMatch(/Parcoursup/);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    await page.getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).not.toMatch(/Voyez/);
    expect(await cspViolations(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });
});
