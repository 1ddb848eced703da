/**
 * The shell: header, languages, start page, saved progress, update notice and footer. It is all the
 * first load carries; the questionnaire and the rules (./Flow) load after first paint.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { changeLanguage, i18next, LANGUAGES, t, type Language } from '../i18n';
import type { Journey } from '../questionnaire/journey';
import { parseStep, proceduresOf, stepToSearch, type Step } from '../questionnaire/steps';
import { localToday } from '../today';
import type { ProcedureId } from '../rules/procedure-ids';
import type { Facts } from '../rules/facts';
import { RULES_VERSION } from '../rules/version';
import { embedded, embedSearchParams, focusHeading } from '../platform/embedded';
import type { HandoffResult } from '../platform/handoff';
import { progress, type Progress } from '../platform/progress';
import { afterPaint } from '../platform/after-paint';
import { APP_VERSION, onUpdateReady, type Update } from '../platform/updates';
import { EmbedBanner } from './EmbedBanner';
import { StartPage } from './StartPage';
import { formatDate } from './format';
import { HandoffNotice } from './HandoffNotice';
import { UpdateNotice } from './UpdateNotice';

type FlowModule = typeof import('./Flow');
let flowModule: Promise<FlowModule> | undefined;
const loadFlow = () => (flowModule ??= import('./Flow'));

/** In a frame, the options embed.js gave stay in the URL of every step (a reload of the frame keeps them). */
const embedParams = embedSearchParams(location.search);

/** history.state: how many steps deep in the app, so that Back never leaves it by surprise. */
interface HistoryState { depth: number }
const depth = () => (history.state as HistoryState | null)?.depth ?? 0;

