/**
 * The walk: a procedure's gates in order give its status; the conditions that made it are its decisive
 * reasons; what is unknown before the deciding gate is `missing`.
 */
import type { Context } from './context';
import { conditionsOf } from './registry';
import { askedFirst } from './sessions';
import { childrenOf, type Change, type Kind, type ProcedureDef, type ProcedureResult, type Reason, type Status } from './types';

/** Marks the conditions that made condition `id` take its value (the "why"). */
function markDecisive(ctx: Context, id: string, into: Set<string>): void {
  if (into.has(id)) return;
  into.add(id);
  const c = ctx.registry.get(id);
  const children = childrenOf(c);
  if (!children.length) return;
  const v = ctx.value(id);
  // all: true because every child holds, false because of the failing ones; any: the reverse.
  const everyChild = 'any' in c ? v === false : v === true;
  for (const child of children) if (everyChild || ctx.value(child) === v) markDecisive(ctx, child, into);
}

interface Walked {
  status: Status;
  /** The recovery that made a failing gate `not-yet`, if any. */
  recovered: string | null;
  missing: Set<string>;
  decisive: Set<string>;
}

const isCalendarKey = (k: string) => k.startsWith('calendar:');

/**
 * The first failing gate decides; an unknown gate before it keeps the status unknown, with one exception:
 * a gate unknown only because the calendar lacks a date, or because the session is not settled, does not
 * stop an exclusion (`not-eligible`) that holds whatever that date or session is (a renunciation excludes
 * even before the calendar is published; a licence of 2020 is too old for the rentrée just past and the
 * next, docs/rulings.md §Sessions).
 */
function walkGates(def: ProcedureDef, ctx: Context): Walked {
  const missing = new Set<string>();
  const decisive = new Set<string>();
  let unknownFacts = false;
  // Unknown only for a calendar date or an unsettled session: a later exclusion still decides.
  let unknownDates = false;
  const noteUnknown = (id: string, onFalse?: Status) => {
    const keys = ctx.missingOf(id);
    const unsettling = ctx.unsettlingFacts();
    let dates = keys.size > 0;
    let session = false;
    for (const k of keys) {
      missing.add(k);
      if (unsettling.has(k)) session = true;
      else if (!isCalendarKey(k)) dates = false;
    }
    // A gate that would make one of the sessions `not-yet` (its applications not open) reads nothing of it yet:
    // what follows (the answers received) belongs to one session, and cannot exclude for every one.
    if (dates && !(session && onFalse === 'not-yet')) unknownDates = true;
    else unknownFacts = true;
  };
  for (const gate of def.gates) {
    const v = ctx.value(gate.condition);
    if (v === null) {
      noteUnknown(gate.condition, gate.onFalse);
      continue;
    }
    if (v === true) continue;
    const recoverable = gate.recoverable ? ctx.value(gate.recoverable) : false;
    if (recoverable === null) noteUnknown(gate.recoverable!);
    const status: Status = recoverable ? 'not-yet' : gate.onFalse;
    if (unknownFacts || recoverable === null || (unknownDates && status !== 'not-eligible')) {
      return { status: 'unknown', recovered: null, missing, decisive };
    }
    markDecisive(ctx, gate.condition, decisive);
    // The recovery decides too: it made the gate `not-yet`, or its failing made the gate's own status.
    if (gate.recoverable) markDecisive(ctx, gate.recoverable, decisive);
    // A decided exclusion needs nothing more: the dates it did not need are not missing.
    if (unknownDates) {
      const unsettling = ctx.unsettlingFacts();
      for (const k of [...missing]) if (isCalendarKey(k) || unsettling.has(k)) missing.delete(k);
    }
    return { status, recovered: recoverable ? gate.recoverable! : null, missing, decisive };
  }
  const unknown = unknownFacts || unknownDates;
  if (!unknown) for (const gate of def.gates) markDecisive(ctx, gate.condition, decisive);
  return { status: unknown ? 'unknown' : 'eligible', recovered: null, missing, decisive };
}

const recoveriesMemo = new WeakMap<ProcedureDef, ReadonlySet<string>>();

