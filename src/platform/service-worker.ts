/** Registers the service worker with workbox-window (loaded after first paint). Updates wait for the student. */
import { Workbox } from 'workbox-window';

export function register(): Workbox {
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  // Service workers can be blocked (privacy settings): the app still works online, so nothing to report.
  wb.register().catch(() => undefined);
  return wb;
}
