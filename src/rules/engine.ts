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
import { ownValue, type Facts } from './facts';
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
 * The conditions and the facts, numbered once: an evaluation keeps its condition values in an array
 * and its sets of facts (read, unknown, missing) in bit masks. The issue asks for well over 100,000
 * evaluations a second (`npm run bench`); string-keyed maps and lists of paths were most of that time.
 */
export class Registry {
  readonly list: readonly Condition[];
  /** For composites, their children's indices; null for leaves. */
  readonly children: readonly (readonly number[] | null)[];
  /** By condition index, so that the interpreter's loads do not depend on each condition's shape. */
  readonly tests: readonly (((ctx: Context) => Tri) | null)[];
  readonly applies: readonly (((ctx: Context) => Tri) | null)[];
  /** For composites: true for `all`, false for `any`. */
  readonly isAll: readonly boolean[];
  /**
   * The objects the facts sit in ("parcoursup", "parcoursup.main", …), numbered: a fact is its group's
   * key, and a group its parent's key (group 0 is the facts themselves, with no parent).
   */
  readonly groupParent: readonly number[] = [-1];
  readonly groupKey: readonly string[] = [''];
  /** By field index: its group, and its key in that group. */
  readonly fieldGroup: readonly number[];
  readonly fieldKey: readonly string[];
  /** By group: its facts as a mask, and by key. */
  readonly groupFields: readonly number[];
  readonly groupKeys: readonly ReadonlyMap<string, number>[];
  private readonly index = new Map<string, number>();
  private readonly fieldIndex = new Map<string, number>();
  private readonly allFields: readonly number[];

  constructor(conditions: readonly Condition[], readonly fields: readonly string[]) {
    // One bit per fact in a (signed) 32-bit integer.
    if (fields.length > 31) throw new Error(`${fields.length} facts do not fit in a mask of 31 bits`);
    this.list = conditions;
    conditions.forEach((c, i) => this.index.set(c.id, i));
    fields.forEach((f, i) => this.fieldIndex.set(f, i));
    this.children = conditions.map((c) => (isLeaf(c) ? null : (c.all ?? c.any)!.map((id) => this.indexOf(id))));
    this.tests = conditions.map((c) => (isLeaf(c) ? c.test : null));
    this.applies = conditions.map((c) => c.applies ?? null);
    this.isAll = conditions.map((c) => !isLeaf(c) && c.all !== undefined);
    const groups = new Map<string, number>([['', 0]]);
    const groupOf = (path: string): number => {
      let g = groups.get(path);
      if (g === undefined) {
        const dot = path.lastIndexOf('.');
        const parent = groupOf(dot < 0 ? '' : path.slice(0, dot));
        g = this.groupKey.length;
        (this.groupParent as number[]).push(parent);
        (this.groupKey as string[]).push(path.slice(dot + 1));
        groups.set(path, g);
      }
      return g;
    };
    this.fieldGroup = fields.map((f) => groupOf(f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : ''));
    this.fieldKey = fields.map((f) => f.slice(f.lastIndexOf('.') + 1));
    this.groupFields = this.groupKey.map((_, g) => this.fieldGroup.reduce((mask, fg, i) => (fg === g ? mask | (1 << i) : mask), 0));
    this.groupKeys = this.groupKey.map((_, g) => new Map(this.fieldKey.flatMap((key, i) => (this.fieldGroup[i] === g ? [[key, i]] : []))));
    this.allFields = fields.map((_, i) => i);
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

  /** The paths of a set of facts, in `order` (field indices; by default the registry's). */
  paths(mask: number, order: readonly number[] = this.allFields): string[] {
    const out: string[] = [];
    for (const i of order) if (mask & (1 << i)) out.push(this.fields[i]!);
    return out;
  }
}

// Condition values in a Uint8Array: 0 not evaluated yet.
const NONE = 0;
const TRUE = 1;
const FALSE = 2;
const NULL = 3;
/** Holds because it does not apply to this student: not a reason. */
const INAPPLICABLE = 4;
const encode = (v: Tri): number => (v === true ? TRUE : v === false ? FALSE : NULL);
const decode = (n: number): Tri => (n === TRUE || n === INAPPLICABLE ? true : n === FALSE ? false : null);

/** What the procedures of one evaluation share: the facts, each looked up once, and the day's calendars. */
export class Inputs {
  readonly ps: SessionChoice<ParcoursupCalendar>;
  readonly mm: SessionChoice<MonMasterCalendar>;
  private loaded = 0;
  private readonly values: unknown[];
  // The group objects, resolved on first use: a fact's path is then one property away.
  private readonly groups: unknown[];

  constructor(readonly facts: Facts, readonly today: CivilDate, private readonly registry: Registry) {
    this.ps = parcoursupSession(today);
    this.mm = monMasterSession(today);
    this.values = new Array(registry.fields.length);
    this.groups = [facts === undefined ? null : facts];
  }

  fact(i: number): unknown {
    if ((this.loaded & (1 << i)) === 0) this.load(this.registry.fieldGroup[i]!);
    return this.values[i];
  }

