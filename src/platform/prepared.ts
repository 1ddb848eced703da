/**
 * The prepare page's part of the saved record (docs/design.md §"Preparing the request"): the documents
 * ticked, per procedure, and the letter's blanks when the student asked to keep them. Stored data is
 * untrusted like the answers: what has the wrong shape or size is rejected (and set aside by the store),
 * the rest kept. The store (./progress.ts) only carries the part; this validation comes with the prepare
 * page's chunk, not the first load. Only shapes are checked: an id the checklist does not know is never shown.
 */
import { PROCEDURE_IDS } from '../rules/procedure-ids';

/** The letter's blanks, in the order the page asks them. */
export const DETAIL_KEYS = ['name', 'ine', 'address', 'contact', 'dossier', 'project'] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];
export type Details = Partial<Record<DetailKey, string>>;

export interface Prepared {
  /** Its own count of writes, apart from the answers': a tick is not a change of answers. */
  revision: number;
  /** Ticked item ids, per procedure. */
  checklist: Partial<Record<string, string[]>>;
  /** Kept only at the student's request; null otherwise. */
  details: Details | null;
}

export const EMPTY_PREPARED: Prepared = Object.freeze({ revision: 0, checklist: Object.freeze({}), details: null }) as Prepared;

/** Bounds: a checklist has a few dozen items, a blank a few lines. */
const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_TICKS = 100;
const MAX_DETAIL = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTicks = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_TICKS
  && v.every((x) => typeof x === 'string' && ITEM_ID.test(x)) && new Set(v).size === v.length;

/** What of a stored part can be kept; `rejected` names what cannot (`checklist.<procedure>`, `details.<blank>`). */
export function validatePrepared(value: unknown): { kept: Prepared; rejected: Record<string, unknown> } {
  // No prototype: a key named "constructor" is rejected like any other.
  const rejected: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (value === undefined) return { kept: EMPTY_PREPARED, rejected };
  if (!isObject(value)) return { kept: EMPTY_PREPARED, rejected: { prepared: value } };
  const revision = Number.isSafeInteger(value.revision) && (value.revision as number) >= 0 ? value.revision as number : 0;
  const checklist: Record<string, string[]> = {};
  const stored = isObject(value.checklist) ? value.checklist : {};
  if (value.checklist !== undefined && !isObject(value.checklist)) rejected.checklist = value.checklist;
  for (const [procedure, ticks] of Object.entries(stored)) {
    if ((PROCEDURE_IDS as readonly string[]).includes(procedure) && isTicks(ticks)) checklist[procedure] = ticks;
    else rejected[`checklist.${procedure}`] = ticks;
  }
  let details: Details | null = null;
  if (isObject(value.details)) {
    details = {};
    for (const [key, text] of Object.entries(value.details)) {
      if ((DETAIL_KEYS as readonly string[]).includes(key) && typeof text === 'string' && text.length <= MAX_DETAIL) details[key as DetailKey] = text;
      else rejected[`details.${key}`] = text;
    }
  } else if (value.details !== null && value.details !== undefined) rejected.details = value.details;
  return { kept: { revision, checklist, details }, rejected };
}
