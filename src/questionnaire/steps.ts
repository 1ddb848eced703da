/**
 * Steps as written in the URL's query string (`?step=…&for=…`), without the rules: the start page reads
 * them before the questionnaire's code has loaded. Whether a page id exists is checked by journey.ts.
 */
import { PROCEDURE_IDS, type ProcedureId } from '../rules/procedure-ids';
import { SITUATIONS } from '../embed/situations';

/**
 * The steps that carry nothing but their name: `situation` (the first question, which situation, hence which
 * procedures), `check`, `result`, `book` (every condition and calendar date with its source) and `counsellor`
 * (all procedures, what-if, memory only).
 */
const PLAIN_STEPS = ['situation', 'check', 'result', 'book', 'counsellor'] as const;

export type Step =
  | { kind: 'start' }
  | { kind: (typeof PLAIN_STEPS)[number] }
  | { kind: 'question'; page: string }
  | { kind: 'law'; anchor?: string }
  /** "Préparer ma demande" for one procedure of the result. */
  | { kind: 'prepare'; procedure: ProcedureId };

const PAGE_ID = /^[a-z][a-z-]{0,40}$/;

export function parseProcedures(value: string | null): readonly ProcedureId[] {
  const chosen = (value ?? '').split(',').filter((p): p is ProcedureId => (PROCEDURE_IDS as readonly string[]).includes(p));
  return chosen.length ? chosen : PROCEDURE_IDS;
}

/** The query string of a step: the only state in the URL (the fragment is kept for the hand-off). */
export function stepToSearch(step: Step, procedures: readonly ProcedureId[], keep?: URLSearchParams): string {
  const params = new URLSearchParams(keep);
  if (step.kind === 'question') params.set('step', step.page);
  else if (step.kind !== 'start') params.set('step', step.kind);
  if (step.kind === 'law' && step.anchor) params.set('anchor', step.anchor);
  if (step.kind === 'prepare') params.set('procedure', step.procedure);
  if (procedures.length && procedures.length < PROCEDURE_IDS.length) params.set('for', procedures.join(','));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A step from the URL; a question's page id is only checked for shape here. */
export function parseStep(search: string): { step: Step; procedures: readonly ProcedureId[] } {
  const params = new URLSearchParams(search);
  const procedures = parseProcedures(params.get('for'));
  const s = params.get('step');
  let step: Step = { kind: 'start' };
  if ((PLAIN_STEPS as readonly (string | null)[]).includes(s)) step = { kind: s as (typeof PLAIN_STEPS)[number] };
  else if (s === 'law') step = { kind: 'law', ...(params.get('anchor') ? { anchor: params.get('anchor')! } : {}) };
  // A procedure the app does not know prepares nothing: back to the result.
  else if (s === 'prepare') step = (PROCEDURE_IDS as readonly string[]).includes(params.get('procedure') ?? '') ? { kind: 'prepare', procedure: params.get('procedure') as ProcedureId } : { kind: 'result' };
  else if (s && PAGE_ID.test(s)) step = { kind: 'question', page: s };
  return { step, procedures };
}

/** On resuming, the procedures the saved answers were about: those whose facts were answered. */
export function proceduresOf(answers: { parcoursup?: unknown; master?: unknown }): readonly ProcedureId[] {
  const ps = answers.parcoursup !== undefined;
  const master = answers.master !== undefined;
  return SITUATIONS[ps && !master ? 'parcoursup' : master && !ps ? 'master' : 'both'];
}
