/** Dates as the reader reads them: the weekday, "1er" for the first of the month in French, Latin digits in Arabic. */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/ui/format';

describe('formatDate', () => {
  it('writes the first of the month "1er" in French, and no other day', () => {
    expect(formatDate('2026-07-01', true, 'fr')).toBe('mercredi 1er juillet 2026');
    expect(formatDate('2026-07-01', false, 'fr')).toBe('1er juillet 2026');
    expect(formatDate('2026-07-02', true, 'fr')).toBe('jeudi 2 juillet 2026');
    expect(formatDate('2026-07-11', false, 'fr')).toBe('11 juillet 2026');
  });

  it('leaves English alone, and keeps Latin digits in Arabic', () => {
    expect(formatDate('2026-07-01', false, 'en')).toBe('1 July 2026');
    expect(formatDate('2026-07-01', false, 'ar')).toMatch(/^1 .+ 2026$/);
  });
});
