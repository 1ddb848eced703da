/**
 * The questionnaire, the answers to check, the results and the texts: loaded after first paint (or at
 * once for a deep link), with the rules and the French strings they need. The start page does not wait
 * for any of it.
 */
import journeyStrings from 'locale-part:fr/journey';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { addJourneyStrings } from '../i18n';
import { isReachable, pageById, result as evaluateJourney, stepAfterAnswer, type Journey, type Step } from '../questionnaire/journey';
import type { ProcedureId } from '../rules/procedure-ids';
import { CheckAnswers } from './CheckAnswers';
import { Counsellor } from './Counsellor';
import { LegalPage } from './LegalPage';
import { PrepareStep } from './PrepareStep';
import { QuestionPage } from './QuestionPage';
import { SituationPage } from './SituationPage';
import { ResultPage } from './ResultPage';
import { restoresItsFocus } from './return-focus';
import RulesBook from './RulesBook';
import { downloadIcs } from './ics';

addJourneyStrings(journeyStrings);

export { answer, stepAfterAnswer } from '../questionnaire/journey';
export { SeasonStatus } from './SeasonStatus';
export { keepValidAnswers } from '../questionnaire/saved-answers';

interface Props {
  step: Exclude<Step, { kind: 'start' }>;
  journey: Journey;
  lang: string;
  go: (next: Step) => void;
  back: () => void;
  /** Where a skipped step leads: back in history when there is one, else forward to the next question. */
  skip: (next: Step) => void;
  onAnswer: (values: Record<string, unknown>) => void;
  onChangeAnswer: (page: string) => void;
  onDirty: (dirty: boolean) => void;
  /** Facts recorded off the questionnaire (the referral sent, the rector's proposals): saved like answers. */
  onRecord: (values: Record<string, unknown>) => Promise<void>;
  /** Bumped when another tab's answers were taken: a question page opens again with them. */
  answersVersion: number;
  /** The first question answered: into the questionnaire for these procedures. */
  onSituation: (procedures: readonly ProcedureId[]) => void;
  /** Erase every answer and start again (asked first). */
  onRestart: () => void;
}

export function Flow(props: Props) {
  const { step, journey, lang, go, back, skip, onAnswer, onChangeAnswer, onDirty, onRecord, answersVersion, onSituation, onRestart } = props;
  const page = step.kind === 'question' ? pageById(step.page) : undefined;
  const reachable = page !== undefined && isReachable(journey, page.id);

  // A question a changed answer made irrelevant (or an unknown page in a link) is skipped, not shown empty.
  useEffect(() => {
    if (step.kind === 'question' && !reachable) skip(stepAfterAnswer(journey));
  }, [step, journey, reachable]);

  const law = (anchor?: string) => go({ kind: 'law', ...(anchor ? { anchor } : {}) });
  const { base, returning } = useReturnPoint(step);
  const shows = (kind: Step['kind']) => step.kind === kind || base?.kind === kind;
  // Only the answers to check, the result and its prepared request show outcomes: a question page does not evaluate them.
  const result = shows('check') || shows('result') || shows('prepare') ? evaluateJourney(journey) : null;
  const pageOf = (shown: Shown) => (
    <>
      {page && reachable && shown === step && (
        <QuestionPage key={`${page.id}-${answersVersion}`} page={page} journey={journey} today={journey.today}
          onAnswer={onAnswer} onBack={back} onDirty={onDirty} />
      )}
      {shown.kind === 'situation' && <SituationPage key={lang} onChoose={onSituation} onBack={back} />}
      {shown.kind === 'check' && (
        <CheckAnswers onBack={back} onSituation={() => go({ kind: 'situation' })} journey={journey} result={result!} onChange={onChangeAnswer} onSubmit={() => go({ kind: 'result' })}
          onQuestions={() => go(stepAfterAnswer(journey))} />
      )}
      {shown.kind === 'result' && (
        <ResultPage journey={journey} result={result!} onLaw={law} onBack={back} onEdit={() => go({ kind: 'check' })} onRestart={onRestart}
          onContinue={() => go(stepAfterAnswer(journey))} onCalendar={() => void downloadIcs(journey, result!).catch(() => undefined)}
          onPrepare={(procedure) => go({ kind: 'prepare', procedure })} />
      )}
      {shown.kind === 'prepare' && (
        <PrepareStep procedure={shown.procedure} journey={journey} result={result!} lang={lang} onLaw={law} onRecord={onRecord}
          onBack={() => skip({ kind: 'result' })} />
      )}
      {shown.kind === 'book' && <RulesBook onLaw={law} onBack={back} />}
      {shown.kind === 'counsellor' && <Counsellor today={journey.today} onLaw={law} onBack={back} />}
    </>
  );
  // The text (or the rules book) opened from a page goes over it: that page stays mounted, hidden, so what
  // was typed there (a counsellor's session, the request's blanks), its open sections and where the reader
  // was are all still there on the way back. The overlay comes first: its heading is the page's.
  return (
    <>
      {step.kind === 'law' && <LegalPage {...(step.anchor ? { anchor: step.anchor } : {})} onBack={back} />}
      {step.kind === 'book' && base !== step && <RulesBook onLaw={law} onBack={back} />}
      <div hidden={base !== step} ref={returning}>{base && pageOf(base)}</div>
    </>
  );
}

