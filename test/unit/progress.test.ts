/** Saved progress: envelope, migrations, corrupt data set aside, and every way storage can fail. */
import { describe, expect, it } from 'vitest';
import { createProgress, migrate, SCHEMA, type Backend } from '../../src/platform/progress';

const mapBackend = (seed: Record<string, unknown> = {}) => {
  const m = new Map(Object.entries(seed));
  const b: Backend & { m: Map<string, unknown> } = {
    m, get: async (k) => m.get(k), set: async (k, v) => { m.set(k, v); }, del: async (k) => { m.delete(k); },
  };
  return b;
};
const answers = { master: { licence: 'dnl' as const } };
const now = () => new Date('2026-07-05T10:00:00Z');

describe('progress', () => {
  it('saves an envelope and loads it back, saying when the rules changed', async () => {
    const b = mapBackend();
    const p = createProgress(b, 100, now);
    await p.save(answers, '2026.1');
    expect(b.m.get('progress')).toEqual({ schema: SCHEMA, rulesVersion: '2026.1', savedAt: '2026-07-05T10:00:00.000Z', answers });
    expect(await p.load('2026.1')).toEqual({ kind: 'found', answers, savedAt: '2026-07-05T10:00:00.000Z', rulesChanged: false });
    expect(await p.load('2026.2')).toMatchObject({ kind: 'found', rulesChanged: true });
    expect(p.mode()).toBe('persistent');
  });

  it('migrates the pre-envelope schema 0', () => {
    expect(migrate({ version: 0, data: answers })).toMatchObject({ schema: 1, answers });
  });

  it('sets corrupt or newer data aside, reports it, and keeps working', async () => {
    for (const stored of ['garbage', { schema: 99, rulesVersion: 'x', savedAt: 'y', answers: {} }, { schema: 1, rulesVersion: '2026.1', savedAt: 'y', answers: null }]) {
      const b = mapBackend({ progress: stored });
      const p = createProgress(b, 100, now);
      expect(await p.load('2026.1')).toEqual({ kind: 'corrupt' });
      expect(b.m.get('progress-corrupt')).toEqual(stored);
      expect(b.m.has('progress')).toBe(false);
      await p.save(answers, '2026.1');
      expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
    }
  });

  it('falls back to memory when storage throws at once, and says so', async () => {
    const p = createProgress({ get() { throw new Error('no IndexedDB'); }, set() { throw new Error('no IndexedDB'); }, del() { throw new Error('no'); } }, 100, now);
    await p.save(answers, '2026.1');
    expect(p.mode()).toBe('memory');
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
  });

  it('falls back to memory when storage hangs (some Safari versions), after the timeout', async () => {
    const hang = () => new Promise<never>(() => {});
    const p = createProgress({ get: hang, set: hang, del: hang }, 20, now);
    const started = Date.now();
    await p.save(answers, '2026.1');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(p.mode()).toBe('memory');
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
  });

  it('keeps answers in memory when the quota is full', async () => {
    const b = mapBackend();
    b.set = async () => { throw new DOMException('full', 'QuotaExceededError'); };
    const p = createProgress(b, 100, now);
    await p.save(answers, '2026.1');
    expect(p.mode()).toBe('memory');
    expect(await p.load('2026.1')).toMatchObject({ kind: 'found', answers });
  });

  it('forgets everything, the set-aside copy included', async () => {
    const b = mapBackend({ 'progress-corrupt': 'x' });
    const p = createProgress(b, 100, now);
    await p.save(answers, '2026.1');
    await p.forget();
    expect([...b.m.keys()]).toEqual([]);
    expect(await p.load('2026.1')).toEqual({ kind: 'empty' });
  });
});
