/** Error messages in the chosen language, from locales/ (the same keys the app shows). */
import i18next, { type TFunction } from 'i18next';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import type { CheckProblem } from './problems';
import type { Lang } from './args';

export async function translator(lang: Lang): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    fallbackLng: 'fr',
    resources: { fr: { translation: fr }, en: { translation: en }, ar: { translation: ar } },
    interpolation: { escapeValue: false },
    // stdout is the result: nothing else may be printed there.
    showSupportNotice: false,
  });
  return instance.t;
}

export interface ErrorLine extends CheckProblem {
  line?: number;
  message: string;
}

export function describe(t: TFunction, error: CheckProblem, line?: number): ErrorLine {
  return { ...(line === undefined ? {} : { line }), ...error, message: t(`errors.${error.code}`, { ...error.params, field: error.field }) };
}

/** `field: message`, one per line; batches prefix the line number. */
export function asText(e: ErrorLine, t: TFunction): string {
  const field = e.field || t('errors.inputField');
  return e.line === undefined ? `${field}: ${e.message}` : `${t('errors.lineLabel', { line: e.line })}: ${field}: ${e.message}`;
}
