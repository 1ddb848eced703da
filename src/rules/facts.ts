/**
 * The public facts format (docs/facts-format.md §"Input: facts") and its validation. Facts of format 1 and 2
 * are read alike (format 2 only names the fields added in 2026-12); results are format 2.
 * The schema is data: the validator, the questionnaire and the documentation read it.
 * Absent = unknown; `null` only where the format gives it a meaning.
 *
 * Over 300 lines: the schema and its validation belong together (the validator walks the schema), and
 * both are the public contract (docs/facts-format.md). The checks of what the student records after the
 * referral (the rector's proposals) are in referral-record.ts.
 */
/* eslint-disable max-lines -- the reason is above */
import { isCivilDate, type CivilDate } from './civil-date';
import { checkReferralRecord, inListOrder, MAX_PROPOSALS, PROPOSAL_FIELDS, type ProposalAnswer } from './referral-record';
import { REGION_IDS, type RegionId } from './regions';
import { resolveSession, sessionChoices } from './sessions';
import type { FactError, FactErrorCode } from './fact-errors';

/** The facts formats read; the newest is the one documented. */
export const FACTS_FORMATS: readonly number[] = [1, 2];
/** The format of results: 2 since sessions (`calendars.<platform>.published`, no `fallback`). */
export const RESULT_FORMAT = 2;

export const CIRCUMSTANCES = ['health', 'disability', 'athlete', 'family'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];
export { MAX_PROPOSALS, PROPOSAL_ANSWERS, type ProposalAnswer } from './referral-record';
export const LICENCES = ['dnl', 'licence-pro', 'but', 'foreign', 'other', 'none'] as const;
export type Licence = (typeof LICENCES)[number];

export interface AnswerCounts { proposals?: number; waiting?: number; negative?: number }

export interface ParcoursupFacts {
  session?: number;
  region?: RegionId;
  bacYear?: number;
  mainPhase?: boolean;
  mainPhaseApprenticeshipOnly?: boolean;
  main?: AnswerCounts;
  complementaryRegistered?: boolean;
  complementary?: AnswerCounts;
  renounced?: boolean;
  circumstances?: Circumstance[];
  proposalsUnsuitable?: boolean;
  noOtherApplications?: boolean;
}

/** One of the rector's proposals, as the student records it (R612-36-3 I al. 4 to 8). */
export interface RectorProposal {
  /** The day the proposal was notified: the eight days to answer count from it. */
  notified: CivilDate;
  answer?: ProposalAnswer;
  /** The day the student answered. */
  answered?: CivilDate;
}

export interface MasterFacts {
  session?: number;
  licence?: Licence;
  licenceDate?: CivilDate | null;
  licenceRegion?: RegionId;
  applications?: number;
  positive?: number;
  waitingList?: boolean;
  refusals?: number;
  refusalMentions?: number;
  refusalEstablishments?: number;
  lastRefusalDate?: CivilDate | null;
  contractSearch?: number;
  apprenticeshipSearch?: boolean;
  teleserviceOpened?: CivilDate | null;
  referralSent?: CivilDate;
  rectorProposals?: RectorProposal[];
}

export interface Facts {
  format?: number;
  parcoursup?: ParcoursupFacts;
  master?: MasterFacts;
}

export type FieldType =
  | { type: 'boolean' }
  | { type: 'count' }
  | { type: 'year' }
  /** The rentrée sought: one of the sessions `sessionChoices` offers today. */
  | { type: 'session'; platform: 'parcoursup' | 'monmaster' }
  | { type: 'date'; nullable: boolean }
  | { type: 'region' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'set'; values: readonly string[] }
  /** An array of at most `max` objects, each with the fields of `item`, those of `required` always given. */
  | { type: 'list'; max: number; item: Readonly<Record<string, FieldType>>; required: readonly string[] };

