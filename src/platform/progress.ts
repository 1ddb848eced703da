/**
 * Saved progress: the answers in an envelope `{ schema, rulesVersion, savedAt, answers }` with idb-keyval.
 * IndexedDB can throw at once (private mode), fail, or hang (some Safari versions): every call is raced
 * against a timeout, and any failure moves the session to memory, which the page then says.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Facts } from '../rules/facts';

export const SCHEMA = 1;
const KEY = 'progress';
const CORRUPT_KEY = 'progress-corrupt';

export interface Envelope { schema: number; rulesVersion: string; savedAt: string; answers: Facts }

export type Loaded =
  | { kind: 'empty' }
  | { kind: 'found'; answers: Facts; savedAt: string; rulesChanged: boolean }
  | { kind: 'corrupt' };

export interface Progress {
  load(rulesVersion: string): Promise<Loaded>;
  save(answers: Facts, rulesVersion: string): Promise<void>;
  forget(): Promise<void>;
  mode(): 'persistent' | 'memory';
}

export interface Backend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** Migrations from schema n to n + 1. Schema 0 was `{ version: 0, data: answers }`, before the envelope. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => ({ schema: 1, rulesVersion: 'unknown', savedAt: new Date(0).toISOString(), answers: old.data }),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Brings a stored value to the current schema, or null when it is not one we can read. */
export function migrate(stored: unknown): Envelope | null {
  if (!isObject(stored)) return null;
  let value = stored;
  let schema = typeof value.schema === 'number' ? value.schema : value.version === 0 ? 0 : NaN;
  while (schema < SCHEMA && MIGRATIONS[schema]) {
    value = MIGRATIONS[schema]!(value);
    schema = value.schema as number;
  }
  if (schema !== SCHEMA || typeof value.rulesVersion !== 'string' || typeof value.savedAt !== 'string' || !isObject(value.answers)) return null;
  return value as unknown as Envelope;
}

function withTimeout<T>(work: () => Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('storage timeout')), ms);
    // A synchronous throw (no IndexedDB at all) is a failure like any other.
    Promise.resolve().then(work).then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}

export function createProgress(backend?: Backend, timeoutMs = 1500, now = () => new Date()): Progress {
  let persistent: Backend | null = backend ?? null;
  let lazy = !backend;
  const memory = new Map<string, unknown>();
  const store = (): Backend | null => {
    if (lazy) {
      lazy = false;
      try {
        const s: UseStore = createStore('recourssup', 'progress');
        persistent = { get: (k) => get(k, s), set: (k, v) => set(k, v, s), del: (k) => del(k, s) };
      } catch {
        persistent = null;
      }
    }
    return persistent;
  };
  async function call<T>(op: (b: Backend) => Promise<T>, fallback: () => T): Promise<T> {
    const b = store();
    if (b) {
      try {
        return await withTimeout(() => op(b), timeoutMs);
      } catch {
        persistent = null; // from now on, memory only: the page says so
      }
    }
    return fallback();
  }
  return {
    mode: () => (store() ? 'persistent' : 'memory'),
    async load(rulesVersion) {
      const stored = await call((b) => b.get(KEY), () => memory.get(KEY));
      if (stored === undefined) return { kind: 'empty' };
      const env = migrate(stored);
      if (!env) {
        // Set aside, never thrown away silently, never a crash.
        await call((b) => b.set(CORRUPT_KEY, stored).then(() => b.del(KEY)), () => { memory.set(CORRUPT_KEY, stored); memory.delete(KEY); });
        return { kind: 'corrupt' };
      }
      return { kind: 'found', answers: env.answers, savedAt: env.savedAt, rulesChanged: env.rulesVersion !== rulesVersion };
    },
    async save(answers, rulesVersion) {
      const env: Envelope = { schema: SCHEMA, rulesVersion, savedAt: now().toISOString(), answers };
      memory.set(KEY, env);
      await call((b) => b.set(KEY, env), () => undefined);
    },
    async forget() {
      memory.clear();
      await call((b) => Promise.all([b.del(KEY), b.del(CORRUPT_KEY)]).then(() => undefined), () => undefined);
    },
  };
}

let instance: Progress | null = null;
/** The app's progress store, created on first use. */
export const progress = (): Progress => (instance ??= createProgress());