export function App({ store = progress() }: { store?: Progress }) {
  const initial = useMemo(() => parseStep(location.search), []);
  const [journey, setJourney] = useState<Journey>({ answers: {}, procedures: initial.procedures, today: localToday() });
  const [step, setStep] = useState<Step>(initial.step);
  const [flow, setFlow] = useState<FlowModule | null>(null);
  const [lang, setLang] = useState<Language>(i18next.language as Language);
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [saved, setSaved] = useState<{ answers: Facts; savedAt: string; rulesChanged: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [update, setUpdate] = useState<Update | null>(null);
  const [handoff, setHandoff] = useState<Exclude<HandoffResult, { kind: 'none' }> | null>(null);
  // Answers in the fragment of a frame's URL: never imported there, but the full app is offered.
  const [framedHandoff] = useState(() => embedded() !== null && location.hash.length > 1);
  // Storage can fail late (a hung IndexedDB times out): the page says so as soon as it does.
  const [storageMode, setStorageMode] = useState<'persistent' | 'memory'>('persistent');

  /** The questionnaire's module, in state once loaded (the import itself happens once). */
  const fetchFlow = async () => {
    const m = await loadFlow();
    setFlow(() => m);
    return m;
  };

  // The start page fetches the questionnaire after it is painted, so that its 25 KB do not compete with
  // the start page for a slow connection; any other step needs it at once.
  useEffect(() => {
    onUpdateReady(setUpdate);
    if (initial.step.kind === 'start') afterPaint(() => void fetchFlow());
  }, []);
  useEffect(() => {
    if (step.kind !== 'start' && !flow) void fetchFlow();
  }, [step, flow]);

  // Saved progress: offered on the start page, never applied without the student's say.
  useEffect(() => {
    // Counsellor mode never reads what a student saved on this device.
    if (initial.step.kind === 'counsellor') return;
    void store.load(RULES_VERSION).then((r) => {
      setStorageMode(store.mode());
      if (r.kind === 'found' && Object.keys(r.answers).length) {
        setSaved({ answers: r.answers, savedAt: r.savedAt, rulesChanged: r.rulesChanged });
        // Reloaded mid-journey (a step in the URL, an update applied): resume at once, on the same step.
        if (initial.step.kind !== 'start') setJourney((j) => ({ ...j, answers: r.answers }));
      }
      if (r.kind === 'corrupt') setNotice(t('ui.storage.corrupt'));
    });
  }, []);

  // A hand-off link (answers in the fragment, from "Continue on my phone"): checked, then the fragment is
  // removed from the address bar whatever it held; valid answers replace those of this device.
  useEffect(() => {
    if (location.hash.length < 2 || embedded() || initial.step.kind === 'counsellor') return;
    void Promise.all([import('../platform/handoff'), fetchFlow()]).then(([h, m]) => {
      const r = h.decodeHandoff(location.hash.slice(1), RULES_VERSION, localToday());
      if (r.kind === 'none') return;
      history.replaceState(history.state, '', h.withoutFragment(location.href));
      setHandoff(r);
      if (r.kind !== 'ok') return;
      setSaved(null);
      void store.save(r.answers, RULES_VERSION).then(() => setStorageMode(store.mode()));
      void enter({ ...journey, answers: r.answers, procedures: r.procedures }, m);
    });
  }, []);

  const go = (next: Step, procedures = journey.procedures, replace = false) => {
    const url = stepToSearch(next, procedures, embedParams) || location.pathname;
    if (replace) history.replaceState({ depth: depth() } satisfies HistoryState, '', url);
    else history.pushState({ depth: depth() + 1 } satisfies HistoryState, '', url);
    setStep(next);
  };

  const back = () => (depth() > 0 ? history.back() : go({ kind: 'start' }, journey.procedures, true));

  useEffect(() => {
    const onPop = () => {
      const s = parseStep(location.search);
      setJourney((j) => ({ ...j, procedures: s.procedures }));
      setStep(s.step);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  // Counsellor mode starts from nothing: what a student left in this tab (answers, a resume offer) is dropped
  // from memory, not shown, and left untouched in storage.
  useEffect(() => {
    if (step.kind !== 'counsellor') return;
    setSaved(null);
    setJourney((j) => (Object.keys(j.answers).length ? { ...j, answers: {} } : j));
  }, [step.kind]);

  // Each new step: its heading takes focus (screen readers announce it) and names the tab.
  useEffect(() => {
    const h1 = document.getElementById('page-title');
    if (h1) focusHeading(h1);
    document.title = `${h1?.textContent ?? ''} — ${t('app.name')}`;
  }, [step, lang, flow]);

  /** Into the questionnaire: its code is usually there already (fetched when idle), else awaited. */
  const enter = async (j: Journey, loaded?: FlowModule) => {
    const m = loaded ?? flow ?? (await fetchFlow());
    setJourney(j);
    go(m.stepAfterAnswer(j), j.procedures);
  };

  const start = (procedures?: ProcedureId[]) => {
    setSaved(null);
    // Without a short-cut: the procedures of the URL (an embedding site may choose), else all.
    void enter({ ...journey, answers: {}, procedures: procedures ?? journey.procedures });
  };

  const onAnswer = (values: Record<string, unknown>) => {
    const j = flow!.answer(journey, values);
    setJourney(j);
    void store.save(j.answers, RULES_VERSION).then(() => setStorageMode(store.mode()));
    const next = flow!.stepAfterAnswer(j);
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

  /** The update: answers saved first, then the new version takes over and the page reloads on this step. */
  const applyUpdate = async () => {
    if (Object.keys(journey.answers).length) await store.save(journey.answers, RULES_VERSION);
    update?.apply();
  };

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
        {/* Never in the middle of a question: what is typed on the page is not saved yet. */}
        {update && step.kind !== 'question' && step.kind !== 'counsellor' && <UpdateNotice onApply={() => void applyUpdate()} onLater={() => setUpdate(null)} />}
        {handoff && flow && <HandoffNotice result={handoff} />}
        {framedHandoff && (
          <p class="notice">{t('embed.handoff')}{' '}
            <a href={`${location.pathname}${location.hash}`} target="_blank" rel="noopener">{t('embed.handoffOpen')}</a>
          </p>
        )}
        {storageMode === 'memory' && step.kind !== 'counsellor' && <p class="notice" role="status">{t('ui.storage.memory')}</p>}
        {notice && <p class="notice" role="status">{notice}</p>}
        {saved?.rulesChanged && step.kind !== 'start' && <p class="notice" role="status">{t('ui.resume.rulesChanged')}</p>}
        {step.kind === 'start' && (
          <StartPage onStart={start} resume={saved && { savedAt: formatDate(localToday(new Date(saved.savedAt)), false) }}
            onResume={() => void enter({ ...journey, answers: saved!.answers, procedures: proceduresOf(saved!.answers) })}
            onRestart={() => void forget()} onCounsellor={() => go({ kind: 'counsellor' })}
            season={flow && <flow.SeasonStatus today={journey.today} />} />
        )}
        {step.kind !== 'start' && !flow && <p class="loading" role="status">{t('ui.loading')}</p>}
        {step.kind !== 'start' && flow && (
          <flow.Flow step={step} journey={journey} lang={lang} go={(s) => go(s)} back={back}
            skip={(s) => (depth() > 0 ? history.back() : go(s, journey.procedures, true))}
            onAnswer={onAnswer} onChangeAnswer={(id) => { setReturnToCheck(true); go({ kind: 'question', page: id }); }} />
        )}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
        <p>{t('app.versions', { app: APP_VERSION, rules: RULES_VERSION })}{' '}
          <a href="?step=law" onClick={(e) => { e.preventDefault(); go({ kind: 'law' }); }}>{t('app.sources')}</a>
        </p>
        <ul class="footer-links">
          <li><a href="?step=book" onClick={(e) => { e.preventDefault(); go({ kind: 'book' }); }}>{t('app.book')}</a></li>
          {!embedded() && <li><a href="?step=counsellor" onClick={(e) => { e.preventDefault(); go({ kind: 'counsellor' }); }}>{t('app.counsellor')}</a></li>}
        </ul>
        {Object.keys(journey.answers).length > 0 && <button type="button" onClick={() => void forget()}>{t('ui.storage.forget')}</button>}
      </footer>
    </>
  );
}