/** Every leaf of the format, by dotted path, grouped by platform (the questionnaire's order is its pages', questions.ts). */
export const FIELDS: Readonly<Record<string, FieldType>> = {
  'parcoursup.bacYear': { type: 'year' },
  'parcoursup.session': { type: 'session', platform: 'parcoursup' },
  'parcoursup.renounced': { type: 'boolean' },
  'parcoursup.mainPhase': { type: 'boolean' },
  'parcoursup.mainPhaseApprenticeshipOnly': { type: 'boolean' },
  'parcoursup.main.proposals': { type: 'count' },
  'parcoursup.main.waiting': { type: 'count' },
  'parcoursup.main.negative': { type: 'count' },
  'parcoursup.complementaryRegistered': { type: 'boolean' },
  'parcoursup.complementary.proposals': { type: 'count' },
  'parcoursup.complementary.waiting': { type: 'count' },
  'parcoursup.complementary.negative': { type: 'count' },
  'parcoursup.circumstances': { type: 'set', values: CIRCUMSTANCES },
  'parcoursup.proposalsUnsuitable': { type: 'boolean' },
  'parcoursup.noOtherApplications': { type: 'boolean' },
  'parcoursup.region': { type: 'region' },
  'master.session': { type: 'session', platform: 'monmaster' },
  'master.licence': { type: 'enum', values: LICENCES },
  'master.licenceDate': { type: 'date', nullable: true },
  'master.licenceRegion': { type: 'region' },
  'master.applications': { type: 'count' },
  'master.positive': { type: 'count' },
  'master.contractSearch': { type: 'count' },
  'master.waitingList': { type: 'boolean' },
  'master.refusals': { type: 'count' },
  'master.refusalMentions': { type: 'count' },
  'master.refusalEstablishments': { type: 'count' },
  'master.lastRefusalDate': { type: 'date', nullable: true },
  'master.apprenticeshipSearch': { type: 'boolean' },
  'master.teleserviceOpened': { type: 'date', nullable: true },
  // What the student records after sending the referral: never asked by the questionnaire, never decisive.
  'master.referralSent': { type: 'date', nullable: false },
  'master.rectorProposals': { type: 'list', max: MAX_PROPOSALS, item: PROPOSAL_FIELDS, required: ['notified'] },
};

export const FIELD_PATHS: readonly string[] = Object.keys(FIELDS);

export type { FactError, FactErrorCode } from './fact-errors';

export type Validation = { ok: true; facts: Facts } | { ok: false; errors: FactError[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A path's keys, split once: the rules read the same few dozen paths on every evaluation. */
const splitPaths = new Map<string, readonly string[]>();

/** The value at a dotted path, or undefined. */
export function getPath(facts: unknown, path: string): unknown {
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = path.split('.');
    // Paths come from the code (bounded), but callers may pass any string: keep the memo small.
    if (splitPaths.size < 500) splitPaths.set(path, keys);
  }
  return getKeys(facts, keys);
}

/** The value at a path given as keys, or undefined. */
export function getKeys(facts: unknown, keys: readonly string[]): unknown {
  let node: unknown = facts;
  for (const key of keys) node = ownValue(node, key);
  return node;
}

/** `node[key]` when node is a (non-array) object that has it as its own property; undefined otherwise. */
export function ownValue(node: unknown, key: string): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  // Own properties only: a key such as "constructor" must not reach Object.prototype.
  const value = (node as Record<string, unknown>)[key];
  return value === undefined || !Object.hasOwn(node, key) ? undefined : value;
}

/** A copy of `facts` with `path` set (or removed when `value` is undefined). Groups left empty are dropped. */
export function setPath(facts: Facts, path: string, value: unknown): Facts {
  const keys = path.split('.');
  const copy = (node: unknown, i: number): Record<string, unknown> | undefined => {
    const obj: Record<string, unknown> = isPlainObject(node) ? { ...node } : {};
    const key = keys[i]!;
    if (i === keys.length - 1) {
      if (value === undefined) delete obj[key];
      else obj[key] = value;
    } else {
      const child = copy(obj[key], i + 1);
      if (child === undefined) delete obj[key];
      else obj[key] = child;
    }
    return Object.keys(obj).length ? obj : undefined;
  };
  return (copy(facts, 0) ?? {}) as Facts;
}

