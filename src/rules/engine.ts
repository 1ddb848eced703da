/**
 * The interpreter: evaluates a procedure's conditions in three-valued logic, walks its gates to a
 * status, and keeps the trace that explains it. Pure: no DOM, no app imports, today is an input.
 */
import type { CivilDate } from './civil-date';
import {
  monMasterSession, parcoursupSession,
  type CalendarDate, type MonMasterCalendar, type MonMasterField, type ParcoursupCalendar,
  type ParcoursupField, type SessionChoice,
} from './calendars/index';
import { getKeys, type Facts } from './facts';
import type { ProcedureId } from './procedure-ids';
import type { Tri } from './tri';

export type Kind = 'law' | 'platform' | 'practice';
export type Status = 'eligible' | 'not-yet' | 'too-late' | 'not-eligible' | 'unknown';
export { PROCEDURE_IDS, type ProcedureId } from './procedure-ids';

/** Something the student can do (action) or wait for (event) that would turn a failing condition. */
export interface Change {
  id: string;
  field: string | null;
  kind: Kind;
  type: 'action' | 'event';
  /** For events: the day it is expected; for actions: the last day it can be done, when known. */
  date?: CivilDate | null;
  /** For actions not possible yet: the first day they can be done. */
  from?: CivilDate;
}

export interface Note {
  id: string;
  kind: Kind | 'context';
  [param: string]: unknown;
}

interface ConditionBase {
  /** Stable id, also the message key `conditions.<id>`. */
  id: string;
  /** Article and paragraph, e.g. "R612-36-3 I al. 2". */
  source: string;
  /** Anchor in the shipped legal texts (src/rules/legal), when the source is one of them. */
  anchor?: string;
  kind: Kind;
  /** For platform and practice conditions: who applies it, from which page. */
  evidence?: string;
  /** When the condition fails: what the student could still do or wait for, if anything. */
  change?: (ctx: Context) => Omit<Change, 'kind'> | null;
  /**
   * Whether the condition applies to this student (e.g. the 5-refusal minimum only where the région
   * has two or more universities). One that does not apply holds and is left out of the reasons.
   */
  applies?: (ctx: Context) => Tri;
}

export interface LeafCondition extends ConditionBase {
  /** Declared inputs: fact paths and calendar dates ("calendar:parcoursup.caesOpening"). Tests check them. */
  inputs: readonly string[];
  test: (ctx: Context) => Tri;
}

export interface CompositeCondition extends ConditionBase {
  all?: readonly string[];
  any?: readonly string[];
}

export type Condition = LeafCondition | CompositeCondition;

export const isLeaf = (c: Condition): c is LeafCondition => 'test' in c;

export interface Gate {
  condition: string;
  /** The status when the condition fails. */
  onFalse: Status;
  /**
   * A condition saying the student can still turn this one (register, wait for answers): when it holds
   * the status is `not-yet` instead of `onFalse`; when it is unknown, so is the status.
   */
  recoverable?: string;
}

export interface DateInfo {
  date: CivilDate;
  source: string;
  kind: Kind;
  provisional: boolean;
  rule: string;
  /** Where the date comes from: a fact path or a calendar field. */
  basis?: string;
}

export interface Dates {
  opens: DateInfo | null;
  deadline: DateInfo | null;
  actBy: DateInfo | null;
}

export interface Authority { kind: 'recteur' | 'vice-recteur'; region: string }

export interface ProcedureDef {
  id: ProcedureId;
  /** Every condition the procedure may evaluate, in the declared (reasons) order. */
  conditions: readonly string[];
  gates: readonly Gate[];
  /** Facts the result needs once the status is open (the authority), asked after the decisive ones. */
  routing: readonly string[];
  category?: (ctx: Context) => number | null;
  dates: (ctx: Context, status: Status) => Dates;
  authority: (ctx: Context) => Authority | null;
  /** Notes; `dates` are the ones this result shows. */
  notes: (ctx: Context, status: Status, dates: Dates) => Note[];
}

export interface Reason {
  id: string;
  holds: Tri;
  decisive: boolean;
  source: string;
  kind: Kind;
}

