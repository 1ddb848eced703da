/** The hand-off fragment: what travels, round trips, and every way a link is refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeHandoff, encodeHandoff, fnv1a, handoffUrl, HANDOFF_PREFIX, RULES_VERSION_PATTERN, withoutFragment,
} from '../../src/platform/handoff';
import { PROCEDURE_IDS, type ProcedureId } from '../../src/rules/engine';
import { FIELD_PATHS, validateFacts, type Facts } from '../../src/rules/facts';
import { RULES_VERSION } from '../../src/rules/version';
import { factsFor, todayArb } from '../support/arbitraries';
import { FULL_MASTER, FULL_PARCOURSUP } from '../support/handoff-fixtures';

const TODAY = '2026-07-12';
const V = RULES_VERSION;

const MASTER: readonly ProcedureId[] = ['master-referral'];
const PARCOURSUP: readonly ProcedureId[] = ['parcoursup-accompaniment', 'parcoursup-reexamination'];
const ORIGIN = 'https://recourssup.example.fr/app/';

const decodePayload = (fragment: string) => JSON.parse(Buffer.from(fragment.split('.')[1]!, 'base64url').toString('utf8'));
/** A fragment with this payload and a correct checksum: what a careful forger or another app would write. */
const forge = (payload: unknown, prefix = HANDOFF_PREFIX) => {
  const body = `${prefix}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${fnv1a(body)}`;
};

