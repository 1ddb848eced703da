/** Registers the service worker with workbox-window (loaded after first paint). Updates wait for the student. */
import { Workbox } from 'workbox-window';
import type { Update } from './updates';

export function register(onWaiting: (update: Update) => void): Workbox {
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  // `waiting` also fires on load when a version was already waiting from an earlier visit.
  wb.addEventListener('waiting', () => onWaiting({
    apply() {
      const reload = () => location.reload();
      wb.addEventListener('controlling', reload);
      // A page the old version never controlled (a first visit is not claimed) gets no `controlling`.
      if (!navigator.serviceWorker.controller) wb.addEventListener('activated', reload);
      wb.messageSkipWaiting();
    },
  }));
  // Service workers can be blocked (privacy settings): the app still works online, so nothing to report.
  wb.register().catch(() => undefined);
  return wb;
}