export interface ProcedureResult {
  status: Status;
  category: number | null;
  opens: CivilDate | null;
  deadline: CivilDate | null;
  actBy: CivilDate | null;
  dates: Dates;
  authority: Authority | null;
  reasons: Reason[];
  missing: string[];
  changes: Change[];
  notes: Note[];
}

/**
 * The conditions, numbered once so that an evaluation stores its values in arrays: the rules run about
 * 100,000 times a second and string-keyed maps were most of that time.
 */
export class Registry {
  readonly list: readonly Condition[];
  /** For composites, their children's indices; null for leaves. */
  readonly children: readonly (readonly number[] | null)[];
  /** Each fact path split into keys, by field index. */
  readonly fieldKeys: readonly (readonly string[])[];
  private readonly index = new Map<string, number>();
  private readonly fieldIndex = new Map<string, number>();

  constructor(conditions: readonly Condition[], readonly fields: readonly string[]) {
    this.list = conditions;
    conditions.forEach((c, i) => this.index.set(c.id, i));
    fields.forEach((f, i) => this.fieldIndex.set(f, i));
    this.children = conditions.map((c) => (isLeaf(c) ? null : (c.all ?? c.any)!.map((id) => this.indexOf(id))));
    this.fieldKeys = fields.map((f) => f.split('.'));
  }

  indexOf(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`unknown condition ${id}`);
    return i;
  }

  fieldOf(path: string): number {
    const i = this.fieldIndex.get(path);
    if (i === undefined) throw new Error(`unknown fact ${path}`);
    return i;
  }

  get(id: string): Condition | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.list[i];
  }
}

// Condition values in a Uint8Array: 0 not evaluated yet.
const NONE = 0;
const TRUE = 1;
const FALSE = 2;
const NULL = 3;
const encode = (v: Tri): number => (v === true ? TRUE : v === false ? FALSE : NULL);
const decode = (n: number): Tri => (n === TRUE ? true : n === FALSE ? false : null);

/** The facts looked up by field index, once per evaluation, shared by the procedures' contexts. */
export class FactTable {
  private readonly loaded: Uint8Array;
  private readonly values: unknown[];

  constructor(readonly facts: Facts, private readonly registry: Registry) {
    this.loaded = new Uint8Array(registry.fields.length);
    this.values = new Array(registry.fields.length);
  }

  get(i: number): unknown {
    if (this.loaded[i] === 0) {
      this.loaded[i] = 1;
      this.values[i] = getKeys(this.facts, this.registry.fieldKeys[i]!);
    }
    return this.values[i];
  }
}

/** Everything a condition may read. Reads of facts are recorded: they make `missing` and the pruning. */
export class Context {
  readonly ps: SessionChoice<ParcoursupCalendar>;
  readonly mm: SessionChoice<MonMasterCalendar>;
  // Per fact: 0 not read, 1 read and known, 2 read and unknown.
  private readonly readState: Uint8Array;
  private readonly values: Uint8Array;
  private readonly unknownInputs: (string[] | undefined)[];
  /** Conditions that did not apply to this student: they hold, and are not reasons. */
  private readonly inapplicable: Uint8Array;
  // Facts found missing while conditions are evaluated: one stack, each evaluation owns the part above its mark.
  private readonly pending: string[] = [];
  private tracking = 0;

  constructor(
    readonly facts: Facts,
    readonly today: CivilDate,
    readonly registry: Registry,
    private readonly table: FactTable = new FactTable(facts, registry),
  ) {
    this.ps = parcoursupSession(today);
    this.mm = monMasterSession(today);
    this.readState = new Uint8Array(registry.fields.length);
    this.values = new Uint8Array(registry.list.length);
    this.inapplicable = new Uint8Array(registry.list.length);
    this.unknownInputs = new Array(registry.list.length);
  }

  /** A fact's value, undefined when unknown. `null` is a value (its meaning is in the format). */
  fact<T = unknown>(path: string): T | undefined {
    const i = this.registry.fieldOf(path);
    const value = this.table.get(i);
    if (this.readState[i] === 0) this.readState[i] = value === undefined ? 2 : 1;
    if (value === undefined && this.tracking > 0) this.pending.push(path);
    return value as T | undefined;
  }

