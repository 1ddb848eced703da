/**
 * Saved progress: the answers in an envelope `{ schema, rulesVersion, savedAt, revision, answers }` with
 * idb-keyval. IndexedDB can throw at once (private mode), fail, or hang (some Safari versions): every call
 * is raced against a timeout, and any failure moves the session to memory, which the page then says.
 *
 * Several tabs share one journey (docs/design.md §"Two tabs"). So that a tab never replaces what another saved,
 * every write is a read-modify-write of the stored answers (the caller says what it changes, not what the
 * whole record is), under a Web Lock so that two tabs' writes never interleave, and bumps `revision`; a
 * BroadcastChannel then tells the other tabs to read the answers again. Where Web Locks are missing the
 * writes of one tab are still serialized, and where BroadcastChannel is missing a tab checks the revision
 * when it is shown again. In memory (storage failed) nothing is shared: each tab keeps its own answers.
 *
 * Nothing is ever thrown away silently: a record we cannot read, or answers that fail validation, are set
 * aside (the last SET_ASIDE_KEPT of them, with the day they were set aside) and listed on the start page.
 *
 * The record also carries the prepare page's part (`prepared`, ./prepared.ts), opaque here and validated by
 * its reader, written with its own revision so that a tick is not taken for a change of answers.
 *
 * Just over 300 lines: the answers' record and the part that travels with it are written under the same
 * lock, by the same read-modify-write; apart, each would need the other's.
 */
/* eslint-disable max-lines -- the reason is above */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Facts } from '../rules/facts';

export const SCHEMA = 2;
const KEY = 'progress';
/** Schema 1 kept one set-aside record under this key; it is moved into the list on the next load. */
const LEGACY_CORRUPT_KEY = 'progress-corrupt';
const SET_ASIDE_KEY = 'progress-set-aside';
export const SET_ASIDE_KEPT = 5;
const LOCK = 'recourssup-progress';
const CHANNEL = 'recourssup-progress';

/** `prepared` is absent in records written before the prepare page, or by a release that does not know it. */
export interface Envelope { schema: number; rulesVersion: string; savedAt: string; revision: number; answers: Facts; prepared?: unknown }

/** Something we could not keep as answers: a whole record (`unreadable`) or some fields (`invalid`, path → value). */
export interface SetAside { at: string; reason: 'unreadable' | 'invalid'; value: unknown }

/** What the saved answers' validation keeps and what it rejects (dotted path → the rejected value). */
export type Validate = (answers: Facts) => { kept: Facts; rejected: Record<string, unknown> };
/** The same for the prepare page's part, whatever is stored (undefined when nothing is). */
export type ValidatePart<T> = (stored: unknown) => { kept: T; rejected: Record<string, unknown> };

export type Loaded =
  | { kind: 'empty'; revision: number }
  /** `savedAt` is null when the record's own date is unreadable: the answers are kept all the same. */
  | { kind: 'found'; answers: Facts; savedAt: string | null; rulesChanged: boolean; revision: number }
  | { kind: 'corrupt'; revision: number };

export interface Saved { answers: Facts; revision: number }

export interface Progress {
  /** The stored answers; with `validate`, the fields it rejects are set aside (`setAsideNow` says so). */
  load(rulesVersion: string, validate?: Validate): Promise<Loaded & { setAsideNow: boolean }>;
  /** Applies `change` to the answers as stored now (another tab may have saved since), and saves the result. */
  save(change: (stored: Facts) => Facts, rulesVersion: string): Promise<Saved>;
  /** The prepare page's part, validated: what `validate` rejects is set aside, the rest written back. */
  loadPrepared<T>(validate: ValidatePart<T>): Promise<T>;
  /** Applies `change` to the part as stored now and saves it, the answers and their revision untouched. */
  savePrepared<T>(change: (stored: unknown) => T, rulesVersion: string): Promise<T>;
  forget(): Promise<void>;
  setAside(): Promise<SetAside[]>;
  mode(): 'persistent' | 'memory';
  /** Called when another tab may have changed the saved answers; returns the unsubscribe. */
  onOtherTab(listener: () => void): () => void;
}

export interface Backend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** The platform pieces the store uses, replaceable in tests (Node has no IndexedDB, no Web Locks). */
export interface Platform {
  /** `navigator.locks.request` bound, or undefined where Web Locks are missing. */
  lock?: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  channel?: (name: string) => { postMessage(m: unknown): void; onmessage: ((e: never) => void) | null } | undefined;
  /** Fallback without a channel: `listener` runs when the page is shown again. */
  onShown?: (listener: () => void) => () => void;
}

