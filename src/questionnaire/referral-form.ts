/**
 * What the student records after referring to the rector (the day sent, each proposal received), typed on
 * "Préparer ma demande" and saved with the answers: raw input → the facts to save, or each problem on a
 * field of the form. The list is built here (a list is no question's field: `parseField` refuses it) and
 * the answers as they would stand are checked by `validateFacts`, as any page's.
 */
import type { CivilDate } from '../rules/civil-date';
import { getPath, setPath, validateFacts, type Facts, type ProposalAnswer, type RectorProposal } from '../rules/facts';
import { dateParts, parseDate, type DateInput, type FieldError } from './inputs';

export const SENT = 'master.referralSent';
export const PROPOSALS = 'master.rectorProposals';

/** The proposal form's fields, named like facts so that a message finds its field: `proposal.notified`. */
export const PROPOSAL_FORM = { notified: 'proposal.notified', answer: 'proposal.answer', answered: 'proposal.answered' } as const;

export interface ProposalDraft { notified: DateInput; answer: '' | ProposalAnswer; answered: DateInput }

export const emptyDate = (): DateInput => ({ day: '', month: '', year: '', none: false });
const rawDate = (d: CivilDate | undefined): DateInput => (d ? { ...dateParts(d), none: false } : emptyDate());
const blank = (d: DateInput) => !d.day.trim() && !d.month.trim() && !d.year.trim();

/** The form's fields for a new proposal, or filled with a recorded one to change it. */
export const draftOf = (p?: RectorProposal): ProposalDraft =>
  ({ notified: rawDate(p?.notified), answer: p?.answer ?? '', answered: rawDate(p?.answered) });

export const proposalsOf = (answers: Facts): RectorProposal[] => (getPath(answers, PROPOSALS) as RectorProposal[] | undefined) ?? [];

export type Recorded = { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/**
 * The answers with `values`, checked: the problems of the record, each on the form's field `onField` names
 * (a problem of another item, or of the day sent, goes to `fallback`: the field whose change caused it).
 */
function checked(answers: Facts, values: Record<string, unknown>, today: CivilDate, onField: (field: string) => string | null,
  fallback: string): Recorded {
  let merged = answers;
  for (const [path, value] of Object.entries(values)) merged = setPath(merged, path, value);
  const v = validateFacts(merged, today);
  if (v.ok) return { ok: true, values };
  const errors: FieldError[] = [];
  for (const e of v.errors.filter((x) => x.field === SENT || x.field.startsWith(PROPOSALS))) {
    const field = onField(e.field) ?? fallback;
    if (!errors.some((x) => x.field === field)) errors.push({ field, code: e.code, ...(e.params ? { params: e.params } : {}) });
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}

/** The day the referral was sent. */
export function recordSent(raw: DateInput, answers: Facts, today: CivilDate): Recorded {
  const r = parseDate(SENT, raw, today);
  if (r.error) return { ok: false, errors: [r.error] };
  return checked(answers, { [SENT]: r.value }, today, (f) => (f === SENT ? SENT : null), SENT);
}

/** A proposal added (`index` null) or changed: the whole list, as it would be saved. */
export function recordProposal(draft: ProposalDraft, index: number | null, answers: Facts, today: CivilDate): Recorded {
  const notified = parseDate(PROPOSAL_FORM.notified, draft.notified, today);
  const answered = blank(draft.answered) ? { value: undefined } : parseDate(PROPOSAL_FORM.answered, draft.answered, today);
  const errors = [notified.error, answered.error].filter((e): e is FieldError => e !== undefined);
  if (errors.length) return { ok: false, errors };
  const item: RectorProposal = {
    notified: notified.value!,
    ...(draft.answer ? { answer: draft.answer } : {}),
    ...(answered.value ? { answered: answered.value } : {}),
  };
  const list = [...proposalsOf(answers)];
  const at = index ?? list.length;
  list[at] = item;
  const own = `${PROPOSALS}[${at}].`;
  const onField = (f: string) => {
    if (!f.startsWith(own)) return null;
    const name = f.slice(own.length) as keyof typeof PROPOSAL_FORM;
    return PROPOSAL_FORM[name] ?? null;
  };
  return checked(answers, { [PROPOSALS]: list }, today, onField, PROPOSAL_FORM.notified);
}

/** A proposal removed: the rest of the list, or no list at all once it is empty. */
export function removeProposal(answers: Facts, index: number): Record<string, unknown> {
  const list = proposalsOf(answers).filter((_, i) => i !== index);
  return { [PROPOSALS]: list.length ? list : undefined };
}