/** A procedure's recoveries (conditions that turn a failing gate into `not-yet`), listed once. */
function recoveriesOf(def: ProcedureDef): ReadonlySet<string> {
  let set = recoveriesMemo.get(def);
  if (!set) {
    set = new Set(def.gates.flatMap((g) => (g.recoverable ? [g.recoverable] : [])));
    recoveriesMemo.set(def, set);
  }
  return set;
}

/**
 * `askOrder`: fact paths in the order the questionnaire asks them, the order of `missing`; calendar dates
 * the answer needs come after the facts.
 */
export function evaluateProcedure(def: ProcedureDef, ctx: Context, askOrder: readonly string[]): ProcedureResult {
  const walk = walkGates(def, ctx);
  const { status } = walk;
  const open = status === 'eligible' || status === 'not-yet' || status === 'unknown';
  // First: it may evaluate conditions the walk did not reach, which then belong in the reasons.
  const category = open && def.category ? def.category(ctx) : null;
  // The authority stays useful after the end (the rectorat may still answer): routing is read then too,
  // but only asked for while the procedure is open.
  const routed = status !== 'not-eligible';
  if (routed) for (const path of def.routing) if (ctx.fact(path) === undefined && open) walk.missing.add(path);
  // What the student recorded after using the procedure decides nothing but always counts: read before the
  // decision closes, so that pruning keeps it.
  for (const path of def.followUp?.facts ?? []) ctx.optionalFact(path);
  // The steps the rules give beyond the failing conditions: part of the outcome, so what they read counts.
  const actions = def.actions?.(ctx, status) ?? { first: [] };
  // What follows a referral, from the student's record: what it weighs counts for pruning too.
  const followUp = def.followUp?.evaluate(ctx);
  // Notes, dates and the authority may read more facts to describe the outcome: those do not make an
  // answer relevant (a licence pro does not keep the refusal counts alive).
  ctx.closeDecision();
  const dates = def.dates(ctx, status);
  const declared = conditionsOf(def, ctx.registry);
  const reasons: Reason[] = [];
  const changes: Change[] = [];
  for (const { id } of declared) {
    if (!ctx.isReason(id)) continue;
    const c = ctx.registry.get(id);
    reasons.push({ id, holds: ctx.result(id)!, decisive: walk.decisive.has(id), source: c.source, kind: c.kind });
  }
  if (status === 'not-yet' || status === 'not-eligible' || status === 'unknown') {
    // A recovery's change is the way out it offers: when it holds, or may still (its date unpublished: the
    // student can act now); never when it failed (a closed registration offers nothing).
    const recoveries = recoveriesOf(def);
    for (const { id } of declared) {
      const c = ctx.registry.get(id);
      const turns = recoveries.has(id) ? id === walk.recovered || (status === 'unknown' && ctx.result(id) === null) : ctx.result(id) === false;
      if (!turns || !c.change || !(walk.decisive.has(id) || status === 'unknown')) continue;
      const change = c.change(ctx);
      // Never a step whose last day has passed: it is no way out (docs/rulings.md §"Steps the rules give").
      const past = change?.type === 'action' && !!change.date && change.date < ctx.today;
      if (change && !past && !changes.some((x) => x.id === change.id)) changes.push({ ...change, kind: c.kind as Kind });
    }
  }
  const given = new Set(changes.map((c) => c.id));
  changes.unshift(...actions.first.filter((a) => !given.has(a.id)));
  changes.push(...(actions.last ?? []).filter((a) => !given.has(a.id)));
  // While the session is not settled, what settles it comes first: every other answer is read against it.
  let missing: string[] = [];
  if (walk.missing.size) {
    const first = askedFirst(walk.missing);
    missing = [...askOrder.filter((path) => first.includes(path) && walk.missing.has(path)),
      ...askOrder.filter((path) => !first.includes(path) && walk.missing.has(path)),
      ...[...walk.missing].filter(isCalendarKey)];
  }
  return {
    status,
    category,
    opens: dates.opens?.date ?? null,
    deadline: dates.deadline?.date ?? null,
    actBy: dates.actBy?.date ?? null,
    dates,
    authority: routed ? def.authority(ctx) : null,
    reasons,
    missing,
    changes,
    notes: def.notes(ctx, status, dates),
    ...(def.followUp ? { followUp: followUp ?? null } : {}),
  };
}
