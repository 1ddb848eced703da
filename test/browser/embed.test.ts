/**
 * The embed kit in Chromium, with the host page and the app on two origins: the host pages are served
 * from http://localhost:<port> by a server of this file, the app from the build at http://127.0.0.1:<port>;
 * http://127.0.0.1:<this file's port> is a third origin, a stranger to both.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, cspViolations, launch, recordCspViolations } from './browser';
import { date, masterLastPages, next } from './master-journey';

const base = inject('baseUrl');
const appOrigin = new URL(base).origin;
let browser: Browser;
let server: Server;
let hostBase: string;
let strangerBase: string;
const pages = new Map<string, { html: string; headers?: Record<string, string> }>();

beforeAll(async () => {
  browser = await launch();
  server = createServer((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!page && req.url === '/favicon.ico') return void res.writeHead(204).end();
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', ...page?.headers });
    res.end(page?.html ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, done));
  const { port } = server.address() as AddressInfo;
  hostBase = `http://localhost:${port}/`;
  strangerBase = `http://127.0.0.1:${port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

interface HostPage { attrs?: string; before?: string; after?: string; record?: boolean; headers?: Record<string, string> }

/** A host page with one embed.js snippet; `record` keeps every message the page receives in `window.received`. */
function hostPage(name: string, { attrs = 'data-target="recourssup"', before = '', after = '', record = true, headers }: HostPage = {}): string {
  const recorder = record
    ? `<script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>`
    : '';
  pages.set(`/${name}.html`, {
    headers,
    html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Académie de test</title>${recorder}</head>
<body><main><h1>Vos recours</h1><p>Un paragraphe du site.</p>${before}<div id="recourssup"></div>
<script src="${base}embed.js" ${attrs} async></script><p id="after">La suite de la page.</p>${after}</main></body></html>`,
  });
  return `${hostBase}${name}.html`;
}

async function open(url: string, context?: BrowserContext, waitUntil: 'load' | 'domcontentloaded' = 'load') {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 420, height: 800 } }));
  const page = await ctx.newPage();
  // A day in the season: the questions asked (and so the frame's height) do not depend on when the tests run.
  await page.clock.setFixedTime(new Date('2026-07-05T10:00:00'));
  const warnings: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  ctx.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil });
  return { page, context: ctx, warnings, errors, requests };
}

/** The app's frame in the host's `<iframe>` that matches `selector`, once its first page is rendered. */
async function appFrame(page: Page, selector = 'iframe'): Promise<Frame> {
  const frame = (await (await page.waitForSelector(selector)).contentFrame())!;
  await frame.waitForSelector('h1');
  return frame;
}

/** The height of the host's iframe element, as the host page lays it out. */
const boxHeight = async (frame: Frame) => (await frame.frameElement()).evaluate((f) => (f as Element).getBoundingClientRect().height);
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
/** Waits until the iframe is exactly as tall as the app's content, and returns that height. */
async function fitted(frame: Frame): Promise<number> {
  await expect.poll(async () => (await boxHeight(frame)) - (await contentHeight(frame)), { timeout: 10_000 }).toBe(0);
  return boxHeight(frame);
}
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: { origin: string; data: unknown }[] }).received);

describe('embed.js', () => {
  it('is at most 2 KB gzip', async () => {
    const res = await fetch(`${base}embed.js`);
    expect(res.status).toBe(200);
    expect(gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length).toBeLessThanOrEqual(2048);
  });

  it('creates a titled frame in the target, its height reserved before the app arrives', async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
    // Hold the app's page back: what the host shows before any content is the reservation alone.
    let release = () => undefined as void;
    const held = new Promise<void>((done) => { release = done; });
    await context.route((url) => url.origin === appOrigin && url.searchParams.get('embed') === '1', async (route) => { await held; await route.continue(); });
    const { page, errors } = await open(hostPage('reserved', { attrs: 'data-target="recourssup" data-height="500"' }), context, 'domcontentloaded');
    const iframe = page.locator('#recourssup > iframe');
    await iframe.waitFor({ state: 'attached' });
    expect(await iframe.getAttribute('title')).toBe('RecoursSup\u00a0: vos recours sans place dans le supérieur');
    expect(await iframe.getAttribute('loading')).toBeNull();
    const before = await page.evaluate(() => {
      const f = document.querySelector('iframe')!.getBoundingClientRect();
      return { frame: f.height, width: f.width, gap: document.getElementById('after')!.getBoundingClientRect().top - f.bottom };
    });
    expect(before.frame).toBe(500);
    expect(before.width).toBe(await page.evaluate(() => document.getElementById('recourssup')!.getBoundingClientRect().width));
    const src = new URL((await iframe.getAttribute('src'))!);
    expect(src.origin + src.pathname).toBe(base);
    expect(Object.fromEntries(src.searchParams)).toEqual({ embed: '1', lang: 'fr', host: new URL(hostBase).origin });
    release();
    const frame = await appFrame(page);
    expect(await frame.locator('h1').textContent()).toMatch(/Parcoursup/);
    expect(await fitted(frame)).not.toBe(500);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without a target, puts the frame right after its script, and passes the language, procedure and accent to the app', async () => {
    const { page, context, warnings, errors } = await open(hostPage('options', { attrs: 'data-lang="ar" data-procedure="master" data-accent="#8a1538"' }));
    expect(await page.evaluate(() => document.querySelector('script[src$="embed.js"]')!.nextElementSibling!.tagName)).toBe('IFRAME');
    expect(await page.getAttribute('iframe', 'title')).toMatch(/^RecoursSup: سبل/);
    const frame = await appFrame(page);
    expect(await frame.getAttribute('html', 'lang')).toBe('ar');
    expect(await frame.getAttribute('html', 'dir')).toBe('rtl');
    const primary = frame.locator('button.primary').first();
    expect(await primary.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(138, 21, 56)');
    await primary.click();
    // The master referral only: its first question is the degree.
    await expect.poll(() => frame.url()).toMatch(/step=licence&for=master-referral/);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resizes the frame both ways as the content changes, as navigation inside the frame and content do', async () => {
    const { page, context, errors } = await open(hostPage('resize', { attrs: 'data-target="recourssup" data-procedure="master"' }));
    const frame = await appFrame(page);
    const start = await fitted(frame);
    await frame.getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Quel diplôme avez-vous, ou préparez-vous cette année\u202f?');
    const question = await fitted(frame);
    expect(question).not.toBe(start);
    await frame.evaluate(() => {
      const tall = document.createElement('div');
      tall.id = 'tall';
      tall.style.height = '2500px';
      document.getElementById('app')!.append(tall);
    });
    const grown = await fitted(frame);
    expect(grown).toBeGreaterThanOrEqual(question + 2500);
    await frame.evaluate(() => document.getElementById('tall')!.remove());
    expect(await fitted(frame)).toBe(question);
    // The frame is the content's height: the host page scrolls, not the frame.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leaves the host page where its reader is, and never tells it the empty page\'s height', async () => {
    const { page, context, errors } = await open(hostPage('below', { before: '<div style="height: 1200px">Long texte du site.</div>' }));
    const frame = await appFrame(page);
    // The app focuses its heading on load: that must not scroll the host page down to the frame.
    await expect.poll(() => frame.locator('h1').evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await expect.poll(async () => (await received(page)).length).toBeGreaterThan(0);
    const heights = (await received(page)).map((m) => (m.data as { height: number }).height);
    expect(Math.min(...heights)).toBeGreaterThan(400);
    // Chromium pauses the rendering of a cross-origin frame out of view: later changes arrive once it is seen.
    await (await frame.frameElement()).scrollIntoViewIfNeeded();
    await fitted(frame);
    // Once the student uses the frame, each new step's heading is brought into view again.
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await frame.getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect.poll(() => frame.locator('h1').textContent()).not.toMatch(/Voyez/);
    await expect.poll(() => frame.locator('h1').evaluate((h) => h === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ignores height messages from the host page itself, from another origin, and from another frame of the app', async () => {
    const stranger = `${strangerBase}stranger.html`;
    pages.set('/stranger.html', {
      html: `<!doctype html><html lang="fr"><title>x</title><script>parent.postMessage({ type: 'recourssup:height', height: 4444 }, '*');</script></html>`,
    });
    const url = hostPage('hostile', {
      attrs: 'data-target="recourssup" data-procedure="master"',
      // A second embed of the app: same origin, another window.
      after: `<div id="second"></div><script src="${base}embed.js" data-target="second" async></script><iframe title="Publicité" src="${stranger}"></iframe>`,
    });
    const { page, context } = await open(url);
    const first = await appFrame(page, '#recourssup > iframe');
    const height = await fitted(first);
    // The stranger's message arrived (the recorder saw it) and changed nothing.
    await expect.poll(async () => (await received(page)).some((m) => m.origin === new URL(strangerBase).origin)).toBe(true);
    expect(await boxHeight(first)).toBe(height);
    // The host's own window, claiming to be the app.
    await page.evaluate(() => window.postMessage({ type: 'recourssup:height', height: 3333 }, '*'));
    await expect.poll(async () => (await received(page)).some((m) => (m.data as { height?: number }).height === 3333)).toBe(true);
    expect(await boxHeight(first)).toBe(height);
    // The second frame grows: only its own iframe follows.
    const second = await appFrame(page, '#second > iframe');
    // Chromium pauses the rendering (and so ResizeObserver) of a cross-origin frame out of view: show it.
    await (await second.frameElement()).scrollIntoViewIfNeeded();
    await second.evaluate(() => { document.getElementById('app')!.style.paddingBlockEnd = '3000px'; });
    expect(await fitted(second)).toBeGreaterThan(3000);
    expect(await boxHeight(first)).toBe(height);
    await context.close();
  });

  it('keeps the answers from the host: no access to the frame, and nothing but heights in the messages', async () => {
    const { page, context, requests } = await open(hostPage('curious', { attrs: 'data-target="recourssup" data-procedure="master"' }));
    const frame = await appFrame(page);
    await frame.getByRole('button', { name: 'Commencer', exact: true }).click();
    await frame.getByLabel('Une licence (diplôme national de licence)').check();
    await frame.getByRole('button', { name: 'Continuer' }).click();
    await expect.poll(() => frame.url()).toMatch(/step=licence-date/);
    await fitted(frame);
    const probes = await page.evaluate(() => {
      const iframe = document.querySelector('iframe')!;
      const attempt = (f: () => unknown) => { try { return `read: ${String(f())}`; } catch (e) { return (e as Error).name; } };
      return {
        contentDocument: iframe.contentDocument === null,
        document: attempt(() => iframe.contentWindow!.document.body.innerHTML),
        location: attempt(() => iframe.contentWindow!.location.href),
        storage: attempt(() => iframe.contentWindow!.localStorage.length),
      };
    });
    expect(probes).toEqual({ contentDocument: true, document: 'SecurityError', location: 'SecurityError', storage: 'SecurityError' });
    const messages = await received(page);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.origin).toBe(appOrigin);
      expect(Object.keys(m.data as object).sort()).toEqual(['height', 'type']);
      expect(m.data).toEqual({ type: 'recourssup:height', height: expect.any(Number) });
    }
    // Nothing went anywhere but the host and the app.
    for (const r of requests) expect([appOrigin, new URL(hostBase).origin], r).toContain(new URL(r).origin);
    await context.close();
  });

  it('warns about bad options and falls back, the page and the frame still working', async () => {
    const url = hostPage('bad', {
      attrs: 'data-lang="xx" data-procedure="nope" data-accent="#ffff00" data-height="tall" data-target="missing"',
      after: `<div id="second"></div><script src="${base}embed.js" data-accent="red;}" data-target="second" async></script>`,
    });
    const { page, context, warnings, errors } = await open(url);
    const frame = await appFrame(page);
    await fitted(frame);
    for (const w of ['data-lang "xx"', 'data-procedure "nope"', 'data-accent "#ffff00"', 'data-height "tall"', 'no element with id "missing"', 'data-accent "red;}"']) {
      expect(warnings.some((m) => m.startsWith('RecoursSup:') && m.includes(w)), w).toBe(true);
    }
    expect(errors).toEqual([]);
    expect(await page.locator('#after').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('iframe').length)).toBe(2);
    // The fallbacks: French, every procedure, the app's own blue.
    expect(await frame.getAttribute('html', 'lang')).toBe('fr');
    expect(new URL(frame.url()).searchParams.get('for')).toBeNull();
    expect(new URL(frame.url()).searchParams.get('accent')).toBeNull();
    for (const f of page.frames().filter((x) => x.url().startsWith(base))) {
      await f.waitForSelector('button.primary');
      expect(await f.locator('button.primary').first().evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(29, 79, 145)');
    }
    await frame.getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect.poll(() => frame.url()).toMatch(/step=/);
    await context.close();
  });

  it('registers no service worker inside the frame', async () => {
    const context = await browser.newContext();
    // Chromium refuses service workers to this third-party frame anyway, so the attempt itself is watched.
    await context.addInitScript(() => {
      const w = window as unknown as { swAttempts: string[] };
      w.swAttempts = [];
      const sw = navigator.serviceWorker;
      const register = sw.register.bind(sw);
      sw.register = (url, options) => { w.swAttempts.push(String(url)); return register(url, options); };
    });
    const { page, requests } = await open(hostPage('worker'), context);
    const frame = await appFrame(page);
    await frame.waitForFunction(() => document.readyState === 'complete');
    // The top-level app registers just after `load`, through a dynamic import: leave it the time to.
    await frame.waitForTimeout(1500);
    expect(await frame.evaluate(() => ({
      attempts: (window as unknown as { swAttempts: string[] }).swAttempts,
      controller: navigator.serviceWorker.controller,
    }))).toEqual({ attempts: [], controller: null });
    expect(requests.filter((r) => r.includes('sw.js'))).toEqual([]);
    await context.close();
  });

  it('offers the full app in a new tab, without the embedding options, and passes axe in the host and in the frame', async () => {
    const { page, context } = await open(hostPage('full', { attrs: 'data-target="recourssup" data-procedure="reexamination"' }));
    const frame = await appFrame(page);
    expect(await axe(page)).toEqual([]);
    expect(await axe(frame)).toEqual([]);
    const link = frame.getByRole('link', { name: 'Ouvrir RecoursSup en plein écran (nouvel onglet)' });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener');
    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await full.waitForSelector('h1');
    expect(full.url()).toBe(`${base}?for=parcoursup-reexamination`);
    expect(await full.locator('.embed-banner').count()).toBe(0);
    await context.close();
  });

  it('offers "Préparer ma demande" in the full app, in a new tab, the answers in the link\'s fragment: the frame keeps no letter', async () => {
    const { page, context } = await open(hostPage('prepare', { attrs: 'data-target="recourssup" data-procedure="master"' }));
    const frame = await appFrame(page);
    // An eligible student's answers, given in the frame (whose storage a third-party frame may not even have).
    await frame.getByRole('button', { name: 'Commencer', exact: true }).click();
    await frame.getByLabel('Une licence (diplôme national de licence)').check();
    await next(frame as unknown as Page);
    await date(frame as unknown as Page, '25', '6', '2026');
    await next(frame as unknown as Page);
    await frame.getByLabel('Région académique', { exact: true }).selectOption('occitanie');
    await next(frame as unknown as Page);
    await masterLastPages(frame as unknown as Page);
    await frame.getByRole('button', { name: 'Voir mes recours' }).click();
    const link = frame.getByRole('link', { name: /^Préparer ma demande/ });
    await expect.poll(() => link.getAttribute('href')).toMatch(/\?step=prepare&procedure=master-referral&for=master-referral#rs1\./);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await axe(frame)).toEqual([]);
    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await full.waitForSelector('#letter-fr');
    expect(full.url()).toBe(`${base}?step=prepare&procedure=master-referral&for=master-referral`);
    expect(await full.locator('#letter-fr').textContent()).toContain('16 juillet 2026');
    expect(await full.locator('.embed-banner').count()).toBe(0);
    // The prepare page inside the frame only leads to the full app.
    const prepare = new URL(frame.url());
    prepare.searchParams.set('step', 'prepare');
    prepare.searchParams.set('procedure', 'master-referral');
    await frame.goto(prepare.href);
    await expect.poll(() => frame.locator('main').textContent()).toContain('ouvrez RecoursSup en plein écran');
    expect(await frame.locator('#letter-fr').count()).toBe(0);
    expect(await frame.getByRole('link', { name: /Ouvrir l’application complète/ }).getAttribute('target')).toBe('_blank');
    await context.close();
  });

  it('shows the app in the demo host page (docs/embed/demo.html), with no axe violation there', async () => {
    const demo = readFileSync(new URL('../../docs/embed/demo.html', import.meta.url), 'utf8');
    expect(demo).toContain('src="http://localhost:4173/embed.js"');
    pages.set('/demo.html', { html: demo.replace('http://localhost:4173/', base) });
    const { page, context, warnings, errors } = await open(`${hostBase}demo.html`);
    const frame = await appFrame(page, '#recourssup > iframe');
    await fitted(frame);
    expect(new URL(frame.url()).searchParams.get('for')).toBe('master-referral');
    expect(await axe(page)).toEqual([]);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works under the Content-Security-Policy docs/embedding.md gives hosts', async () => {
    const context = await browser.newContext();
    await recordCspViolations(context);
    const csp = `default-src 'self'; script-src 'self' ${appOrigin}; frame-src ${appOrigin}`;
    const { page, errors } = await open(hostPage('csp', { record: false, headers: { 'content-security-policy': csp } }), context);
    const frame = await appFrame(page);
    await fitted(frame);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
