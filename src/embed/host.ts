/**
 * The host side of the embed kit, run by embed.js in an information website's page: reads the script's
 * `data-` options, creates the frame, and sizes it from the app's height messages. Everything here ships
 * to every host page, so it stays small (budget: embed.js at most 2 KB gzip).
 */
import { SITUATIONS } from './situations';
import { isReadableAccent } from './contrast';
import { HEIGHT_MESSAGE } from './protocol';

// The app's languages (src/i18n.ts), repeated so that embed.js does not pull i18next in; a test checks they agree.
export const TITLES: Record<string, string> = {
  fr: 'RecoursSup\u00a0: vos recours sans place dans le supérieur',
  en: 'RecoursSup: your remedies without a place in higher education',
  ar: 'RecoursSup: سبل الطعن المتاحة لك دون مقعد في التعليم العالي',
};

/** `data-procedure` values (a situation but "both", which is every procedure, the default). */
export const PROCEDURES: Record<string, string> = Object.fromEntries(
  Object.entries(SITUATIONS).filter(([k]) => k !== 'both').map(([k, ids]) => [k, ids.join(',')]),
);

export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 20000;
const DEFAULT_HEIGHT = 640;

export interface HostOptions {
  lang: string;
  /** Procedure ids for the app's `for` parameter, or null for all. */
  procedures: string | null;
  /** `rrggbb` (no `#`), or null for the app's own. */
  accent: string | null;
  height: number;
  title: string;
  target: string | null;
}

// Not Object.hasOwn: host pages are read with older browsers than the app supports.
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const clamp = (h: number) => Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(h)));

/** Validated options: anything unknown falls back to the default with a warning, never breaks the page. */
export function hostOptions(data: DOMStringMap, warn: (message: string) => void): HostOptions {
  const { lang = 'fr', procedure, accent, height, title, target } = data;
  const known = has(TITLES, lang);
  if (!known) warn(`unknown data-lang "${lang}", using fr`);
  const ids = procedure !== undefined && has(PROCEDURES, procedure) ? PROCEDURES[procedure]! : null;
  if (procedure !== undefined && !ids) warn(`unknown data-procedure "${procedure}", offering every procedure`);
  const readable = accent !== undefined && isReadableAccent(accent, true);
  if (accent !== undefined && !readable) warn(`data-accent "${accent}" is not a #rrggbb colour with a 4.5:1 contrast against white text, using the default`);
  const h = Number(height);
  if (height !== undefined && !(h > 0)) warn(`data-height "${height}" is not a number of pixels, using ${DEFAULT_HEIGHT}`);
  return {
    lang: known ? lang : 'fr',
    procedures: ids,
    accent: readable ? accent!.slice(1) : null,
    height: clamp(h > 0 ? h : DEFAULT_HEIGHT),
    title: title || TITLES[known ? lang : 'fr']!,
    target: target || null,
  };
}

/** The app's address: the folder embed.js was loaded from, with the options in the query. */
export function frameUrl(scriptSrc: string, o: HostOptions, hostOrigin: string): string {
  const url = new URL('./', scriptSrc);
  const q = url.searchParams;
  q.set('embed', '1');
  q.set('lang', o.lang);
  if (o.procedures) q.set('for', o.procedures);
  if (o.accent) q.set('accent', o.accent);
  q.set('host', hostOrigin);
  return url.href;
}

/** The new height a message asks for, or null unless it comes from our own frame, at the app's origin, in the expected shape. */
export function heightFrom(event: MessageEvent, frame: Window | null, appOrigin: string): number | null {
  const d = event.data;
  if (!frame || event.source !== frame || event.origin !== appOrigin) return null;
  if (!d || d.type !== HEIGHT_MESSAGE || typeof d.height !== 'number' || !Number.isFinite(d.height)) return null;
  return clamp(d.height);
}

/** Creates the frame for one `<script>` of embed.js, with its height reserved before the app loads. */
export function mount(script: HTMLScriptElement | null): HTMLIFrameElement | null {
  const warn = (m: string) => console.warn(`RecoursSup: ${m}`);
  if (!script?.src) {
    warn('embed.js must be loaded by a classic <script src>');
    return null;
  }
  const o = hostOptions(script.dataset, warn);
  const frame = document.createElement('iframe');
  frame.title = o.title;
  frame.src = frameUrl(script.src, o, location.origin);
  Object.assign(frame.style, { display: 'block', width: '100%', border: '0', height: `${o.height}px` });
  const appOrigin = new URL(script.src).origin;
  addEventListener('message', (e) => {
    const h = heightFrom(e, frame.contentWindow, appOrigin);
    if (h !== null) frame.style.height = `${h}px`;
  });
  const target = o.target && document.getElementById(o.target);
  if (o.target && !target) warn(`no element with id "${o.target}", the frame goes after the script`);
  if (target) target.append(frame);
  else script.after(frame);
  return frame;
}
