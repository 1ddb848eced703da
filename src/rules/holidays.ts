/**
 * French national public holidays (Code du travail L3133-1) and the next working day: what a deadline
 * moved past a Saturday, a Sunday or a holiday would become (docs/rulings.md §"Counting days"). Local
 * holidays (Alsace-Moselle's Good Friday and 26 December, overseas abolition days) are not counted.
 */
import { addDays, fromParts, isWeekend, parts, type CivilDate } from './civil-date';

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts(year, month, day);
}

/** The eleven national public holidays of a year, in date order. */
export function publicHolidays(year: number): CivilDate[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${String(year).padStart(4, '0')}-${md}`);
  // Easter Monday, Ascension Thursday (Easter + 39), Whit Monday (Easter + 50).
  return [...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)].sort();
}

export function isPublicHoliday(date: CivilDate): boolean {
  return publicHolidays(parts(date).year).includes(date);
}

/** The day itself when it is a working day, else the next one that is neither a weekend nor a holiday. */
export function nextWorkingDay(date: CivilDate): CivilDate {
  let d = date;
  while (isWeekend(d) || isPublicHoliday(d)) d = addDays(d, 1);
  return d;
}
