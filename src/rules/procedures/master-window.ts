/**
 * The Master referral's window (R612-36-3 I al. 3): fifteen days from the latest of 1° the licence, 2° the
 * last refusal, 3° the teleservice opening, counted as docs/rulings.md §"Counting days" says; and the dates
 * a result shows from it.
 */
import { calendarKey } from '../calendars/index';
import { addDays, latest, type CivilDate } from '../civil-date';
import type { Context } from '../context';
import { ACT_BY_RULE, DEADLINE_RULE, referralWindow } from '../deadlines';
import { seasonEnd, unknownDateRelation } from '../sessions';
import type { Tri } from '../tri';
import type { DateInfo, Dates, Note, Status } from '../types';
import { implicitRefusals, phaseEnd } from './master-answers';

const M = 'master';

/**
 * The teleservice's opening: the day it opened (a calendar date, the day the student gives), or only a day it
 * was open by (`bound`: a referral recorded through it, the season's end), the day it opened being unknown.
 */
export type Opening = { date: CivilDate; from: 'calendar' | 'student' } | { date: CivilDate; from: 'referral' | 'season'; bound: true };
export type OpeningSource = Opening | 'not-open' | undefined;

export const isBound = (o: OpeningSource): o is Extract<Opening, { bound: true }> => typeof o === 'object' && 'bound' in o;

/**
 * The teleservice opening of the student's session: the law counts « à compter de l'ouverture du
 * téléservice » (R612-36-3 I al. 3 3°), the real one. A calendar date that is not provisional is that
 * opening. A provisional one (press) is only a guess: the earliest of it, the day the student gives (the
 * question asks since when it is open) and the day a referral was recorded through it is used; on a tie
 * evidence before the guess (the student's day, the referral's, then the calendar's). A referral proves
 * the service open by its day, not that it opened then: a bound. Every date of a session falls in its
 * season (sessions.ts): after the season's end the service has opened by then, so a day given after it, a
 * "not open yet" seen earlier or a referral after it bound the opening at the season's end. Without a
 * calendar date, before the session's year it is certainly not open; failing all, the day the student saw
 * it open is what is missing (docs/rulings.md §Calendars).
 */
export function opening(ctx: Context): OpeningSource {
  const session = ctx.session('monmaster');
  if (session === null) return undefined;
  const cal = ctx.date('monmaster', 'teleserviceOpening');
  if (cal?.date && !cal.provisional) {
    // The day the student saw, when given, is kept with the answers (never asked): an earlier one gives the
    // safe days (`seenEarlier`) and bounds the referral's record.
    ctx.optionalFact('master.teleserviceOpened');
    return { date: cal.date, from: 'calendar' };
  }
  if (!cal?.date && unknownDateRelation('monmaster', session, ctx.today) === 'future') return 'not-open';
  const end = seasonEnd('monmaster', session);
  const seen = ctx.optionalFact<CivilDate | null>('master.teleserviceOpened');
  const sent = ctx.optionalFact<CivilDate>('master.referralSent');
  const known: Opening[] = [
    ...(seen && seen <= end ? [{ date: seen, from: 'student' as const }] : []),
    ...(sent ? [sent <= end ? { date: sent, from: 'referral' as const, bound: true as const } : { date: end, from: 'season' as const, bound: true as const }] : []),
    ...(cal?.date ? [{ date: cal.date, from: 'calendar' as const }] : []),
  ];
  const first = known.reduce<Opening | undefined>((a, b) => (a === undefined || b.date < a.date ? b : a), undefined);
  if (first) return first;
  if (ctx.today > end && seen !== undefined) return { date: end, from: 'season', bound: true };
  if (seen === null) return 'not-open';
  // Neither: the day the student saw it open is what is missing.
  ctx.fact('master.teleserviceOpened');
  return undefined;
}

/** The last refusal the window counts from: the notified one, or the admission phase's end for implicit ones. */
export function lastRefusal(ctx: Context): CivilDate | null | undefined {
  const refusals = ctx.fact<number>('master.refusals');
  if (refusals === undefined) return undefined;
  const notified = refusals > 0 ? ctx.fact<CivilDate | null>('master.lastRefusalDate') : null;
  if (notified === undefined) return undefined;
  const end = phaseEnd(ctx);
  const arose = implicitRefusals(ctx);
  if (arose === null) return undefined;
  const implicit = arose && end !== null ? end : null;
  if (notified && implicit) return latest(notified, implicit);
  return notified ?? implicit;
}

interface Start { start: CivilDate; point: '1°' | '2°' | '3°'; basis: string; provisional: boolean; source: string }

/** The window's start had the service been open already: the later of the licence (1°) and the last refusal (2°). */
export const startIfOpen = (licence: CivilDate, refusal: CivilDate | null): CivilDate => latest(licence, refusal ?? licence);

