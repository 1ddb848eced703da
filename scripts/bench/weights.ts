/**
 * What a build makes a browser download: the start page's first load, how deep its critical chain is, and
 * everything the service worker precaches. Sizes are gzip -9, the best a static host can serve.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight { bytes: number; files: number }

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const weigh = (files: string[]): Weight => ({ bytes: files.reduce((sum, f) => sum + gzipSize(f), 0), files: files.length });

/** `./assets/x.js` or `/assets/x.js` in the page, as a path relative to dist (the app's base is relative, the floor's absolute). */
const distPath = (ref: string) => posix.normalize(ref.replace(/^\.?\//, ''));

/** The scripts, module preloads and style sheets the start page's HTML names: what its first paint waits for. */
function pageRefs(dist: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const js = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="([^"]+)"/g)].map((m) => distPath(m[1]!));
  const css = [...html.matchAll(/<link[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => distPath(m[1]!));
  return { js, css };
}

export function firstLoad(dist: string): Weight {
  const { js, css } = pageRefs(dist);
  return weigh(['index.html', ...js, ...css].map((f) => join(dist, f)));
}

export interface Chain { depth: number; js: number; css: number; deeper: string[] }

/**
 * The critical chain, by reading the files rather than a browser: depth 2 is HTML → its scripts, preloads
 * and style sheets. Anything the browser can only discover after fetching one of those (a CSS `@import`, a
 * font, a static import Vite did not preload) adds a round trip on a slow network, so it is named.
 */
export function criticalChain(dist: string): Chain {
  const { js, css } = pageRefs(dist);
  const named = new Set(js);
  const deeper: string[] = [];
  for (const file of js) {
    const code = readFileSync(join(dist, file), 'utf8');
    // A static import has `from "…"` or a bare string after `import`; `import(` is dynamic and excluded by `[^"'()]`.
    for (const m of code.matchAll(/\bimport\s*(?:[^"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = posix.join(posix.dirname(file), m[1]!);
      if (!named.has(target)) deeper.push(`${file} imports ${target} (not preloaded)`);
    }
  }
  for (const file of css) {
    const sheet = readFileSync(join(dist, file), 'utf8');
    for (const m of sheet.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) deeper.push(`${file} @import ${m[1]}`);
    for (const m of sheet.matchAll(/url\(\s*["']?([^"')]+\.(?:woff2?|ttf|otf|eot))/g)) deeper.push(`${file} font ${m[1]}`);
  }
  return { depth: deeper.length ? 3 : 2, js: js.length, css: css.length, deeper };
}

/**
 * Everything the generated service worker downloads on install: the `url:"…"` entries of its precache
 * manifest, plus sw.js and the workbox runtime it loads.
 */
export function precache(dist: string): Weight & { missing: string[] } {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const listed = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => distPath(m[1]!));
  const runtime = readdirSync(dist).filter((f) => /^workbox-[\w-]+\.js$/.test(f));
  const files = [...new Set(['sw.js', ...runtime, ...listed])];
  const missing = files.filter((f) => !existsSync(join(dist, f)));
  return { ...weigh(files.filter((f) => !missing.includes(f)).map((f) => join(dist, f))), missing };
}
