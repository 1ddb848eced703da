/**
 * Re-examination for exceptional circumstances: L612-3 IX (the four grounds), D612-1-25 (the rector of the
 * région the candidate depends on), D612-1-26 (who may ask, and the four conditions), domain.md §2.
 */
import type { Condition, Context, ProcedureDef } from '../engine';
import { andThen, known, orElse, type Tri, when } from '../tri';
import { authorityOf, calendarNotes, parcoursupDates } from './common';
import { canRegisterComplementary, registration } from './parcoursup-conditions';

const COUNTS = {
  main: ['parcoursup.main.proposals', 'parcoursup.main.waiting', 'parcoursup.main.negative'],
  complementary: ['parcoursup.complementary.proposals', 'parcoursup.complementary.waiting', 'parcoursup.complementary.negative'],
} as const;

const phaseAnswers = (ctx: Context, phase: 'main' | 'complementary', took: Tri, test: (p: number, w: number, n: number) => boolean): Tri =>
  when(took, () => {
    const [pp, wp, np] = COUNTS[phase];
    const p = ctx.fact<number>(pp);
    const w = ctx.fact<number>(wp);
    const n = ctx.fact<number>(np);
    return p === undefined || w === undefined || n === undefined ? null : test(p, w, n);
  }, true);

const took = (ctx: Context, path: string): Tri => known(ctx.fact<boolean>(path), (v) => v);

const CALENDAR_FIELDS = ['answersStart', 'complementaryEnd'] as const;

export const REEXAMINATION_CONDITIONS: Condition[] = [
  {
    // D612-1-26: the request may be made « tout au long de la procédure », which ends with the complementary phase.
    id: 'pr.during-procedure', source: 'D612-1-26 al. 1', kind: 'law',
    inputs: ['calendar:parcoursup.complementaryEnd'],
    test: (ctx) => known(ctx.parcoursup('complementaryEnd').date ?? undefined, (end) => ctx.today <= end),
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
    test: (ctx) => orElse(() => took(ctx, 'parcoursup.mainPhase'), () => took(ctx, 'parcoursup.complementaryRegistered')),
    change: (ctx) => ctx.fact('parcoursup.complementaryRegistered') === false && canRegisterComplementary(ctx)
      ? registration(ctx)
      : null,
  },
  {
    // 1° « remplit les conditions […] du troisième alinéa de l'article D. 612-1-23 »: ruling, category 2 or 3
    // (domain.md §2, with a note on the reading).
    id: 'pr.condition-1', source: 'D612-1-26 1°', kind: 'law',
    any: ['pa.category-2', 'pa.category-3'],
  },
  {
    // 2° refused by every programme asked for and, given their needs, not considering others.
    id: 'pr.condition-2', source: 'D612-1-26 2°', kind: 'law',
    inputs: ['parcoursup.mainPhase', 'parcoursup.main.proposals', 'parcoursup.main.waiting', 'parcoursup.main.negative',
      'parcoursup.complementaryRegistered', 'parcoursup.complementary.proposals', 'parcoursup.complementary.waiting',
      'parcoursup.complementary.negative', 'parcoursup.noOtherApplications'],
    test: (ctx) => andThen(
      () => phaseAnswers(ctx, 'main', took(ctx, 'parcoursup.mainPhase'), (p, w) => p === 0 && w === 0),
      () => phaseAnswers(ctx, 'complementary', took(ctx, 'parcoursup.complementaryRegistered'), (p, w) => p === 0 && w === 0),
      // at least one wish was refused
      () => orElse(
        () => andThen(() => took(ctx, 'parcoursup.mainPhase'), () => known(ctx.fact<number>('parcoursup.main.negative'), (n) => n > 0)),
        () => andThen(() => took(ctx, 'parcoursup.complementaryRegistered'), () => known(ctx.fact<number>('parcoursup.complementary.negative'), (n) => n > 0)),
      ),
      () => known(ctx.fact<boolean>('parcoursup.noOtherApplications'), (v) => v),
    ),
  },
  {
    // 3° an accepted proposal, or 4° proposals received before a change of situation, that the student's needs
    // rule out: both need a proposal received.
    id: 'pr.condition-3-4', source: 'D612-1-26 3° et 4°', kind: 'law',
    inputs: ['parcoursup.proposalsUnsuitable', 'parcoursup.mainPhase', 'parcoursup.main.proposals',
      'parcoursup.complementaryRegistered', 'parcoursup.complementary.proposals'],
    test: (ctx) => andThen(
      () => known(ctx.fact<boolean>('parcoursup.proposalsUnsuitable'), (v) => v),
      () => orElse(
        () => when(took(ctx, 'parcoursup.mainPhase'), () => known(ctx.fact<number>('parcoursup.main.proposals'), (n) => n > 0), false),
        () => when(took(ctx, 'parcoursup.complementaryRegistered'), () => known(ctx.fact<number>('parcoursup.complementary.proposals'), (n) => n > 0), false),
      ),
    ),
  },
  {
    id: 'pr.one-condition', source: 'D612-1-26', kind: 'law',
    any: ['pr.condition-1', 'pr.condition-2', 'pr.condition-3-4'],
  },
  {
    // Registering in the complementary phase, while it runs, gives the wish D612-1-26 asks for.
    id: 'pr.can-register', source: 'D612-1-26 al. 1', kind: 'platform',
    evidence: 'Parcoursup : inscription en phase complémentaire jusqu’à sa fin',
    inputs: ['parcoursup.complementaryRegistered', 'calendar:parcoursup.complementaryEnd'],
    test: (ctx) => andThen(
      () => known(ctx.fact<boolean>('parcoursup.complementaryRegistered'), (v) => !v),
      () => canRegisterComplementary(ctx),
    ),
    change: registration,
  },
  {
    // None of the four conditions holds yet, but one still may: answers still awaited (2°), or a
    // registration in the complementary phase without any proposal so far (1°, category 2).
    id: 'pr.may-still-qualify', source: 'D612-1-26', kind: 'law',
    inputs: ['parcoursup.mainPhase', 'parcoursup.main.waiting', 'parcoursup.main.proposals', 'parcoursup.complementaryRegistered',
      'parcoursup.complementary.waiting', 'calendar:parcoursup.complementaryEnd'],
    test: (ctx) => orElse(
      () => andThen(() => took(ctx, 'parcoursup.mainPhase'), () => known(ctx.fact<number>('parcoursup.main.waiting'), (n) => n > 0)),
      () => andThen(() => took(ctx, 'parcoursup.complementaryRegistered'), () => known(ctx.fact<number>('parcoursup.complementary.waiting'), (n) => n > 0)),
      () => andThen(
        () => known(ctx.fact<boolean>('parcoursup.complementaryRegistered'), (v) => !v),
        () => canRegisterComplementary(ctx),
        () => orElse(() => known(ctx.fact<boolean>('parcoursup.mainPhase'), (v) => !v), () => known(ctx.fact<number>('parcoursup.main.proposals'), (n) => n === 0)),
      ),
    ),
    change: (ctx) => (ctx.fact<boolean>('parcoursup.complementaryRegistered') === false
      ? registration(ctx)
      : { id: 'answers-pending', field: null, type: 'event', date: ctx.parcoursup('complementaryEnd').date }),
  },
  {
    // In practice the request is made from the Parcoursup file from the first day of main-phase answers.
    id: 'pr.answers-open', source: 'D612-1-26 al. 1', kind: 'practice',
    evidence: 'parcoursup.fr (2021) ; académie de Paris (2023) : « dès cette date, y compris lorsqu’ils ont reçu une proposition »',
    inputs: ['calendar:parcoursup.answersStart'],
    test: (ctx) => known(ctx.parcoursup('answersStart').date ?? undefined, (d) => ctx.today >= d),
    change: (ctx) => ({ id: 'answers-start', field: null, type: 'event', date: ctx.parcoursup('answersStart').date }),
  },
];