/** The day a window opens: its start, or the next day for an implicit refusal, which arises at the end of its day. */
const opensOn = (s: Start): CivilDate => (s.basis.endsWith('.admissionPhaseEnd') ? addDays(s.start, 1) : s.start);

/**
 * R612-36-3 I al. 3: the window starts at the latest of the licence, the last refusal and the opening. An
 * opening known only as a bound may be as early as the others: the earliest start (the safe one) is theirs.
 */
export function windowStart(ctx: Context, open: Opening): Start | undefined {
  const licence = ctx.fact<CivilDate | null>('master.licenceDate');
  const refusal = lastRefusal(ctx);
  const session = ctx.session('monmaster');
  if (!licence || refusal === undefined || session === null) return undefined;
  const own = startIfOpen(licence, refusal);
  const start = isBound(open) ? own : latest(own, open.date);
  // An implicit refusal arises at the end of its day: on a tie it is the later event (opens the next day).
  const implicit = refusal !== null && refusal === phaseEnd(ctx) && implicitRefusals(ctx) === true;
  if (start === licence && !(implicit && start === refusal)) {
    return { start, point: '1°', basis: `${M}.licenceDate`, provisional: false, source: 'R612-36-3 I al. 3 1°' };
  }
  if (refusal && start === refusal) {
    return implicit
      ? { start, point: '2°', basis: calendarKey('monmaster', session, 'admissionPhaseEnd'), provisional: ctx.date('monmaster', 'admissionPhaseEnd')!.provisional, source: 'R612-36-3 I al. 3 2°' }
      : { start, point: '2°', basis: `${M}.lastRefusalDate`, provisional: false, source: 'R612-36-3 I al. 3 2°' };
  }
  return open.from === 'calendar'
    ? { start, point: '3°', basis: calendarKey('monmaster', session, 'teleserviceOpening'), provisional: ctx.date('monmaster', 'teleserviceOpening')!.provisional, source: 'R612-36-3 I al. 3 3°' }
    : { start, point: '3°', basis: `${M}.teleserviceOpened`, provisional: false, source: 'R612-36-3 I al. 3 3°' };
}

/**
 * The window's last day (R612-36-3 I al. 3): one day where the opening is known; where it is only bounded,
 * the earliest (already open before the licence and the last refusal) and the latest (opened on the bound)
 * it can be. Never a last day later than the real one: "in time" only up to the earliest, "too late" only
 * after the latest (docs/rulings.md §Calendars).
 */
export function lastDays(ctx: Context, open: Opening): { start: Start; earliest: CivilDate; latest: CivilDate } | undefined {
  const start = windowStart(ctx, open);
  if (!start) return undefined;
  const earliestDay = referralWindow(start.start).deadline;
  return { start, earliest: earliestDay, latest: isBound(open) ? referralWindow(latest(start.start, open.date)).deadline : earliestDay };
}

/**
 * Whether session `s` still runs today (docs/rulings.md §Sessions): until its season's end (30 September),
 * and after it, for a student whose window started by then, until the latest such window's last day
 * (15 October): the season end decides which session a day belongs to, it never ends fifteen days that have
 * started (R612-36-3 I al. 3), and when the student's own days ran out, the window is the reason
 * (`ma.window-open`), not the session. A window starting after the season (a licence of October is of the
 * next academic year) belongs to the next session. After the season the service has opened, by its end at
 * the latest (every date of a session falls in its season): whether the window started by then rests on the
 * licence and the last refusal alone, never on a sighting of the opening (a later referral may prove it old).
 */
export function sessionRuns(ctx: Context, s: number): Tri {
  const end = seasonEnd('monmaster', s);
  if (ctx.today <= end) return true;
  // No window started by the season's end lasts beyond its fifteenth day; another candidate session's window is not this one's.
  if (ctx.today > referralWindow(end).deadline || ctx.session('monmaster') !== s) return false;
  const licence = ctx.fact<CivilDate | null>('master.licenceDate');
  if (licence === null) return false;
  const refusal = lastRefusal(ctx);
  if (licence === undefined || refusal === undefined) return null;
  // Whether those days have run out is the window's to say (`ma.window-open`): the session only needs it started by then.
  return startIfOpen(licence, refusal) <= end;
}

/**
 * What the student saw against the calendar. `calendar-disagrees` only where the calendar's date is the one
 * used (a student's earlier day against a provisional date is the opening itself). A calendar date that is
 * not provisional computes the window, but the service may have opened on the earlier day the student saw:
 * then the fifteen days ran from that day, and `opening-seen-earlier` gives the safe advice, when that ends
 * earlier and the student has not referred (docs/rulings.md §Calendars).
 */
