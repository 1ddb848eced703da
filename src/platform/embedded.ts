/**
 * The app inside another website's frame (`?embed=1`, put there by embed.js): the host's language,
 * procedures and accent colour, and the frame's height reported to the host page. The height is the only
 * thing that ever leaves: no answer, no step, nothing is posted, and no message is listened to. In this
 * mode the app registers no service worker (main.tsx) and must not import a hand-off from the URL
 * fragment: check `embedded()` first.
 *
 * Nothing runs at import time: main.tsx calls `embedOptions` and `startEmbedded`.
 */
import { isReadableAccent } from '../embed/contrast';
import { HEIGHT_MESSAGE, type HeightMessage } from '../embed/protocol';
import { isLanguage, type Language } from '../i18n';
import { stepToSearch } from '../questionnaire/steps';
import { PROCEDURE_IDS, type ProcedureId } from '../rules/procedure-ids';

export interface EmbedOptions {
  lang: Language;
  procedures: readonly ProcedureId[];
  /** `rrggbb`, readable under white text; null for the app's own colour. */
  accent: string | null;
  /** Where height messages go; null (nothing is sent) unless `host` is an http(s) address. */
  hostOrigin: string | null;
}

const warnConsole = (m: string) => console.warn(`RecoursSup: ${m}`);

/** An http(s) origin, or null: postMessage's target must never be a guess, nor `*`. */
export function httpOrigin(value: string | null): string | null {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The embedding options of a query string, validated (unknown values fall back with a warning); null when not embedded. */
export function embedOptions(search: string, warn = warnConsole): EmbedOptions | null {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return null;
  const lang = q.get('lang') ?? 'fr';
  if (!isLanguage(lang)) warn(`unknown lang "${lang}", using fr`);
  const asked = q.get('for')?.split(',') ?? [];
  const unknown = asked.filter((p) => !(PROCEDURE_IDS as readonly string[]).includes(p));
  if (unknown.length) warn(`unknown procedure "${unknown.join(',')}"`);
  const known = asked.filter((p): p is ProcedureId => !unknown.includes(p));
  const accent = q.get('accent');
  const readable = accent !== null && isReadableAccent(accent, false);
  if (accent !== null && !readable) warn(`accent "${accent}" is not an rrggbb colour with a 4.5:1 contrast against white text, using the default`);
  const host = q.get('host');
  const hostOrigin = httpOrigin(host);
  if (!hostOrigin) warn(`host "${host ?? ''}" is not an http(s) origin: the frame's height will not be reported`);
  return {
    lang: isLanguage(lang) ? lang : 'fr',
    procedures: known.length ? known : PROCEDURE_IDS,
    accent: readable ? accent : null,
    hostOrigin,
  };
}

/**
 * Posts the content's height to the host whenever it changes (and once at start), to `hostOrigin` only.
 * The element's own height, not scrollHeight: in a frame that is at least the frame's height, so the
 * frame could grow but never shrink back. Returns a function that stops it.
 */
export function startHeightReporter(hostOrigin: string | null, host: Pick<Window, 'postMessage'> = window.parent, root: Element = document.documentElement): () => void {
  if (!hostOrigin) return () => undefined;
  let last = -1;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    host.postMessage({ type: HEIGHT_MESSAGE, height } satisfies HeightMessage, hostOrigin);
  };
  const observer = new ResizeObserver(report);
  observer.observe(root);
  report();
  return () => observer.disconnect();
}

let current: EmbedOptions | null = null;

/** The options the app runs embedded with, or null at the top level. */
export const embedded = (): EmbedOptions | null => current;

/**
 * Before the first render: remembers the options and applies the host's accent (the primary buttons'
 * background, under white text). The height reporter starts after the first render, or the host would
 * first be told the empty page's height and shrink the space it reserved.
 */
export function startEmbedded(options: EmbedOptions): void {
  current = options;
  if (options.accent) document.documentElement.style.setProperty('--accent', `#${options.accent}`);
}

/**
 * Focuses a step's heading. Embedded, focus scrolls the host page too: until the student has used the
 * frame, the host page stays where its reader is instead of jumping to the frame as it loads.
 */
export function focusHeading(heading: HTMLElement): void {
  heading.focus({ preventScroll: current !== null && !navigator.userActivation?.hasBeenActive });
}

/** The full app, outside the frame: the same procedures, none of the embedding options. */
export const fullAppHref = (options: EmbedOptions): string => `${location.pathname}${stepToSearch({ kind: 'start' }, options.procedures)}`;

/** The options embed.js put in the frame's URL, to keep in the URL of every step; undefined at the top level. */
export function embedSearchParams(search: string): URLSearchParams | undefined {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return undefined;
  return new URLSearchParams([...q].filter(([k]) => ['embed', 'lang', 'accent', 'host'].includes(k)));
}
