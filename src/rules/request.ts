/**
 * The request a student sends, as a plan: which article it invokes, where and to whom it goes, and which
 * facts of the student's situation it states, as message ids and parameters (dates stay civil dates, régions
 * ids). The UI writes it in French (the rectorat reads French) and, beside it, in the reader's language.
 * Every date comes from the answers or from the result, never from prose. Which procedures get one:
 * ./preparable.ts.
 */
import type { CivilDate } from './civil-date';
import { getPath, type Facts } from './facts';
import type { Kind, ProcedureId, ProcedureResult } from './types';

/** A sentence of the request: `prepare.letter.<id>` with its parameters. */
export interface Sentence { id: string; params: Record<string, string | number | readonly string[]> }

export interface Channel { kind: Kind; source: string }

/**
 * How the request is written: a `letter` (the student's and the rector's addresses, a subject, the article
 * quoted), or a short `message` pasted where the platform asks for it, the channel identifying the student.
 */
export type RequestForm = 'letter' | 'message';

export interface RequestPlan {
  form: RequestForm;
  /** The article the request invokes, as an anchor into the shipped texts (src/rules/legal). */
  invokes: { anchor: string; article: string };
  /** Where it is sent and who receives it, each with what says so. */
  channel: readonly Channel[];
  /** The facts of the situation, in the order the letter states them. */
  facts: Sentence[];
  /** What the student asks, with the deadline when there is one. */
  request: Sentence[];
}

/** Each procedure's article, and what routes the request (the law first, then the platform that carries it). */
const INVOKES: Readonly<Record<ProcedureId, RequestPlan['invokes']>> = {
  'master-referral': { anchor: 'R612-36-3-I-al1', article: 'R612-36-3' },
  'parcoursup-reexamination': { anchor: 'L612-3-IX', article: 'L612-3' },
  'parcoursup-accompaniment': { anchor: 'L612-3-VIII', article: 'L612-3' },
};

// The CAES request is a message in the candidate's Parcoursup file (the file already names the candidate):
// a few sentences, no postal letter. The others go to the rector as a letter (Mon Master's teleservice takes it
// as the cover letter; the re-examination goes to the rectorat).
const FORMS: Readonly<Record<ProcedureId, RequestForm>> = {
  'master-referral': 'letter',
  'parcoursup-reexamination': 'letter',
  'parcoursup-accompaniment': 'message',
};

/** How a procedure's request is written, for the words that name it before it is built (a letter, or a text). */
export const requestForm = (id: ProcedureId): RequestForm => FORMS[id];

const CHANNELS: Readonly<Record<ProcedureId, readonly Channel[]>> = {
  // The rector of the région of the licence, through a national teleservice.
  'master-referral': [{ kind: 'law', source: 'R612-36-3 I al. 1 et al. 3' }, { kind: 'platform', source: 'Mon Master, « Saisir le recteur »' }],
  // The rector of the région académique the candidate depends on (D612-1-25 al. 1), one path: the address or the
  // online form that the rectorat's CAES page gives.
  'parcoursup-reexamination': [
    { kind: 'law', source: 'D612-1-25 al. 1' },
    { kind: 'practice', source: 'Pages CAES des rectorats (par ex. académie de Normandie) : adresse ou formulaire en ligne du rectorat' },
  ],
  // The rector of the région académique, through the CAES request of the Parcoursup file.
  'parcoursup-accompaniment': [{ kind: 'law', source: 'L612-3 VIII ; D612-1-23 III' }, { kind: 'platform', source: 'Parcoursup, dossier du candidat (CAES)' }],
};

const num = (facts: Facts, path: string) => getPath(facts, path) as number | undefined;
const holds = (r: ProcedureResult, id: string) => r.reasons.some((x) => x.id === id && x.holds === true);
/** The date a note carries (`waiting-list-counted-as-refused`: the end of the admission phase). */
const noteDate = (r: ProcedureResult, id: string) => r.notes.find((n) => n.id === id)?.date as CivilDate | null | undefined;

