/**
 * Re-examination for exceptional circumstances: L612-3 IX (the four grounds), D612-1-25 (the rector of the
 * région the candidate depends on), D612-1-26 (who may ask, and the four conditions), docs/rulings.md §Re-examination.
 */
import type { Context } from '../context';
import { andThen, known, not, orElse, type Tri, when } from '../tri';
import type { Change, Condition, Note, ProcedureDef, Status } from '../types';
import { circumstancePapers } from '../documents';
import type { Circumstance } from '../facts';
import { authorityOf, calendarNotes, parcoursupDates, seasonOver } from './common';
import { afterEndNotes, canRegisterComplementary, parcoursupSteps, registered, registration, tookPart } from './parcoursup-conditions';

const COUNTS = {
  main: ['parcoursup.main.proposals', 'parcoursup.main.waiting', 'parcoursup.main.negative'],
  complementary: ['parcoursup.complementary.proposals', 'parcoursup.complementary.waiting', 'parcoursup.complementary.negative'],
} as const;

/** A test of one phase's three counts; a phase the candidate did not take part in passes. */
const phaseAnswers = (ctx: Context, phase: 'main' | 'complementary', took: Tri, test: (p: number, w: number, n: number) => boolean): Tri =>
  when(took, () => {
    const [pp, wp, np] = COUNTS[phase];
    const p = ctx.fact<number>(pp);
    const w = ctx.fact<number>(wp);
    const n = ctx.fact<number>(np);
    return p === undefined || w === undefined || n === undefined ? null : test(p, w, n);
  }, true);

/**
 * A proposal received in either phase (declined ones included: the law says « reçu »); an apprenticeship-only
 * main phase's "proposals" need a contract and do not count (practice, as for the accompaniment).
 */
const receivedProposal = (ctx: Context): Tri => orElse(
  () => when(tookPart(ctx), () => andThen(
    () => known(ctx.fact<number>('parcoursup.main.proposals'), (n) => n > 0),
    () => known(ctx.fact<boolean>('parcoursup.mainPhaseApprenticeshipOnly'), (v) => !v),
  ), false),
  () => when(registered(ctx), () => known(ctx.fact<number>('parcoursup.complementary.proposals'), (n) => n > 0), false),
);

/**
 * A phase's waiting wishes are answers still to come only until the phase ends (arrêté of the session,
 * art. 1: the main phase's answers and choices end on `mainPhaseEnd`; the complementary phase's on
 * `complementaryEnd`), and can only lead to 2°, which also needs no other applications considered
 * (`noOtherApplications` not false). 1° does not wait on them: category 2 holds for a registered candidate of
 * the main phase whatever their waiting wishes, and registering is its own way (D612-1-23 I al. 3).
 */
function waitingMayQualify(ctx: Context, phase: 'main' | 'complementary'): Tri {
  return andThen(
    () => (phase === 'main' ? tookPart(ctx) : registered(ctx)),
    () => known(ctx.fact<number>(COUNTS[phase][1]), (n) => n > 0),
    () => ctx.optionalFact<boolean>('parcoursup.noOtherApplications') !== false,
    () => ctx.notPassed('parcoursup', phase === 'main' ? 'mainPhaseEnd' : 'complementaryEnd'),
  );
}

/** Evidence that the request is made from the first day of main-phase answers. */
const ANSWERS_EVIDENCE = 'parcoursup.fr (2021) ; académie de Paris (2023) : « dès cette date, y compris lorsqu’ils ont reçu une proposition »';

