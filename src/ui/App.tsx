import { useEffect, useMemo, useState } from 'preact/hooks';
import { changeLanguage, i18next, LANGUAGES, t, type Language } from '../i18n';
import {
  answer, isReachable, pageById, proceduresOf, result as evaluateJourney, stepAfterAnswer, stepFromSearch, stepToSearch,
  type Journey, type Step,
} from '../questionnaire/journey';
import { localToday } from '../rules/civil-date';
import type { ProcedureId } from '../rules/engine';
import type { Facts } from '../rules/facts';
import { RULES_VERSION } from '../rules/version';
import { focusHeading } from '../platform/embedded';
import { progress, type Progress } from '../platform/progress';
import { CheckAnswers } from './CheckAnswers';
import { EmbedBanner } from './EmbedBanner';
import { LegalPage } from './LegalPage';
import { QuestionPage } from './QuestionPage';
import { ResultPage } from './ResultPage';
import { StartPage } from './StartPage';
import { formatDate } from './format';
import { downloadIcs } from './ics';

/** history.state: how many steps deep in the app, so that Back never leaves it by surprise. */
interface HistoryState { depth: number }
const depth = () => (history.state as HistoryState | null)?.depth ?? 0;

export function App({ store = progress() }: { store?: Progress }) {
  const initial = useMemo(() => stepFromSearch(location.search), []);
  const [journey, setJourney] = useState<Journey>({ answers: {}, procedures: initial.procedures, today: localToday() });
  const [step, setStep] = useState<Step>(initial.step);
  const [lang, setLang] = useState<Language>(i18next.language as Language);
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [saved, setSaved] = useState<{ answers: Facts; savedAt: string; rulesChanged: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Storage can fail late (a hung IndexedDB times out): the page says so as soon as it does.
  const [storageMode, setStorageMode] = useState<'persistent' | 'memory'>('persistent');

  // Saved progress: offered on the start page, never applied without the student's say.
  useEffect(() => {
    void store.load(RULES_VERSION).then((r) => {
      setStorageMode(store.mode());
      if (r.kind === 'found' && Object.keys(r.answers).length) {
        setSaved({ answers: r.answers, savedAt: r.savedAt, rulesChanged: r.rulesChanged });
        // Reloaded mid-journey (a step in the URL): resume at once, on the same step.
        if (initial.step.kind !== 'start') setJourney((j) => ({ ...j, answers: r.answers }));
      }
      if (r.kind === 'corrupt') setNotice(t('ui.storage.corrupt'));
    });
  }, []);

  const go = (next: Step, procedures = journey.procedures, replace = false) => {
    const url = stepToSearch(next, procedures) || location.pathname;
    if (replace) history.replaceState({ depth: depth() } satisfies HistoryState, '', url);
    else history.pushState({ depth: depth() + 1 } satisfies HistoryState, '', url);
    setStep(next);
  };

  const back = () => (depth() > 0 ? history.back() : go({ kind: 'start' }, journey.procedures, true));

  useEffect(() => {
    const onPop = () => {
      const s = stepFromSearch(location.search);
      setJourney((j) => ({ ...j, procedures: s.procedures }));
      setStep(s.step);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  // A question a changed answer made irrelevant is skipped, not shown empty.
  useEffect(() => {
    if (step.kind === 'question' && !isReachable(journey, step.page)) {
      if (depth() > 0) history.back();
      else go(stepAfterAnswer(journey), journey.procedures, true);
    }
  }, [step, journey]);

  // Each new step: its heading takes focus (screen readers announce it) and names the tab.
  useEffect(() => {
    const h1 = document.getElementById('page-title');
    if (h1) focusHeading(h1);
    document.title = `${h1?.textContent ?? ''} — ${t('app.name')}`;
  }, [step, lang]);

  const start = (procedures?: ProcedureId[]) => {
    // Without a short-cut: the procedures of the URL (an embedding site may choose), else all.
    const j: Journey = { ...journey, answers: {}, procedures: procedures ?? journey.procedures };
    setJourney(j);
    setSaved(null);
    go(stepAfterAnswer(j), j.procedures);
  };

  const onAnswer = (values: Record<string, unknown>) => {
    const j = answer(journey, values);
    setJourney(j);
    void store.save(j.answers, RULES_VERSION).then(() => setStorageMode(store.mode()));
    const next = stepAfterAnswer(j);
    go(returnToCheck && next.kind === 'check' ? { kind: 'check' } : next);
    if (next.kind === 'check') setReturnToCheck(false);
  };

  const forget = async () => {
    await store.forget();
    setJourney((j) => ({ ...j, answers: {} }));
    setSaved(null);
    setNotice(t('ui.storage.forgotten'));
    go({ kind: 'start' }, journey.procedures);
  };

  const result = useMemo(() => evaluateJourney(journey), [journey]);
  const page = step.kind === 'question' ? pageById(step.page) : undefined;

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('page-title')?.focus(); }}>{t('ui.skip')}</a>
      <header class="site-header">
        <p class="brand">{t('app.name')}</p>
        <nav aria-label={t('app.languageLabel')}>
          <ul class="languages">
            {LANGUAGES.map((l) => (
              <li key={l}>
                <button type="button" lang={l} aria-pressed={l === lang} onClick={() => void changeLanguage(l).then(() => setLang(l))}>
                  {t(`languages.${l}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <EmbedBanner />
      </header>
      <main id="main">
        {storageMode === 'memory' && <p class="notice" role="status">{t('ui.storage.memory')}</p>}
        {notice && <p class="notice" role="status">{notice}</p>}
        {saved?.rulesChanged && step.kind !== 'start' && <p class="notice" role="status">{t('ui.resume.rulesChanged')}</p>}
        {step.kind === 'start' && (
          <StartPage onStart={start} resume={saved && { savedAt: formatDate(localToday(new Date(saved.savedAt)), false) }}
            onResume={() => {
              const j = { ...journey, answers: saved!.answers, procedures: proceduresOf(saved!.answers) };
              setJourney(j);
              go(stepAfterAnswer(j), j.procedures);
            }}
            onRestart={() => void forget()} />
        )}
        {page && isReachable(journey, page.id) && (
          <QuestionPage key={`${page.id}-${lang}`} page={page} journey={journey} today={journey.today} onAnswer={onAnswer} onBack={back} />
        )}
        {step.kind === 'check' && (
          <CheckAnswers journey={journey} onChange={(id) => { setReturnToCheck(true); go({ kind: 'question', page: id }); }}
            onSubmit={() => go({ kind: 'result' })} />
        )}
        {step.kind === 'result' && (
          <ResultPage journey={journey} result={result} onLaw={(anchor) => go({ kind: 'law', ...(anchor ? { anchor } : {}) })}
            onContinue={() => go(stepAfterAnswer(journey))} onCalendar={() => void downloadIcs(journey, result)} />
        )}
        {step.kind === 'law' && <LegalPage {...(step.anchor ? { anchor: step.anchor } : {})} onBack={back} />}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
        <p>{t('start.rulesVersion', { version: RULES_VERSION })}</p>
        {Object.keys(journey.answers).length > 0 && <button type="button" onClick={() => void forget()}>{t('ui.storage.forget')}</button>}
      </footer>
    </>
  );
}
