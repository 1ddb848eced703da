/** Registers the service worker with workbox-window (loaded after first paint). Updates wait for the student. */
import { Workbox } from 'workbox-window';

export function register(): Workbox {
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  void wb.register();
  return wb;
}
