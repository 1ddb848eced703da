/** Pieces the three procedures share: calendar dates as result dates, calendar notes, the authority. */
import { calendarKey, calendarOf, dateIn, FIELDS_OF, type CalendarDate, type FieldOf, type Platform } from '../calendars/index';
import type { Context } from '../context';
import { regionById } from '../regions';
import { unknownDateRelation } from '../sessions';
import type { CivilDate } from '../civil-date';
import type { Authority, Change, DateInfo, Dates, Kind, Note, Status } from '../types';

/** A calendar date of a session as a result date; `null` when the calendar does not know it. */
export function calendarDate(platform: Platform, session: number, field: string, cd: CalendarDate, kind: Kind, rule: string): DateInfo | null {
  if (!cd.date) return null;
  return { date: cd.date, source: cd.source, kind, provisional: cd.provisional, rule, basis: calendarKey(platform, session, field) };
}

/** The same step's dates in the session before, shown as context (labelled with its year) while a calendar is unpublished. */
function previousDates(platform: Platform, session: number, fields: readonly string[]): Record<string, string> | null {
  const previous = calendarOf(platform, session - 1);
  if (!previous.published) return null;
  const out: Record<string, string> = {};
  for (const f of fields) {
    const d = (previous.dates as Record<string, CalendarDate>)[f]?.date;
    if (d) out[f] = d;
  }
  return Object.keys(out).length ? out : null;
}

/**
 * Notes on the calendar behind the dates an answer needs: not yet published (with last session's dates as
 * context), a date the sources do not give, provisional dates, and that the platform's own date prevails.
 * Nothing while the session is not settled: `missing` names it.
 */
export function calendarNotes<P extends Platform>(ctx: Context, platform: P, fields: readonly FieldOf<P>[]): Note[] {
  const session = ctx.session(platform);
  if (session === null) return [];
  const cal = calendarOf(platform, session);
  if (!cal.published) {
    const previous = previousDates(platform, session, fields);
    return [{ id: 'calendar-not-published', kind: 'context', platform, session, ...(previous ? { previousSession: session - 1, previous } : {}) }];
  }
  const notes: Note[] = [];
  // After its season a session's missing date will not be published any more: it was not found.
  const past = unknownDateRelation(platform, session, ctx.today) === 'past';
  for (const field of fields) {
    const cd = cal.dates[field];
    if (cd.date === null) notes.push({ id: past ? 'date-not-found' : 'date-not-published', kind: 'context', platform, session, field });
    else if (cd.provisional) notes.push({ id: 'provisional-date', kind: 'context', platform, session, field, date: cd.date });
  }
  if (fields.some((f) => cal.dates[f].date !== null)) notes.push({ id: 'platform-date-prevails', kind: 'context' });
  return notes;
}

/**
 * Whether a step of a session can still be done today: its last day has not passed; a day the data lacks
 * has not, unless the session's season is over (every date of a session falls in its season).
 */
export function stillAhead<P extends Platform>(platform: P, session: number, field: FieldOf<P>, today: CivilDate, region?: string): boolean {
  const d = dateIn(calendarOf(platform, session).dates[field], region);
  return d !== null ? today <= d : unknownDateRelation(platform, session, today) !== 'past';
}

/**
 * A step of a session's calendar as an action: from its first day (while ahead) until its last. While the
 * calendar is unpublished its dates are `null`, and the same step's dates in the session before come as
 * context, labelled with that year (docs/rulings.md §Sessions), never as the step's own.
 */