/** Migrations from schema n to n + 1. Schema 0 was `{ version: 0, data: answers }`, before the envelope. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Schema 0 kept no date of saving: none is made up (the offer to resume is undated).
  0: (old) => ({ schema: 1, rulesVersion: 'unknown', savedAt: 'unknown', answers: old.data }),
  1: (old) => ({ ...old, schema: 2, revision: 0 }),
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
  if (schema !== SCHEMA || typeof value.rulesVersion !== 'string' || typeof value.savedAt !== 'string'
    || !Number.isSafeInteger(value.revision) || !isObject(value.answers)) return null;
  return value as unknown as Envelope;
}

/** An ISO date the start page can show, or null (a record edited by hand, or written by a bug). */
const readableDate = (s: string): string | null => (Number.isNaN(Date.parse(s)) ? null : s);

class StorageTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StorageTimeout('storage timeout')), ms);
    work.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}

/** How many times the first wait a slow (busy, not failed) storage is given before the session moves to memory. */
const PATIENCE = 4;

/** The browser's Web Locks, BroadcastChannel and visibility, each where it exists. */
export function browserPlatform(): Platform {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return {
    ...(locks ? { lock: <T>(name: string, work: () => Promise<T>) => locks.request(name, work) as Promise<T> } : {}),
    channel: (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined),
    onShown: (listener) => {
      const f = () => { if (document.visibilityState === 'visible') listener(); };
      document.addEventListener('visibilitychange', f);
      return () => document.removeEventListener('visibilitychange', f);
    },
  };
}

