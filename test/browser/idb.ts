/** The app's saved progress as the tests see it: written or read straight in IndexedDB, as a release or a bug could leave it. */
import type { Page } from 'playwright-core';

/** Writes `value` under `key` in the app's store (created when missing), from a page of the app's origin. */
export const putStored = (page: Page, key: string, value: unknown) => page.evaluate(([k, v]) => new Promise<void>((done, fail) => {
  const open = indexedDB.open('recourssup');
  open.onupgradeneeded = () => open.result.createObjectStore('progress');
  open.onsuccess = () => {
    const tx = open.result.transaction('progress', 'readwrite');
    tx.objectStore('progress').put(v, k as string);
    tx.oncomplete = () => { open.result.close(); done(); };
    tx.onerror = () => fail(tx.error);
  };
}), [key, value] as const);

/** Everything this origin's store holds, as JSON: to prove what a page left in it, or did not. */
export const allStored = (page: Page) => page.evaluate(() => new Promise<string>((done) => {
  const req = indexedDB.open('recourssup');
  req.onupgradeneeded = () => req.result.createObjectStore('progress');
  req.onsuccess = () => {
    const out: Record<string, unknown> = {};
    const tx = req.result.transaction('progress', 'readonly');
    const cursor = tx.objectStore('progress').openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (c) { out[String(c.key)] = c.value; c.continue(); } else { req.result.close(); done(JSON.stringify(out)); }
    };
  };
}));

/** The value under `key`, or undefined. */
export const getStored = (page: Page, key: string) => page.evaluate((k) => new Promise<unknown>((done) => {
  const open = indexedDB.open('recourssup');
  open.onupgradeneeded = () => open.result.createObjectStore('progress');
  open.onsuccess = () => {
    const req = open.result.transaction('progress').objectStore('progress').get(k);
    req.onsuccess = () => { open.result.close(); done(req.result); };
  };
}), key);

/**
 * Slow storage, as on a busy phone: from the page's first script, a read-write transaction on the app's
 * store is kept busy for `ms`, so the app's first read waits behind it (then the store is free again).
 */
export const slowStorage = (page: Page, ms: number) => page.addInitScript((hold) => {
  // performance.now(): the tests fix Date's time.
  const until = performance.now() + hold;
  const open = indexedDB.open('recourssup');
  open.onupgradeneeded = () => open.result.createObjectStore('progress');
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('progress')) return db.close();
    const store = db.transaction('progress', 'readwrite').objectStore('progress');
    const spin = () => { if (performance.now() < until) store.get('nothing').onsuccess = spin; else db.close(); };
    spin();
  };
}, ms);
