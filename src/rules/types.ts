/**
 * What a procedure's author writes: conditions (each beside the words it encodes), gates and the result's
 * shape. The interpreter (context.ts, walk.ts) gives them meaning; nothing here runs.
 */
import type { CivilDate } from './civil-date';
import type { Context } from './context';
import type { ProcedureId } from './procedure-ids';
import type { ProposalAnswer } from './referral-record';
import type { Tri } from './tri';

export type Kind = 'law' | 'platform' | 'practice';
export type Status = 'eligible' | 'not-yet' | 'too-late' | 'not-eligible' | 'unknown';
export type { ProcedureId } from './procedure-ids';

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
  /** A step of a platform's calendar: the session it belongs to (the next one, after a session is over). */
  session?: number;
  /**
   * While that session's calendar is unpublished: the same step's `from` and `date` in the session before,
   * context labelled with its year (like the note `calendar-not-published`), never the step's own dates.
   */
  previousSession?: number;
  previous?: { from?: CivilDate; date?: CivilDate };
  /** An event that starts a window (the teleservice opening): the window's last day, when computable. */
  deadline?: CivilDate | null;
  /** Papers to gather (document ids of src/rules/documents.ts, and `school-plan`). */
  papers?: string[];
}

export interface Note {
  id: string;
  kind: Kind | 'context';
  [param: string]: unknown;
}

interface ConditionBase {
  /** Stable id, also the message key `conditions.<id>`. */
  id: string;
  /**
   * What says so: for a law condition, the article and paragraph ("R612-36-3 I al. 2"); for a platform or
   * practice condition, the pages that show the platform or the rectorats applying it.
   */
  source: string;
  /** Anchor in the shipped legal texts (src/rules/legal), for law conditions whose article is shipped. */
  anchor?: string;
  kind: Kind;
  /** When the condition fails: what the student could still do or wait for, if anything. */
  change?: (ctx: Context) => Omit<Change, 'kind'> | null;
  /**
   * Whether the condition applies to this student (e.g. the 5-refusal minimum only where the région
   * has two or more universities). One that does not apply holds and is left out of the reasons.
   */
  applies?: (ctx: Context) => Tri;
}

export interface LeafCondition extends ConditionBase {
  /**
   * Declared inputs: fact paths, and calendar dates as `calendar:<platform>.<field>` (of whichever session
   * the student's is). Tests check that a condition reads nothing else.
   */
  inputs: readonly string[];
  test: (ctx: Context) => Tri;
}

export interface CompositeCondition extends ConditionBase {
  all?: readonly string[];
  any?: readonly string[];
}

export type Condition = LeafCondition | CompositeCondition;

export const isLeaf = (c: Condition): c is LeafCondition => 'test' in c;
export const childrenOf = (c: Condition): readonly string[] => (isLeaf(c) ? [] : c.all ?? c.any ?? []);

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
  /** Where the date comes from: a fact path or a calendar date (`calendar:parcoursup-2026.caesOpening`). */
  basis?: string;
}

export interface Dates {
  opens: DateInfo | null;
  deadline: DateInfo | null;
  actBy: DateInfo | null;
}

export interface Authority { kind: 'recteur' | 'vice-recteur'; region: string }

/**
 * A rule of what follows a procedure once the student has used it (the rector's proposals after a Master
 * referral): it decides no status, it dates and explains what comes next. Listed in the rules book.
 */
export interface FollowRule {
  /** Stable id, also the message key `followUp.rules.<id>`. */
  id: string;
  source: string;
  anchor?: string;
  kind: Kind;
}

/**
 * One proposal's state on `today`: `open` (the days to answer run), `lapsed` (not answered within them:
 * deemed refused, or answered too late), `answered` (in time, or on a day not given), `ended` (not answered,
 * its days still running the day another was accepted: the referral is over; for good).
 */
export type ProposalState = 'open' | 'lapsed' | 'answered' | 'ended';

export interface ProposalFollowUp {
  notified: CivilDate;
  answer: ProposalAnswer | null;
  answered: CivilDate | null;
  state: ProposalState;
  deadline: CivilDate;
  actBy: CivilDate;
  dates: { deadline: DateInfo; actBy: DateInfo };
}

/**
 * Where the student stands after the referral: `awaiting-proposals` (fewer than three so far, none open, none
 * accepted), `proposals-open`, `accepted` (the referral is over), `declined` (three or more, each refused or
 * lapsed).
 */
export type FollowUpStage = 'awaiting-proposals' | 'proposals-open' | 'accepted' | 'declined';

export interface FollowUp {
  referralSent: CivilDate | null;
  stage: FollowUpStage;
  /** In the order the facts give them. */
  proposals: ProposalFollowUp[];
  notes: Note[];
}

export interface FollowUpDef {
  /**
   * The facts it reads: read before the decision closes, so that pruning keeps them whenever the procedure
   * is evaluated (they are the student's own record, never asked), though they decide nothing.
   */
  facts: readonly string[];
  rules: readonly FollowRule[];
  /**
   * Null when the student has recorded none of its facts. Evaluated before the decision closes: whether
   * the student met the conditions of referring on the referral's day (the law's notes need it) reads facts
   * the status may not have, which pruning must keep.
   */
  evaluate: (ctx: Context) => FollowUp | null;
}

export interface ProcedureDef {
  id: ProcedureId;
  /**
   * The walk, in order: the first failing gate decides. The procedure's conditions (the reasons, in this
   * order) are the gates with their parts and recoveries, then `describes`.
   */
  gates: readonly Gate[];
  /** Conditions evaluated only to describe the outcome (the accompaniment's category). */
  describes?: readonly string[];
  /** Facts the result needs once the status is open (the authority), asked after the decisive ones. */
  routing: readonly string[];
  category?: (ctx: Context) => number | null;
  dates: (ctx: Context, status: Status) => Dates;
  authority: (ctx: Context) => Authority | null;
  /** The official place where the student makes the request (RecoursSup only prepares it). */
  official: string;
  /** Notes; `dates` are the ones this result shows. */
  notes: (ctx: Context, status: Status, dates: Dates) => Note[];
  /** What follows once the student has used the procedure: never changes its status. */
  followUp?: FollowUpDef;
  /**
   * Actions beyond the failing conditions' changes: the steps of the platform's calendar that can still
   * matter for the student's session (make wishes, apply), papers to gather now, and after a session what
   * can still be done (the next session's steps). Read before the decision closes: their facts count.
   * `first` come before the walk's changes, `last` after them (what can be done at any time).
   */
  actions?: (ctx: Context, status: Status) => { first: Change[]; last?: Change[] };
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
  /** Only for a procedure with a `followUp`: null until the student records something of it. */
  followUp?: FollowUp | null;
}
