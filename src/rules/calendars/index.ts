/**
 * Calendars as data: one JSON file per platform and session (domain.md §5).
 * Every date carries its source and a `provisional` flag; a date nobody has published is `null`.
 * Adding next year = one more file imported below (README, "Adding next year's calendar").
 */
import type { CivilDate } from '../civil-date';
import ps2024 from './parcoursup-2024.json';
import ps2025 from './parcoursup-2025.json';
import ps2026 from './parcoursup-2026.json';
import mm2024 from './monmaster-2024.json';
import mm2025 from './monmaster-2025.json';
import mm2026 from './monmaster-2026.json';

export interface CalendarDate {
  date: CivilDate | null;
  source: string;
  provisional: boolean;
}

export const PARCOURSUP_FIELDS = [
  'wishesOpen', 'wishesClose', 'confirmBy', 'answersStart', 'mainPhaseEnd',
  'complementaryStart', 'complementaryEnd', 'caesOpening',
] as const;
export const MONMASTER_FIELDS = [
  'applicationsOpen', 'applicationsClose', 'mainAdmissionStart', 'mainAdmissionEnd',
  'complementaryStart', 'complementaryEnd', 'admissionPhaseEnd', 'teleserviceOpening',
] as const;

export type ParcoursupField = (typeof PARCOURSUP_FIELDS)[number];
export type MonMasterField = (typeof MONMASTER_FIELDS)[number];

export interface Calendar<F extends string> {
  platform: 'parcoursup' | 'monmaster';
  session: number;
  /** When the file was last checked against its sources. */
  updated: CivilDate;
  dates: Record<F, CalendarDate>;
}

export type ParcoursupCalendar = Calendar<ParcoursupField>;
export type MonMasterCalendar = Calendar<MonMasterField>;

export const PARCOURSUP_CALENDARS = [ps2024, ps2025, ps2026] as ParcoursupCalendar[];
export const MONMASTER_CALENDARS = [mm2024, mm2025, mm2026] as MonMasterCalendar[];

/** The calendar in force on `today`, and whether it is a fallback (check-format.md, "The session"). */
export interface SessionChoice<C> {
  calendar: C;
  /** True when today is past every known calendar's year: the latest one is shown, labelled as its year. */
  fallback: boolean;
}

/** A session has started on its opening date (Parcoursup: wishes; Mon Master: applications). */
type AnyCalendar = { session: number; dates: Record<string, CalendarDate> };

function sessionStart(cal: AnyCalendar, opening: string): CivilDate {
  const known = cal.dates[opening]?.date;
  if (known) return known;
  // The opening was not collected for an old session: its earliest known date is a safe lower bound.
  const dates = Object.values<CalendarDate>(cal.dates).map((d) => d.date).filter((d): d is CivilDate => d !== null);
  return dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : `${cal.session}-12-31`;
}

export function chooseSession<C extends AnyCalendar>(calendars: readonly C[], opening: string, today: CivilDate): SessionChoice<C> {
  const sorted = [...calendars].sort((a, b) => a.session - b.session);
  const started = sorted.filter((c) => sessionStart(c, opening) <= today);
  const latest = sorted[sorted.length - 1]!;
  const calendar = started.length ? started[started.length - 1]! : sorted[0]!;
  const year = Number(today.slice(0, 4));
  // Before the first known session or past the last one, no calendar covers today: say so.
  return { calendar, fallback: year > latest.session || started.length === 0 };
}

// Every evaluation asks for the session of its day: remember the answer per day (the data never changes),
// as one object per calendar and fallback, so that what depends on the session alone is memoized on a handful of keys.
const psMemo = new Map<CivilDate, SessionChoice<ParcoursupCalendar>>();
const mmMemo = new Map<CivilDate, SessionChoice<MonMasterCalendar>>();
const canonical: SessionChoice<unknown>[] = [];

function memoized<C>(memo: Map<CivilDate, SessionChoice<C>>, today: CivilDate, choose: () => SessionChoice<C>): SessionChoice<C> {
  let choice = memo.get(today);
  if (!choice) {
    const fresh = choose();
    choice = canonical.find((c) => c.calendar === fresh.calendar && c.fallback === fresh.fallback) as SessionChoice<C> | undefined;
    if (!choice) canonical.push((choice = fresh));
    memo.set(today, choice);
  }
  return choice;
}

export function parcoursupSession(today: CivilDate): SessionChoice<ParcoursupCalendar> {
  return memoized(psMemo, today, () => chooseSession(PARCOURSUP_CALENDARS, 'wishesOpen', today));
}

export function monMasterSession(today: CivilDate): SessionChoice<MonMasterCalendar> {
  return memoized(mmMemo, today, () => chooseSession(MONMASTER_CALENDARS, 'applicationsOpen', today));
}

export function provisionalFields<F extends string>(cal: Calendar<F>): F[] {
  return (Object.keys(cal.dates) as F[]).filter((f) => cal.dates[f].date !== null && cal.dates[f].provisional);
}

export function unpublishedFields<F extends string>(cal: Calendar<F>): F[] {
  return (Object.keys(cal.dates) as F[]).filter((f) => cal.dates[f].date === null);
}
