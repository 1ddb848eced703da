/**
 * The clock, read in one place outside the rules: today's civil date in the device's (or machine's) local
 * time zone. The rules never read it: they take today as an input (the app's day, the CLI's --today).
 */
import { fromParts, type CivilDate } from './rules/civil-date';

export function localToday(now: Date = new Date()): CivilDate {
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