function masterFacts(facts: Facts, r: ProcedureResult, session: number | null): Sentence[] {
  const out: Sentence[] = [];
  const licenceDate = getPath(facts, 'master.licenceDate') as CivilDate | null | undefined;
  const region = getPath(facts, 'master.licenceRegion') as string | undefined;
  if (licenceDate && region) out.push({ id: 'master.licence', params: { date: licenceDate, region } });
  const applications = num(facts, 'master.applications');
  if (applications !== undefined) out.push({ id: session ? 'master.applications' : 'master.applicationsNoSession', params: { count: applications, ...(session ? { session } : {}) } });
  out.push({ id: 'master.noPositive', params: {} });
  const refusals = num(facts, 'master.refusals');
  const mentions = num(facts, 'master.refusalMentions');
  const establishments = num(facts, 'master.refusalEstablishments');
  if (refusals !== undefined && refusals > 0) {
    out.push(mentions !== undefined && establishments !== undefined
      ? { id: 'master.refusalsSpread', params: { count: refusals, mentions, establishments } }
      : { id: 'master.refusals', params: { count: refusals } });
  }
  const last = getPath(facts, 'master.lastRefusalDate') as CivilDate | null | undefined;
  if (last) out.push({ id: 'master.lastRefusal', params: { date: last } });
  for (const id of ['waiting-list-counted-as-refused', 'pending-counted-as-refused'] as const) {
    const date = noteDate(r, id);
    if (date) out.push({ id: id === 'waiting-list-counted-as-refused' ? 'master.waitingCounted' : 'master.pendingCounted', params: { date } });
  }
  // R612-36-3 I al. 1: « Un placement en recherche de contrat d'alternance ne fait pas obstacle à cette saisine. »
  const contracts = num(facts, 'master.contractSearch') ?? 0;
  if (contracts > 0) out.push({ id: 'master.contractSearch', params: { count: contracts } });
  return out;
}

function reexaminationFacts(facts: Facts, r: ProcedureResult, session: number | null): Sentence[] {
  const out: Sentence[] = [];
  out.push(session ? { id: 'reexam.candidate', params: { session } } : { id: 'reexam.candidateNoSession', params: {} });
  // D612-1-26: the conditions the student meets, as the rules found them.
  if (holds(r, 'pr.condition-1')) out.push({ id: 'reexam.condition1', params: {} });
  if (holds(r, 'pr.condition-2')) out.push({ id: 'reexam.condition2', params: {} });
  if (holds(r, 'pr.condition-3-4')) out.push({ id: 'reexam.condition34', params: {} });
  const circumstances = (getPath(facts, 'parcoursup.circumstances') as string[] | undefined) ?? [];
  if (circumstances.length) out.push({ id: 'reexam.circumstances', params: { circumstances } });
  return out;
}

function accompanimentFacts(facts: Facts, r: ProcedureResult, session: number | null): Sentence[] {
  const out: Sentence[] = [session ? { id: 'caes.candidate', params: { session } } : { id: 'caes.candidateNoSession', params: {} }];
  const mainNegative = num(facts, 'parcoursup.main.negative');
  const complementaryNegative = num(facts, 'parcoursup.complementary.negative');
  if (r.category === 1 && mainNegative !== undefined) out.push({ id: 'caes.category1', params: { count: mainNegative } });
  else if (r.category === 2) out.push({ id: 'caes.category2', params: {} });
  else if (r.category === 3) out.push({ id: 'caes.category3', params: { count: complementaryNegative ?? 1 } });
  else out.push({ id: 'caes.noProposal', params: {} });
  return out;
}

/**
 * The request for one procedure the student can use (eligible, or opening soon); `session` is the student's
 * session of that procedure's platform, as the result settled it (`Result.calendars`).
 */
export function requestPlan(id: ProcedureId, facts: Facts, r: ProcedureResult, session: number | null): RequestPlan {
  const deadline = r.deadline;
  if (id === 'master-referral') {
    return { form: FORMS[id], invokes: INVOKES[id], channel: CHANNELS[id], facts: masterFacts(facts, r, session),
      request: [deadline ? { id: 'master.request', params: { deadline } } : { id: 'master.requestNoDate', params: {} }] };
  }
  if (id === 'parcoursup-reexamination') {
    const c = (getPath(facts, 'parcoursup.circumstances') as string[] | undefined) ?? [];
    return { form: FORMS[id], invokes: INVOKES[id], channel: CHANNELS[id], facts: reexaminationFacts(facts, r, session),
      request: [{ id: 'reexam.request', params: {} }, ...(c.includes('health') || c.includes('disability') ? [{ id: 'reexam.confidential', params: {} }] : [])] };
  }
  return { form: FORMS[id], invokes: INVOKES[id], channel: CHANNELS[id], facts: accompanimentFacts(facts, r, session), request: [{ id: 'caes.request', params: {} }] };
}

/**
 * An article's first sentence, the words a request quotes. A sentence ends with a full stop before a capital;
 * « L. 612-3 » and « D. 612-1-2 » (a full stop before a figure) do not end one.
 */
export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s+[A-ZÀ-ÖØ-Þ«]|$)/su.exec(text.trim());
  return m ? m[0] : text.trim();
}
