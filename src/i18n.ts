/**
 * Languages: French bundled (the reference, and the first paint), English and Arabic loaded on demand.
 * The choice is remembered in localStorage and applied before the first render (no French flash).
 * French comes in two parts (src/locale-parts.ts): the start page's strings here, the rest with the
 * questionnaire (`addJourneyStrings`).
 */
import i18next from 'i18next';
import fr from 'locale-part:fr/shell';
import { isLanguage, LANGUAGES, RTL_LANGUAGES as RTL, type Language } from './languages';
import { loadModule } from './platform/stale';

export { isLanguage, LANGUAGES, type Language };

const KEY = 'recourssup.lang';

const loaders: Record<Exclude<Language, 'fr'>, () => Promise<{ default: object }>> = {
  en: () => loadModule(() => import('../locales/en.json')),
  ar: () => loadModule(() => import('../locales/ar.json')),
};

/** The remembered language; storage that throws (private mode, blocked) means French. */
export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(KEY);
    return isLanguage(v) ? v : 'fr';
  } catch {
    return 'fr';
  }
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.includes(lang) ? 'rtl' : 'ltr';
}

export async function initI18n(lang: Language = storedLanguage()): Promise<void> {
  await i18next.init({
    lng: 'fr',
    fallbackLng: 'fr',
    supportedLngs: [...LANGUAGES],
    load: 'languageOnly',
    resources: { fr: { translation: fr } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  if (lang !== 'fr') await changeLanguage(lang, false);
  else applyToDocument('fr');
}

export async function changeLanguage(lang: Language, remember = true): Promise<void> {
  if (lang !== 'fr' && !i18next.hasResourceBundle(lang, 'translation')) {
    const { default: resources } = await loaders[lang]();
    i18next.addResourceBundle(lang, 'translation', resources);
  }
  await i18next.changeLanguage(lang);
  applyToDocument(lang);
  if (remember) {
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // Storage blocked: the language holds for this visit only.
    }
  }
}

/** The French strings of the questionnaire and results, bundled with their code. */
export function addJourneyStrings(strings: Record<string, unknown>): void {
  i18next.addResourceBundle('fr', 'translation', strings, true, false);
}

export const t = i18next.t.bind(i18next);
export { i18next };
