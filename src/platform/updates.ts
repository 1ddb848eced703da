/**
 * A new version of the app, waiting: the service worker (loaded after first paint) announces it here,
 * the page offers it, and the student decides when. Kept apart from workbox-window so that the first
 * load carries none of it.
 */
import { afterPaint } from './after-paint';

/** The build's version (package.json, or RECOURSSUP_BUILD at build time), shown in the footer. */
export const APP_VERSION: string = __APP_VERSION__;

export interface Update {
  /** Lets the waiting version take over; the page reloads once it controls it. */
  apply(): void;
}

let waiting: Update | null = null;
const listeners = new Set<(u: Update) => void>();

export function announceUpdate(update: Update): void {
  waiting = update;
  for (const l of listeners) l(update);
}

/** Called at once when an update was announced before the page listened. */
export function onUpdateReady(listener: (u: Update) => void): () => void {
  listeners.add(listener);
  if (waiting) listener(waiting);
  return () => listeners.delete(listener);
}

/**
 * Registers the service worker after first paint, never inside an embedding page's frame, never in a
 * kill-switch build (whose sw.js only removes itself: docs/deploying.md §"Kill switch"). `load` may already have fired (a
 * remembered English or Arabic loads its strings before the first render): `afterPaint` sees to it.
 */
export function startServiceWorker(): void {
  if (__KILL_SWITCH__ || !('serviceWorker' in navigator) || window.self !== window.top) return;
  afterPaint(() => void import('./service-worker').then((m) => m.register(announceUpdate)));
}
