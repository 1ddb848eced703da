import { useState } from 'preact/hooks';
import { changeLanguage, i18next, LANGUAGES, t, type Language } from '../i18n';
import { RULES_VERSION } from '../rules/version';

/** Placeholder start page until the questionnaire (issue 4): what RecoursSup does and what it covers. */
export function App() {
  const [lang, setLang] = useState<Language>(i18next.language as Language);
  const choose = async (next: Language) => {
    await changeLanguage(next);
    setLang(next);
  };
  return (
    <>
      <header class="site-header">
        <p class="brand">{t('app.name')}</p>
        <nav aria-label={t('app.languageLabel')}>
          <ul class="languages">
            {LANGUAGES.map((l) => (
              <li key={l}>
                <button type="button" lang={l} aria-pressed={l === lang} onClick={() => void choose(l)}>
                  {t(`languages.${l}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{t('start.title')}</h1>
        <p class="lead">{t('start.lead')}</p>
        <h2>{t('start.coversTitle')}</h2>
        <ul class="covers">
          <li>{t('start.covers.accompaniment')}</li>
          <li>{t('start.covers.reexamination')}</li>
          <li>{t('start.covers.master')}</li>
        </ul>
        <p>{t('start.soon')}</p>
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
        <p>{t('start.rulesVersion', { version: RULES_VERSION })}</p>
      </footer>
    </>
  );
}
