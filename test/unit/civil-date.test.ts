import { describe, expect, it } from 'vitest';
import {
  academicYearStart, addDays, daysBetween, fromDayNumber, isCivilDate, isoWeekday, isWeekend, latest, toDayNumber,
} from '../../src/rules/civil-date';

describe('civil dates', () => {
  it('accepts only dates that exist', () => {
    expect(isCivilDate('2026-02-28')).toBe(true);
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2024-02-29')).toBe(true);
    expect(isCivilDate('2100-02-29')).toBe(false);
    expect(isCivilDate('2000-02-29')).toBe(true);
    expect(isCivilDate('2026-02-30')).toBe(false);
    expect(isCivilDate('2026-13-01')).toBe(false);
    expect(isCivilDate('2026-04-31')).toBe(false);
    expect(isCivilDate('2026-4-01')).toBe(false);
    expect(isCivilDate('2026-04-01T00:00')).toBe(false);
    expect(isCivilDate(20260401)).toBe(false);
  });

  it('round-trips day numbers over four centuries', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    for (let n = -150000; n < 150000; n += 37) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });

  it('adds days across month, year and leap-day boundaries, with no DST drift', () => {
    expect(addDays('2026-07-01', 15)).toBe('2026-07-16');
    expect(addDays('2026-12-25', 15)).toBe('2027-01-09');
    expect(addDays('2024-02-20', 15)).toBe('2024-03-06');
    expect(addDays('2026-03-20', 15)).toBe('2026-04-04');
    expect(addDays('2026-10-20', 15)).toBe('2026-11-04');
    expect(addDays('2026-07-16', -1)).toBe('2026-07-15');
    expect(daysBetween('2026-07-01', '2026-07-16')).toBe(15);
  });

  it('knows weekdays (ISO, Monday = 1)', () => {
    expect(isoWeekday('2026-07-25')).toBe(6);
    expect(isoWeekday('2026-07-26')).toBe(7);
    expect(isoWeekday('2026-07-27')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isWeekend('2026-07-25')).toBe(true);
    expect(isWeekend('2026-07-24')).toBe(false);
  });

  it('places a date in its academic year: January–September end it, October–December start it', () => {
    expect(academicYearStart('2026-06-25')).toBe(2025);
    expect(academicYearStart('2026-09-30')).toBe(2025);
    expect(academicYearStart('2026-10-01')).toBe(2026);
    expect(academicYearStart('2026-12-31')).toBe(2026);
  });

  it('takes the latest of several dates', () => {
    expect(latest('2026-06-25', '2026-07-01', '2026-06-20')).toBe('2026-07-01');
  });
});