export function calendarStep<P extends Platform>(
  platform: P, session: number, today: CivilDate,
  step: { id: string; field: string | null; kind: Kind; from?: FieldOf<P>; until: FieldOf<P> }, region?: string,
): Change {
  const cal = calendarOf(platform, session);
  const from = step.from ? dateIn(cal.dates[step.from], region) : null;
  const change: Change = {
    id: step.id, field: step.field, kind: step.kind, type: 'action', session,
    date: dateIn(cal.dates[step.until], region), ...(from && today < from ? { from } : {}),
  };
  const before = calendarOf(platform, session - 1);
  if (cal.published || !before.published) return change;
  const previous: { from?: CivilDate; date?: CivilDate } = {};
  const was = step.from ? dateIn(before.dates[step.from], region) : null;
  if (was) previous.from = was;
  const until = dateIn(before.dates[step.until], region);
  if (until) previous.date = until;
  return Object.keys(previous).length ? { ...change, previousSession: session - 1, previous } : change;
}

/**
 * Whether a session has started, from its dates in calendar order: the first reached proves it (where the
 * opening itself was not collected); the first known and not reached, with none unknown before it, proves it
 * has not (every later date is later still); an unknown date before that leaves it unknown.
 */
export function startedBy<P extends Platform>(ctx: Context, platform: P, fields: readonly FieldOf<P>[]): boolean | null {
  let unknown = false;
  for (const f of fields) {
    const v = ctx.reached(platform, f);
    if (v === true) return true;
    if (v === null) unknown = true;
    else if (!unknown) return false;
  }
  return unknown ? null : false;
}

/** The student's session's season is over: its calendar's caveats (provisional, not found) no longer matter. */
export const seasonOver = (ctx: Context, platform: Platform): boolean => {
  const s = ctx.session(platform);
  return s !== null && unknownDateRelation(platform, s, ctx.today) === 'past';
};

/** The last day the CAES commissions sit: late September (practice, académie de Paris 2023). */
export const caesSitsUntil = (session: number): CivilDate => `${session}-09-30`;

/** Why the next session is closed to the student: the licence's three years (R612-36-3 II), the bac's recency (practice). */
export type NextClosed = 'licence-too-old' | 'bac-not-recent';

/**
 * After a session: the next one's opening (its first date), or that its calendar is not yet published. For a
 * student the next session cannot take (`closed`: a time-bound condition of theirs, a bac or a licence too old
 * then, would fail for it), the note `next-session-closed` says why instead, so a too-late with no step
 * still gives its reason.
 */
export function nextSessionNote(ctx: Context, platform: Platform, closed: NextClosed | null = null): Note[] {
  const session = ctx.session(platform);
  if (session === null) return [];
  if (closed) {
    const source = closed === 'licence-too-old' ? 'R612-36-3 II' : 'Académie de Paris (2023) ; académie de Reims (2024) ; académie d’Orléans-Tours (« il y a moins de quatre ans »)';
    return [{ id: 'next-session-closed', kind: closed === 'licence-too-old' ? 'law' : 'practice', source, platform, session: session + 1, reason: closed }];
  }
  const next = calendarOf(platform, session + 1);
  // Its opening, or where that was not collected, its first known date.
  const dates = FIELDS_OF[platform].map((f) => (next.dates as Record<string, CalendarDate>)[f]!.date);
  const opens = dates.find((d) => d !== null) ?? null;
  return [{ id: 'next-session', kind: 'context', platform, session: session + 1, published: next.published, opens }];
}

/**
 * The dates of a Parcoursup procedure: it opens on a calendar date and, having no legal end, runs to the
 * last day of the complementary phase (practice); no act-by date. None when the student is not eligible
 * or the session is not settled.
 */
export function parcoursupDates(opening: FieldOf<'parcoursup'>, kind: Kind, rule: string): (ctx: Context, status: Status) => Dates {
  return (ctx, status) => {
    const s = ctx.session('parcoursup');
    if (status === 'not-eligible' || s === null) return { opens: null, deadline: null, actBy: null };
    const cal = calendarOf('parcoursup', s);
    return {
      opens: calendarDate('parcoursup', s, opening, cal.dates[opening], kind, rule),
      deadline: calendarDate('parcoursup', s, 'complementaryEnd', cal.dates.complementaryEnd, 'practice', 'end-of-complementary-phase'),
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
