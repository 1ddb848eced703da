/**
 * Calendars as data: one JSON file per platform and session (docs/rulings.md §Calendars), listed in `files.ts`
 * (written by `npm run calendar:new`). Every date carries its source and a `provisional` flag; a date
 * nobody has published is `null`. A session whose calendar is not yet announced has a file with
 * `published: false` and every date `null`, or no file at all: the rules treat both alike.
 */
import type { CivilDate } from '../civil-date';
import { CALENDAR_FILES } from './files';

export interface CalendarDate {
  date: CivilDate | null;
  source: string;
  provisional: boolean;
  /**
   * The same step on another day for the candidates of a région académique, where the calendar's own text
   * says so (Parcoursup 2026: wishes close on 19 March for candidates living and schooled in La Réunion).
   */
  regions?: Readonly<Record<string, CivilDate>>;
}

/** A date as it applies to a candidate of `region` (the national date while the région is not known). */
export function dateIn(d: CalendarDate, region: string | undefined): CivilDate | null {
  return (region !== undefined ? d.regions?.[region] : undefined) ?? d.date;
}

export const PARCOURSUP_FIELDS = [
  'wishesOpen', 'wishesClose', 'confirmBy', 'answersStart', 'mainPhaseEnd',
  'complementaryStart', 'complementaryWishesEnd', 'complementaryEnd', 'caesOpening',
] as const;
export const MONMASTER_FIELDS = [
  'applicationsOpen', 'applicationsClose', 'mainAdmissionStart', 'mainAdmissionEnd',
  'complementaryStart', 'complementaryApplicationsClose', 'complementaryEnd', 'admissionPhaseEnd', 'teleserviceOpening',
] as const;

export type Platform = 'parcoursup' | 'monmaster';
export type ParcoursupField = (typeof PARCOURSUP_FIELDS)[number];
export type MonMasterField = (typeof MONMASTER_FIELDS)[number];
export type FieldOf<P extends Platform> = P extends 'parcoursup' ? ParcoursupField : MonMasterField;

export const FIELDS_OF: { readonly [P in Platform]: readonly FieldOf<P>[] } = {
  parcoursup: PARCOURSUP_FIELDS,
  monmaster: MONMASTER_FIELDS,
};

export interface Calendar<F extends string = string> {
  platform: Platform;
  session: number;
  /** False until the session's calendar is announced: every date is then `null`. */
  published: boolean;
  /** When the file was last checked against its sources. */
  updated: CivilDate;
  dates: Record<F, CalendarDate>;
}

export type ParcoursupCalendar = Calendar<ParcoursupField>;
export type MonMasterCalendar = Calendar<MonMasterField>;

const bySession = (platform: Platform) =>
  (CALENDAR_FILES as readonly Calendar[]).filter((c) => c.platform === platform).sort((a, b) => a.session - b.session);

export const PARCOURSUP_CALENDARS = bySession('parcoursup') as ParcoursupCalendar[];
export const MONMASTER_CALENDARS = bySession('monmaster') as MonMasterCalendar[];
export const CALENDARS: { readonly [P in Platform]: readonly Calendar<FieldOf<P>>[] } = {
  parcoursup: PARCOURSUP_CALENDARS,
  monmaster: MONMASTER_CALENDARS,
};

// Read for every date a condition compares: a lookup, not a search; an unpublished session's calendar is
// made once, then found the same way.
const BY_SESSION: { readonly [P in Platform]: Map<number, Calendar> } = {
  parcoursup: new Map(PARCOURSUP_CALENDARS.map((c) => [c.session, c])),
  monmaster: new Map(MONMASTER_CALENDARS.map((c) => [c.session, c])),
};

const UNKNOWN: CalendarDate = Object.freeze({ date: null, source: '', provisional: true });

/**
 * A session's calendar. A session with no file (before the first collected one, or after the newest)
 * is an unpublished calendar: every date `null`, so that no other session's date stands in for it.
 */
export function calendarOf<P extends Platform>(platform: P, session: number): Calendar<FieldOf<P>> {
  const known = BY_SESSION[platform];
  let cal = known.get(session);
  if (!cal) {
    const dates = Object.fromEntries(FIELDS_OF[platform].map((f) => [f, UNKNOWN]));
    cal = Object.freeze({ platform, session, published: false, updated: CALENDARS_CHECKED, dates });
    known.set(session, cal);
  }
  return cal as Calendar<FieldOf<P>>;
}

/** When the newest calendar file was last checked: the data's horizon, shown by the app. */
export const CALENDARS_CHECKED: CivilDate = (CALENDAR_FILES as readonly Calendar[])
  .map((c) => c.updated).reduce((a, b) => (a > b ? a : b));

export function provisionalFields<F extends string>(cal: Calendar<F>): F[] {
  return (Object.keys(cal.dates) as F[]).filter((f) => cal.dates[f].date !== null && cal.dates[f].provisional);
}

export function unpublishedFields<F extends string>(cal: Calendar<F>): F[] {
  return (Object.keys(cal.dates) as F[]).filter((f) => cal.dates[f].date === null);
}

/** The key that names a calendar date in `missing` and in a result date's `basis`. */
export const calendarKey = (platform: Platform, session: number, field: string): string =>
  `calendar:${platform}-${session}.${field}`;

/** A key `calendarKey` wrote, read back; null for any other string. */
export function parseCalendarKey(key: string): { platform: Platform; session: number; field: string } | null {
  const m = /^calendar:([a-z]+)-(\d{4})\.(\w+)$/.exec(key);
  const platform = m?.[1] as Platform | undefined;
  return m && platform && platform in FIELDS_OF ? { platform, session: Number(m[2]), field: m[3]! } : null;
}
