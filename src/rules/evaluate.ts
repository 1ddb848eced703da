/**
 * The rules' public entry points: `evaluate` (the `check` output, check-format.md), `nextQuestions`
 * and `prune`. Pure functions of (facts, today): no clock, no DOM, no storage.
 */
import { provisionalFields, unpublishedFields, type Calendar, type SessionChoice } from './calendars/index';
import type { CivilDate } from './civil-date';
import {
  Context, evaluateProcedure, Inputs, PROCEDURE_IDS, Registry, type Condition, type ProcedureDef, type ProcedureId, type ProcedureResult,
} from './engine';
import { FACTS_FORMAT, FIELD_PATHS, type Facts } from './facts';
import { MASTER_CONDITIONS, masterReferral } from './procedures/master-referral';
import { ACCOMPANIMENT_CONDITIONS, parcoursupAccompaniment } from './procedures/parcoursup-accompaniment';
import { PARCOURSUP_CONDITIONS } from './procedures/parcoursup-conditions';
import { parcoursupReexamination, REEXAMINATION_CONDITIONS } from './procedures/parcoursup-reexamination';
import { inQuestionOrder, pageOf, pagesFor, pick, type Page } from './questions';
import { RULES_VERSION } from './version';

export const CONDITIONS: readonly Condition[] = [
  ...PARCOURSUP_CONDITIONS, ...ACCOMPANIMENT_CONDITIONS, ...REEXAMINATION_CONDITIONS, ...MASTER_CONDITIONS,
];
export const REGISTRY = new Registry(CONDITIONS, FIELD_PATHS);
/** The order `missing` lists facts in: the questionnaire's. */
const ASK_ORDER: readonly number[] = inQuestionOrder(FIELD_PATHS).map((path) => REGISTRY.fieldOf(path));

export const PROCEDURES: Readonly<Record<ProcedureId, ProcedureDef>> = {
  'parcoursup-accompaniment': parcoursupAccompaniment,
  'parcoursup-reexamination': parcoursupReexamination,
  'master-referral': masterReferral,
};

export interface CalendarInfo {
  session: number;
  fallback: boolean;
  provisional: readonly string[];
  unpublished: readonly string[];
  updated: CivilDate;
}

export interface Result {
  format: number;
  rulesVersion: string;
  today: CivilDate;
  calendars: { parcoursup: CalendarInfo; master: CalendarInfo };
  procedures: Partial<Record<ProcedureId, ProcedureResult>>;
}

const infoMemo = new WeakMap<object, CalendarInfo>();

/** The calendar part of a result: the same frozen object for every result of a session. */
function calendarInfo<F extends string>(choice: SessionChoice<Calendar<F>>): CalendarInfo {
  let info = infoMemo.get(choice);
  if (!info) {
    const c = choice.calendar;
    info = Object.freeze({
      session: c.session, fallback: choice.fallback, updated: c.updated,
      provisional: Object.freeze(provisionalFields(c)), unpublished: Object.freeze(unpublishedFields(c)),
    });
    infoMemo.set(choice, info);
  }
  return info;
}

interface Run { result: Result; reads: Set<string> }

function run(facts: Facts, today: CivilDate, procedures: readonly ProcedureId[], collectReads = false): Run {
  const reads = new Set<string>();
  const out: Result['procedures'] = {};
  const inputs = new Inputs(facts, today, REGISTRY);
  for (const id of procedures) {
    // One context per procedure: each trace holds only what its own gates read.
    const ctx = new Context(facts, today, REGISTRY, inputs);
    out[id] = evaluateProcedure(PROCEDURES[id], ctx, ASK_ORDER);
    if (collectReads) for (const path of ctx.relevantReads()) reads.add(path);
  }
  return {
    result: {
      format: FACTS_FORMAT,
      rulesVersion: RULES_VERSION,
      today,
      calendars: { parcoursup: calendarInfo(inputs.ps), master: calendarInfo(inputs.mm) },
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
