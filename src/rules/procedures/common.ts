/** Pieces the three procedures share: calendar dates as result dates, calendar notes, the authority. */
import type { CalendarDate, ParcoursupField } from '../calendars/index';
import type { Authority, Context, DateInfo, Dates, Kind, Note, Status } from '../engine';
import { regionById } from '../regions';

/** A calendar date as a result date; `null` when the calendar does not know it. */
export function calendarDate(
  platform: 'parcoursup' | 'monmaster', session: number, field: string, cd: CalendarDate, kind: Kind, rule: string,
): DateInfo | null {
  if (!cd.date) return null;
  return { date: cd.date, source: cd.source, kind, provisional: cd.provisional, rule, basis: `calendar:${platform}-${session}.${field}` };
}

// A handful of entries (session choices are one object per calendar and fallback, lists of fields are
// module constants), searched by identity: faster than two maps on every evaluation.
const notesMemo: { choice: object; fields: readonly string[]; notes: readonly Note[] }[] = [];

/**
 * Notes on the calendar behind the dates shown: fallback year, provisional and unpublished dates.
 * They depend on the session alone: computed once per session and shared (frozen) by every result.
 */
export function calendarNotes(ctx: Context, platform: 'parcoursup' | 'monmaster', fields: readonly string[]): readonly Note[] {
  const choice = platform === 'parcoursup' ? ctx.ps : ctx.mm;
  for (const m of notesMemo) if (m.choice === choice && m.fields === fields) return m.notes;
  const notes = Object.freeze(sessionNotes(choice, platform, fields).map((n) => Object.freeze(n)));
  notesMemo.push({ choice, fields, notes });
  return notes;
}

function sessionNotes(choice: Context['ps'] | Context['mm'], platform: 'parcoursup' | 'monmaster', fields: readonly string[]): Note[] {
  const cal = choice.calendar as { session: number; dates: Record<string, CalendarDate> };
  const notes: Note[] = [];
  if (choice.fallback) notes.push({ id: 'calendar-fallback', kind: 'context', platform, session: cal.session });
  for (const field of fields) {
    const cd = cal.dates[field]!;
    if (cd.date === null) notes.push({ id: 'date-not-published', kind: 'context', platform, session: cal.session, field });
    else if (cd.provisional) notes.push({ id: 'provisional-date', kind: 'context', platform, session: cal.session, field, date: cd.date });
  }
  if (fields.length) notes.push({ id: 'platform-date-prevails', kind: 'context' });
  return notes;
}

/**
 * The dates of a Parcoursup procedure: it opens on a calendar date and, having no legal end, runs to the
 * last day of the complementary phase (practice); no act-by date. None when the student is not eligible.
 */
export function parcoursupDates(opening: ParcoursupField, kind: Kind, rule: string): (ctx: Context, status: Status) => Dates {
  return (ctx, status) => {
    if (status === 'not-eligible') return { opens: null, deadline: null, actBy: null };
    const s = ctx.ps.calendar.session;
    return {
      opens: calendarDate('parcoursup', s, opening, ctx.parcoursup(opening), kind, rule),
      deadline: calendarDate('parcoursup', s, 'complementaryEnd', ctx.parcoursup('complementaryEnd'), 'practice', 'end-of-complementary-phase'),
      actBy: null,
    };
  };
}

/** The rector (or vice-rector) of a région, from the fact at `path`; null while it is unknown. */
export function authorityOf(ctx: Context, path: string): Authority | null {
  const id = ctx.fact<string>(path);
  const region = id === undefined ? undefined : regionById(id);
  return region ? { kind: region.authority, region: region.id } : null;
}
