/*
 * Imported by the service worker (vite.config.ts, `workbox.importScripts`). When a new version installs,
 * the files of the version running until now are copied to a cache of their own, which workbox's clean-up
 * of outdated precache entries does not touch: a tab still running that version (another tab applied the
 * update) can still load its lazy modules, instead of getting 404s, until it reloads. Only one version
 * back is kept: the copy is made again at each install.
 */
const PREVIOUS_ASSETS = 'recourssup-previous-assets';
const assetsPath = new URL('assets/', self.registration.scope).pathname;
const isAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith(assetsPath);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await caches.delete(PREVIOUS_ASSETS);
    const keep = await caches.open(PREVIOUS_ASSETS);
    for (const name of await caches.keys()) {
      if (!name.startsWith('workbox-precache')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (!isAsset(new URL(request.url))) continue;
        const response = await cache.match(request);
        if (response) await keep.put(request, response);
      }
    }
  })());
});

// Registered before workbox's own routes: a hashed file is answered from whichever cache holds it (this
// version's precache or the previous version's copy), else from the network.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !isAsset(url)) return;
  event.respondWith(caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request)));
});
