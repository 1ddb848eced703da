/** Saved progress: envelope, migrations, set-aside records, validation, tabs sharing one journey, and every way storage can fail. */
import { describe, expect, it } from 'vitest';
import { EMPTY_PREPARED, validatePrepared, type Prepared } from '../../src/platform/prepared';
import { createProgress, migrate, SCHEMA, SET_ASIDE_KEPT, type Backend, type Platform } from '../../src/platform/progress';
import type { Facts } from '../../src/rules/facts';

const mapBackend = (seed: Record<string, unknown> = {}) => {
  const m = new Map(Object.entries(seed));
  const b: Backend & { m: Map<string, unknown> } = {
    m, get: async (k) => m.get(k), set: async (k, v) => { m.set(k, structuredClone(v)); }, del: async (k) => { m.delete(k); },
  };
  return b;
};
const answers = { master: { licence: 'dnl' as const } };
const now = () => new Date('2026-07-05T10:00:00Z');
const replaceWith = (a: Facts) => () => a;
/** A change of some fields only, as a question page makes. */
const withGroup = (group: 'master' | 'parcoursup', fields: Record<string, unknown>) => (stored: Facts): Facts =>
  ({ ...stored, [group]: { ...stored[group], ...fields } });

/** Web Locks and BroadcastChannel as the browser gives them to several tabs of one origin. */
function sharedPlatform() {
  let held: Promise<unknown> = Promise.resolve();
  const tabs = new Set<{ onmessage: ((e: { data: unknown }) => void) | null }>();
  return (): Platform => ({
    lock: <T>(_name: string, work: () => Promise<T>) => { const r = held.then(work, work); held = r.catch(() => undefined); return r; },
    channel: () => {
      const me = {
        onmessage: null as ((e: { data: unknown }) => void) | null,
        postMessage: (data: unknown) => { for (const t of tabs) if (t !== me) t.onmessage?.({ data }); },
      };
      tabs.add(me);
      return me;
    },
  });
}

/** Two tabs of one origin on one store; `told` counts what tab A is told of tab B's writes. */
function twoTabs() {
  const b = mapBackend();
  const platform = sharedPlatform();
  const tabA = createProgress(b, 100, now, platform());
  const tabB = createProgress(b, 100, now, platform());
  let told = 0;
  tabA.onOtherTab(() => { told++; });
  return { tabA, tabB, told: () => told };
}