export function openingNotes(ctx: Context, o: OpeningSource, referred: boolean): Note[] {
  const cal = ctx.date('monmaster', 'teleserviceOpening');
  const seen = ctx.optionalFact<CivilDate | null>('master.teleserviceOpened');
  if (!cal?.date || typeof o !== 'object' || o.from !== 'calendar' || seen === undefined || seen === cal.date) return [];
  const notes: Note[] = [{ id: 'calendar-disagrees', kind: 'context', calendar: cal.date, student: seen }];
  if (cal.provisional || !seen || seen > cal.date || referred) return notes;
  const fromSeen = windowStart(ctx, { date: seen, from: 'student' });
  const fromCal = windowStart(ctx, o);
  if (!fromSeen || !fromCal || fromSeen.start >= fromCal.start) return notes;
  const w = referralWindow(fromSeen.start);
  return [...notes, { id: 'opening-seen-earlier', kind: 'context', source: 'R612-36-3 I al. 3 3°', student: seen, deadline: w.deadline, actBy: w.actBy }];
}

/**
 * A referral sent on `sent`, against the window (R612-36-3 I al. 3), whatever today is and whichever day
 * the service opened within what is known: `in-time` when it came on or after the window opened (at the
 * latest it can have) and by its earliest last day; `late` after its latest last day; otherwise null (the
 * window may not have opened yet, or the last day is not known well enough): the rector judges. A
 * provisional calendar opening is not evidence here (docs/rulings.md §Calendars).
 */
export function referralTiming(ctx: Context, sent: CivilDate): { timing: 'in-time' | 'late'; deadline: CivilDate } | null {
  const found = opening(ctx);
  if (typeof found !== 'object') return null;
  // A press date is a guess: against the referral's day only the referral bounds the opening (it went through
  // the service), so a window counted from the guess never makes it "in time" or "late".
  const guess = found.from === 'calendar' && ctx.date('monmaster', 'teleserviceOpening')?.provisional === true;
  const o: Opening = guess ? { date: sent, from: 'referral', bound: true } : found;
  const days = lastDays(ctx, o);
  if (!days) return null;
  if (sent > days.latest) return { timing: 'late', deadline: days.latest };
  const opens = opensOn(days.start);
  const latestOpens = isBound(o) ? latest(opens, o.date) : opens;
  return latestOpens <= sent && sent <= days.earliest ? { timing: 'in-time', deadline: days.earliest } : null;
}

/**
 * An opening known only as "open by then": between which last days the window ends, and whether the first
 * has passed (what to do then); never said where both are the same day. The student's "not open yet" after
 * the season, or a referral, is never set aside without a word.
 */
export function boundNote(ctx: Context, o: Extract<Opening, { bound: true }>): Note[] {
  const days = lastDays(ctx, o);
  if (!days || days.earliest === days.latest) return [];
  return [{
    id: 'opening-bound', kind: 'context', source: 'R612-36-3 I al. 3 3°', by: o.from, bound: o.date,
    earliest: days.earliest, latest: days.latest, passed: days.earliest < ctx.today,
  }];
}

function dateInfo(date: CivilDate, s: Start, rule: string, kind: DateInfo['kind'] = 'law', source = s.source): DateInfo {
  return { date, source, kind, provisional: s.provisional, rule, basis: s.basis };
}

/** The day after the admission phase: the earliest a waiting list or a pending answer lets the window open. */
function dayAfterPhase(ctx: Context): DateInfo | null {
  const session = ctx.session('monmaster');
  const end = ctx.date('monmaster', 'admissionPhaseEnd');
  if (session === null || !end?.date) return null;
  return {
    date: addDays(end.date, 1), source: end.source, kind: 'law', provisional: end.provisional,
    rule: 'day-after-admission-phase', basis: calendarKey('monmaster', session, 'admissionPhaseEnd'),
  };
}

export function masterDates(ctx: Context, status: Status): Dates {
  const none = { opens: null, deadline: null, actBy: null };
  // No window to show where the student is excluded, or where no route is verified (Wallis-et-Futuna).
  if (status === 'not-eligible' || ctx.result('ma.region-settled') === false) return none;
  if (ctx.result('ma.not-waiting') === false || ctx.result('ma.answers-complete') === false) {
    return { ...none, opens: dayAfterPhase(ctx) };
  }
  // Only a window the walk reached: dates never rest on facts the decision did not read.
  // An open-by bound that cannot tell in time from late gives no dates (the note gives the earliest last day).
  if (ctx.result('ma.window-open') === undefined || ctx.result('ma.window-open') === null) return none;
  const o = opening(ctx);
  if (o === undefined || o === 'not-open') return none;
  const s = windowStart(ctx, o);
  if (!s) return none;
  const w = referralWindow(s.start);
  return {
    opens: dateInfo(opensOn(s), s, `latest-of-licence-last-refusal-opening:${s.point}`),
    deadline: dateInfo(w.deadline, s, DEADLINE_RULE, 'law', 'R612-36-3 I al. 3'),
    actBy: dateInfo(w.actBy, s, ACT_BY_RULE, 'practice', 'R612-36-3 I al. 3'),
  };
}