  /** The fact paths read so far (known or not). */
  reads(): string[] {
    return this.registry.fields.filter((_, i) => this.readState[i] !== 0);
  }

  private decisionReads: string[] | null = null;

  /** Closes the decision: what was read until now decided the outcome; later reads only describe it. */
  closeDecision(): void {
    this.decisionReads = this.reads();
  }

  /** The facts the decision read (all reads if it was not closed): what pruning keeps. */
  relevantReads(): string[] {
    return this.decisionReads ?? this.reads();
  }

  parcoursup(field: ParcoursupField): CalendarDate {
    return this.ps.calendar.dates[field];
  }

  master(field: MonMasterField): CalendarDate {
    return this.mm.calendar.dates[field];
  }

  condition(id: string): Condition {
    return this.registry.list[this.registry.indexOf(id)]!;
  }

  /** Evaluates a condition once; composites evaluate every child so that all appear in the trace. */
  value(id: string): Tri {
    return this.valueAt(this.registry.indexOf(id));
  }

  private valueAt(i: number): Tri {
    const memo = this.values[i]!;
    if (memo !== NONE) return decode(memo);
    const c = this.registry.list[i]!;
    const mark = this.pending.length;
    this.tracking++;
    let v: Tri;
    const applies = c.applies ? c.applies(this) : true;
    if (applies === false) {
      this.inapplicable[i] = 1;
      v = true;
    } else if (applies === null) {
      v = null;
    } else if (isLeaf(c)) {
      v = c.test(this);
    } else {
      const wanted = !c.all;
      let sawWanted = false;
      let sawUnknown = false;
      for (const ci of this.registry.children[i]!) {
        const cv = this.valueAt(ci);
        if (cv === wanted) sawWanted = true;
        else if (cv === null) {
          sawUnknown = true;
          this.pending.push(...this.unknownInputs[ci]!);
        }
      }
      v = sawWanted ? wanted : sawUnknown ? null : !wanted;
    }
    this.tracking--;
    this.values[i] = encode(v);
    if (v === null) this.unknownInputs[i] = this.pending.slice(mark);
    if (this.pending.length !== mark) this.pending.length = mark;
    return v;
  }

  /** Index-based forms of `value`, `result` and `isReason`, for the interpreter's own loops. */
  valueOf(i: number): Tri {
    return this.valueAt(i);
  }

  resultAt(i: number): Tri | undefined {
    const n = this.values[i]!;
    return n === NONE ? undefined : decode(n);
  }

  isReasonAt(i: number): boolean {
    return this.values[i] !== NONE && this.inapplicable[i] === 0;
  }

  /** A condition's value if it was evaluated, undefined if the walk never reached it. */
  result(id: string): Tri | undefined {
    const n = this.values[this.registry.indexOf(id)]!;
    return n === NONE ? undefined : decode(n);
  }

  /** Facts that would decide an unknown condition. */
  missingAt(i: number): readonly string[] {
    return this.values[i] === NULL ? this.unknownInputs[i]! : [];
  }
}

/** A procedure's conditions and gates as registry indices, computed once per procedure. */
interface Compiled {
  conditions: number[];
  gates: { condition: number; recoverable: number | null; onFalse: Status }[];
  children: readonly (readonly number[] | null)[];
}
const compiled = new WeakMap<ProcedureDef, Compiled>();

function compile(def: ProcedureDef, registry: Registry): Compiled {
  let c = compiled.get(def);
  if (!c) {
    c = {
      conditions: def.conditions.map((id) => registry.indexOf(id)),
      gates: def.gates.map((g) => ({
        condition: registry.indexOf(g.condition), onFalse: g.onFalse,
        recoverable: g.recoverable ? registry.indexOf(g.recoverable) : null,
      })),
      children: registry.children,
    };
    compiled.set(def, c);
  }
  return c;
}