describe('hand-off fragment', () => {
  it('fixtures are valid facts', () => {
    expect(validateFacts(FULL_MASTER, TODAY).ok).toBe(true);
    expect(validateFacts(FULL_PARCOURSUP, TODAY).ok).toBe(true);
  });

  it('round-trips any valid answers and any choice of procedures', () => {
    const procs = fc.subarray([...PROCEDURE_IDS], { minLength: 1 });
    fc.assert(fc.property(todayArb.chain((today) => fc.tuple(fc.constant(today), factsFor(today), procs)), ([today, answers, procedures]) => {
      const fragment = encodeHandoff({ answers, procedures }, V);
      expect(fragment).toMatch(/^rs1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
      expect(decodeHandoff(`#${fragment}`, V, today)).toEqual({ kind: 'ok', answers, procedures });
      // Through a real URL, as a phone would receive it.
      expect(decodeHandoff(new URL(handoffUrl(ORIGIN, fragment)).hash, V, today)).toEqual({ kind: 'ok', answers, procedures });
    }), { numRuns: 500 });
  });

  it('stays short enough for a QR code (lengths measured)', () => {
    const master = encodeHandoff({ answers: FULL_MASTER, procedures: MASTER }, V);
    const parcoursup = encodeHandoff({ answers: FULL_PARCOURSUP, procedures: PARCOURSUP }, V);
    const both = encodeHandoff({ answers: { ...FULL_MASTER, ...FULL_PARCOURSUP }, procedures: PROCEDURE_IDS }, V);
    // Measured (fragment alone): master 258, Parcoursup 310, both 506 characters; the nested facts with their
    // names, in base64url, would take 406 and 524 (master, Parcoursup).
    expect(master.length).toBeLessThanOrEqual(270);
    expect(parcoursup.length).toBeLessThanOrEqual(320);
    expect(both.length).toBeLessThanOrEqual(520);
    const longest = JSON.stringify({ ...FULL_MASTER, ...FULL_PARCOURSUP });
    expect(both.length).toBeLessThan(Buffer.from(longest).toString('base64url').length);
  });

  it('carries only the answers, the procedures and the rules version', () => {
    const answers = { ...FULL_MASTER, format: 1, extra: 'secret', master: { ...FULL_MASTER.master, note: 'private' } } as unknown as Facts;
    const fragment = encodeHandoff({ answers, procedures: MASTER }, V);
    const payload = decodePayload(fragment);
    expect(Object.keys(payload).sort()).toEqual(['a', 'f', 'p', 'v']);
    expect(payload.v).toBe(V);
    expect(Object.keys(payload.a).map((k) => FIELD_PATHS[parseInt(k, 36)]).every((p) => p?.startsWith('master.'))).toBe(true);
    expect(fragment).not.toMatch(/secret|private/);
    expect(JSON.stringify(payload)).not.toMatch(/secret|private|extra|note/);
    expect(decodeHandoff(fragment, V, TODAY)).toEqual({ kind: 'ok', answers: FULL_MASTER, procedures: MASTER });
  });

  describe('refuses, and imports nothing', () => {
    const good = encodeHandoff({ answers: FULL_MASTER, procedures: MASTER }, V);

    it('no fragment, or someone else\'s: none', () => {
      for (const f of ['', '#', '#main', 'main', '#page-title', '#R612-36-3-I-al1', '#rs1', '#rs', '#step=result', '#RS1.abc.def']) {
        expect(decodeHandoff(f, V, TODAY), f).toEqual({ kind: 'none' });
      }
    });

    it('truncated anywhere: damaged', () => {
      for (let n = HANDOFF_PREFIX.length + 1; n < good.length; n++) {
        expect(decodeHandoff(good.slice(0, n), V, TODAY), `cut at ${n}`).toEqual({ kind: 'damaged' });
      }
    });

    it('any one character changed: damaged', () => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
      for (let i = HANDOFF_PREFIX.length + 1; i < good.length; i++) {
        for (const c of alphabet) {
          if (c === good[i]) continue;
          const changed = good.slice(0, i) + c + good.slice(i + 1);
          expect(decodeHandoff(changed, V, TODAY).kind, `${i} ${c}`).toBe('damaged');
        }
      }
    });

    it('garbage after our prefix: damaged', () => {
      fc.assert(fc.property(fc.string(), (s) => {
        expect(decodeHandoff(`rs1.${s}`, V, TODAY).kind).toBe('damaged');
      }));
      // A correct checksum over something that is not base64url of JSON.
      for (const payload of ['!!!', 'a', 'bm90IGpzb24', '_w']) {
        const body = `rs1.${payload}`;
        expect(decodeHandoff(`${body}.${fnv1a(body)}`, V, TODAY), payload).toEqual({ kind: 'damaged' });
      }
    });

    it('another format version, or another app\'s payload: foreign', () => {
      expect(decodeHandoff(good.replace(/^rs1\./, 'rs2.'), V, TODAY)).toEqual({ kind: 'foreign' });
      expect(decodeHandoff(forge(decodePayload(good), 'rs2'), V, TODAY)).toEqual({ kind: 'foreign' });
      for (const payload of [[1, 2], 'text', 42, null, { hello: 'world' }, { v: V, a: {} }, { v: 2026, f: 'x', p: 1, a: {} }]) {
        expect(decodeHandoff(forge(payload), V, TODAY), JSON.stringify(payload)).toEqual({ kind: 'foreign' });
      }
    });

    it('made with other rules: outdated, with their version', () => {
      expect(decodeHandoff(encodeHandoff({ answers: FULL_MASTER, procedures: MASTER }, '2025.3'), V, TODAY))
        .toEqual({ kind: 'outdated', rulesVersion: '2025.3' });
      // Same version, another fact table (fields added or moved without a version bump): indices cannot be trusted.
      expect(decodeHandoff(forge({ ...decodePayload(good), f: 'zzz' }), V, TODAY)).toEqual({ kind: 'outdated', rulesVersion: V });
    });

    it('names the other rules only by a version the app could have written, never by text from the link', () => {
      expect(V).toMatch(RULES_VERSION_PATTERN);
      // A valid checksum is no proof of origin: anyone can compute it over any text.
      for (const v of ['ATTENTION : votre dossier est refusé. Appelez le 08 99 00 00 00', '2025.3 — appelez le 08 99', '2025.3\n', '<b>2025.3</b>', '', '12025.3', '2025.1234']) {
        expect(decodeHandoff(forge({ ...decodePayload(good), v }), V, TODAY), v).toEqual({ kind: 'outdated', rulesVersion: null });
      }
      expect(decodeHandoff(forge({ ...decodePayload(good), v: '2027.12' }), V, TODAY)).toEqual({ kind: 'outdated', rulesVersion: '2027.12' });
    });

    it('answers the app\'s validation refuses, or procedures that are not ours: invalid', () => {
      const bad: Facts[] = [
        { master: { ...FULL_MASTER.master, positive: 20 } },
        { master: { ...FULL_MASTER.master, licenceDate: '2026-02-30' } },
        { master: { ...FULL_MASTER.master, licenceRegion: 'atlantis' } } as unknown as Facts,
        { master: { ...FULL_MASTER.master, refusals: -1 } },
        // Shown as "1 janvier 1901" and "1e+21" when they were let through.
        { master: { ...FULL_MASTER.master, licenceDate: '0001-01-01' } },
        { master: { ...FULL_MASTER.master, applications: 1e21 } },
      ];
      for (const answers of bad) {
        const r = decodeHandoff(encodeHandoff({ answers, procedures: MASTER }, V), V, TODAY);
        expect(r.kind, JSON.stringify(answers)).toBe('invalid');
      }
      // A date after the receiver's today.
      expect(decodeHandoff(good, V, '2026-07-09').kind).toBe('invalid');
      const payload = decodePayload(good);
      for (const p of [0, 1 << PROCEDURE_IDS.length, -1, 1.5, '1', null]) expect(decodeHandoff(forge({ ...payload, p }), V, TODAY).kind, String(p)).toBe('invalid');
      for (const a of [{ zz: true }, { '00': 'dnl' }, { constructor: 1 }, { [FIELD_PATHS.length.toString(36)]: 1 }]) {
        expect(decodeHandoff(forge({ ...payload, a }), V, TODAY).kind, JSON.stringify(a)).toBe('invalid');
      }
    });
  });

  it('builds the app\'s address without the step, and drops the fragment after import', () => {
    expect(handoffUrl('https://x.fr/app/?step=result&for=master-referral#main', 'rs1.abc.def')).toBe('https://x.fr/app/#rs1.abc.def');
    expect(withoutFragment('https://x.fr/app/?step=check#rs1.abc.def')).toBe('https://x.fr/app/?step=check');
    expect(withoutFragment('https://x.fr/app/')).toBe('https://x.fr/app/');
  });
});
