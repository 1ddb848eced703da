/**
 * The questionnaire's order, as data: pages of closely related facts, in the order they are asked.
 * `nextQuestions` computes what is still missing for the procedures still undecided; nothing here
 * knows the rules, it only orders what the rules say they need.
 */
import { getPath, setPath, type Facts } from './facts';
import { askedFirst } from './sessions';

export interface Page {
  /** Stable id, also the locale key `questions.<id>` and the step in the URL. */
  id: string;
  fields: readonly string[];
}

/**
 * Declared order: what can decide alone first (renunciation, the kind of licence), then the facts that
 * decide the status, then the région that only routes the request. While the session is not settled,
 * what settles it is asked before anything else (walk.ts): the bac year, then the plain question.
 */
export const PAGES: readonly Page[] = [
  { id: 'renounced', fields: ['parcoursup.renounced'] },
  { id: 'bac-year', fields: ['parcoursup.bacYear'] },
  // Asked only between seasons, when neither today nor a bac year after this year settles it (docs/rulings.md §Sessions).
  { id: 'session', fields: ['parcoursup.session'] },
  // Decides the re-examination alone (L612-3 IX): asked before the answer counts.
  { id: 'circumstances', fields: ['parcoursup.circumstances'] },
  { id: 'main-phase', fields: ['parcoursup.mainPhase'] },
  { id: 'main-answers', fields: ['parcoursup.main.proposals', 'parcoursup.main.waiting', 'parcoursup.main.negative'] },
  { id: 'complementary-registered', fields: ['parcoursup.complementaryRegistered'] },
  { id: 'complementary-answers', fields: ['parcoursup.complementary.proposals', 'parcoursup.complementary.waiting', 'parcoursup.complementary.negative'] },
  { id: 'apprenticeship-only', fields: ['parcoursup.mainPhaseApprenticeshipOnly'] },
  { id: 'proposals-unsuitable', fields: ['parcoursup.proposalsUnsuitable'] },
  { id: 'no-other-applications', fields: ['parcoursup.noOtherApplications'] },
  { id: 'region', fields: ['parcoursup.region'] },
  { id: 'licence', fields: ['master.licence'] },
  { id: 'licence-date', fields: ['master.licenceDate'] },
  // Between seasons, after the licence: a licence that excludes for every rentrée spares the question (sessions.ts).
  { id: 'master-session', fields: ['master.session'] },
  { id: 'licence-region', fields: ['master.licenceRegion'] },
  { id: 'master-applications', fields: ['master.applications', 'master.positive'] },
  // Asked only when it changes the answer (R612-36-3 I al. 1: a contract search is no obstacle): yes/no, then the count.
  { id: 'apprenticeship-search', fields: ['master.apprenticeshipSearch'] },
  { id: 'contract-search', fields: ['master.contractSearch'] },
  { id: 'waiting-list', fields: ['master.waitingList'] },
  { id: 'refusals', fields: ['master.refusals', 'master.refusalMentions', 'master.refusalEstablishments'] },
  { id: 'last-refusal-date', fields: ['master.lastRefusalDate'] },
  { id: 'teleservice-opened', fields: ['master.teleserviceOpened'] },
];

const ORDER: readonly string[] = PAGES.flatMap((p) => p.fields);

/** Fact paths in the order the questionnaire asks them, each once. */
export function inQuestionOrder(paths: Iterable<string>): string[] {
  const list = Array.isArray(paths) ? (paths as string[]) : [...paths];
  // A walk through the declared order: no set, no sort (this runs on every evaluation).
  return ORDER.filter((f) => list.includes(f));
}

export function pageOf(field: string): Page | undefined {
  return PAGES.find((p) => p.fields.includes(field));
}

/**
 * Groups missing facts into pages, in declared order, those that settle a session not settled yet first
 * (sessions.ts). A page asks all its fields not yet answered, even those the rules do not need yet: the
 * three counts of a phase are answered together.
 */
export function pagesFor(missing: Iterable<string>, facts: Facts): Page[] {
  const set = new Set(missing);
  const first = askedFirst(set);
  const pages = PAGES.filter((p) => p.fields.some((f) => set.has(f)));
  const early = pages.filter((p) => p.fields.some((f) => first.includes(f)));
  return [...early, ...pages.filter((p) => !early.includes(p))]
    .map((p) => ({ id: p.id, fields: p.fields.filter((f) => getPath(facts, f) === undefined) }));
}

/** Keeps only the facts at `paths` (and `format`): what the evaluation read. */
export function pick(facts: Facts, paths: Iterable<string>): Facts {
  let out: Facts = facts.format === undefined ? {} : { format: facts.format };
  for (const path of paths) {
    const v = getPath(facts, path);
    if (v !== undefined) out = setPath(out, path, v);
  }
  return out;
}
