/**
 * Everything a condition may read during one procedure's evaluation: the facts, today, the student's
 * session and its calendar. Every read is recorded: what was unknown makes `missing`, what was read makes
 * the pruning (which answers still count). Pure: no DOM, no clock.
 */
import { calendarKey, calendarOf, type Calendar, type CalendarDate, type FieldOf, type Platform } from './calendars/index';
import type { CivilDate } from './civil-date';
import { getPath, type Facts } from './facts';
import type { Registry } from './registry';
import { resolveSession, SESSION_FACT, SETTLES_SESSION, unknownDateRelation, type Resolved } from './sessions';
import type { Tri } from './tri';
import { isLeaf } from './types';

/** The unknown inputs of a condition that met none. */
const NOTHING: ReadonlySet<string> = new Set();

export class Context {
  private readonly values = new Map<string, Tri>();
  private readonly inapplicable = new Set<string>();
  /** For each unknown condition: the unknown facts and calendar dates that would decide it. */
  private readonly unknownInputs = new Map<string, ReadonlySet<string>>();
  // What was read, kept only when asked for (pruning, the tests of declared inputs): an evaluation alone
  // needs only what was unknown.
  private readonly factReads: Set<string> | null;
  private readonly inputReads: Set<string> | null;
  private decisionReads: ReadonlySet<string> | null = null;
  /** The unknown inputs met by the condition being evaluated (each evaluation keeps its caller's aside). */
  private current: Set<string> | null = null;
  private readonly sessions = new Map<Platform, { resolved: Resolved; unknown: readonly string[] }>();
  private unsettling: { size: number; facts: ReadonlySet<string> } | null = null;

  constructor(readonly facts: Facts, readonly today: CivilDate, readonly registry: Registry, record = false) {
    this.factReads = record ? new Set() : null;
    this.inputReads = record ? new Set() : null;
  }

  /** A fact's value, undefined when unknown. `null` is a value (its meaning is in the format). */
  fact<T = unknown>(path: string): T | undefined {
    this.inputReads?.add(path);
    return this.read(path) as T | undefined;
  }

  private read(path: string): unknown {
    this.factReads?.add(path);
    const value = getPath(this.facts, path);
    if (value === undefined) this.unknown(path);
    return value;
  }

  /**
   * A fact read that does not make it missing when absent: a fact that only settles something when given
   * (a session fact today's season may stand in for, a yes/no that spares a count).
   */
  optionalFact<T = unknown>(path: string): T | undefined {
    this.inputReads?.add(path);
    return this.peek(path) as T | undefined;
  }

  private peek(path: string): unknown {
    this.factReads?.add(path);
    return getPath(this.facts, path);
  }

  /**
   * The student's session, resolved once (sessions.ts). While it is not settled, the facts that would
   * settle it are unknown inputs of every condition that needs it.
   */
  private resolved(platform: Platform): Resolved {
    this.inputReads?.add(`session:${platform}`);
    let s = this.sessions.get(platform);
    if (!s) {
      const session = this.peek(SESSION_FACT[platform]) as number | undefined;
      const bacYear = platform === 'parcoursup' ? (this.peek('parcoursup.bacYear') as number | undefined) : undefined;
      const resolved = resolveSession(platform, { session, bacYear }, this.today);
      // Not settled: the facts that would settle it and are not given (the session itself, the bac year).
      const unknown = resolved.session !== null ? [] : SETTLES_SESSION[SESSION_FACT[platform]]!.filter((f) => getPath(this.facts, f) === undefined);
      s = { resolved, unknown };
      this.sessions.set(platform, s);
    }
    for (const path of s.unknown) this.unknown(path);
    return s.resolved;
  }

  /** The facts missing only because a session they would settle is not (the session, the bac year). */
  unsettlingFacts(): ReadonlySet<string> {
    // Asked for every unknown gate: kept until another session is resolved (most are settled: empty).
    if (this.unsettling?.size !== this.sessions.size) {
      const facts = [...this.sessions.values()].flatMap((s) => s.unknown);
      this.unsettling = { size: this.sessions.size, facts: facts.length ? new Set(facts) : NOTHING };
    }
    return this.unsettling.facts;
  }

  /** The student's session, or null while it is not settled (recorded as missing). */
  session(platform: Platform): number | null {
    return this.resolved(platform).session;
  }

  /**
   * A test of the session: decided when every session the student may mean gives the same answer (a
   * licence of 2020 is too old for both 2026 and 2027), unknown otherwise.
   */
  forSession(platform: Platform, test: (session: number) => Tri): Tri {
    let out: Tri | undefined;
    for (const s of this.resolved(platform).candidates) {
      const v = test(s);
      if (out === undefined) out = v;
      else if (out !== v) return null;
    }
    return out ?? null;
  }

  /** The student's session's calendar, or null while the session is not settled. */
  calendar<P extends Platform>(platform: P): Calendar<FieldOf<P>> | null {
    const s = this.session(platform);
    return s === null ? null : calendarOf(platform, s);
  }

