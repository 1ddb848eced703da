/**
 * The student's journey as data, without the DOM: which step to show, what has been answered, where
 * "Back" and "Change" lead. Every decision about what to ask comes from the rules (`nextQuestions`,
 * `prune`): there is no skip logic here.
 */
import type { CivilDate } from '../rules/civil-date';
import type { ProcedureId } from '../rules/procedure-ids';
import { evaluate, nextQuestions, prune } from '../rules/evaluate';
import { getPath, setPath, type Facts } from '../rules/facts';
import { PAGES, type Page } from '../rules/questions';
import { parseStep, type Step } from './steps';

export { parseProcedures, proceduresOf, stepToSearch, type Step } from './steps';

export interface Journey {
  /** Every answer given, including those a later answer made irrelevant (changing back restores them). */
  answers: Facts;
  /** The procedures the student asked about (a short-cut on the start page), or all. */
  procedures: readonly ProcedureId[];
  today: CivilDate;
}

export const pageById = (id: string): Page | undefined => PAGES.find((p) => p.id === id);

/**
 * What the rules say of a journey, worked out once per journey: a journey is never changed in place
 * (`answer` makes a new one), and one "Continue" asks the same of it several times (the next step, then
 * whether that step is reachable, what counts, the result), each time a full evaluation. Read-only results.
 */
function once<T>(derive: (j: Journey) => T): (j: Journey) => T {
  const known = new WeakMap<Journey, T>();
  return (j) => {
    if (!known.has(j)) known.set(j, derive(j));
    return known.get(j)!;
  };
}

/** The pages still to ask, in order. */
const toAsk = once((j): readonly Page[] => nextQuestions(j.answers, j.today, j.procedures));

/** The answers that count: what the rules read for these procedures. */
export const relevant = once((j): Facts => prune(j.answers, j.today, j.procedures));

/** The next page to ask, or null when every chosen procedure is decided (or waits on nothing we can ask). */
export function nextPage(j: Journey): Page | null {
  return toAsk(j)[0] ?? null;
}

/** Where to go after the start or after answering a page: the next question, else the answers to check. */
export function stepAfterAnswer(j: Journey): Step {
  const next = nextPage(j);
  return next ? { kind: 'question', page: next.id } : { kind: 'check' };
}

/** Pages with at least one answer that counts, in the questionnaire's order: the "check your answers" list. */
export const answeredPages = once((j): readonly Page[] => {
  const kept = relevant(j);
  return PAGES.filter((p) => p.fields.some((f) => getPath(kept, f) !== undefined));
});

/**
 * Whether a page belongs to the journey as it stands: answered and still relevant, or the next to ask.
 * A page a changed answer made irrelevant is skipped (Back goes past it), never shown empty.
 */
export function isReachable(j: Journey, pageId: string): boolean {
  if (answeredPages(j).some((p) => p.id === pageId)) return true;
  return toAsk(j).some((p) => p.id === pageId);
}

/** Records a page's answers (`undefined` clears a field). */
export function answer(j: Journey, values: Readonly<Record<string, unknown>>): Journey {
  let answers = j.answers;
  for (const [path, value] of Object.entries(values)) answers = setPath(answers, path, value);
  return { ...j, answers };
}

export const result = once((j) => evaluate(relevant(j), j.today, j.procedures));

/** A step from the URL, a question's page checked against the questionnaire (unknown: the start). */
export function stepFromSearch(search: string): { step: Step; procedures: readonly ProcedureId[] } {
  const parsed = parseStep(search);
  const { step } = parsed;
  return step.kind === 'question' && !pageById(step.page) ? { ...parsed, step: { kind: 'start' } } : parsed;
}
