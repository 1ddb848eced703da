/**
 * The rules book: every condition of each procedure and every calendar date, each with its source,
 * as plain data derived from the rules themselves (the procedures' gates and conditions, the registry,
 * the calendar files). Nothing here is written by hand: a condition added to a procedure, or a date added
 * to a calendar, appears in the book. No DOM, no facts evaluated.
 */
import type { CivilDate } from './civil-date';
import { MONMASTER_CALENDARS, PARCOURSUP_CALENDARS, type Calendar } from './calendars/index';
import { isLeaf, PROCEDURE_IDS, type Kind, type ProcedureDef, type ProcedureId, type Registry, type Status } from './engine';
import { PROCEDURES, REGISTRY } from './evaluate';
import { RULES_VERSION } from './version';

/**
 * What a condition does in the walk: a `gate` decides the status when it fails (`onFalse`); a `part` is a
 * child of a composite condition; a `recovery` can turn a failing gate into `not-yet`; `other` conditions
 * are evaluated to describe the outcome (the accompaniment's category) but decide nothing alone.
 */
export type BookRole = 'gate' | 'part' | 'recovery' | 'other';

export interface BookCondition {
  id: string;
  source: string;
  kind: Kind;
  /** The sentence stating the condition as it holds (`conditions.<id>.met`). */
  messageKey: string;
  /** Anchor in the shipped legal texts, null when the article is not shipped. */
  anchor: string | null;
  /** For platform and practice conditions: who applies it, from which page. */
  evidence: string | null;
  role: BookRole;
  /** For gates: the status when the condition fails. */
  onFalse: Status | null;
}

export interface BookProcedure { id: ProcedureId; conditions: BookCondition[] }

export interface BookDate {
  key: string;
  /** null: not yet published. */
  value: CivilDate | null;
  source: string;
  provisional: boolean;
}

export interface BookCalendar { platform: 'parcoursup' | 'monmaster'; session: number; updated: CivilDate; dates: BookDate[] }

export interface RulesBook { rulesVersion: string; procedures: BookProcedure[]; calendars: BookCalendar[] }

/** What the book is derived from: the app's rules by default; tests pass altered copies. */
export interface BookInputs {
  procedures: Readonly<Record<ProcedureId, ProcedureDef>>;
  registry: Registry;
  calendars: readonly Calendar<string>[];
  rulesVersion: string;
}

const APP_RULES: BookInputs = {
  procedures: PROCEDURES,
  registry: REGISTRY,
  calendars: [...PARCOURSUP_CALENDARS, ...MONMASTER_CALENDARS],
  rulesVersion: RULES_VERSION,
};

/** A procedure's conditions in the order the engine walks them: each gate (its parts, its recovery), then the others. */
function procedureConditions(def: ProcedureDef, registry: Registry): BookCondition[] {
  const out: BookCondition[] = [];
  const seen = new Set<string>();
  const visit = (id: string, role: BookRole, onFalse: Status | null): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const c = registry.list[registry.indexOf(id)]!;
    out.push({
      id: c.id, source: c.source, kind: c.kind, messageKey: `conditions.${c.id}.met`,
      anchor: c.anchor ?? null, evidence: c.evidence ?? null, role, onFalse,
    });
    if (!isLeaf(c)) for (const child of c.all ?? c.any ?? []) visit(child, 'part', null);
  };
  for (const gate of def.gates) {
    visit(gate.condition, 'gate', gate.onFalse);
    if (gate.recoverable) visit(gate.recoverable, 'recovery', null);
  }
  for (const id of def.conditions) visit(id, 'other', null);
  return out;
}

export function rulesBook(inputs: BookInputs = APP_RULES): RulesBook {
  return {
    rulesVersion: inputs.rulesVersion,
    procedures: PROCEDURE_IDS.map((id) => ({ id, conditions: procedureConditions(inputs.procedures[id], inputs.registry) })),
    calendars: inputs.calendars.map((c) => ({
      platform: c.platform, session: c.session, updated: c.updated,
      dates: Object.entries(c.dates).map(([key, d]) => ({ key, value: d.date, source: d.source, provisional: d.provisional })),
    })),
  };
}
