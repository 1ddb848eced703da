/**
 * The rules book: every condition of each procedure, the rules of what follows it, and every calendar
 * date, each with its source,
 * as plain data derived from the rules themselves (the procedures' gates and conditions, the registry,
 * the calendar files). Nothing here is written by hand: a condition added to a procedure, or a date added
 * to a calendar, appears in the book. No DOM, no facts evaluated.
 */
import type { CivilDate } from './civil-date';
import { MONMASTER_CALENDARS, PARCOURSUP_CALENDARS, type Calendar } from './calendars/index';
import { PROCEDURE_IDS, type ProcedureId } from './procedure-ids';
import { conditionsOf, type Registry, type Role } from './registry';
import type { FollowRule, Kind, ProcedureDef, Status } from './types';
import { SENDING_RULES } from './documents';
import { PROCEDURES, REGISTRY } from './evaluate';
import { RULES_VERSION } from './version';

/**
 * What a condition does in the walk: a `gate` decides the status when it fails (`onFalse`); a `part` is a
 * child of a composite condition; a `recovery` can turn a failing gate into `not-yet`; `describes`
 * conditions are evaluated to describe the outcome (the accompaniment's category) but decide nothing alone.
 */
export type BookRole = Role;

export interface BookCondition {
  id: string;
  source: string;
  kind: Kind;
  /** The sentence stating the condition as it holds (`conditions.<id>.met`). */
  messageKey: string;
  /** Anchor in the shipped legal texts, null when the article is not shipped. */
  anchor: string | null;
  role: BookRole;
  /** For gates: the status when the condition fails. */
  onFalse: Status | null;
}

/** A rule of what follows the procedure once used (the rector's proposals): it dates, it decides no status. */
export interface BookRule {
  id: string;
  source: string;
  kind: Kind;
  /** The sentence stating the rule (`followUp.rules.<id>`). */
  messageKey: string;
  anchor: string | null;
}

/** `sending`: how the request is sent (`book.sendingRules.<id>`); `after`: what follows it once used. */
export interface BookProcedure { id: ProcedureId; conditions: BookCondition[]; sending: BookRule[]; after: BookRule[] }

export interface BookDate {
  key: string;
  /** null: not yet published. */
  value: CivilDate | null;
  source: string;
  provisional: boolean;
}

export interface BookCalendar { platform: 'parcoursup' | 'monmaster'; session: number; published: boolean; updated: CivilDate; dates: BookDate[] }

export interface RulesBook { rulesVersion: string; procedures: BookProcedure[]; calendars: BookCalendar[] }

/** What the book is derived from: the app's rules by default; tests pass altered copies. */
export interface BookInputs {
  procedures: Readonly<Record<ProcedureId, ProcedureDef>>;
  registry: Registry;
  calendars: readonly Calendar<string>[];
  rulesVersion: string;
  sending?: Readonly<Record<ProcedureId, readonly FollowRule[]>>;
}

const APP_RULES: BookInputs = {
  procedures: PROCEDURES,
  registry: REGISTRY,
  calendars: [...PARCOURSUP_CALENDARS, ...MONMASTER_CALENDARS],
  rulesVersion: RULES_VERSION,
  sending: SENDING_RULES,
};

const bookRule = (r: FollowRule, group: string): BookRule =>
  ({ id: r.id, source: r.source, kind: r.kind, messageKey: `${group}.${r.id}`, anchor: r.anchor ?? null });

/** A procedure's conditions in the order the walk meets them (registry.ts `conditionsOf`). */
function procedureConditions(def: ProcedureDef, registry: Registry): BookCondition[] {
  return conditionsOf(def, registry).map(({ id, role, gate }) => {
    const c = registry.get(id);
    return {
      id, source: c.source, kind: c.kind, messageKey: `conditions.${id}.met`, anchor: c.anchor ?? null,
      role, onFalse: gate === null ? null : def.gates[gate]!.onFalse,
    };
  });
}

export function rulesBook(inputs: BookInputs = APP_RULES): RulesBook {
  return {
    rulesVersion: inputs.rulesVersion,
    procedures: PROCEDURE_IDS.map((id) => ({
      id,
      conditions: procedureConditions(inputs.procedures[id], inputs.registry),
      sending: (inputs.sending?.[id] ?? []).map((r) => bookRule(r, 'book.sendingRules')),
      after: (inputs.procedures[id].followUp?.rules ?? []).map((r) => bookRule(r, 'followUp.rules')),
    })),
    calendars: inputs.calendars.map((c) => ({
      platform: c.platform, session: c.session, published: c.published, updated: c.updated,
      dates: Object.entries(c.dates).map(([key, d]) => ({ key, value: d.date, source: d.source, provisional: d.provisional })),
    })),
  };
}