  /**
   * Reads every fact of a group in one pass over its keys: a lookup by key per fact is several times
   * slower on facts of many shapes. Enumerable own properties, the ones `validateFacts` checks: facts are JSON data.
   */
  private load(g: number): void {
    const { registry } = this;
    this.loaded |= registry.groupFields[g]!;
    const node = this.group(g);
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const keys = registry.groupKeys[g]!;
    for (const key in node) {
      const i = keys.get(key);
      // Own properties only: a key such as "constructor" must not reach Object.prototype.
      if (i !== undefined && Object.hasOwn(node, key)) this.values[i] = (node as Record<string, unknown>)[key];
    }
  }

  private group(g: number): unknown {
    // undefined for a group never resolved: its value, once resolved, is an object or null.
    let node = this.groups[g];
    if (node === undefined) {
      const value = ownValue(this.group(this.registry.groupParent[g]!), this.registry.groupKey[g]!);
      node = value === undefined ? null : value;
      this.groups[g] = node;
    }
    return node;
  }
}

/** Everything a condition may read. Reads of facts are recorded: they make `missing` and the pruning. */
export class Context {
  readonly ps: SessionChoice<ParcoursupCalendar>;
  readonly mm: SessionChoice<MonMasterCalendar>;
  private readonly values: Uint8Array;
  /** For each unknown condition, the unknown facts that would decide it (a mask). */
  private readonly unknownInputs: number[];
  private readMask = 0;
  private decisionReads = -1;
  // The unknown facts read by the condition being evaluated; each evaluation saves and restores its caller's.
  private unknownReads = 0;

  constructor(
    readonly facts: Facts,
    readonly today: CivilDate,
    readonly registry: Registry,
    private readonly inputs: Inputs = new Inputs(facts, today, registry),
  ) {
    this.ps = inputs.ps;
    this.mm = inputs.mm;
    this.values = new Uint8Array(registry.list.length);
    this.unknownInputs = new Array(registry.list.length);
  }

  /** A fact's value, undefined when unknown. `null` is a value (its meaning is in the format). */
  fact<T = unknown>(path: string): T | undefined {
    return this.factAt(this.registry.fieldOf(path)) as T | undefined;
  }

  factAt(i: number): unknown {
    const value = this.inputs.fact(i);
    this.readMask |= 1 << i;
    if (value === undefined) this.unknownReads |= 1 << i;
    return value;
  }

  /** The fact paths read so far (known or not). */
  reads(): string[] {
    return this.registry.paths(this.readMask);
  }

  /** Closes the decision: what was read until now decided the outcome; later reads only describe it. */
  closeDecision(): void {
    this.decisionReads = this.readMask;
  }

  /** The facts the decision read (all reads if it was not closed): what pruning keeps. */
  relevantReads(): string[] {
    return this.registry.paths(this.decisionReads === -1 ? this.readMask : this.decisionReads);
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
    const { registry } = this;
    const outer = this.unknownReads;
    this.unknownReads = 0;
    let v: Tri;
    const applies = registry.applies[i]!;
    const applying = applies === null ? true : applies(this);
    if (applying === false) {
      v = true;
    } else if (applying === null) {
      v = null;
    } else {
      const test = registry.tests[i]!;
      if (test !== null) {
        v = test(this);
      } else {
        const wanted = !registry.isAll[i];
        let sawWanted = false;
        let sawUnknown = false;
        for (const ci of registry.children[i]!) {
          const cv = this.valueAt(ci);
          if (cv === wanted) sawWanted = true;
          else if (cv === null) {
            sawUnknown = true;
            this.unknownReads |= this.unknownInputs[ci]!;
          }
        }
        v = sawWanted ? wanted : sawUnknown ? null : !wanted;
      }
    }
    this.values[i] = applying === false ? INAPPLICABLE : encode(v);
    if (v === null) this.unknownInputs[i] = this.unknownReads;
    this.unknownReads = outer;
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
    const n = this.values[i]!;
    return n !== NONE && n !== INAPPLICABLE;
  }

  /** A condition's value if it was evaluated, undefined if the walk never reached it. */
  result(id: string): Tri | undefined {
    return this.resultAt(this.registry.indexOf(id));
  }

