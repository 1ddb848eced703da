/**
 * A lazy module that will not load: the page runs a version whose files the server (and the service
 * worker, once another tab applied an update) no longer has. The service worker keeps the previous
 * version's files (public/sw-keep-assets.js), so this is the last resort: the page is told, and offers
 * to reload, rather than leave a button that does nothing. Kept out of the questionnaire's chunk: the
 * questionnaire itself may be what fails to load.
 */
const listeners = new Set<() => void>();
let missing = false;

/** `import()` of one of the app's modules, reporting a failure to the page before passing it on. */
export function loadModule<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((e: unknown) => {
    missing = true;
    for (const l of listeners) l();
    throw e;
  });
}

/** Called at once when a module already failed. */
export function onModuleMissing(listener: () => void): () => void {
  listeners.add(listener);
  if (missing) listener();
  return () => listeners.delete(listener);
}
