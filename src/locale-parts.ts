/**
 * locales/<lang>.json is one file per language (what translators edit, what the tests check), imported
 * by the app in parts: `shell`, the top-level keys the start page needs, in the first load; `prepare`, the
 * strings of "Préparer ma demande", with that page's own chunk; and `journey`, everything else, with the
 * questionnaire's code after first paint. A key missing from SHELL_KEYS is simply in the journey part:
 * nothing is ever lost, only loaded later.
 */
export const SHELL_KEYS: readonly string[] = ['app', 'start', 'ui', 'languages', 'update', 'embed'];
export const PREPARE_KEYS: readonly string[] = ['prepare'];
export type LocalePart = 'shell' | 'journey' | 'prepare';

const partOf = (key: string): LocalePart => (SHELL_KEYS.includes(key) ? 'shell' : PREPARE_KEYS.includes(key) ? 'prepare' : 'journey');

export function localePart(strings: Record<string, unknown>, part: LocalePart): Record<string, unknown> {
  return Object.fromEntries(Object.entries(strings).filter(([k]) => partOf(k) === part));
}
