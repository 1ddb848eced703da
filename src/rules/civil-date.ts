/**
 * Civil dates ("YYYY-MM-DD") as plain strings, with arithmetic on day numbers.
 * No `Date` object is used: a timestamp shifts across time zones and DST
 * (`new Date('2026-05-01')` prints as 30 April in the Americas), a civil date does not.
 */

export type CivilDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function parts(date: CivilDate): { year: number; month: number; day: number } {
  // Sliced rather than matched: the rules call this on every evaluation, on dates already validated.
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') throw new RangeError(`not a civil date: ${date}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** True for a well-formed, existing calendar date ("2026-02-30" is false). */
export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false;
  const m = PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function fromParts(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
export function toDayNumber(date: CivilDate): number {
  const { year, month, day } = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts(year, month, day);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

// Well-formed civil dates compare correctly as strings (`a < b`): the rules compare them directly.

export function latest(...dates: CivilDate[]): CivilDate {
  return dates.reduce((a, b) => (b > a ? b : a));
}

export function earliest(...dates: CivilDate[]): CivilDate {
  return dates.reduce((a, b) => (b < a ? b : a));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: CivilDate): boolean {
  return isoWeekday(date) >= 6;
}

/**
 * The first calendar year of the academic year a date belongs to:
 * January to September belong to the year that ends then (2026-06-25 → 2025, i.e. 2025-2026),
 * October to December to the one that starts (2026-11-10 → 2026, i.e. 2026-2027). docs/rulings.md §"Master referral".
 */
export function academicYearStart(date: CivilDate): number {
  const { year, month } = parts(date);
  return month >= 10 ? year : year - 1;
}