export function createProgress(backend?: Backend, timeoutMs = 1500, now = () => new Date(), platform: Platform = {}): Progress {
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
  /** Storage, or memory once storage has failed; a failure moves what memory holds nowhere: it was written there too. */
  const active = (): Backend => store() ?? {
    get: async (k) => memory.get(k),
    set: async (k, v) => { memory.set(k, v); },
    del: async (k) => { memory.delete(k); },
  };
  async function call<T>(op: (b: Backend) => Promise<T>): Promise<T> {
    const b = store();
    if (b) {
      // A synchronous throw (no IndexedDB at all) is a failure like any other.
      const work = Promise.resolve().then(() => op(b));
      try {
        return await withTimeout(work, timeoutMs);
      } catch (e) {
        // Slow is not failed (another tab's transaction holds the store): wait longer for the same operation
        // before giving up on storage; a hung or failing storage still moves the session to memory.
        if (e instanceof StorageTimeout) {
          try {
            return await withTimeout(work, timeoutMs * PATIENCE);
          } catch { /* hung: memory below */ }
        }
        persistent = null; // from now on, memory only: the page says so
      }
    }
    return op(active());
  }
  const read = (key: string) => call((b) => b.get(key));
  // Every write goes to memory too, so that a later failure of storage loses nothing this tab wrote.
  const write = (key: string, value: unknown) => { memory.set(key, value); return call((b) => b.set(key, value)); };
  const remove = (key: string) => { memory.delete(key); return call((b) => b.del(key)); };

  // One tab's writes in order even without Web Locks; across tabs, the lock.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = () => {
      if (!platform.lock || !store()) return work();
      let started = false;
      return platform.lock(LOCK, () => { started = true; return work(); }).catch((e: unknown) => {
        if (started) throw e;
        // Locks refused (SecurityError in a frame of another site, whose storage is partitioned): this
        // tab's own writes stay in order, and the frame's storage is its own anyway.
        return work();
      });
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const channel = platform.channel?.(CHANNEL);
  const listeners = new Set<() => void>();
  if (channel) channel.onmessage = () => { for (const l of listeners) l(); };
  const tellOtherTabs = () => { if (store()) channel?.postMessage({ type: 'changed' }); };

  async function addSetAside(entries: SetAside[]): Promise<void> {
    const list = await read(SET_ASIDE_KEY);
    // A list that is not one (damaged) is itself set aside, never replaced silently.
    const kept: unknown[] = Array.isArray(list) ? list : list === undefined ? [] : [{ at: now().toISOString(), reason: 'unreadable', value: list }];
    await write(SET_ASIDE_KEY, [...kept, ...entries].slice(-SET_ASIDE_KEPT));
  }

  /** Schema 1's one set-aside record, moved to the list (on load only: a save must be quick). */
  async function moveLegacySetAside(): Promise<void> {
    const legacy = await read(LEGACY_CORRUPT_KEY);
    if (legacy === undefined) return;
    await addSetAside([{ at: now().toISOString(), reason: 'unreadable', value: legacy }]);
    await remove(LEGACY_CORRUPT_KEY);
  }

  /** The stored envelope, or null; an unreadable record is set aside. */
  async function current(): Promise<{ env: Envelope | null; revision: number; unreadable: boolean }> {
    const stored = await read(KEY);
    if (stored === undefined) return { env: null, revision: 0, unreadable: false };
    const env = migrate(stored);
    if (env) return { env, revision: env.revision, unreadable: false };
    // Set aside, never thrown away silently, never a crash. The revision goes on, so that tabs see a change.
    const revision = isObject(stored) && Number.isSafeInteger(stored.revision) ? (stored.revision as number) : 0;
    await addSetAside([{ at: now().toISOString(), reason: 'unreadable', value: stored }]);
    await remove(KEY);
    return { env: null, revision, unreadable: true };
  }

  /** A new record of the answers; the prepare page's part, when there is one, goes along unchanged. */
  async function put(answers: Facts, rulesVersion: string, revision: number, prepared?: unknown): Promise<Saved> {
    const env: Envelope = { schema: SCHEMA, rulesVersion, savedAt: now().toISOString(), revision: revision + 1, answers };
    if (prepared !== undefined) env.prepared = prepared;
    await write(KEY, env);
    return { answers, revision: env.revision };
  }

  /** The record with another prepare part; without a record yet, one with no answers. */
  const withPrepared = (env: Envelope | null, prepared: unknown, rulesVersion: string, revision: number): Envelope =>
    ({ ...(env ?? { schema: SCHEMA, rulesVersion, savedAt: now().toISOString(), revision, answers: {} }), prepared });

  return {
    mode: () => (store() ? 'persistent' : 'memory'),
    load: (rulesVersion, validate) => exclusive(async () => {
      await moveLegacySetAside();
      const { env, revision, unreadable } = await current();
      if (unreadable) { tellOtherTabs(); return { kind: 'corrupt', revision, setAsideNow: true }; }
      if (!env || !Object.keys(env.answers).length) return { kind: 'empty', revision, setAsideNow: false };
      let { answers } = env;
      let setAsideNow = false;
      let rev = revision;
      if (validate) {
        const { kept, rejected } = validate(answers);
        if (Object.keys(rejected).length) {
          await addSetAside([{ at: now().toISOString(), reason: 'invalid', value: rejected }]);
          // What is kept is written back under the record's own rules version: whether they changed is
          // still the page's to say.
          ({ answers, revision: rev } = await put(kept, env.rulesVersion, revision, env.prepared));
          setAsideNow = true;
          tellOtherTabs();
        }
      }
      const found = { savedAt: readableDate(env.savedAt), rulesChanged: env.rulesVersion !== rulesVersion, revision: rev, setAsideNow };
      return Object.keys(answers).length ? { kind: 'found', answers, ...found } : { kind: 'empty', revision: rev, setAsideNow };
    }),
    async save(change, rulesVersion) {
      const saved = await exclusive(async () => {
        const { env, revision } = await current();
        return put(change(env?.answers ?? {}), rulesVersion, revision, env?.prepared);
      });
      tellOtherTabs();
      return saved;
    },
    loadPrepared: (validate) => exclusive(async () => {
      const { env, revision } = await current();
      const { kept, rejected } = validate(env?.prepared);
      if (env && Object.keys(rejected).length) {
        await addSetAside([{ at: now().toISOString(), reason: 'invalid', value: rejected }]);
        await write(KEY, withPrepared(env, kept, env.rulesVersion, revision));
      }
      return kept;
    }),
    async savePrepared(change, rulesVersion) {
      const prepared = await exclusive(async () => {
        const { env, revision } = await current();
        const next = change(env?.prepared);
        await write(KEY, withPrepared(env, next, rulesVersion, revision));
        return next;
      });
      tellOtherTabs();
      return prepared;
    },
    async forget() {
      await exclusive(async () => {
        const { revision } = await current();
        // No answer stays, only the revision: the other tabs must see that something changed.
        await put({}, 'none', revision);
        await remove(SET_ASIDE_KEY);
        await remove(LEGACY_CORRUPT_KEY);
      });
      tellOtherTabs();
    },
    async setAside() {
      const list = await read(SET_ASIDE_KEY);
      // The list is stored data too: an entry the page could not show is left in storage, not shown.
      return Array.isArray(list) ? list.filter((s): s is SetAside => isObject(s) && typeof s.at === 'string'
        && readableDate(s.at) !== null && (s.reason === 'unreadable' || (s.reason === 'invalid' && isObject(s.value)))) : [];
    },
    onOtherTab(listener) {
      listeners.add(listener);
      const unshown = channel ? undefined : platform.onShown?.(listener);
      return () => { listeners.delete(listener); unshown?.(); };
    },
  };
}

let instance: Progress | null = null;
/** The app's progress store, created on first use. */
export const progress = (): Progress => (instance ??= createProgress(undefined, 1500, () => new Date(), browserPlatform()));