  /** A date of the student's session, as data (null when the session is not settled). */
  date<P extends Platform>(platform: P, field: FieldOf<P>): CalendarDate | null {
    this.inputReads?.add(`calendar:${platform}.${field}`);
    return this.calendar(platform)?.dates[field] ?? null;
  }

  /**
   * A comparison of today with a date of the student's session. A date the data lacks is certainly to
   * come before the session's year and certainly past after its season (`unknownDateRelation`); within
   * the season the comparison is unknown and the calendar date is missing.
   */
  private compare<P extends Platform>(platform: P, field: FieldOf<P>, test: (date: CivilDate) => boolean, ifFuture: boolean): Tri {
    this.inputReads?.add(`calendar:${platform}.${field}`);
    return this.forSession(platform, (session) => {
      const date = calendarOf(platform, session).dates[field].date;
      if (date !== null) return test(date);
      const relation = unknownDateRelation(platform, session, this.today);
      if (relation === 'unknown') {
        this.unknown(calendarKey(platform, session, field));
        return null;
      }
      return relation === 'future' ? ifFuture : !ifFuture;
    });
  }

  /** A date of the session's calendar that would settle the condition being evaluated, missing as the data lacks it. */
  missingDate<P extends Platform>(platform: P, field: FieldOf<P>): void {
    const s = this.session(platform);
    if (s !== null) this.unknown(calendarKey(platform, s, field));
  }

  /** Today is on or after the session's date (the event has come). */
  reached<P extends Platform>(platform: P, field: FieldOf<P>): Tri {
    return this.compare(platform, field, (d) => this.today >= d, false);
  }

  /** Today is on or before the session's date (its last day has not passed). */
  notPassed<P extends Platform>(platform: P, field: FieldOf<P>): Tri {
    return this.compare(platform, field, (d) => this.today <= d, true);
  }

  /** Today is after the session's date (its last day has passed). */
  passed<P extends Platform>(platform: P, field: FieldOf<P>): Tri {
    const v = this.notPassed(platform, field);
    return v === null ? null : !v;
  }

  /** Records an unknown input of the condition being evaluated (its set made on the first one: most have none). */
  private unknown(key: string): void {
    (this.current ??= new Set()).add(key);
  }

  /** Evaluates a condition once; composites evaluate every child so that all appear in the trace. */
  value(id: string): Tri {
    if (this.values.has(id)) {
      const v = this.values.get(id)!;
      if (v === null) for (const k of this.unknownInputs.get(id)!) this.unknown(k);
      return v;
    }
    const c = this.registry.get(id);
    const outer = this.current;
    this.current = null;
    const applying = c.applies ? c.applies(this) : true;
    let v: Tri;
    if (applying === false) {
      v = true;
      this.inapplicable.add(id);
    } else if (applying === null) {
      v = null;
    } else if (isLeaf(c)) {
      v = c.test(this);
    } else {
      // all: false wins, else unknown, else true; any: the reverse.
      const wanted = c.any !== undefined;
      const children = (c.all ?? c.any)!.map((child) => this.value(child));
      v = children.includes(wanted) ? wanted : children.includes(null) ? null : !wanted;
    }
    this.values.set(id, v);
    const mine = this.current ?? NOTHING;
    this.current = outer;
    if (v === null) {
      this.unknownInputs.set(id, mine);
      for (const k of mine) this.unknown(k);
    }
    return v;
  }

  /**
   * Conditions evaluated aside: their values for what follows an outcome (the follow-up weighs who may
   * refer), never reasons of it; what they read counts as read here (pruning keeps it).
   */
  weigh(ids: readonly string[], stopAt?: Tri): Tri[] {
    const aside = new Context(this.facts, this.today, this.registry, this.factReads !== null);
    const values: Tri[] = [];
    // In order; with `stopAt`, the first such value ends it (as a walk's failing gate): what it did not need is not read.
    for (const id of ids) {
      const v = aside.value(id);
      values.push(v);
      if (v === stopAt) break;
    }
    for (const path of aside.factReads ?? []) this.factReads?.add(path);
    return values;
  }

  /** A condition's value if it was evaluated, undefined if the walk never reached it. */
  result(id: string): Tri | undefined {
    return this.values.get(id);
  }

  /** Evaluated, and applies to this student: a reason to show. */
  isReason(id: string): boolean {
    return this.values.has(id) && !this.inapplicable.has(id);
  }

  /** The unknown facts and calendar dates that would decide an unknown condition. */
  missingOf(id: string): ReadonlySet<string> {
    return this.values.get(id) === null ? this.unknownInputs.get(id)! : new Set();
  }

  /** What was read so far, in the vocabulary of declared inputs (facts, `calendar:…`, `session:…`). */
  reads(): string[] {
    return [...(this.inputReads ?? [])];
  }

  /** Closes the decision: what was read until now decided the outcome; later reads only describe it. */
  closeDecision(): void {
    if (this.factReads) this.decisionReads = new Set(this.factReads);
  }

  /** The facts the decision read (all reads if it was not closed): what pruning keeps. */
  relevantReads(): string[] {
    return [...(this.decisionReads ?? this.factReads ?? [])];
  }
}