export const REEXAMINATION_CONDITIONS: Condition[] = [
  {
    // D612-1-26: the request may be made « tout au long de la procédure », which ends with the complementary phase.
    id: 'pr.during-procedure', source: 'D612-1-26 al. 1', kind: 'law',
    inputs: ['session:parcoursup', 'calendar:parcoursup.complementaryEnd'],
    test: (ctx) => ctx.notPassed('parcoursup', 'complementaryEnd'),
  },
  {
    // L612-3 IX: « des circonstances exceptionnelles tenant à son état de santé, à son handicap, à son
    // inscription en tant que sportif de haut niveau […] ou à ses charges de famille »
    id: 'pr.circumstance', source: 'L612-3 IX', anchor: 'L612-3-IX', kind: 'law',
    inputs: ['parcoursup.circumstances'],
    test: (ctx) => known(ctx.fact<string[]>('parcoursup.circumstances'), (c) => c.length > 0),
  },
  {
    // D612-1-26: a candidate « ayant confirmé au moins un vœu en phase principale ou, à défaut, ayant formulé
    // au moins un vœu en phase complémentaire ».
    id: 'pr.has-wish', source: 'D612-1-26 al. 1', kind: 'law',
    inputs: ['parcoursup.mainPhase', 'parcoursup.complementaryRegistered'],
    test: (ctx) => orElse(() => tookPart(ctx), () => registered(ctx)),
  },
  {
    // 1° « remplit les conditions […] du troisième alinéa de l'article D. 612-1-23 »: ruling, category 2 or 3
    // (docs/rulings.md §Re-examination, with a note on the reading).
    id: 'pr.condition-1', source: 'D612-1-26 1°', kind: 'law',
    any: ['pa.category-2', 'pa.category-3', 'pa.category-3-apprenticeship'],
  },
  {
    // 2° refused by every programme asked for and, given their needs, not considering others.
    id: 'pr.condition-2', source: 'D612-1-26 2°', kind: 'law',
    inputs: ['parcoursup.mainPhase', 'parcoursup.main.proposals', 'parcoursup.main.waiting', 'parcoursup.main.negative',
      'parcoursup.complementaryRegistered', 'parcoursup.complementary.proposals', 'parcoursup.complementary.waiting',
      'parcoursup.complementary.negative', 'parcoursup.noOtherApplications'],
    test: (ctx) => andThen(
      () => phaseAnswers(ctx, 'main', tookPart(ctx), (p, w) => p === 0 && w === 0),
      () => phaseAnswers(ctx, 'complementary', registered(ctx), (p, w) => p === 0 && w === 0),
      // at least one wish was refused
      () => orElse(
        () => andThen(() => tookPart(ctx), () => known(ctx.fact<number>('parcoursup.main.negative'), (n) => n > 0)),
        () => andThen(() => registered(ctx), () => known(ctx.fact<number>('parcoursup.complementary.negative'), (n) => n > 0)),
      ),
      () => known(ctx.fact<boolean>('parcoursup.noOtherApplications'), (v) => v),
    ),
  },
  {
    // 3° an accepted proposal, or 4° proposals received before a change of situation, that the student's needs
    // rule out: both need a proposal received.
    id: 'pr.condition-3-4', source: 'D612-1-26 3° et 4°', kind: 'law',
    inputs: ['parcoursup.proposalsUnsuitable', 'parcoursup.mainPhase', 'parcoursup.main.proposals', 'parcoursup.mainPhaseApprenticeshipOnly',
      'parcoursup.complementaryRegistered', 'parcoursup.complementary.proposals'],
    test: (ctx) => andThen(
      () => known(ctx.fact<boolean>('parcoursup.proposalsUnsuitable'), (v) => v),
      () => receivedProposal(ctx),
    ),
  },
  {
    id: 'pr.one-condition', source: 'D612-1-26', kind: 'law',
    any: ['pr.condition-1', 'pr.condition-2', 'pr.condition-3-4'],
    // A candidate with a proposal relies on 3° or 4° alone: a later change of situation could still open it.
    change: (ctx) => (receivedProposal(ctx) === true
      ? { id: 'if-situation-changes', field: 'parcoursup.proposalsUnsuitable', type: 'event' }
      : null),
  },
  {
    // Registering in the complementary phase, until its wishes close, gives the wish D612-1-26 asks for.
    id: 'pr.can-register', source: 'Parcoursup : vœux de phase complémentaire jusqu’à leur date de clôture', kind: 'platform',
    inputs: ['parcoursup.complementaryRegistered', 'session:parcoursup', 'calendar:parcoursup.complementaryWishesEnd', 'calendar:parcoursup.complementaryStart', 'calendar:parcoursup.complementaryEnd'],
    test: (ctx) => andThen(
      () => known(ctx.fact<boolean>('parcoursup.complementaryRegistered'), (v) => !v),
      () => canRegisterComplementary(ctx),
    ),
    change: registration,
  },
  {
    // None of the four conditions holds yet, but 1° or 2° still may: both need no proposal received
    // (docs/rulings.md §Re-examination), with answers still to come that may make 2° (`waitingMayQualify`), or
    // a registration in the complementary phase still possible (1°).
    id: 'pr.may-still-qualify', source: 'D612-1-26 1° et 2°', kind: 'law',
    inputs: ['parcoursup.mainPhase', 'parcoursup.main.waiting', 'parcoursup.main.proposals', 'parcoursup.mainPhaseApprenticeshipOnly',
      'parcoursup.complementaryRegistered', 'parcoursup.complementary.waiting', 'parcoursup.complementary.proposals',
      'parcoursup.complementary.negative', 'parcoursup.noOtherApplications', 'session:parcoursup', 'calendar:parcoursup.mainPhaseEnd',
      'calendar:parcoursup.complementaryWishesEnd', 'calendar:parcoursup.complementaryStart', 'calendar:parcoursup.complementaryEnd'],
    test: (ctx) => andThen(
      () => not(receivedProposal(ctx)),
      () => orElse(
        () => waitingMayQualify(ctx, 'main'),
        () => waitingMayQualify(ctx, 'complementary'),
        // Complementary-only (or apprenticeship-only), no answer yet: the first negative one makes category 3 (1°).
        () => andThen(
          () => registered(ctx),
          () => orElse(() => not(tookPart(ctx)), () => known(ctx.fact<boolean>('parcoursup.mainPhaseApprenticeshipOnly'), (v) => v)),
          () => known(ctx.fact<number>('parcoursup.complementary.negative'), (n) => n === 0),
        ),
        // Not registered yet: registering (while wishes are open) may lead to 1°.
        () => andThen(() => known(ctx.fact<boolean>('parcoursup.complementaryRegistered'), (v) => !v), () => canRegisterComplementary(ctx)),
      ),
    ),
    // Registering only while it can still be done (never a step whose last day has passed); else the answers awaited, by their phase's end.
    change: (ctx) => (ctx.optionalFact<boolean>('parcoursup.complementaryRegistered') === false && canRegisterComplementary(ctx) !== false
      ? registration(ctx)
      : { id: 'answers-pending', field: null, type: 'event', date: ctx.date('parcoursup', waitingMayQualify(ctx, 'main') === true ? 'mainPhaseEnd' : 'complementaryEnd')?.date ?? null }),
  },
  {
    // In practice the request is made to the rectorat's CAES from the first day of main-phase answers.
    id: 'pr.answers-open', source: ANSWERS_EVIDENCE, kind: 'practice',
    inputs: ['session:parcoursup', 'calendar:parcoursup.answersStart'],
    test: (ctx) => ctx.reached('parcoursup', 'answersStart'),
    change: (ctx) => ({ id: 'answers-start', field: null, type: 'event', date: ctx.date('parcoursup', 'answersStart')?.date ?? null }),
  },
];