describe('progress', () => {
  it('saves an envelope and loads it back, saying when the rules changed', async () => {
    const b = mapBackend();
    const p = createProgress(b, 100, now);
    await p.save(replaceWith(answers), '2026.1');
    expect(b.m.get('progress')).toEqual({ schema: SCHEMA, rulesVersion: '2026.1', savedAt: '2026-07-05T10:00:00.000Z', revision: 1, answers });
    expect(await p.load('2026.1')).toEqual({ kind: 'found', answers, savedAt: '2026-07-05T10:00:00.000Z', rulesChanged: false, revision: 1, setAsideNow: false });
    expect(await p.load('2026.2')).toMatchObject({ kind: 'found', rulesChanged: true });
    expect(p.mode()).toBe('persistent');
  });

  it('migrates the pre-envelope schema 0 and schema 1 (no revision)', () => {
    expect(migrate({ version: 0, data: answers })).toMatchObject({ schema: SCHEMA, revision: 0, answers });
    expect(migrate({ schema: 1, rulesVersion: '2026.1', savedAt: '2026-07-01T08:00:00.000Z', answers })).toMatchObject({ schema: SCHEMA, revision: 0, answers });
  });

  it('sets corrupt or newer data aside, reports it, and keeps working', async () => {
    for (const stored of ['garbage', { schema: 99, rulesVersion: 'x', savedAt: 'y', answers: {} }, { schema: 1, rulesVersion: '2026.1', savedAt: 'y', answers: null }]) {
      const b = mapBackend({ progress: stored });
      const p = createProgress(b, 100, now);
      expect(await p.load('2026.1')).toMatchObject({ kind: 'corrupt', setAsideNow: true });
      expect(await p.setAside()).toEqual([{ at: '2026-07-05T10:00:00.000Z', reason: 'unreadable', value: stored }]);
      expect(b.m.has('progress')).toBe(false);
      await p.save(replaceWith(answers), '2026.1');
      expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
    }
  });

  it('keeps every set-aside record, the last five, the one schema 1 kept included', async () => {
    const b = mapBackend({ 'progress-corrupt': 'first' });
    const p = createProgress(b, 100, now);
    for (let i = 0; i < 6; i++) {
      await b.set('progress', `unreadable ${i}`);
      expect(await p.load('2026.1')).toMatchObject({ kind: 'corrupt' });
    }
    const kept = await p.setAside();
    expect(kept).toHaveLength(SET_ASIDE_KEPT);
    expect(kept.map((s) => s.value)).toEqual(['unreadable 1', 'unreadable 2', 'unreadable 3', 'unreadable 4', 'unreadable 5']);
    expect(b.m.has('progress-corrupt')).toBe(false);
    // Two in a row: the second never replaces the first.
    const two = createProgress(mapBackend({ progress: 'one' }), 100, now);
    await two.load('2026.1');
    await two.save(replaceWith('two' as unknown as Facts), '2026.1');
    await two.load('2026.1');
    expect((await two.setAside()).map((s) => s.value)).toEqual(['one', expect.objectContaining({ answers: 'two' })]);
  });

  it('validates saved answers when asked: rejected fields are set aside and the valid ones kept', async () => {
    const stored = { master: { licence: 'dnl', licenceDate: 12345 } };
    const b = mapBackend({ progress: { schema: SCHEMA, rulesVersion: '2026.1', savedAt: 'not a date', revision: 3, answers: stored } });
    const p = createProgress(b, 100, now);
    const validate = (a: Facts) => ({
      kept: { master: { licence: a.master!.licence! } },
      rejected: a.master?.licenceDate === undefined ? {} : { 'master.licenceDate': a.master.licenceDate },
    });
    // An unreadable date of saving is no reason to lose the answers.
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', savedAt: null, answers: stored, setAsideNow: false });
    expect(await p.load('2026.1', validate)).toMatchObject({ kind: 'found', answers, revision: 4, setAsideNow: true });
    expect(await p.setAside()).toEqual([{ at: '2026-07-05T10:00:00.000Z', reason: 'invalid', value: { 'master.licenceDate': 12345 } }]);
    expect(await p.load('2026.1', validate)).toMatchObject({ kind: 'found', answers, revision: 4 });
  });

  it('two tabs: each writes only what it changed, under a lock, and the other is told', async () => {
    const { tabA, tabB, told } = twoTabs();
    // Both tabs saving at once: the lock orders them, and neither replaces the other's answers.
    const [a, bSaved] = await Promise.all([
      tabA.save(withGroup('parcoursup', { renounced: false }), '2026.1'),
      tabB.save(withGroup('master', { licence: 'dnl', licenceDate: '2026-06-25' }), '2026.1'),
    ]);
    expect([a.revision, bSaved.revision]).toEqual([1, 2]);
    expect(await tabA.load('2026.1')).toMatchObject({
      answers: { parcoursup: { renounced: false }, master: { licence: 'dnl', licenceDate: '2026-06-25' } }, revision: 2,
    });
    expect(told()).toBe(1);
    await tabB.forget();
    expect(told()).toBe(2);
    expect(await tabA.load('2026.1')).toEqual({ kind: 'empty', revision: 3, setAsideNow: false });
  });

  it('saves without the lock where the browser refuses it (a frame of another site)', async () => {
    const refused: Platform = { lock: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')) };
    const p = createProgress(mapBackend(), 100, now, refused);
    expect(await p.save(replaceWith(answers), '2026.1')).toEqual({ answers, revision: 1 });
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
  });

  it('without a channel, a tab checks again when it is shown', async () => {
    let shown: (() => void) | undefined;
    const p = createProgress(mapBackend(), 100, now, { onShown: (l) => { shown = l; return () => { shown = undefined; }; } });
    let told = 0;
    const stop = p.onOtherTab(() => { told++; });
    shown!();
    expect(told).toBe(1);
    stop();
    expect(shown).toBeUndefined();
  });

  it('falls back to memory when storage throws at once, and says so', async () => {
    const p = createProgress({ get() { throw new Error('no IndexedDB'); }, set() { throw new Error('no IndexedDB'); }, del() { throw new Error('no'); } }, 100, now);
    await p.save(replaceWith(answers), '2026.1');
    expect(p.mode()).toBe('memory');
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
  });

  it('falls back to memory when storage hangs (some Safari versions), after the timeout', async () => {
    const hang = () => new Promise<never>(() => {});
    const p = createProgress({ get: hang, set: hang, del: hang }, 20, now);
    const started = Date.now();
    await p.save(replaceWith(answers), '2026.1');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(p.mode()).toBe('memory');
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
  });

  it('keeps answers in memory when the quota is full', async () => {
    const b = mapBackend();
    b.set = async () => { throw new DOMException('full', 'QuotaExceededError'); };
    const p = createProgress(b, 100, now);
    await p.save(replaceWith(answers), '2026.1');
    expect(p.mode()).toBe('memory');
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
  });

  it('forgets every answer and every set-aside record, keeping only the revision', async () => {
    const b = mapBackend({ 'progress-corrupt': 'x' });
    const p = createProgress(b, 100, now);
    await p.save(replaceWith(answers), '2026.1');
    await p.forget();
    expect([...b.m.keys()]).toEqual(['progress']);
    expect(b.m.get('progress')).toMatchObject({ answers: {}, revision: 2 });
    expect(await p.load('2026.1')).toEqual({ kind: 'empty', revision: 2, setAsideNow: false });
    expect(await p.setAside()).toEqual([]);
  });
});

describe('the prepare page\'s part of the record', () => {
  const tick = (procedure: string, id: string) => (stored: unknown): Prepared => {
    const p = validatePrepared(stored).kept;
    return { ...p, revision: p.revision + 1, checklist: { ...p.checklist, [procedure]: [...(p.checklist[procedure] ?? []), id] } };
  };

  it('reads a record written before it as an empty part, and keeps a tick beside the answers through their saves', async () => {
    const b = mapBackend({ progress: { schema: SCHEMA, rulesVersion: '2026.1', savedAt: '2026-07-01T08:00:00.000Z', revision: 3, answers } });
    const p = createProgress(b, 100, now);
    expect(await p.loadPrepared(validatePrepared)).toEqual(EMPTY_PREPARED);
    await p.savePrepared(tick('master-referral', 'refusal-1'), '2026.1');
    // A tick is not a change of answers: their revision and date of saving stay.
    expect(b.m.get('progress')).toMatchObject({ revision: 3, savedAt: '2026-07-01T08:00:00.000Z', answers });
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', revision: 3, rulesChanged: false });
    await p.save(withGroup('master', { refusals: 6 }), '2026.1');
    expect(await p.loadPrepared(validatePrepared)).toEqual({ revision: 1, checklist: { 'master-referral': ['refusal-1'] }, details: null });
    // An older release reads the record as before: the part is one more field it does not look at.
    expect(migrate(b.m.get('progress'))).toMatchObject({ schema: SCHEMA, answers: { master: { licence: 'dnl', refusals: 6 } } });
    await p.forget();
    expect(await p.loadPrepared(validatePrepared)).toEqual(EMPTY_PREPARED);
  });

  it('shares ticks between tabs under the lock, telling the other tab, neither replacing the other\'s', async () => {
    const { tabA, tabB, told } = twoTabs();
    await tabA.save(replaceWith(answers), '2026.1');
    await Promise.all([tabA.savePrepared(tick('master-referral', 'cv'), '2026.1'), tabB.savePrepared(tick('master-referral', 'licence-certificate'), '2026.1')]);
    expect(told()).toBe(1);
    expect((await tabA.loadPrepared(validatePrepared)).checklist).toEqual({ 'master-referral': ['cv', 'licence-certificate'] });
    expect(await tabA.load('2026.1')).toMatchObject({ revision: 1, answers });
  });

  it('sets aside what fails validation, field by field, and keeps the rest', async () => {
    const stored = {
      revision: 2,
      checklist: { 'master-referral': ['cv', 'refusal-1'], 'not-a-procedure': ['cv'], 'parcoursup-accompaniment': ['Bad Id'], constructor: ['cv'] },
      details: { name: 'Camille', ine: 1234, password: 'x', project: 'x'.repeat(2001) },
    };
    const b = mapBackend({ progress: { schema: SCHEMA, rulesVersion: '2026.1', savedAt: '2026-07-01T08:00:00.000Z', revision: 1, answers, prepared: stored } });
    const p = createProgress(b, 100, now);
    const kept = await p.loadPrepared(validatePrepared);
    expect(kept).toEqual({ revision: 2, checklist: { 'master-referral': ['cv', 'refusal-1'] }, details: { name: 'Camille' } });
    expect((await p.setAside()).map((x) => Object.keys(x.value as object).sort())).toEqual([[
      'checklist.constructor', 'checklist.not-a-procedure', 'checklist.parcoursup-accompaniment', 'details.ine', 'details.password', 'details.project',
    ]]);
    expect((b.m.get('progress') as { prepared: unknown }).prepared).toEqual(kept);
    for (const bad of ['text', [1], { checklist: 'x', details: 3 }]) {
      const { kept: k, rejected } = validatePrepared(bad);
      expect(k.checklist).toEqual({});
      expect(k.details).toBeNull();
      expect(Object.keys(rejected).length).toBeGreaterThan(0);
    }
    expect(validatePrepared({ checklist: { 'master-referral': ['cv', 'cv'] } }).rejected).toEqual({ 'checklist.master-referral': ['cv', 'cv'] });
  });
});

describe('slow storage', () => {
  it('waits for a busy store instead of dropping to memory: the answers are read, and storage stays in use', async () => {
    const b = mapBackend({ progress: { schema: SCHEMA, rulesVersion: '2026.1', savedAt: '2026-07-05T10:00:00.000Z', revision: 1, answers } });
    // Another tab's transaction holds the store for twice the first wait.
    const slow: Backend = { ...b, get: (k) => new Promise((r) => setTimeout(() => r(b.m.get(k)), 60)) };
    const p = createProgress(slow, 30, now);
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
    expect(p.mode()).toBe('persistent');
  });

  it('still moves to memory, and says so, when the store never answers', async () => {
    const never = () => new Promise<never>(() => undefined);
    const hung: Backend = { get: never, set: never, del: never };
    const p = createProgress(hung, 10, now);
    expect((await p.load('2026.1')).kind).toBe('empty');
    expect(p.mode()).toBe('memory');
  });

  it('sets aside a damaged list of set-aside records instead of replacing it', async () => {
    const b = mapBackend({ progress: 'unreadable', 'progress-set-aside': { not: 'a list' } });
    const p = createProgress(b, 1000, now);
    await p.load('2026.1');
    const list = await p.setAside();
    expect(list.map((x) => x.value)).toEqual([{ not: 'a list' }, 'unreadable']);
  });
});
