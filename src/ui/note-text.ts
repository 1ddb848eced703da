/**
 * Notes and changes as sentences. A sentence whose date nobody knows yet (an unpublished calendar, a fact
 * not given) reads its `_nodate` variant, never "votre délai se termine le .": the variant is chosen from
 * the placeholders the sentence itself uses, so a new sentence with a date is covered without a list.
 */
import type { Change, Note } from '../rules/types';
import { i18next, t } from '../i18n';
import { formatDate, formatDayMonth } from './format';

const CIVIL = /^\d{4}-\d{2}-\d{2}$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The notes whose `reason` is a clause of their own, and where its words are. */
const REASONS: Readonly<Record<string, string>> = { 'next-session-closed': 'nextSessionClosed', 'rector-judges-admissibility': 'rectorJudges' };

/** Note parameters as the reader should see them: dates formatted, field ids named. */
function params(n: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...n };
  for (const [k, v] of Object.entries(n)) {
    if (typeof v === 'string' && CIVIL.test(v)) out[k] = formatDate(v);
  }
  if (typeof n.field === 'string') out.field = t(`calendarFields.${n.field}`);
  if (typeof n.platform === 'string') out.platform = t(`platforms.${n.platform}`);
  // Why a next session is closed to the student, why the rector judges: a clause of the sentence.
  const reasons = REASONS[n.id as string];
  if (reasons && typeof n.reason === 'string') out.reason = t(`${reasons}.${n.reason}`);
  // An opening known only as "open by then": where that comes from, and what to do.
  if (n.id === 'opening-bound') {
    out.origin = t(`openingBound.${n.by === 'season' ? 'season' : 'referral'}`, { bound: out.bound });
    out.advice = t(`openingBound.${n.passed === true ? 'passed' : 'open'}`);
  }
  // Last session's dates, labelled with their year, as context for an unpublished calendar.
  const previous = n.previous as Record<string, string> | undefined;
  out.previous = previous
    ? t('notes.previousSession', {
        session: n.previousSession,
        dates: new Intl.ListFormat(i18next.language, { type: 'unit' })
          .format(Object.entries(previous).map(([f, d]) => `${t(`calendarFields.${f}`)} ${formatDate(d, false)}`)),
      })
    : '';
  return out;
}

/** The sentence as written in the reader's language (French when it has none). */
const template = (key: string): string => {
  for (const lng of [i18next.language, 'fr']) {
    const s = i18next.getResource(lng, 'translation', key) as unknown;
    if (typeof s === 'string') return s;
  }
  return '';
};

/**
 * `key` said with `values`; when a value the sentence needs is missing (a date not known), its `_nodate`
 * variant, worded without it.
 */
export function sentence(key: string, values: Readonly<Record<string, unknown>>): string {
  const p = params(values);
  const holes = [...template(key).matchAll(PLACEHOLDER)].some(([, name]) => p[name!] === null || p[name!] === undefined);
  return t(key, holes ? { ...p, context: 'nodate' } : p);
}

export const noteText = (n: Note): string => sentence(`notes.${n.id}`, n);
export const changeText = (c: Change): string => sentence(`changes.${c.id}`, c as unknown as Record<string, unknown>);

/** Last session's days for the same step, by day and month: the year is in the label. */
function previousRange(p: NonNullable<Change['previous']>): string {
  const day = (d: string) => formatDayMonth(d);
  if (p.from && p.date) return t('result.when.previousBetween', { from: day(p.from), date: day(p.date) });
  return p.date ? t('result.when.previousUntil', { date: day(p.date) }) : t('result.when.previousFrom', { from: day(p.from!) });
}

/**
 * When an action can be done, beside it as its own line: its first and last days; while its session's
 * calendar is unpublished, that said, with last session's days labelled as such. Null for an action
 * bound to no day (papers to gather, the rectorat to contact) and for events, whose sentence dates them.
 */
export function changeWhen(c: Change): string | null {
  if (c.type !== 'action' || !('date' in c)) return null;
  const from = c.from ? formatDate(c.from) : null;
  if (c.date) return from ? t('result.when.between', { from, date: formatDate(c.date) }) : t('result.when.until', { date: formatDate(c.date) });
  if (from) return t('result.when.fromOnly', { from });
  if (c.previous && c.previousSession) return t('result.when.previous', { session: c.session, previousSession: c.previousSession, range: previousRange(c.previous) });
  return t('result.when.noDate');
}
