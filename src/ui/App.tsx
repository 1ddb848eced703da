/**
 * The shell: header, languages, start page, saved progress, update notice and footer. It is all the
 * first load carries; the questionnaire and the rules (./Flow) load after first paint.
 *
 * Over 300 lines, knowingly: the shell holds the journey's state and the few events that change it (steps and
 * history, saved answers shared with other tabs, hand-off, updates), and each is small; split further, they
 * would pass that state around rather than read it.
 */
/* eslint-disable max-lines -- the reason is above */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { changeLanguage, i18next, LANGUAGES, t, type Language } from '../i18n';
import type { Journey } from '../questionnaire/journey';
import { parseStep, proceduresOf, stepToSearch, type Step } from '../questionnaire/steps';
import { localToday } from '../today';
import { PROCEDURE_IDS, type ProcedureId } from '../rules/procedure-ids';
import type { Facts } from '../rules/facts';
import { RULES_VERSION } from '../rules/version';
import { embedded, embedSearchParams, focusHeading } from '../platform/embedded';
import type { HandoffResult } from '../platform/handoff';
import { progress, type Loaded, type Progress, type SetAside } from '../platform/progress';
import { loadModule, onModuleMissing } from '../platform/stale';
import { afterNextFrame, afterPaint } from '../platform/after-paint';
import { APP_VERSION, onUpdateReady, type Update } from '../platform/updates';
import { ConfirmButton } from './ConfirmButton';
import { EmbedBanner } from './EmbedBanner';
import { StartPage } from './StartPage';
import { formatDay } from './format';
import { HandoffConfirm } from './HandoffConfirm';
import { HandoffNotice, type HandoffOutcome } from './HandoffNotice';
import { OtherTabNotice, StaleNotice } from './TabNotices';
import { focusRestoredFor } from './return-focus';
import { forgetBlanks } from './typed-blanks';
import { UpdateNotice } from './UpdateNotice';

type FlowModule = typeof import('./Flow');
let flowModule: Promise<FlowModule> | undefined;
const loadFlow = () => (flowModule ??= loadModule(() => import('./Flow')));
type Found = Extract<Loaded, { kind: 'found' }>;
const answersOf = (r: Loaded): Facts => (r.kind === 'found' ? r.answers : {});

/** In a frame, the options embed.js gave stay in the URL of every step (a reload of the frame keeps them). */
const embedParams = embedSearchParams(location.search);

