/** Which session an answer is about (docs/rulings.md §Sessions): the facts, a bac year after this year, today's season, or asked. */
import { describe, expect, it } from 'vitest';
import { calendarOf, PARCOURSUP_CALENDARS } from '../../src/rules/calendars/index';
import { addDays } from '../../src/rules/civil-date';
import { resolveSession, seasonEnd, seasonSession, sessionChoices, unknownDateRelation } from '../../src/rules/sessions';

// The newest session with a published calendar, and the one after it: the tests follow the data.
const newest = Math.max(...PARCOURSUP_CALENDARS.filter((c) => c.published).map((c) => c.session));
const end = calendarOf('parcoursup', newest).dates.complementaryEnd.date!;

describe('sessions', () => {
  it('a season runs from 1 January to the last day of the complementary phase (Parcoursup) or 30 September (Mon Master)', () => {
    expect(seasonSession('parcoursup', `${newest}-01-01`)).toBe(newest);
    expect(seasonSession('parcoursup', end)).toBe(newest);
    expect(seasonSession('parcoursup', addDays(end, 1))).toBeNull();
    expect(seasonSession('parcoursup', `${newest}-12-31`)).toBeNull();
    expect(seasonSession('monmaster', `${newest}-09-30`)).toBe(newest);
    expect(seasonSession('monmaster', `${newest}-10-01`)).toBeNull();
    // An unpublished calendar's season ends on 30 September.
    expect(seasonEnd('parcoursup', newest + 1)).toBe(`${newest + 1}-09-30`);
  });

  it('the facts win, then a bac year after this year, then the season; between seasons nothing settles it', () => {
    const dec = `${newest}-12-01`;
    expect(resolveSession('parcoursup', { session: newest }, dec)).toMatchObject({ session: newest, from: 'facts' });
    expect(resolveSession('parcoursup', { bacYear: newest + 1 }, dec)).toMatchObject({ session: newest + 1, from: 'bac-year' });
    expect(resolveSession('parcoursup', { bacYear: newest }, dec)).toMatchObject({ session: null, candidates: [newest, newest + 1] });
    expect(resolveSession('monmaster', {}, dec)).toMatchObject({ session: null, candidates: [newest, newest + 1] });
    expect(resolveSession('monmaster', {}, `${newest + 1}-01-01`)).toMatchObject({ session: newest + 1, from: 'season' });
    // A bac year does not settle a Mon Master session.
    expect(resolveSession('monmaster', { bacYear: newest + 1 }, dec).session).toBeNull();
  });

  it('offers the session just ended and the next between seasons; in season, the current one too', () => {
    expect(sessionChoices('parcoursup', `${newest}-12-01`)).toEqual([
      { session: newest, state: 'ended' }, { session: newest + 1, state: 'next' },
    ]);
    expect(sessionChoices('monmaster', `${newest}-03-01`)).toEqual([
      { session: newest - 1, state: 'ended' }, { session: newest, state: 'current' }, { session: newest + 1, state: 'next' },
    ]);
  });

  it('an unknown date of session S is to come before year S, past after it, unknown within it', () => {
    for (const platform of ['parcoursup', 'monmaster'] as const) {
      expect(unknownDateRelation(platform, newest + 1, `${newest}-12-31`)).toBe('future');
      expect(unknownDateRelation(platform, newest + 1, `${newest + 1}-01-01`)).toBe('unknown');
      // An unpublished session's season ends on 30 September: every date of it lies before.
      expect(unknownDateRelation(platform, newest + 1, `${newest + 1}-09-30`)).toBe('unknown');
      expect(unknownDateRelation(platform, newest + 1, `${newest + 1}-10-01`)).toBe('past');
      expect(unknownDateRelation(platform, newest + 1, `${newest + 2}-01-01`)).toBe('past');
    }
  });
});