/**
 * A field's type, or undefined for a name the format does not have. Own entries only: a plain lookup
 * would answer "constructor" or "__proto__" with what every object inherits.
 */
export function fieldSpec(path: string): FieldType | undefined {
  return Object.hasOwn(FIELDS, path) ? FIELDS[path] : undefined;
}

/** The field of the schema a problem's path belongs to: a list's item names its list (`master.rectorProposals`). */
export const schemaField = (field: string): string => {
  const bracket = field.indexOf('[');
  return bracket < 0 ? field : field.slice(0, bracket);
};

/**
 * Real facts lie well inside these bounds; beyond them a value is a typing slip or a forged input, and
 * would be shown absurdly (a year 26 displayed as 1926, a count as "1e+21"). The questionnaire uses the same.
 */
export const EARLIEST_DATE: CivilDate = '1900-01-01';
export const MAX_COUNT = 999;

function checkLeaf(path: string, spec: FieldType, value: unknown, today: CivilDate, errors: FactError[]): void {
  const fail = (code: FactErrorCode, params?: FactError['params']): void => {
    errors.push({ field: path, code, ...(params ? { params } : {}) });
  };
  if (value === null && !(spec.type === 'date' && spec.nullable)) return fail('null-not-allowed');
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') fail('type-boolean');
      return;
    case 'count':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail('type-count');
      else if (value > MAX_COUNT) fail('count-too-large', { max: MAX_COUNT });
      return;
    case 'year': {
      const max = Number(today.slice(0, 4)) + 1;
      if (typeof value !== 'number' || !Number.isInteger(value)) fail('type-year');
      else if (value < 1950 || value > max) fail('year-range', { min: 1950, max });
      return;
    }
    case 'session': {
      const choices = sessionChoices(spec.platform, today).map((c) => c.session);
      if (typeof value !== 'number' || !Number.isInteger(value)) fail('type-year');
      else if (!choices.includes(value)) fail('session-range', { sessions: choices.join(', ') });
      return;
    }
    case 'date':
      if (value === null) return;
      if (!isCivilDate(value)) fail('type-date');
      else if (value > today) fail('date-future', { today });
      else if (value < EARLIEST_DATE) fail('date-too-early', { min: EARLIEST_DATE });
      return;
    case 'region':
      if (typeof value !== 'string' || !(REGION_IDS as readonly string[]).includes(value)) fail('region-unknown');
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) fail('value-unknown', { values: spec.values.join(', ') });
      return;
    case 'set':
      if (!Array.isArray(value)) return fail('type-set', { values: spec.values.join(', ') });
      if (value.some((v) => typeof v !== 'string' || !spec.values.includes(v))) fail('value-unknown', { values: spec.values.join(', ') });
      else if (new Set(value).size !== value.length) fail('set-duplicate');
      return;
    case 'list':
      if (!Array.isArray(value)) return fail('type-list');
      if (value.length > spec.max) return fail('list-too-long', { max: spec.max });
      value.forEach((item, i) => checkItem(`${path}[${i}]`, spec, item, today, errors));
      return;
  }
}

/** One object of a list: its own fields checked like any other, an unknown one named, a required one present. */
function checkItem(path: string, spec: Extract<FieldType, { type: 'list' }>, item: unknown, today: CivilDate, errors: FactError[]): void {
  if (!isPlainObject(item)) {
    errors.push({ field: path, code: 'type-object' });
    return;
  }
  for (const [key, value] of Object.entries(item)) {
    if (Object.hasOwn(spec.item, key)) checkLeaf(`${path}.${key}`, spec.item[key]!, value, today, errors);
    else errors.push({ field: `${path}.${key}`, code: 'unknown-field' });
  }
  for (const key of spec.required) if (!Object.hasOwn(item, key)) errors.push({ field: `${path}.${key}`, code: 'field-required' });
}