export const parcoursupReexamination: ProcedureDef = {
  id: 'parcoursup-reexamination',
  conditions: [
    'pr.during-procedure', 'pr.circumstance', 'pr.has-wish', 'pr.one-condition', 'pr.condition-1',
    'pa.category-2', 'pa.category-3', 'pr.condition-2', 'pr.condition-3-4', 'pr.can-register', 'pr.may-still-qualify',
    'pr.answers-open',
  ],
  gates: [
    { condition: 'pr.during-procedure', onFalse: 'too-late' },
    { condition: 'pr.circumstance', onFalse: 'not-eligible' },
    { condition: 'pr.has-wish', onFalse: 'not-eligible', recoverable: 'pr.can-register' },
    { condition: 'pr.one-condition', onFalse: 'not-eligible', recoverable: 'pr.may-still-qualify' },
    { condition: 'pr.answers-open', onFalse: 'not-yet' },
  ],
  routing: ['parcoursup.region'],
  dates: parcoursupDates('answersStart', 'practice', 'first-day-of-answers'),
  authority: (ctx) => authorityOf(ctx, 'parcoursup.region'),
  notes: (ctx, status) => {
    const notes = [];
    if ((ctx.result('pr.condition-1') !== undefined)) notes.push({ id: 'd612-1-26-condition-1-reading', kind: 'context' as const, source: 'D612-1-26 1°' });
    const open = status === 'eligible' || status === 'not-yet';
    if (open) notes.push({ id: 'rector-appreciates', kind: 'law' as const, source: 'L612-3 IX' });
    const c = ctx.fact<string[]>('parcoursup.circumstances') ?? [];
    if (open && (c.includes('health') || c.includes('disability'))) {
      notes.push({ id: 'medical-documents-confidential', kind: 'law' as const, source: 'D612-1-27' });
    }
    if (open) notes.push({ id: 'end-is-practice', kind: 'practice' as const });
    return [...notes, ...(status === 'not-eligible' ? [] : calendarNotes(ctx, 'parcoursup', CALENDAR_FIELDS))];
  },
};