/** How long "Continue" waits for the answer to be stored before showing the next step. */
const SAVE_WAIT_MS = 150;

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
  const [saved, setSaved] = useState<Found | null>(null);
  const [setAside, setSetAside] = useState<SetAside[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [update, setUpdate] = useState<Update | null>(null);
  const [handoff, setHandoff] = useState<HandoffOutcome | null>(null);
  // A hand-off that would replace the answers this device holds: the student decides.
  const [handoffAsk, setHandoffAsk] = useState<{ incoming: Extract<HandoffResult, { kind: 'ok' }>; device: Facts } | null>(null);
  // Answers in the fragment of a frame's URL: never imported there, but the full app is offered.
  const [framedHandoff] = useState(() => embedded() !== null && location.hash.length > 1);
  // Storage can fail late (a hung IndexedDB times out): the page says so as soon as it does.
  const [storageMode, setStorageMode] = useState<'persistent' | 'memory'>('persistent');
  // A step is rendered once its saved answers are known: a reload never shows a page empty, nor skips a
  // conditional step as if nothing had been answered. The start page and counsellor mode need none.
  const [answersKnown, setAnswersKnown] = useState(initial.step.kind === 'start' || initial.step.kind === 'counsellor');
  // Another tab changed the answers while this one has unsaved typing on a question page.
  const [otherTab, setOtherTab] = useState<Facts | null>(null);
  const [answersVersion, setAnswersVersion] = useState(0);
  const [stale, setStale] = useState(false);
  // Read by the other-tab listener, which outlives renders.
  const revision = useRef(0);
  /** This tab's answers lag behind the stored ones (another tab's change, kept aside while typing). */
  const behind = useRef(false);
  /** "Continue" pressed, the next step not shown yet (its answer being stored). */
  const moving = useRef(false);
  const dirty = useRef(false);
  const stepNow = useRef(step);
  stepNow.current = step;
  const flowNow = useRef(flow);
  flowNow.current = flow;
  const lastSave = useRef<Promise<unknown>>(Promise.resolve());
  // Whether journey.answers are the saved answers, validated and kept up to date from other tabs (then the
  // start page's buttons need no read of storage before going on).
  const validated = useRef(false);

  /** The questionnaire's module, in state once loaded (the import itself happens once). */
  const fetchFlow = async () => {
    const m = await loadFlow();
    setFlow(() => m);
    return m;
  };

  /** The saved answers, validated (the questionnaire's module has the validation); what fails is set aside. */
  const readSaved = (m: FlowModule) => store.load(RULES_VERSION, (a) => m.keepValidAnswers(a, localToday()));

  /** What every read of the store tells the page: where answers live, and what was set aside. */
  const acknowledge = (r: Loaded & { setAsideNow: boolean }) => {
    setStorageMode(store.mode());
    revision.current = r.revision;
    if (r.setAsideNow) {
      setNotice(t(r.kind === 'corrupt' ? 'ui.storage.corrupt' : 'ui.storage.invalid'));
      void store.setAside().then(setSetAside);
    }
    setSaved(r.kind === 'found' ? r : null);
  };

  // The start page fetches the questionnaire after it is painted, so that its 25 KB do not compete with
  // the start page for a slow connection; any other step needs it at once.
  useEffect(() => {
    onUpdateReady(setUpdate);
    if (initial.step.kind === 'start') afterPaint(() => void fetchFlow().catch(() => undefined));
    return onModuleMissing(() => setStale(true));
  }, []);
  useEffect(() => {
    if (step.kind !== 'start' && !flow) void fetchFlow().catch(() => undefined);
  }, [step, flow]);
  // On the start page, once the validation has come with the questionnaire, the saved answers are read
  // through it: resuming or starting then goes on at once.
  useEffect(() => {
    if (!flow || step.kind !== 'start' || validated.current || initial.step.kind === 'counsellor') return;
    void readSaved(flow).then((r) => {
      acknowledge(r);
      if (validated.current) return; // a step was entered meanwhile, with its own read
      setJourney((j) => ({ ...j, answers: answersOf(r) }));
      validated.current = true;
    });
  }, [flow, step.kind]);

  // Saved progress: offered on the start page, never applied without the student's say; on any other
  // step (a reload, an update applied), the answers are read before the step is rendered.
  useEffect(() => {
    // Counsellor mode never reads what a student saved on this device.
    if (initial.step.kind === 'counsellor') return;
    const handoffLink = location.hash.length > 1 && !embedded();
    void (async () => {
      if (initial.step.kind === 'start' && !handoffLink) {
        // Not validated yet (the validation comes with the questionnaire): only the offer's date is shown.
        acknowledge(await store.load(RULES_VERSION));
        setSetAside(await store.setAside());
        return;
      }
      const m = await fetchFlow();
      const r = await readSaved(m);
      acknowledge(r);
      if (initial.step.kind !== 'start') {
        setJourney((j) => ({ ...j, answers: answersOf(r) }));
        validated.current = true;
        setAnswersKnown(true);
      }
      if (handoffLink) await receiveHandoff(m, answersOf(r));
    })().catch(() => undefined);
  }, []);

  // Another tab saved: this tab reads the shared answers again (docs/design.md §"Two tabs").
  useEffect(() => store.onOtherTab(() => void fromOtherTab()), []);
  const fromOtherTab = async () => {
    if (stepNow.current.kind === 'counsellor') return;
    const m = flowNow.current;
    const before = revision.current;
    const r = m ? await readSaved(m) : await store.load(RULES_VERSION);
    acknowledge(r);
    if (r.revision === before || !m || !validated.current) return;
    // Never under the student's fingers: what is typed on a question page stays until they choose.
    if (stepNow.current.kind === 'question' && dirty.current) {
      // Kept aside while the student types: their next save merges into the stored answers and takes them.
      behind.current = true;
      setOtherTab(answersOf(r));
    } else takeAnswers(answersOf(r));
  };
  const takeAnswers = (answers: Facts) => {
    behind.current = false;
    setJourney((j) => ({ ...j, answers }));
    setAnswersVersion((v) => v + 1);
    setOtherTab(null);
    if (stepNow.current.kind !== 'start') setNotice(t('ui.tabs.updated'));
  };

  /** A hand-off link: checked, the fragment removed whatever it held, and the device's answers replaced only with the student's say. */
  const receiveHandoff = async (m: FlowModule, device: Facts) => {
    const h = await loadModule(() => import('../platform/handoff'));
    const r = h.decodeHandoff(location.hash.slice(1), RULES_VERSION, localToday());
    if (r.kind === 'none') return;
    history.replaceState(history.state, '', h.withoutFragment(location.href));
    if (r.kind === 'ok' && Object.keys(device).length) setHandoffAsk({ incoming: r, device });
    else if (r.kind === 'ok') await importHandoff(r, m);
    else setHandoff(r);
  };
  const importHandoff = async (r: Extract<HandoffResult, { kind: 'ok' }>, m?: FlowModule) => {
    setHandoffAsk(null);
    setHandoff(r);
    await store.save(() => r.answers, RULES_VERSION);
    await enter(() => r.procedures, m, true, true);
  };

  /**
   * To a step, with its address in history. `urlAfterPaint`, for the steps a tap asks for: the step is drawn
   * first and its address written right after that frame, because writing it (10–25 ms on a slowed phone)
   * would otherwise hold up the page the student waits for.
   */
  const go = (next: Step, procedures = journey.procedures, replace = false, urlAfterPaint = false) => {
    const url = stepToSearch(next, procedures, embedParams) || location.pathname;
    const address = () => {
      if (replace) history.replaceState({ depth: depth() } satisfies HistoryState, '', url);
      else history.pushState({ depth: depth() + 1 } satisfies HistoryState, '', url);
    };
    setStep(next);
    if (urlAfterPaint) afterNextFrame(address);
    else address();
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
    validated.current = false;
    setJourney((j) => (Object.keys(j.answers).length ? { ...j, answers: {} } : j));
  }, [step.kind]);

  // Each new step: its heading takes focus (screen readers announce it) and names the tab.
  useEffect(() => {
    const h1 = document.getElementById('page-title');
    if (h1 && !focusRestoredFor(step)) focusHeading(h1);
    document.title = `${h1?.textContent ?? ''} — ${t('app.name')}`;
  }, [step, lang, flow, answersKnown]);

  /**
   * Into the questionnaire, with the answers saved on this device (all tabs share one journey), read and
   * validated now: another tab may have saved since this page loaded.
   */
  const enter = async (procedures: (answers: Facts) => readonly ProcedureId[], loaded?: FlowModule, reread = false, onAnswers = false) => {
    const m = loaded ?? flow ?? (await fetchFlow());
    let { answers } = journey;
    if (reread || !validated.current) {
      const r = await readSaved(m);
      acknowledge(r);
      answers = answersOf(r);
      validated.current = true;
    }
    const j = { ...journey, answers, procedures: procedures(answers) };
    setJourney(j);
    setAnswersKnown(true);
    const next = m.stepAfterAnswer(j);
    // Answers handed over land on what they say (the result, or the answers to check while questions
    // remain), never on a question of a procedure the student did not bring; handed over from a frame's
    // "Préparer ma demande", on that page again, in place of the one shown meanwhile.
    const prepare = onAnswers && initial.step.kind === 'prepare' ? initial.step : null;
    go(prepare ?? (onAnswers ? (next.kind === 'check' ? { kind: 'result' } : { kind: 'check' }) : next), j.procedures, prepare !== null);
  };

  // Without a short-cut: the procedures of the URL (an embedding site may choose), else the first question
  // asks the student's situation, so that nobody is asked about a procedure that is not theirs.
  const start = (procedures?: readonly ProcedureId[]) => {
    setNotice(null);
    if (!procedures && !new URLSearchParams(location.search).has('for')) return go({ kind: 'situation' });
    void enter(() => procedures ?? journey.procedures).catch(() => undefined);
  };

  /**
   * Answers given (a page's, or the record after the referral), then stored. `shown`: in this tab at once (the
   * record); a page's answer is shown with the next step instead, once stored (onAnswer).
   */
  const saveValues = (values: Record<string, unknown>, shown = true) => {
    const m = flow!;
    const j = m.answer(journey, values);
    if (shown) setJourney(j);
    // Only these fields are written, over the answers as stored now (another tab may have saved).
    const saving = store.save((stored) => m.answer({ ...j, answers: stored }, values).answers, RULES_VERSION).then((s) => {
      setStorageMode(store.mode());
      // Another tab wrote in between: the stored answers are theirs and ours, and this tab takes them.
      // So does a tab that chose to keep typing over another tab's change: its answers were behind.
      if (s.revision !== revision.current + 1 || behind.current) {
        behind.current = false;
        setJourney((now) => ({ ...now, answers: s.answers }));
      }
      revision.current = s.revision;
    });
    lastSave.current = saving;
    return { j, saving };
  };

  const onAnswer = (values: Record<string, unknown>) => {
    // A second "Continue" while the first is being stored would answer the same page twice.
    if (moving.current) return;
    setOtherTab(null);
    dirty.current = false;
    const m = flow!;
    const { j, saving } = saveValues(values, false);
    const next = m.stepAfterAnswer(j);
    // The next step's address once the answer is stored (a reload there then finds it), or after a short
    // wait at most: a slow store never holds the student on a page they have answered.
    const afterSave = Promise.race([saving.catch(() => undefined), new Promise((r) => setTimeout(r, SAVE_WAIT_MS))]);
    moving.current = true;
    void afterSave.then(() => {
      moving.current = false;
      // The answer and the next step in one render: the page just answered is not drawn again first (it
      // would delay the save and the next page). Whatever came meanwhile (another tab's answers, merged by
      // the save) keeps this page's answers on top.
      setJourney((now) => (now === journey ? j : m.answer(now, values)));
      go(returnToCheck && next.kind === 'check' ? { kind: 'check' } : next, journey.procedures, false, true);
      if (next.kind === 'check') setReturnToCheck(false);
    });
  };

  const forget = async () => {
    await store.forget();
    forgetBlanks();
    setJourney((j) => ({ ...j, answers: {} }));
    setSaved(null);
    setSetAside([]);
    setNotice(t('ui.storage.forgotten'));
    // Starting again starts from the situation question: only a frame's own choice of procedures is kept.
    const procedures = embedParams?.has('for') ? journey.procedures : PROCEDURE_IDS;
    setJourney((j) => ({ ...j, procedures }));
    go({ kind: 'start' }, procedures);
  };

  /** Every answer is saved as it is given: a reload (an update, a part that will not load) waits for the last save. */
  const reload = async () => {
    await lastSave.current.catch(() => undefined);
    location.reload();
  };
  const applyUpdate = async () => {
    await lastSave.current.catch(() => undefined);
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
                <button type="button" lang={l} aria-pressed={l === lang} onClick={() => void changeLanguage(l).then(() => setLang(l), () => undefined)}>
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
        {stale && <StaleNotice onReload={() => void reload()} />}
        {otherTab && step.kind === 'question' && <OtherTabNotice onTake={() => takeAnswers(otherTab)} onKeep={() => setOtherTab(null)} />}
        {handoff && flow && <HandoffNotice result={handoff} />}
        {handoffAsk && flow && (
          <HandoffConfirm incoming={handoffAsk.incoming.procedures} incomingEmpty={!Object.keys(handoffAsk.incoming.answers).length}
            device={proceduresOf(handoffAsk.device)} onReplace={() => void importHandoff(handoffAsk.incoming)}
            onKeep={() => { setHandoffAsk(null); setHandoff({ kind: 'kept' }); }} />
        )}
        {framedHandoff && (
          <p class="notice">{t('embed.handoff')}{' '}
            <a href={`${location.pathname}${location.hash}`} target="_blank" rel="noopener">{t('embed.handoffOpen')}</a>
          </p>
        )}
        {storageMode === 'memory' && step.kind !== 'counsellor' && <p class="notice" role="status">{t('ui.storage.memory')}</p>}
        {notice && <p class="notice" role="status">{notice}</p>}
        {saved?.rulesChanged && step.kind !== 'start' && <p class="notice" role="status">{t('ui.resume.rulesChanged')}</p>}
        {step.kind === 'start' && (
          <StartPage onStart={start} resume={saved && { savedAt: saved.savedAt && formatDay(saved.savedAt) }}
            onResume={() => void enter(proceduresOf).catch(() => undefined)} setAside={setAside}
            onRestart={() => void forget()} onCounsellor={() => go({ kind: 'counsellor' })}
            season={flow && <flow.SeasonStatus today={journey.today} />} />
        )}
        {step.kind !== 'start' && !(flow && answersKnown) && <p class="loading" role="status">{t('ui.loading')}</p>}
        {step.kind !== 'start' && flow && answersKnown && (
          <flow.Flow step={step} journey={journey} lang={lang} go={(s) => go(s, journey.procedures, false, true)} back={back}
            skip={(s) => (depth() > 0 ? history.back() : go(s, journey.procedures, true))}
            onAnswer={onAnswer} onChangeAnswer={(id) => { setReturnToCheck(true); go({ kind: 'question', page: id }); }}
            onDirty={(d) => { dirty.current = d; }}
            onRecord={(values) => saveValues(values).saving} answersVersion={answersVersion}
            onSituation={(p) => start(p)} onRestart={() => void forget()} />
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
        {(Object.keys(journey.answers).length > 0 || saved) && (
          <ConfirmButton label={t('ui.storage.forget')} question={t('ui.storage.forgetQuestion')} confirm={t('ui.storage.forgetConfirm')} onConfirm={() => void forget()} />
        )}
      </footer>
    </>
  );
}
