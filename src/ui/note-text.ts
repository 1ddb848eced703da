/**
 * Notes and changes as sentences. A sentence whose date nobody knows yet (an unpublished calendar, a fact
 * not given) reads its `_nodate` variant, never "votre délai se termine le .": the variant is chosen from
 * the placeholders the sentence itself uses, so a new sentence with a date is covered without a list.
 */
import type { Change, Note } from '../rules/types';
import { i18next, t } from '../i18n';
import { formatDate } from './format';

const CIVIL = /^\d{4}-\d{2}-\d{2}$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Note parameters as the reader should see them: dates formatted, field ids named. */
function params(n: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...n };
  for (const [k, v] of Object.entries(n)) {
    if (typeof v === 'string' && CIVIL.test(v)) out[k] = formatDate(v);
  }
  if (typeof n.field === 'string') out.field = t(`calendarFields.${n.field}`);
  if (typeof n.platform === 'string') out.platform = t(`platforms.${n.platform}`);
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
