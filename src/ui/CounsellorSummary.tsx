/**
 * Counsellor mode's summary, on screen and on paper: only the procedures in play for the student's
 * situation, the open ones first, and the questions still to answer listed once for all of them (each
 * procedure would otherwise repeat the questions they share).
 */
import { t } from '../i18n';
import { relevant, type Journey } from '../questionnaire/journey';
import type { Result } from '../rules/evaluate';
import { PAGES } from '../rules/questions';
import { byOutcome, pathLabel, Procedure, ResultMeta } from './ResultPage';

/** The questions the procedures in play still need, each once, in the questionnaire's order. */
export function questionsToAnswer(journey: Journey, result: Result): string[] {
  const missing = new Set(journey.procedures.flatMap((id) => result.procedures[id]!.missing.filter((m) => !m.startsWith('calendar:'))));
  const labels = PAGES.flatMap((p) => p.fields).filter((f) => missing.has(f)).map(pathLabel);
  return [...new Set(labels)];
}

interface Props {
  journey: Journey;
  result: Result;
  firstName: string;
  onLaw: (anchor?: string) => void;
  /** To the first question not answered yet. */
  onAnswer: () => void;
}

export function CounsellorSummary({ journey, result, firstName, onLaw, onAnswer }: Props) {
  const questions = questionsToAnswer(journey, result);
  return (
    <>
      <p class="print-only summary-title">{firstName.trim() ? t('counsellor.printFor', { name: firstName.trim() }) : t('counsellor.printTitle')}</p>
      <ResultMeta today={journey.today} />
      {byOutcome(journey.procedures, result).map((id) => (
        <Procedure key={id} id={id} r={result.procedures[id]!} today={journey.today} onLaw={onLaw} onContinue={onAnswer} missingListed
          facts={relevant(journey)} />
      ))}
      {questions.length > 0 && (
        <section class="still-to-answer" aria-labelledby="counsellor-missing">
          <h2 id="counsellor-missing">{t('counsellor.missingTitle')}</h2>
          <ul>{questions.map((q) => <li key={q}>{q}</li>)}</ul>
          <button type="button" class="no-print" onClick={onAnswer}>{t('result.continue')}</button>
        </section>
      )}
    </>
  );
}
