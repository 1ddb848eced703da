/**
 * What follows a Master referral (R612-36-3 I al. 4 to 8, III; docs/rulings.md §"After the referral"): the
 * rector's proposals, eight days to answer each, and where the student then stands. It never changes the
 * referral's status (whether the student can refer now): it dates what the student records after referring.
 * The proposals' dates read only the record and today; the law's notes on what the rector owes read the
 * referral's status too (I al. 4: owed to the student who meets the conditions).
 */
import type { CivilDate } from '../civil-date';
import type { Context } from '../context';
import { ACT_BY_RULE, answeredInTime, deadlineRule, movedDeadline, notExtendedNote, PROPOSAL_DAYS, proposalWindow } from '../deadlines';
import type { RectorProposal } from '../facts';
import { referralTiming } from './master-window';
import type { DateInfo, FollowRule, FollowUp, FollowUpDef, FollowUpStage, Note, ProposalFollowUp } from '../types';

/** I al. 4: « au moins trois propositions d'admission ». */
export const MIN_PROPOSALS = 3;

const THREE = 'R612-36-3 I al. 4 et 6';
const EIGHT_DAYS = 'R612-36-3 I al. 8';
const ACCEPTANCE = 'R612-36-3 I al. 7';
const COMMISSION = 'R612-36-3 III';
const COUNTING = 'RecoursSup : aucun texte ne fixe le décompte ; jour de la notification non compté, dernier jour non reporté';
const ACT_BY = 'RecoursSup : un jour avant le dernier jour, par prudence';

export const PROPOSAL_RULES: readonly FollowRule[] = [
  // I al. 4: « présente à l'étudiant […] au moins trois propositions d'admission »; al. 6: « l'une au moins des
  // trois […] concerne l'établissement dans lequel il a obtenu sa licence lorsque l'offre de formation dans cet
  // établissement le permet et, à défaut, un établissement de la région académique ».
  { id: 'ma.three-proposals', source: THREE, anchor: 'R612-36-3-I-al4', kind: 'law' },
  // I al. 8: « Si l'étudiant n'a pas donné de réponse à une proposition du recteur dans un délai de huit jours
  // suivant sa notification, il est réputé l'avoir refusée ».
  { id: 'ma.proposal-eight-days', source: EIGHT_DAYS, anchor: 'R612-36-3-I-al8', kind: 'law' },
  // The counting is the project's ruling, as for the fifteen days (docs/rulings.md §"Counting days"): the
  // notification day not counted, the last day never moved. Labelled as the project's other rulings are.
  { id: 'ma.proposal-counting', source: COUNTING, kind: 'practice' },
  // The safer day to answer, one earlier, as for the fifteen days: the project's ruling, no article says it.
  { id: 'ma.proposal-act-by', source: ACT_BY, kind: 'practice' },
  // I al. 7: « L'acceptation par l'étudiant d'une proposition met fin au traitement de la saisine » ; the
  // enrolment is « de droit » on request to the head of the establishment.
  { id: 'ma.acceptance-ends', source: ACCEPTANCE, anchor: 'R612-36-3-I-al7', kind: 'law' },
  // III: « Lorsque l'application des dispositions du I n'a pas permis de proposer à l'étudiant une admission »:
  // a commission d'accès au deuxième cycle examines the case. Read as written: no proposal could be made.
  { id: 'ma.commission', source: COMMISSION, anchor: 'R612-36-3-III', kind: 'law' },
];

const info = (date: CivilDate, basis: string, kind: DateInfo['kind'], rule: string): DateInfo =>
  ({ date, source: EIGHT_DAYS, kind, provisional: false, rule, basis });

const DEADLINE_RULE = deadlineRule(PROPOSAL_DAYS);

/** The one acceptance given in time (or on a day not given): the facts allow one acceptance at most. */
function acceptedIndex(list: readonly RectorProposal[]): number | null {
  const i = list.findIndex((p) => p.answer === 'accepted' && answeredInTime(p.notified, p.answered));
  return i < 0 ? null : i;
}

/**
 * `acceptedOn`: the day another proposal was accepted (its notification when the day is not given), or null.
 * Unanswered then, a proposal whose days still ran that day is `ended` for good; one that ran out before it
 * had `lapsed`.
 */
function proposalOf(p: RectorProposal, i: number, today: CivilDate, acceptedOn: CivilDate | null): ProposalFollowUp {
  const w = proposalWindow(p.notified);
  const basis = `master.rectorProposals[${i}].notified`;
  // An answer after the eight days comes after the proposal was deemed refused: it lapsed all the same; but
  // one given by the last day moved to the next working day is not judged late (a note says the rectorat
  // decides): no text fixes the counting (docs/rulings.md §"Counting days").
  const late = !answeredInTime(p.notified, p.answered);
  const unanswered = acceptedOn !== null ? (w.deadline >= acceptedOn ? 'ended' : 'lapsed') : today > w.deadline ? 'lapsed' : 'open';
  const state = p.answer && !late ? 'answered' : late ? 'lapsed' : unanswered;
  return {
    notified: p.notified, answer: p.answer ?? null, answered: p.answered ?? null, state,
    deadline: w.deadline, actBy: w.actBy,
    dates: { deadline: info(w.deadline, basis, 'law', DEADLINE_RULE), actBy: info(w.actBy, basis, 'practice', ACT_BY_RULE) },
  };
}