  /** Facts that would decide an unknown condition, as a mask. */
  missingAt(i: number): number {
    return this.values[i] === NULL ? this.unknownInputs[i]! : 0;
  }
}

/** A procedure's conditions, gates and routing facts as registry indices, computed once per procedure. */
interface Compiled {
  conditions: number[];
  gates: { condition: number; recoverable: number | null; onFalse: Status }[];
  routing: number[];
}
const compiled = new WeakMap<ProcedureDef, { registry: Registry; compiled: Compiled }>();

function compile(def: ProcedureDef, registry: Registry): Compiled {
  const known = compiled.get(def);
  if (known?.registry === registry) return known.compiled;
  const c: Compiled = {
    conditions: def.conditions.map((id) => registry.indexOf(id)),
    gates: def.gates.map((g) => ({
      condition: registry.indexOf(g.condition), onFalse: g.onFalse,
      recoverable: g.recoverable ? registry.indexOf(g.recoverable) : null,
    })),
    routing: def.routing.map((p) => registry.fieldOf(p)),
  };
  compiled.set(def, { registry, compiled: c });
  return c;
}

/** Marks the conditions that made condition `i` take its value (the "why"). */
function markDecisive(ctx: Context, i: number, into: number[]): void {
  if (into.includes(i)) return;
  into.push(i);
  const children = ctx.registry.children[i];
  if (!children) return;
  const v = ctx.valueOf(i);
  // all: true because every child holds, false because of the failing ones; any: the reverse.
  const everyChild = ctx.registry.isAll[i] ? v === true : v === false;
  for (const child of children) {
    if (everyChild || ctx.valueOf(child) === v) markDecisive(ctx, child, into);
  }
}

export interface Walk {
  status: Status;
  /** The recoverable condition that made a failing gate `not-yet`, if any. */
  recovered: number | null;
  /** The facts missing, as a mask of field indices. */
  missing: number;
  /** Registry indices of the decisive conditions (a handful: a plain array beats a set here). */
  decisive: number[];
}

/** Walks the gates in order: the first failing gate decides, an unknown gate before it keeps the status unknown. */
function walkGates(comp: Compiled, ctx: Context): Walk {
  let missing = 0;
  const decisive: number[] = [];
  let unknown = false;
  for (const gate of comp.gates) {
    const v = ctx.valueOf(gate.condition);
    if (v === null) {
      unknown = true;
      missing |= ctx.missingAt(gate.condition);
      continue;
    }
    if (v === false) {
      const recoverable = gate.recoverable === null ? false : ctx.valueOf(gate.recoverable);
      if (recoverable === null) missing |= ctx.missingAt(gate.recoverable!);
      if (unknown || recoverable === null) return { status: 'unknown', recovered: null, missing, decisive };
      markDecisive(ctx, gate.condition, decisive);
      if (recoverable) markDecisive(ctx, gate.recoverable!, decisive);
      return { status: recoverable ? 'not-yet' : gate.onFalse, recovered: recoverable ? gate.recoverable : null, missing, decisive };
    }
  }
  if (unknown) return { status: 'unknown', recovered: null, missing, decisive };
  for (const gate of comp.gates) markDecisive(ctx, gate.condition, decisive);
  return { status: 'eligible', recovered: null, missing, decisive };
}

/** `{ ...change, kind }`: a spread of objects of many shapes is slow (it leaves V8's fast path). */
function withKind(change: Omit<Change, 'kind'>, kind: Kind): Change {
  const out: Record<string, unknown> = {};
  for (const key in change) if (Object.hasOwn(change, key)) out[key] = change[key as keyof typeof change];
  out.kind = kind;
  return out as unknown as Change;
}

/** `askOrder`: the field indices in the order the questionnaire asks them, the order of `missing`. */
export function evaluateProcedure(def: ProcedureDef, ctx: Context, askOrder: readonly number[]): ProcedureResult {
  const comp = compile(def, ctx.registry);
  const walk = walkGates(comp, ctx);
  const { status } = walk;
  const open = status === 'eligible' || status === 'not-yet' || status === 'unknown';
  // First: it may evaluate conditions the walk did not reach, which then belong in the reasons.
  const category = open && def.category ? def.category(ctx) : null;
  // Notes, dates and the authority may read more facts to describe the outcome: those do not make an
  // answer relevant (a licence pro does not keep the refusal counts alive).
  // The authority stays useful after the end (the rectorat may still answer): routing is read then too,
  // but only asked for while the procedure is open.
  const routed = status !== 'not-eligible';
  if (routed) for (const f of comp.routing) if (ctx.factAt(f) === undefined && open) walk.missing |= 1 << f;
  ctx.closeDecision();
  const dates = def.dates(ctx, status);
  const { list } = ctx.registry;
  const reasons: Reason[] = [];
  for (const i of comp.conditions) {
    if (!ctx.isReasonAt(i)) continue;
    const c = list[i]!;
    reasons.push({ id: c.id, holds: ctx.resultAt(i)!, decisive: walk.decisive.includes(i), source: c.source, kind: c.kind });
  }
  const changes: Change[] = [];
  if (status === 'not-yet' || status === 'not-eligible' || status === 'unknown') {
    for (const i of comp.conditions) {
      const c = list[i]!;
      const turns = ctx.resultAt(i) === false || i === walk.recovered;
      if (!turns || !c.change || !(walk.decisive.includes(i) || status === 'unknown')) continue;
      const change = c.change(ctx);
      if (change && !changes.some((x) => x.id === change.id)) changes.push(withKind(change, c.kind));
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
    missing: walk.missing === 0 ? [] : ctx.registry.paths(walk.missing, askOrder),
    changes,
    notes: def.notes(ctx, status, dates),
  };
}
