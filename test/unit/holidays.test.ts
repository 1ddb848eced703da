/** French national public holidays and the next working day (docs/rulings.md §"Counting days"). */
import { describe, expect, it } from 'vitest';
import { easterSunday, isPublicHoliday, nextWorkingDay, publicHolidays } from '../../src/rules/holidays';

describe('French public holidays', () => {
  it('computes Easter Sunday for known years', () => {
    expect([2024, 2025, 2026, 2027, 2028].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16']);
  });

  it('lists the eleven national holidays, Easter-based ones included', () => {
    expect(publicHolidays(2026)).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
    // Easter Monday, Ascension Thursday, Whit Monday.
    expect(publicHolidays(2024)).toEqual(expect.arrayContaining(['2024-04-01', '2024-05-09', '2024-05-20']));
    expect(publicHolidays(2025)).toEqual(expect.arrayContaining(['2025-04-21', '2025-05-29', '2025-06-09']));
    expect(publicHolidays(2027)).toEqual(expect.arrayContaining(['2027-03-29', '2027-05-06', '2027-05-17']));
    expect(publicHolidays(2028)).toEqual(expect.arrayContaining(['2028-04-17', '2028-05-25', '2028-06-05']));
  });

  it('counts no local holiday (Alsace-Moselle, overseas)', () => {
    expect(isPublicHoliday('2026-04-03')).toBe(false); // Good Friday
    expect(isPublicHoliday('2026-12-26')).toBe(false);
    expect(isPublicHoliday('2026-05-27')).toBe(false); // abolition, Guadeloupe
  });

  it('moves a day past weekends and holidays to the next working day', () => {
    expect(nextWorkingDay('2026-07-22')).toBe('2026-07-22'); // a Wednesday
    expect(nextWorkingDay('2026-07-25')).toBe('2026-07-27'); // Saturday → Monday
    expect(nextWorkingDay('2026-07-14')).toBe('2026-07-15'); // Bastille Day, a Tuesday
    expect(nextWorkingDay('2026-08-15')).toBe('2026-08-17'); // a Saturday holiday → Monday
    expect(nextWorkingDay('2027-08-14')).toBe('2027-08-16'); // Saturday, Sunday 15 August → Monday
    expect(nextWorkingDay('2026-05-23')).toBe('2026-05-26'); // Saturday, Sunday, Whit Monday → Tuesday
  });
});
