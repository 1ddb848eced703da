/**
 * Counting the days of R612-36-3 (docs/rulings.md §"Counting days"): the 15 days to refer to the rector (I al. 3)
 * and the 8 days to answer each of the rector's proposals (I al. 8). No text fixes the counting for this
 * teleservice: the day of the event is not counted, and a deadline on a weekend or a holiday is NOT
 * extended (the general rule of the Code de procédure civile is not settled here, so the product stays on
 * the safe side). A safer "act by" date one day earlier absorbs a time-zone or notification-time doubt.
 * Both delays are counted here, once, the same way.
 */
import { addDays, isoWeekday, type CivilDate } from './civil-date';
import { isPublicHoliday, nextWorkingDay } from './holidays';
import type { Note } from './types';

/** R612-36-3 I al. 3: « dans un délai de quinze jours ». */
export const REFERRAL_DAYS = 15;
/** R612-36-3 I al. 8: « dans un délai de huit jours suivant sa notification ». */
export const PROPOSAL_DAYS = 8;

export interface Window {
  /** The event the days count from (not counted itself). */
  start: CivilDate;
  /** The last day. */
  deadline: CivilDate;
  /** One day earlier: the date the product advises. */
  actBy: CivilDate;
}

/** The `rule` of a deadline counted this way, in the result (docs/facts-format.md §"Date rules"). */
export const deadlineRule = (days: number): string => `event-day-excluded-${days}-days-no-extension`;
export const DEADLINE_RULE = deadlineRule(REFERRAL_DAYS);
export const ACT_BY_RULE = 'one-day-before-deadline';

/** `days` days from `start`, the start day not counted, the last day never moved. */
export function windowOf(start: CivilDate, days: number): Window {
  const deadline = addDays(start, days);
  return { start, deadline, actBy: addDays(deadline, -1) };
}

/** The fifteen days to refer to the rector, from the latest of the licence, the last refusal and the opening. */
export const referralWindow = (start: CivilDate): Window => windowOf(start, REFERRAL_DAYS);

/** The eight days to answer one of the rector's proposals, from its notification. */
export const proposalWindow = (notified: CivilDate): Window => windowOf(notified, PROPOSAL_DAYS);

/**
 * The last day moved past a Saturday, a Sunday or a French national public holiday: what the general rule
 * would make of it. Never advised (the deadline is not extended); only an answer already given by then is
 * not judged late (docs/rulings.md §"Counting days").
 */
export const movedDeadline = (deadline: CivilDate): CivilDate => nextWorkingDay(deadline);

/**
 * The note that a last day on a Saturday or Sunday, or on a French national public holiday, is not moved to
 * the next working day (a weekend first: its note came first and keeps its meaning); none on a working day.
 */
export function notExtendedNote(deadline: CivilDate, actBy: CivilDate | null): Note[] {
  const weekday = isoWeekday(deadline);
  if (weekday >= 6) return [{ id: 'deadline-on-weekend-not-extended', kind: 'context', date: deadline, actBy, weekday }];
  if (isPublicHoliday(deadline)) return [{ id: 'deadline-on-holiday-not-extended', kind: 'context', date: deadline, actBy }];
  return [];
}

/**
 * An answer to a proposal not judged late: given on a day not given (the student's record is believed), or
 * on or before the last day moved to the next working day. Only such an acceptance ends the referral
 * (docs/rulings.md §"After the referral").
 */
export const answeredInTime = (notified: CivilDate, answered: CivilDate | undefined): boolean =>
  answered === undefined || answered <= movedDeadline(proposalWindow(notified).deadline);
