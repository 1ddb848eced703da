/**
 * The Master referral's answers, counted as R612-36-3 and décret n° 2023-179 count them: applications,
 * positive answers, refusals, waiting lists, placements "en recherche de contrat" (no obstacle, I al. 1), and
 * the refusals that arise at the end of the admission phase. Kept apart from the procedure (its conditions,
 * dates and notes) so that each reads on its own.
 */
import type { CivilDate } from '../civil-date';
import type { Context } from '../context';
import { andThen, known, orElse, type Tri } from '../tri';

/** The end of the Mon Master admission phase: waiting lists and unanswered applications become refusals. */
export const phaseEnd = (ctx: Context): CivilDate | null => ctx.date('monmaster', 'admissionPhaseEnd')?.date ?? null;
export const phaseOver = (ctx: Context): Tri => ctx.passed('monmaster', 'admissionPhaseEnd');

/**
 * Applications placed "en recherche de contrat d'alternance" (R612-36-3 I al. 1: no obstacle; neither a
 * positive answer, nor a refusal, nor pending). Asked only when it matters, yes/no first: a "no" means none.
 * `atMost`: what the other answers leave room for (none when every application is otherwise accounted for).
 */
function contractSearch(ctx: Context, atMost: number): number | undefined {
  if (atMost <= 0) return 0;
  const count = ctx.optionalFact<number>('master.contractSearch');
  if (count !== undefined) return count;
  const any = ctx.fact<boolean>('master.apprenticeshipSearch');
  if (any === undefined) return undefined;
  return any ? ctx.fact<number>('master.contractSearch') : 0;
}

/** Room for contract searches among the applications not answered: a waiting list takes at least one. */
function unanswered(ctx: Context): number | undefined {
  const a = ctx.fact<number>('master.applications');
  const p = ctx.fact<number>('master.positive');
  const r = ctx.fact<number>('master.refusals');
  return a === undefined || p === undefined || r === undefined ? undefined : a - p - r;
}

/**
 * Room for contract searches among the unanswered applications: a waiting list takes one. Unknown until
 * the waiting list is known (asked anyway, and it may leave no room, sparing the question).
 */
function contractRoom(ctx: Context, unanswered: number): number | undefined {
  if (unanswered <= 0) return 0;
  const waiting = ctx.fact<boolean>('master.waitingList');
  return waiting === undefined ? undefined : unanswered - (waiting ? 1 : 0);
}

/** Applications with no answer yet (waiting lists included): the unanswered ones less the contract searches. */
export const pending = (ctx: Context): number | undefined => {
  const open = unanswered(ctx);
  if (open === undefined) return undefined;
  const room = contractRoom(ctx, open);
  const c = room === undefined ? undefined : contractSearch(ctx, room);
  return c === undefined ? undefined : open - c;
};

/**
 * Applications that are or will be refusals reach `atLeast`: all but the positive answers and the
 * contract searches. Asked in the order that asks least: the refusals (needed later anyway) before the
 * contract searches, which matter only when some applications are neither refused nor positive.
 */
export function refusable(ctx: Context, atLeast: number): Tri {
  const a = ctx.fact<number>('master.applications');
  const p = ctx.fact<number>('master.positive');
  if (a === undefined || p === undefined) return null;
  if (a - p < atLeast) return false;
  const given = ctx.optionalFact<number>('master.contractSearch');
  const none = ctx.optionalFact<boolean>('master.apprenticeshipSearch') === false;
  if (given !== undefined || none) return a - p - (given ?? 0) >= atLeast;
  const refusals = ctx.fact<number>('master.refusals');
  if (refusals === undefined) return null;
  if (refusals >= atLeast) return true;
  const room = contractRoom(ctx, a - p - refusals);
  const c = room === undefined ? undefined : contractSearch(ctx, room);
  return c === undefined ? null : a - p - c >= atLeast;
}

/** Refusals reach `atLeast`: after the admission phase every application still without an answer is one (décret 2023-179). */
export const refusalsReach = (ctx: Context, atLeast: number): Tri =>
  phaseOver(ctx) === true ? refusable(ctx, atLeast) : known(ctx.fact<number>('master.refusals'), (n) => n >= atLeast);

/**
 * Whether refusals arose at the phase's end without a notification (waiting list or no answer): unknown
 * while an answer that decides it is (a count of contract searches the student has not given).
 */
export const implicitRefusals = (ctx: Context): Tri => andThen(
  () => orElse(
    () => known(ctx.fact<boolean>('master.waitingList'), (w) => w),
    () => known(pending(ctx), (n) => n > 0),
  ),
  () => phaseOver(ctx),
);