/** Walks the input against the schema: every unknown field, wrong type and inconsistency is reported. */
function checkShape(input: Record<string, unknown>, prefix: string, today: CivilDate, errors: FactError[]): void {
  for (const [key, value] of Object.entries(input)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (path === 'format') {
      if (!FACTS_FORMATS.includes(value as number)) errors.push({ field: 'format', code: 'format-unsupported', params: { format: FACTS_FORMATS.join(', ') } });
      continue;
    }
    const spec = fieldSpec(path);
    if (spec) {
      checkLeaf(path, spec, value, today, errors);
    } else if (FIELD_PATHS.some((p) => p.startsWith(`${path}.`))) {
      if (isPlainObject(value)) checkShape(value, path, today, errors);
      else errors.push({ field: path, code: 'type-object' });
    } else {
      errors.push({ field: path, code: 'unknown-field' });
    }
  }
}

/** The answers that share the applications: together they cannot exceed them (the questionnaire says by how much). */
export const SHARES_APPLICATIONS = ['master.positive', 'master.refusals', 'master.contractSearch'] as const;

function checkConsistency(facts: Facts, today: CivilDate, errors: FactError[]): void {
  const m = facts.master;
  if (!isPlainObject(m)) return;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const applications = num(m.applications);
  const refusals = num(m.refusals);
  const contractSearch = num(m.contractSearch);
  const shared = SHARES_APPLICATIONS.reduce((sum, f) => sum + (num(m[f.slice('master.'.length)]) ?? 0), 0);
  if (applications !== undefined && shared > applications) {
    errors.push({ field: 'master.applications', code: 'answers-exceed-applications', params: { applications } });
  }
  if (contractSearch !== undefined && typeof m.apprenticeshipSearch === 'boolean' && m.apprenticeshipSearch !== (contractSearch > 0)) {
    errors.push({ field: 'master.contractSearch', code: 'contract-search-disagrees' });
  }
  if (refusals !== undefined) {
    const mentions = num(m.refusalMentions);
    const establishments = num(m.refusalEstablishments);
    if (mentions !== undefined && mentions > refusals) {
      errors.push({ field: 'master.refusalMentions', code: 'exceeds-refusals', params: { refusals } });
    }
    if (establishments !== undefined && establishments > refusals) {
      errors.push({ field: 'master.refusalEstablishments', code: 'exceeds-refusals', params: { refusals } });
    }
    if (refusals === 0 && typeof m.lastRefusalDate === 'string') {
      errors.push({ field: 'master.lastRefusalDate', code: 'date-without-refusal' });
    }
    if (refusals > 0 && m.lastRefusalDate === null) {
      errors.push({ field: 'master.lastRefusalDate', code: 'null-with-refusals', params: { refusals } });
    }
  }
  // A refusal and the service's opening belong to the session's own year: Mon Master's applications open
  // in February of the rentrée's year (a date of another year is another session's).
  const given = num(m.session);
  const session = resolveSession('monmaster', given === undefined ? {} : { session: given }, today).session;
  if (session !== null) {
    for (const field of ['lastRefusalDate', 'teleserviceOpened', 'referralSent'] as const) {
      const d = m[field];
      // One problem per field: a date already refused (too early, in the future) is not judged again.
      if (errors.some((e) => e.field === `master.${field}`)) continue;
      if (isCivilDate(d) && Number(d.slice(0, 4)) !== session) {
        errors.push({ field: `master.${field}`, code: 'date-other-session', params: { session } });
      }
    }
  }
  checkReferralRecord(m, session, errors);
}

/** Validates untrusted input (parsed JSON) as of `today`. Returns every problem, never throws. */
export function validateFacts(input: unknown, today: CivilDate): Validation {
  if (!isPlainObject(input)) return { ok: false, errors: [{ field: '', code: 'type-object' }] };
  const errors: FactError[] = [];
  checkShape(input, '', today, errors);
  checkConsistency(input as Facts, today, errors);
  return errors.length ? { ok: false, errors: inListOrder(errors) } : { ok: true, facts: input as Facts };
}
