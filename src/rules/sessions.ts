/**
 * Which session an answer is about (docs/rulings.md §Sessions): the rentrée the student seeks. Parcoursup session S is
 * the rentrée of September S; Mon Master session S, the M1 rentrée of September S. Every date of an answer
 * comes from that one session's calendar. Pure: today is an input.
 */
import { calendarOf, type Platform } from './calendars/index';
import type { CivilDate } from './civil-date';

const yearOf = (d: CivilDate): number => Number(d.slice(0, 4));

/** The fact that names a platform's session (the rentrée sought). */
export const SESSION_FACT: Readonly<Record<Platform, string>> = { parcoursup: 'parcoursup.session', monmaster: 'master.session' };

/**
 * The last day of session S's season, the days on which today alone settles the session: Parcoursup, the
 * last day of its complementary phase (30 September while unpublished); Mon Master, 30 September (the last
 * referral windows of the summer included).
 */
export function seasonEnd(platform: Platform, session: number): CivilDate {
  if (platform === 'parcoursup') {
    const end = calendarOf('parcoursup', session).dates.complementaryEnd.date;
    if (end) return end;
  }
  return `${session}-09-30`;
}

/** The session whose season contains today (1 January to its end), or null between seasons. */
export function seasonSession(platform: Platform, today: CivilDate): number | null {
  const year = yearOf(today);
  return today <= seasonEnd(platform, year) ? year : null;
}

export type SessionState = 'ended' | 'current' | 'next';

/**
 * The sessions a student may mean today: the one just ended, the current one (in its season) and the
 * next. Between seasons: the one just ended and the next (the question the questionnaire asks).
 */
export function sessionChoices(platform: Platform, today: CivilDate): { session: number; state: SessionState }[] {
  const year = yearOf(today);
  return seasonSession(platform, today) === null
    ? [{ session: year, state: 'ended' }, { session: year + 1, state: 'next' }]
    : [{ session: year - 1, state: 'ended' }, { session: year, state: 'current' }, { session: year + 1, state: 'next' }];
}

export interface SessionFacts {
  /** `parcoursup.session` / `master.session`. */
  session?: number;
  /** Parcoursup only: a bac year after today's year settles the session. */
  bacYear?: number;
}

export type SessionOrigin = 'facts' | 'bac-year' | 'season';

export interface Resolved {
  /** null: not settled (between seasons, nothing in the facts): ask. */
  session: number | null;
  from: SessionOrigin | null;
  /** The sessions still possible: one when settled, otherwise those the student may mean. */
  candidates: readonly number[];
}

/** The student's session: from the facts, then a bac year after today's year, then today's season. */
export function resolveSession(platform: Platform, given: SessionFacts, today: CivilDate): Resolved {
  if (given.session !== undefined) return { session: given.session, from: 'facts', candidates: [given.session] };
  if (platform === 'parcoursup' && given.bacYear !== undefined && given.bacYear > yearOf(today)) {
    return { session: given.bacYear, from: 'bac-year', candidates: [given.bacYear] };
  }
  const season = seasonSession(platform, today);
  if (season !== null) return { session: season, from: 'season', candidates: [season] };
  return { session: null, from: null, candidates: sessionChoices(platform, today).map((c) => c.session) };
}

/**
 * Whether a session's calendar date is past, for a date the data lacks: every date of session S falls in
 * its season, from 1 January of year S to the season's end (the data tests check it), so before that year
 * it is certainly to come and after the season certainly past; within the season, nobody knows.
 */
export function unknownDateRelation(platform: Platform, session: number, today: CivilDate): 'future' | 'past' | 'unknown' {
  if (yearOf(today) < session) return 'future';
  return today > seasonEnd(platform, session) ? 'past' : 'unknown';
}

/**
 * Each session fact and the facts that may settle it, in the order to ask them while it is not settled:
 * every other answer is read against the session, so these come first (a bac year after this year
 * settles Parcoursup's without the plain question).
 */
export const SETTLES_SESSION: Readonly<Record<string, readonly string[]>> = {
  [SESSION_FACT.parcoursup]: ['parcoursup.bacYear', SESSION_FACT.parcoursup],
  [SESSION_FACT.monmaster]: [SESSION_FACT.monmaster],
};

/**
 * Facts asked even before the session: they may decide for every session the student may mean (a licence
 * professionnelle, a licence too old for the rentrée just past and the next: R612-36-3 I al. 1, II), so the
 * plain question about the rentrée is not asked of a student it would not help (docs/rulings.md §Sessions).
 */
const ASKED_BEFORE_SESSION: Readonly<Record<string, readonly string[]>> = {
  [SESSION_FACT.monmaster]: ['master.licence', 'master.licenceDate'],
};

/** The facts to ask first given what is missing: those that settle a session not settled yet, and those asked before it. */
export function askedFirst(missing: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [session, settle] of SETTLING) {
    if (!missing.has(session)) continue;
    for (const f of ASKED_BEFORE_SESSION[session] ?? []) if (missing.has(f)) out.push(f);
    out.push(...settle);
  }
  return out;
}

// Read on every evaluation with something missing: listed once.
const SETTLING = Object.entries(SETTLES_SESSION);