function notes(ctx: Context, status: Status): Note[] {
  const out: Note[] = [];
  if (ctx.result('pr.condition-1') !== undefined) out.push({ id: 'd612-1-26-condition-1-reading', kind: 'context', source: 'D612-1-26 1°' });
  const open = status === 'eligible' || status === 'not-yet';
  if (open) out.push({ id: 'rector-appreciates', kind: 'law', source: 'L612-3 IX' });
  const c = ctx.fact<string[]>('parcoursup.circumstances') ?? [];
  if (open && (c.includes('health') || c.includes('disability'))) {
    out.push({ id: 'medical-documents-confidential', kind: 'law', source: 'D612-1-27 al. 2' });
  }
  if (open) out.push({ id: 'end-is-practice', kind: 'practice' });
  // No condition of D612-1-26 ages: the next session is open to every candidate.
  if (status === 'too-late') out.push(...afterEndNotes(ctx, true));
  // Not registered in the complementary phase: registering is offered until the wishes close, so their end
  // is said, or that it is unpublished (docs/rulings.md §Accompaniment), as the accompaniment does.
  const wishes = ctx.optionalFact<boolean>('parcoursup.complementaryRegistered') === false ? ['complementaryWishesEnd' as const] : [];
  return [...out, ...(status === 'not-eligible' || seasonOver(ctx, 'parcoursup') ? [] : calendarNotes(ctx, 'parcoursup', ['answersStart', ...wishes, 'complementaryEnd']))];
}

/**
 * Beyond the walk's changes: the main phase's steps still ahead (parcoursupSteps), and while the request may
 * still be made, the papers the circumstances call for, to gather now (they take time: a doctor, the MDPH).
 */
function actions(ctx: Context, status: Status): { first: Change[]; last: Change[] } {
  const first = parcoursupSteps(ctx, status);
  if (status !== 'not-yet' && status !== 'unknown') return { first, last: [] };
  const papers = circumstancePapers(ctx.optionalFact<Circumstance[]>('parcoursup.circumstances') ?? []);
  return { first, last: papers.length ? [{ id: 'prepare-documents', field: null, kind: 'practice', type: 'action', papers }] : [] };
}

export const parcoursupReexamination: ProcedureDef = {
  id: 'parcoursup-reexamination',
  gates: [
    { condition: 'pr.during-procedure', onFalse: 'too-late' },
    { condition: 'pr.circumstance', onFalse: 'not-eligible' },
    { condition: 'ps.session-started', onFalse: 'not-yet' },
    { condition: 'pr.has-wish', onFalse: 'not-eligible', recoverable: 'pr.can-register' },
    { condition: 'pr.one-condition', onFalse: 'not-eligible', recoverable: 'pr.may-still-qualify' },
    { condition: 'pr.answers-open', onFalse: 'not-yet' },
  ],
  routing: ['parcoursup.region'],
  dates: parcoursupDates('answersStart', 'practice', 'first-day-of-answers'),
  authority: (ctx) => authorityOf(ctx, 'parcoursup.region'),
  // The candidate's Parcoursup file, where the request is made.
  official: 'https://dossierappel.parcoursup.fr/',
  notes,
  actions,
};
