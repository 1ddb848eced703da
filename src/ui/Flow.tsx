/**
 * The questionnaire, the answers to check, the results and the texts: loaded after first paint (or at
 * once for a deep link), with the rules and the French strings they need. The start page does not wait
 * for any of it.
 */
import journeyStrings from 'locale-part:fr/journey';
import { useEffect } from 'preact/hooks';
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

  // Only the answers to check, the result and its prepared request show outcomes: a question page does not evaluate them.
  const result = step.kind === 'check' || step.kind === 'result' || step.kind === 'prepare' ? evaluateJourney(journey) : null;
  const law = (anchor?: string) => go({ kind: 'law', ...(anchor ? { anchor } : {}) });
  return (
    <>
      {page && reachable && (
        <QuestionPage key={`${page.id}-${answersVersion}`} page={page} journey={journey} today={journey.today}
          onAnswer={onAnswer} onBack={back} onDirty={onDirty} />
      )}
      {step.kind === 'situation' && <SituationPage key={lang} onChoose={onSituation} onBack={back} />}
      {step.kind === 'check' && (
        <CheckAnswers onBack={back} onSituation={() => go({ kind: 'situation' })} journey={journey} result={result!} onChange={onChangeAnswer} onSubmit={() => go({ kind: 'result' })}
          onQuestions={() => go(stepAfterAnswer(journey))} />
      )}
      {step.kind === 'result' && (
        <ResultPage journey={journey} result={result!} onLaw={law} onBack={back} onEdit={() => go({ kind: 'check' })} onRestart={onRestart}
          onContinue={() => go(stepAfterAnswer(journey))} onCalendar={() => void downloadIcs(journey, result!).catch(() => undefined)}
          onPrepare={(procedure) => go({ kind: 'prepare', procedure })} />
      )}
      {step.kind === 'prepare' && (
        <PrepareStep procedure={step.procedure} journey={journey} result={result!} lang={lang} onLaw={law} onRecord={onRecord}
          onBack={() => skip({ kind: 'result' })} />
      )}
      {step.kind === 'law' && <LegalPage {...(step.anchor ? { anchor: step.anchor } : {})} onBack={back} />}
      {step.kind === 'book' && <RulesBook onLaw={law} onBack={back} />}
      {step.kind === 'counsellor' && <Counsellor today={journey.today} onLaw={law} onBack={back} />}
    </>
  );
}