type Shown = Exclude<Step, { kind: 'start' }>;
/** Pages a reader leaves for a text and comes back to; the pages that open over them. */
const BASES: readonly Step['kind'][] = ['result', 'prepare', 'counsellor', 'book'];
const OVERLAYS: readonly Step['kind'][] = ['law', 'book'];
interface Kept { step: Shown; y: number; focus: number }
/** What can hold the focus on a page: the followed link is found again by its rank (a re-render may replace it). */
const FOCUSABLE = 'a[href], button, summary, input, select, textarea';
const rankOf = (el: Element | null, within: HTMLElement | null): number =>
  el && within ? [...within.querySelectorAll(FOCUSABLE)].indexOf(el) : -1;

/**
 * The page under a text opened from it (null: none), and the way back to where the reader was: the element
 * that had the focus (the link followed) and the scroll position, restored once that page shows again.
 */
function useReturnPoint(step: Shown): { base: Shown | null; returning: (el: HTMLDivElement | null) => void } {
  const kept = useRef<Kept | null>(null);
  const container = useRef<HTMLDivElement | null>(null);
  const previous = useRef<Shown>(step);
  /** The point to return to, once the page it belongs to shows again (read by the effect below). */
  const returned = useRef<Kept | null>(null);
  if (previous.current !== step) {
    const from = previous.current;
    previous.current = step;
    // Read while the page left is still laid out: this render has not reached the DOM yet.
    if (OVERLAYS.includes(step.kind)) {
      if (BASES.includes(from.kind) && from.kind !== step.kind) {
        kept.current = { step: from, y: scrollY, focus: rankOf(document.activeElement, container.current) };
      }
    } else {
      if (kept.current && sameStep(kept.current.step, step)) {
        returned.current = kept.current;
        restoresItsFocus(step);
      }
      kept.current = null;
    }
  }
  useEffect(() => {
    const point = returned.current;
    if (!point) return;
    returned.current = null;
    // Once laid out again (the shell leaves the heading unfocused for this step): the link followed, where it was.
    setTimeout(() => {
      const link = point.focus >= 0 ? container.current?.querySelectorAll<HTMLElement>(FOCUSABLE)[point.focus] : undefined;
      // No link known (a browser that does not focus a link clicked): the page's heading, as on any step.
      (link ?? container.current?.querySelector<HTMLElement>('#page-title'))?.focus({ preventScroll: true });
      scrollTo(0, point.y);
    });
  }, [step]);
  const base = !OVERLAYS.includes(step.kind) ? step : kept.current?.step ?? (step.kind === 'book' ? step : null);
  // One heading holds the page's id (the app focuses it, the skip link leads to it): the overlay's, while it shows.
  const hidden = base !== step;
  useLayoutEffect(() => {
    const title = container.current?.querySelector<HTMLElement>(hidden ? '#page-title' : '[data-page-title]');
    if (!title) return;
    if (hidden) { title.removeAttribute('id'); title.dataset['pageTitle'] = ''; } else { title.id = 'page-title'; delete title.dataset['pageTitle']; }
  }, [hidden]);
  return { base, returning: (el) => { container.current = el; } };
}

const sameStep = (a: Shown, b: Shown): boolean =>
  a.kind === b.kind && (a.kind !== 'prepare' || (b.kind === 'prepare' && a.procedure === b.procedure));