function stageOf(proposals: readonly ProposalFollowUp[], accepted: boolean): FollowUpStage {
  if (accepted) return 'accepted';
  if (proposals.some((p) => p.state === 'open')) return 'proposals-open';
  return proposals.length >= MIN_PROPOSALS ? 'declined' : 'awaiting-proposals';
}

function followUpNotes(stage: FollowUpStage, proposals: readonly ProposalFollowUp[], held: true | JudgedBecause): Note[] {
  const notes: Note[] = [];
  if (proposals.length) notes.push({ id: 'proposals-eight-days', kind: 'law', source: EIGHT_DAYS });
  for (const p of proposals) {
    if (p.answer && p.state === 'answered' && p.answered && p.answered > p.deadline) {
      notes.push({ id: 'answered-after-unextended-deadline', kind: 'context', source: EIGHT_DAYS, notified: p.notified, deadline: p.deadline, movedTo: movedDeadline(p.deadline), answered: p.answered, answer: p.answer });
    }
    if (p.answer && p.state === 'lapsed') {
      notes.push({ id: 'answered-after-deadline', kind: 'law', source: EIGHT_DAYS, notified: p.notified, deadline: p.deadline, answered: p.answered, answer: p.answer });
    }
    if (p.state === 'open') notes.push(...notExtendedNote(p.deadline, p.actBy));
  }
  if (stage === 'accepted') notes.push({ id: 'acceptance-ends-referral', kind: 'law', source: ACCEPTANCE });
  else if (held !== true) {
    // I al. 4: the proposals are owed « à l'étudiant qui remplit les conditions de saisine »; where the rules
    // do not find them met, the rector judges whether the referral is admissible.
    if (proposals.length < MIN_PROPOSALS) notes.push({ id: 'rector-judges-admissibility', kind: 'context', source: THREE, reason: held });
  } else if (proposals.length < MIN_PROPOSALS) notes.push({ id: 'rector-owes-three', kind: 'law', source: THREE, count: proposals.length });
  // III is for a student to whom no admission could be proposed; after three refused or lapsed, the texts
  // provide no further step (docs/rulings.md §"After the referral").
  if (held === true && !proposals.length) notes.push({ id: 'commission-if-no-proposal', kind: 'law', source: COMMISSION });
  if (stage === 'declined') notes.push({ id: 'all-proposals-declined', kind: 'context', source: COMMISSION });
  return notes;
}

/** R612-36-3 I al. 1 and 2: who may refer, whatever the day (the window's days are the referral's timing). */
const WHO_MAY_REFER = ['ma.licence-dnl', 'ma.licence-obtained', 'ma.within-three-years', 'ma.region-settled', 'ma.no-positive',
  'ma.minimum-reachable', 'ma.platform-two-applications', 'ma.minimum'] as const;

/**
 * Whether the rules find the conditions of referring met when the student referred (I al. 4): the referral
 * in time whichever day the service opened (`referralTiming`), and the student one who may refer; neither
 * depends on today (a referral in time stays so once the session is over).
 */
function conditionsHeld(ctx: Context, sent: CivilDate | undefined): true | JudgedBecause {
  // In order, the first that fails decides (as the walk would).
  const who = ctx.weigh(WHO_MAY_REFER, false);
  if (who.includes(false)) return 'conditions';
  // Without the referral's day its timing is not known (proposals recorded alone).
  const timing = sent ? referralTiming(ctx, sent)?.timing : undefined;
  if (timing === 'late') return 'late';
  return timing === 'in-time' && !who.includes(null) ? true : 'unknown';
}

/** Why the rector judges admissibility: a condition not met, a referral after the last day, or either not known. */
type JudgedBecause = 'conditions' | 'late' | 'unknown';

/** The student's record after the referral, dated on `today`; null when nothing is recorded. */
export function masterFollowUp(ctx: Context): FollowUp | null {
  const sent = ctx.optionalFact<CivilDate>('master.referralSent');
  const list = ctx.optionalFact<RectorProposal[]>('master.rectorProposals');
  if (sent === undefined && list === undefined) return null;
  const given = list ?? [];
  const accepted = acceptedIndex(given);
  const on = accepted === null ? null : given[accepted]!.answered ?? given[accepted]!.notified;
  const proposals = given.map((p, i) => proposalOf(p, i, ctx.today, on));
  const stage = stageOf(proposals, accepted !== null);
  return { referralSent: sent ?? null, stage, proposals, notes: followUpNotes(stage, proposals, conditionsHeld(ctx, sent)) };
}

export const MASTER_FOLLOW_UP: FollowUpDef = {
  facts: ['master.referralSent', 'master.rectorProposals'],
  rules: PROPOSAL_RULES,
  evaluate: masterFollowUp,
};
