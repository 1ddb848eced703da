/**
 * "Continue on my phone": the answers carried in the URL fragment, which browsers never send to a server.
 * No DOM at import (btoa, atob and TextEncoder are globals of browsers and Node alike).
 *
 * Fragment (format 1): `rs1.<payload>.<checksum>`
 * - `payload`: base64url (no padding) of compact JSON `{"v":rulesVersion,"f":fieldTable,"p":procedures,"a":answers}`:
 *   `a` maps a fact's index in FIELD_PATHS (base 36) to its value, shorter than the nested facts with their
 *   names; `f` is a fingerprint of FIELD_PATHS, so that indices are read against the table they were
 *   written with; `p` is a bit mask over PROCEDURE_IDS (bit i = PROCEDURE_IDS[i]).
 * - `checksum`: FNV-1a (32 bits) of `rs1.<payload>`, in base 36. It detects a truncated or mistyped link;
 *   it is not security (anyone can compute it, and nothing here is secret from the one holding the link).
 *
 * Nothing else travels: no date, no language, no step, no identifier.
 *
 * Decoding never imports doubtful answers:
 * - `none`: no fragment, or not ours (the skip link's `#main`);
 * - `damaged`: our prefix, but bad structure, base64, JSON or checksum;
 * - `foreign`: a fragment of another format version (`rs2.…`, from a newer app), or whose checksum holds
 *   but whose payload is not ours;
 * - `outdated`: made with other rules (another rules version or fact table). **Refused**, not imported with a
 *   warning: answers given under other rules may not mean the same thing, and the issue asks that nothing
 *   be imported; the student answers again (or continues on the first device after it updates). The
 *   link's rules version is given only when it has the shape of one (`RULES_VERSION_PATTERN`), else null;
 * - `invalid`: well-formed and current, but the answers fail `validateFacts` (the app's own validation)
 *   or the procedures are not ours;
 * - `ok`: answers and procedures to import; the caller then removes the fragment (`withoutFragment`).
 *
 * Lengths measured (test/unit/handoff.test.ts): a full Master-referral answer set gives a fragment of
 * 258 characters, a full Parcoursup set 310, both 506 (the nested facts in base64url: 406 and 524). With
 * an https origin of 40 characters, URLs of 299, 351 and 547 characters: QR versions 11, 12 and 16 (69, 73
 * and 89 modules a side with the quiet zone; test/unit/handoff-panel.test.ts).
 */
import type { CivilDate } from '../rules/civil-date';
import { PROCEDURE_IDS, type ProcedureId } from '../rules/engine';
import type { Problem } from '../rules/fact-errors';
import { FIELD_PATHS, getPath, setPath, validateFacts, type FactError, type Facts } from '../rules/facts';

export const HANDOFF_PREFIX = 'rs1';

/**
 * The shape of the versions the app writes (src/rules/version.ts). The checksum proves nothing about who
 * wrote a link, and the version is shown to the student: anything else in its place would put a
 * stranger's words in the app's alert ("votre dossier est refusé, appelez le …").
 */
export const RULES_VERSION_PATTERN = /^\d{4}\.\d{1,3}$/;

const OURS = /^rs(\d+)\./;

export interface Handoff { answers: Facts; procedures: readonly ProcedureId[] }

export type HandoffResult =
  | { kind: 'none' }
  | { kind: 'damaged' }
  | { kind: 'foreign' }
  | { kind: 'outdated'; rulesVersion: string | null }
  // A link's own problem (its procedures) is never shown by code: the page says the link is not valid here.
  | { kind: 'invalid'; errors: (FactError | Problem<'handoff-procedures'>)[] }
  | ({ kind: 'ok' } & Handoff);

/** FNV-1a, 32 bits, over the string's UTF-16 code units (the fragment is ASCII), in base 36. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The fact table's fingerprint: a field added, removed or moved changes it. */
const FIELD_TABLE = fnv1a(FIELD_PATHS.join(','));

function toBase64url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on anything that is not base64url of UTF-8. */
function fromBase64url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('base64url');
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The fragment (without '#') carrying these answers and procedures, for these rules. */
export function encodeHandoff({ answers, procedures }: Handoff, rulesVersion: string): string {
  const a: Record<string, unknown> = {};
  // Only the format's own fields travel: whatever else an answers object carries stays on the device.
  FIELD_PATHS.forEach((path, i) => {
    const value = getPath(answers, path);
    if (value !== undefined) a[i.toString(36)] = value;
  });
  const p = PROCEDURE_IDS.reduce((mask, id, i) => (procedures.includes(id) ? mask | (1 << i) : mask), 0);
  const body = `${HANDOFF_PREFIX}.${toBase64url(JSON.stringify({ v: rulesVersion, f: FIELD_TABLE, p, a }))}`;
  return `${body}.${fnv1a(body)}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a fragment (with or without its '#') against these rules, as of `today` (dates after it are invalid). */
export function decodeHandoff(fragment: string, rulesVersion: string, today: CivilDate): HandoffResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const ours = OURS.exec(text);
  if (!ours) return { kind: 'none' };
  const parts = text.split('.');
  // Another format version of ours (a newer app): its integrity is its own business, we cannot read it.
  if (`rs${ours[1]}` !== HANDOFF_PREFIX) return { kind: 'foreign' };
  if (parts.length !== 3 || parts[2] !== fnv1a(`${parts[0]}.${parts[1]}`)) return { kind: 'damaged' };
  let payload: unknown;
  try {
    payload = JSON.parse(fromBase64url(parts[1]!));
  } catch {
    return { kind: 'damaged' };
  }
  if (!isObject(payload) || typeof payload.v !== 'string' || typeof payload.f !== 'string' || !('p' in payload) || !isObject(payload.a)) {
    return { kind: 'foreign' };
  }
  if (payload.v !== rulesVersion || payload.f !== FIELD_TABLE) {
    return { kind: 'outdated', rulesVersion: RULES_VERSION_PATTERN.test(payload.v) ? payload.v : null };
  }
  const { p, a } = payload;
  if (typeof p !== 'number' || !Number.isInteger(p) || p <= 0 || p >= 1 << PROCEDURE_IDS.length) {
    return { kind: 'invalid', errors: [{ field: 'procedures', code: 'handoff-procedures' }] };
  }
  let answers: Facts = {};
  for (const [key, value] of Object.entries(a)) {
    const index = parseInt(key, 36);
    const path = index.toString(36) === key ? FIELD_PATHS[index] : undefined;
    if (path === undefined) return { kind: 'invalid', errors: [{ field: key, code: 'unknown-field' }] };
    answers = setPath(answers, path, value);
  }
  const checked = validateFacts(answers, today);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  return { kind: 'ok', answers: checked.facts, procedures: PROCEDURE_IDS.filter((_, i) => (p & (1 << i)) !== 0) };
}

/** The app's address carrying the hand-off: no query string (the receiver starts from its own first step). */
export function handoffUrl(baseHref: string, fragment: string): string {
  const url = new URL(baseHref);
  url.search = '';
  url.hash = fragment;
  return url.href;
}

/** The address without its fragment, for `history.replaceState` once a hand-off is imported (or refused). */
export function withoutFragment(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href.replace(/#$/, '');
}