/** Marks the conditions that made condition `i` take its value (the "why"). */
function markDecisive(ctx: Context, comp: Compiled, i: number, into: number[]): void {
  if (into.includes(i)) return;
  into.push(i);
  const children = comp.children[i];
  if (!children) return;
  const v = ctx.valueOf(i);
  // all: true because every child holds, false because of the failing ones; any: the reverse.
  const everyChild = (ctx.registry.list[i] as CompositeCondition).all ? v === true : v === false;
  for (const child of children) {
    if (everyChild || ctx.valueOf(child) === v) markDecisive(ctx, comp, child, into);
  }
}

export interface Walk {
  status: Status;
  /** The recoverable condition that made a failing gate `not-yet`, if any. */
  recovered: number | null;
  /** Fact paths, possibly repeated. */
  missing: string[];
  /** Registry indices of the decisive conditions (a handful: a plain array beats a set here). */
  decisive: number[];
}

/** Walks the gates in order: the first failing gate decides, an unknown gate before it keeps the status unknown. */
export function walkGates(def: ProcedureDef, ctx: Context): Walk {
  const comp = compile(def, ctx.registry);
  const missing: string[] = [];
  const decisive: number[] = [];
  let unknown = false;
  for (const gate of comp.gates) {
    const v = ctx.valueOf(gate.condition);
    if (v === null) {
      unknown = true;
      missing.push(...ctx.missingAt(gate.condition));
      continue;
    }
    if (v === false) {
      const recoverable = gate.recoverable === null ? false : ctx.valueOf(gate.recoverable);
      if (recoverable === null) missing.push(...ctx.missingAt(gate.recoverable!));
      if (unknown || recoverable === null) return { status: 'unknown', recovered: null, missing, decisive };
      markDecisive(ctx, comp, gate.condition, decisive);
      if (recoverable) markDecisive(ctx, comp, gate.recoverable!, decisive);
      return { status: recoverable ? 'not-yet' : gate.onFalse, recovered: recoverable ? gate.recoverable : null, missing, decisive };
    }
  }
  if (unknown) return { status: 'unknown', recovered: null, missing, decisive };
  for (const gate of comp.gates) markDecisive(ctx, comp, gate.condition, decisive);
  return { status: 'eligible', recovered: null, missing, decisive };
}

export function evaluateProcedure(def: ProcedureDef, ctx: Context, order: (paths: Iterable<string>) => string[]): ProcedureResult {
  const walk = walkGates(def, ctx);
  const { status } = walk;
  const open = status === 'eligible' || status === 'not-yet' || status === 'unknown';
  // First: it may evaluate conditions the walk did not reach, which then belong in the reasons.
  const category = open && def.category ? def.category(ctx) : null;
  // Notes, dates and the authority may read more facts to describe the outcome: those do not make an
  // answer relevant (a licence pro does not keep the refusal counts alive).
  // The authority stays useful after the end (the rectorat may still answer): routing is read then too,
  // but only asked for while the procedure is open.
  const routed = status !== 'not-eligible';
  if (routed) for (const p of def.routing) if (ctx.fact(p) === undefined && open) walk.missing.push(p);
  ctx.closeDecision();
  const dates = def.dates(ctx, status);
  const { list } = ctx.registry;
  const indices = compile(def, ctx.registry).conditions;
  const reasons: Reason[] = [];
  for (const i of indices) {
    if (!ctx.isReasonAt(i)) continue;
    const c = list[i]!;
    reasons.push({ id: c.id, holds: ctx.resultAt(i)!, decisive: walk.decisive.includes(i), source: c.source, kind: c.kind });
  }
  const changes: Change[] = [];
  if (status === 'not-yet' || status === 'not-eligible' || status === 'unknown') {
    for (const i of indices) {
      const c = list[i]!;
      const turns = ctx.resultAt(i) === false || i === walk.recovered;
      if (!turns || !c.change || !(walk.decisive.includes(i) || status === 'unknown')) continue;
      const change = c.change(ctx);
      if (change && !changes.some((x) => x.id === change.id)) changes.push({ ...change, kind: c.kind });
    }
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
    missing: walk.missing.length ? order(walk.missing) : [],
    changes,
    notes: def.notes(ctx, status, dates),
  };
}
