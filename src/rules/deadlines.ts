/**
 * Counting the 15 days of R612-36-3 I (docs/rulings.md §"Counting days"). No text fixes the counting for this teleservice:
 * the day of the event is not counted, and a deadline on a weekend or a holiday is NOT extended (the
 * general rule of the Code de procédure civile is not settled here, so the product stays on the safe side).
 * A safer "act by" date one day earlier absorbs a time-zone or notification-time doubt.
 */
import { addDays, type CivilDate } from './civil-date';

export const REFERRAL_DAYS = 15;

export interface Window {
  /** The event the 15 days count from (not counted itself). */
  start: CivilDate;
  /** The last day of the 15. */
  deadline: CivilDate;
  /** One day earlier: the date the product advises. */
  actBy: CivilDate;
}

export const DEADLINE_RULE = 'event-day-excluded-15-days-no-extension';
export const ACT_BY_RULE = 'one-day-before-deadline';

export function referralWindow(start: CivilDate): Window {
  const deadline = addDays(start, REFERRAL_DAYS);
  return { start, deadline, actBy: addDays(deadline, -1) };
}
