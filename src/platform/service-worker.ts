/** Registers the service worker with workbox-window (loaded after first paint). Updates wait for the student. */
import { Workbox } from 'workbox-window';
import type { Update } from './updates';

export function register(onWaiting: (update: Update) => void): Workbox {
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  let applying = false;
  const container = navigator.serviceWorker;
  const reload = () => location.reload();
  // `waiting` also fires on load when a version was already waiting from an earlier visit.
  wb.addEventListener('waiting', () => onWaiting({
    async apply() {
      applying = true;
      const waiting = (await container.getRegistration(import.meta.env.BASE_URL))?.waiting;
      // Another tab may have let the new version take over already: then this page only needs its files.
      if (!waiting) return reload();
      container.addEventListener('controllerchange', reload, { once: true });
      // A page the old version never controlled (a first visit is not claimed) gets no `controllerchange`.
      if (!container.controller) waiting.addEventListener('statechange', () => { if (waiting.state === 'activated') reload(); });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    },
  }));
  // The new version took over because another tab applied it: this page still runs the old one. It keeps
  // working (the worker keeps the previous version's files), and the update notice now just reloads it.
  // (A page no version controlled yet has nothing old to replace.)
  const controlled = container.controller !== null;
  container.addEventListener('controllerchange', () => { if (controlled && !applying) onWaiting({ apply: reload }); });
  // Service workers can be blocked (privacy settings): the app still works online, so nothing to report.
  wb.register().catch(() => undefined);
  return wb;
}
