/** Display of civil dates in the reader's language (a Date is used for formatting only, never arithmetic). */
import { daysBetween, parts, type CivilDate } from '../rules/civil-date';
import { localToday } from '../today';
import { i18next } from '../i18n';

// Arabic with Latin digits, as in the Maghreb.
const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };

type Shape = 'weekday' | 'date' | 'day-month';
const OPTIONS: Readonly<Record<Shape, Intl.DateTimeFormatOptions>> = {
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  date: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  'day-month': { day: 'numeric', month: 'long', timeZone: 'UTC' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, shape: Shape): Intl.DateTimeFormat {
  const key = `${lang}:${shape}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang] ?? 'fr-FR', OPTIONS[shape]);
    formatters.set(key, f);
  }
  return f;
}

/** Noon UTC of the civil date, formatted in UTC, so no time zone can shift it. */
function format(date: CivilDate, shape: Shape, lang: string): string {
  const { year, month, day } = parts(date);
  const at = new Date(Date.UTC(year, month - 1, day, 12));
  // French writes the first of the month "1er" (« mercredi 1er juillet 2026 »), which Intl does not.
  if (lang === 'fr' && day === 1) {
    return formatter(lang, shape).formatToParts(at).map((p) => (p.type === 'day' ? '1er' : p.value)).join('');
  }
  return formatter(lang, shape).format(at);
}

/** "mercredi 16 juillet 2026", or without the weekday. */
export const formatDate = (date: CivilDate, withWeekday = true, lang = i18next.language): string =>
  format(date, withWeekday ? 'weekday' : 'date', lang);

/** "19 janvier": a day of a year the text names beside it (last session's dates, labelled with their year). */
export const formatDayMonth = (date: CivilDate, lang = i18next.language): string => format(date, 'day-month', lang);

export const daysLeft = (today: CivilDate, until: CivilDate): number => daysBetween(today, until);

/** The day of a moment the app recorded (an ISO timestamp: when answers were saved, or set aside), in local time. */
export const formatDay = (iso: string): string => formatDate(localToday(new Date(iso)), false);
