/**
 * The rules' public entry points: `evaluate` (the `check` output, docs/facts-format.md), `nextQuestions`
 * and `prune`. Pure functions of (facts, today): no clock, no DOM, no storage.
 */
import { CALENDARS_CHECKED, calendarOf, provisionalFields, unpublishedFields, type Platform } from './calendars/index';
import type { CivilDate } from './civil-date';
import { Context } from './context';
import { FIELD_PATHS, getPath, RESULT_FORMAT, type Facts } from './facts';
import { MASTER_CONDITIONS, masterReferral } from './procedures/master-referral';
import { ACCOMPANIMENT_CONDITIONS, parcoursupAccompaniment } from './procedures/parcoursup-accompaniment';
import { PARCOURSUP_CONDITIONS } from './procedures/parcoursup-conditions';
import { parcoursupReexamination, REEXAMINATION_CONDITIONS } from './procedures/parcoursup-reexamination';
import { PROCEDURE_IDS, type ProcedureId } from './procedure-ids';
import { inQuestionOrder, pageOf, pagesFor, pick, type Page } from './questions';
import { Registry } from './registry';
import { resolveSession, SESSION_FACT } from './sessions';
import type { Condition, ProcedureDef, ProcedureResult } from './types';
import { evaluateProcedure } from './walk';
import { RULES_VERSION } from './version';

export const CONDITIONS: readonly Condition[] = [
  ...PARCOURSUP_CONDITIONS, ...ACCOMPANIMENT_CONDITIONS, ...REEXAMINATION_CONDITIONS, ...MASTER_CONDITIONS,
];
export const REGISTRY = new Registry(CONDITIONS);
/** The order `missing` lists facts in: the questionnaire's. */
const ASK_ORDER: readonly string[] = inQuestionOrder(FIELD_PATHS);

export const PROCEDURES: Readonly<Record<ProcedureId, ProcedureDef>> = {
  'parcoursup-accompaniment': parcoursupAccompaniment,
  'parcoursup-reexamination': parcoursupReexamination,
  'master-referral': masterReferral,
};

export interface CalendarInfo {
  /** The student's session; null while it is not settled (then `missing` names the session fact). */
  session: number | null;
  /** Whether that session's calendar is announced; null while the session is not settled. */
  published: boolean | null;
  provisional: readonly string[];
  unpublished: readonly string[];
  /** When that calendar's file was last checked against its sources. */
  updated: CivilDate | null;
}

export interface Result {
  format: number;
  rulesVersion: string;
  today: CivilDate;
  /** When the newest calendar was last checked: the horizon of the app's data. */
  calendarsChecked: CivilDate;
  calendars: { parcoursup: CalendarInfo; master: CalendarInfo };
  procedures: Partial<Record<ProcedureId, ProcedureResult>>;
}

function calendarInfo(platform: Platform, facts: Facts, today: CivilDate): CalendarInfo {
  const given = getPath(facts, SESSION_FACT[platform]) as number | undefined;
  const bacYear = platform === 'parcoursup' ? getPath(facts, 'parcoursup.bacYear') as number | undefined : undefined;
  const { session } = resolveSession(platform, { session: given, bacYear }, today);
  if (session === null) return { session: null, published: null, provisional: [], unpublished: [], updated: null };
  const c = calendarOf(platform, session);
  let info = infoMemo.get(c);
  if (!info) {
    // The same for every result of a session: computed once, frozen, shared.
    info = Object.freeze({ session, published: c.published, provisional: Object.freeze(provisionalFields(c)),
      unpublished: Object.freeze(unpublishedFields(c)), updated: c.published ? c.updated : null });
    infoMemo.set(c, info);
  }
  return info;
}

const infoMemo = new WeakMap<object, CalendarInfo>();

interface Run { result: Result; reads: Set<string> }

function run(facts: Facts, today: CivilDate, procedures: readonly ProcedureId[], collectReads = false): Run {
  const reads = new Set<string>();
  const out: Result['procedures'] = {};
  for (const id of procedures) {
    // One context per procedure: each trace holds only what its own gates read.
    const ctx = new Context(facts, today, REGISTRY, collectReads);
    out[id] = evaluateProcedure(PROCEDURES[id], ctx, ASK_ORDER);
    if (collectReads) for (const path of ctx.relevantReads()) reads.add(path);
  }
  return {
    result: {
      format: RESULT_FORMAT,
      rulesVersion: RULES_VERSION,
      today,
      calendarsChecked: CALENDARS_CHECKED,
      calendars: { parcoursup: calendarInfo('parcoursup', facts, today), master: calendarInfo('monmaster', facts, today) },
      procedures: out,
    },
    reads,
  };
}

/** Runs the rules on valid facts (see `validateFacts`) as of `today`. */
export function evaluate(facts: Facts, today: CivilDate, procedures: readonly ProcedureId[] = PROCEDURE_IDS): Result {
  return run(facts, today, procedures).result;
}

/**
 * The answers that matter for these procedures: those the rules read. An answer a later change made
 * irrelevant (main-phase counts once "no main phase" is answered, master counts once the licence is a
 * licence pro) is left out; the caller keeps the full answers so that changing back restores them.
 */
export function prune(facts: Facts, today: CivilDate, procedures: readonly ProcedureId[] = PROCEDURE_IDS): Facts {
  const reads = run(facts, today, procedures, true).reads;
  // A page's fields were answered together (a phase's three counts): one read keeps the whole page.
  return pick(facts, [...reads].flatMap((path) => pageOf(path)?.fields ?? [path]));
}

/** The pages still to ask, in order, for the procedures not yet decided (all, or those chosen). */
export function nextQuestions(facts: Facts, today: CivilDate, procedures: readonly ProcedureId[] = PROCEDURE_IDS): Page[] {
  const { result } = run(facts, today, procedures);
  return pagesFor(Object.values(result.procedures).flatMap((p) => p!.missing), facts);
}
