/**
 * Conditions on the Parcoursup facts shared by the accompaniment (D612-1-23) and the re-examination
 * (D612-1-26 1° refers to the categories of D612-1-23 I). Each sits beside the words it encodes.
 */
import type { CivilDate } from '../civil-date';
import type { Context } from '../context';
import { andThen, known, orElse, type Tri, when } from '../tri';
import type { Change, Condition, Note, Status } from '../types';
import { caesSitsUntil, calendarStep, nextSessionNote, seasonOver, startedBy, stillAhead } from './common';

const P = 'parcoursup';

/** Pages that show the platform requiring complementary-phase wishes for the CAES request. */
export const CAES_PLATFORM_EVIDENCE = 'parcoursup.fr (2021) ; académies de Reims et d’Orléans-Tours, CSAIO de Lyon (2024)';

/**
 * Whether complementary-phase wishes can still be made: until they close, a few days before the phase
 * ends (docs/rulings.md §Accompaniment; 2025: 9 September for a phase ending the 11th). While that date is unpublished, the
 * phase's own dates still bound it: wishes are open until the phase has started at least, and closed once
 * it has ended; in between, unknown.
 */
export function canRegisterComplementary(ctx: Context): Tri {
  const v = orElse(
    () => ctx.notPassed('parcoursup', 'complementaryWishesEnd'),
    () => ctx.notPassed('parcoursup', 'complementaryStart'),
  );
  return v === null && ctx.passed('parcoursup', 'complementaryEnd') === true ? false : v;
}

/**
 * The action "register in the complementary phase and make a wish": until the wishes close (`date`),
 * and from the phase's first day (`from`) when it has not opened yet.
 */
export function registration(ctx: Context): Omit<Change, 'kind'> {
  const start = ctx.date('parcoursup', 'complementaryStart')?.date ?? null;
  return {
    id: 'register-complementary', field: `${P}.complementaryRegistered`, type: 'action',
    date: ctx.date('parcoursup', 'complementaryWishesEnd')?.date ?? null,
    ...(start && ctx.today < start ? { from: start } : {}),
  };
}

/**
 * The main phase's steps of a session that can still be done: make wishes until they close, confirm them by
 * their date, each on the day that applies in the candidate's région (La Réunion's wishes close later).
 */
function mainPhaseSteps(session: number, today: CivilDate, region: string | undefined): Change[] {
  const out: Change[] = [];
  if (stillAhead('parcoursup', session, 'wishesClose', today, region)) {
    out.push(calendarStep('parcoursup', session, today, { id: 'make-wishes', field: `${P}.mainPhase`, kind: 'platform', from: 'wishesOpen', until: 'wishesClose' }, region));
  }
  if (stillAhead('parcoursup', session, 'confirmBy', today, region)) {
    out.push(calendarStep('parcoursup', session, today, { id: 'confirm-wishes', field: `${P}.mainPhase`, kind: 'platform', until: 'confirmBy' }, region));
  }
  return out;
}

/** Practice (pa.bac-recent): a bac of the session's school year or the four previous ones. */
const bacRecent = (bacYear: number, session: number): boolean => bacYear >= session - 4 && bacYear <= session;

/**
 * Whether the candidate's bac would still be recent enough for the next session (the accompaniment's only
 * time-bound condition): true while the bac year is not given.
 */
export function bacRecentNext(ctx: Context): boolean {
  const session = ctx.session('parcoursup');
  const year = ctx.optionalFact<number>('parcoursup.bacYear');
  return session === null || year === undefined || bacRecent(year, session + 1);
}

/**
 * What a Parcoursup candidate can do now for their session (docs/rulings.md §"Steps the rules give"): before it opens, or
 * in it without a confirmed wish, the main phase's steps still ahead; after its season (too late), the
 * next session's, when the procedure's own time-bound conditions would still hold for it (`qualifiesNext`).
 */
export function parcoursupSteps(ctx: Context, status: Status, qualifiesNext = true): Change[] {
  const session = ctx.session('parcoursup');
  if (session === null) return [];
  const region = ctx.optionalFact<string>('parcoursup.region');
  if (status === 'too-late') return seasonOver(ctx, 'parcoursup') && qualifiesNext ? mainPhaseSteps(session + 1, ctx.today, region) : [];
  if (status !== 'not-yet' && status !== 'unknown') return [];
  if (ctx.result('ps.session-started') === true && ctx.optionalFact<boolean>('parcoursup.mainPhase') !== false) return [];
  return mainPhaseSteps(session, ctx.today, region);
}

const zero = (n: number) => n === 0;

/** The candidate took part in the main phase (confirmed at least one wish). */
/** D612-1-23 I's categories: each condition and the number it gives (two conditions make the third). */
export const CATEGORIES: Readonly<Record<string, number>> = {
  'pa.category-1': 1, 'pa.category-2': 2, 'pa.category-3': 3, 'pa.category-3-apprenticeship': 3,
};
export const CATEGORY_IDS = Object.keys(CATEGORIES);

export const tookPart = (ctx: Context): Tri => known(ctx.fact<boolean>('parcoursup.mainPhase'), (v) => v);
/** Registered in the complementary phase and made a wish there. */
export const registered = (ctx: Context): Tri => known(ctx.fact<boolean>('parcoursup.complementaryRegistered'), (v) => v);

export const PARCOURSUP_CONDITIONS: Condition[] = [
  {
    // Nothing can be asked of a session that has not opened: no wish, no answer yet (a lycéen in December
    // asking about the next rentrée). The session's calendar (arrêté) gives its opening.
    id: 'ps.session-started', source: 'Calendrier de la session Parcoursup (arrêté annuel)', kind: 'platform',
    inputs: ['session:parcoursup', 'calendar:parcoursup.wishesOpen', 'calendar:parcoursup.confirmBy', 'calendar:parcoursup.answersStart'],
    // A later date of the session, once reached, proves it opened where the opening itself was not collected.
    test: (ctx) => startedBy(ctx, 'parcoursup', ['wishesOpen', 'confirmBy', 'answersStart']),
    // What turns it is the student's own steps (parcoursupSteps: make wishes, from the opening), not a wait.
  },
  {
    // « Ne peut prétendre au bénéfice de l'accompagnement prévu au VIII de l'article L. 612-3 le candidat
    //   qui a renoncé à ses vœux d'inscription formulés sur la plateforme Parcoursup » — ruling: gave up
    //   their wishes (left the procedure), not one wish among others (docs/rulings.md §Accompaniment).
    id: 'pa.not-renounced', source: 'D612-1-23 IV', anchor: 'D612-1-23-IV', kind: 'law',
    inputs: [`${P}.renounced`],
    test: (ctx) => known(ctx.fact<boolean>('parcoursup.renounced'), (v) => !v),
  },
  {
    // Practice: bac (or equivalent) of the session's school year or the four previous ones.
    id: 'pa.bac-recent', kind: 'practice',
    source: 'Académie de Paris (2023) ; académie de Reims (2024) ; académie d’Orléans-Tours (« il y a moins de quatre ans »)',
    inputs: [`${P}.bacYear`, 'session:parcoursup'],
    test: (ctx) => known(ctx.fact<number>('parcoursup.bacYear'), (y) => ctx.forSession('parcoursup', (s) => bacRecent(y, s))),
  },
  {
    // L612-3 VIII: « aux candidats auxquels aucune proposition d'admission n'a été faite » ;
    // a proposal later declined was still received. Apprenticeship-only main phases are treated as
    // no main phase (practice, académie de Reims 2024), so their main-phase answers do not count.
    id: 'pa.no-proposal', source: 'L612-3 VIII', anchor: 'L612-3-VIII', kind: 'law',
    inputs: [`${P}.mainPhase`, `${P}.main.proposals`, `${P}.mainPhaseApprenticeshipOnly`, `${P}.complementaryRegistered`, `${P}.complementary.proposals`],
    test: (ctx) => andThen(
      () => when(tookPart(ctx), () => orElse(
        () => known(ctx.fact<number>('parcoursup.main.proposals'), zero),
        () => known(ctx.fact<boolean>('parcoursup.mainPhaseApprenticeshipOnly'), (v) => v),
      ), true),
      () => when(registered(ctx), () => known(ctx.fact<number>('parcoursup.complementary.proposals'), zero), true),
    ),
  },
  {
    // Platform: the CAES request is made from the complementary-phase file, with complementary wishes.
    id: 'pa.complementary-registered', source: CAES_PLATFORM_EVIDENCE, kind: 'platform',
    inputs: [`${P}.complementaryRegistered`],
    test: registered,
  },
  {
    // Platform: complementary wishes can be made until they close (then the CAES request is out of reach).
    id: 'pa.can-register', source: 'Arrêté du 24 janvier 2025, art. 10 (vœux de phase complémentaire jusqu’à une date de clôture, avant la fin de la phase) ; parcoursup.fr', kind: 'platform',
    inputs: ['session:parcoursup', 'calendar:parcoursup.complementaryWishesEnd', 'calendar:parcoursup.complementaryStart', 'calendar:parcoursup.complementaryEnd'],
    test: canRegisterComplementary,
    change: registration,
  },
  {
    // « les candidats qui, à une date mentionnée dans le calendrier […], n'ont reçu que des réponses
    //   négatives à leurs demandes d'inscription formulées dans le cadre de la phase principale »
    id: 'pa.category-1', source: 'D612-1-23 I al. 2', anchor: 'D612-1-23-I-al2', kind: 'law',
    inputs: [`${P}.mainPhase`, `${P}.main.proposals`, `${P}.main.waiting`, `${P}.main.negative`],
    test: (ctx) => andThen(
      () => tookPart(ctx),
      () => known(ctx.fact<number>('parcoursup.main.proposals'), zero),
      () => known(ctx.fact<number>('parcoursup.main.waiting'), zero),
      () => known(ctx.fact<number>('parcoursup.main.negative'), (n) => n >= 1),
    ),
  },
  {
    // « les candidats qui […] sont inscrits en phase complémentaire pour y formuler des vœux et n'ont reçu
    //   aucune proposition d'admission […] dans le cadre de la phase principale ou de la phase complémentaire ».
    // Ruling (docs/rulings.md §Accompaniment): for candidates who took part in the main phase; those who did not are
    // the third category, from their first negative answer. An apprenticeship-only main phase is a main phase:
    // with no proposal at all, the text's own words hold (the law over the practice, which only matters when
    // an apprenticeship "oui" would otherwise exclude).
    id: 'pa.category-2', source: 'D612-1-23 I al. 3', anchor: 'D612-1-23-I-al3', kind: 'law',
    inputs: [`${P}.complementaryRegistered`, `${P}.mainPhase`, `${P}.main.proposals`, `${P}.complementary.proposals`],
    test: (ctx) => andThen(
      () => registered(ctx),
      () => tookPart(ctx),
      () => known(ctx.fact<number>('parcoursup.main.proposals'), zero),
      () => known(ctx.fact<number>('parcoursup.complementary.proposals'), zero),
    ),
  },
  {
    // « les candidats qui, n'ayant pas participé à la phase principale […], se sont inscrits sur la plateforme
    //   Parcoursup au cours de la phase complémentaire, dès qu'ils reçoivent au moins une réponse négative »
    id: 'pa.category-3', source: 'D612-1-23 I al. 4', anchor: 'D612-1-23-I-al4', kind: 'law',
    inputs: [`${P}.mainPhase`, `${P}.complementaryRegistered`, `${P}.complementary.negative`],
    test: (ctx) => andThen(
      () => known(ctx.fact<boolean>('parcoursup.mainPhase'), (v) => !v),
      () => registered(ctx),
      () => known(ctx.fact<number>('parcoursup.complementary.negative'), (n) => n >= 1),
    ),
  },
  {
    // Practice: apprenticeship-only main-phase wishes are treated like the third category.
    id: 'pa.category-3-apprenticeship', source: 'Académie de Reims (2024)', kind: 'practice',
    inputs: [`${P}.mainPhase`, `${P}.mainPhaseApprenticeshipOnly`, `${P}.complementaryRegistered`, `${P}.complementary.negative`],
    test: (ctx) => andThen(
      () => tookPart(ctx),
      () => known(ctx.fact<boolean>('parcoursup.mainPhaseApprenticeshipOnly'), (v) => v),
      () => registered(ctx),
      () => known(ctx.fact<number>('parcoursup.complementary.negative'), (n) => n >= 1),
    ),
  },
  {
    id: 'pa.category', source: 'D612-1-23 I', anchor: 'D612-1-23-I', kind: 'law',
    any: CATEGORY_IDS,
    // Registered, no proposal, no category yet: only the third category's first negative answer is left,
    // for a candidate without a main phase (or an apprenticeship-only one).
    change: (ctx) => (tookPart(ctx) === true && ctx.optionalFact<boolean>('parcoursup.mainPhaseApprenticeshipOnly') !== true
      ? null
      : { id: 'first-negative-answer', field: null, type: 'event' }),
  },
];

/** The CAES still sits (until late September): contacting the rectorat is the way on, and a note says so. */
export const caesSitting = (ctx: Context): boolean => {
  const s = ctx.session('parcoursup');
  return s !== null && ctx.today <= caesSitsUntil(s);
};

/**
 * Too late (both Parcoursup procedures): while the CAES sits, the rectorat can still help; then the next session (its steps are actions),
 * when the candidate qualifies for it.
 */
export const afterEndNotes = (ctx: Context, qualifiesNext: boolean): Note[] => [
  ...(caesSitting(ctx) ? [{ id: 'rectorat-after-end', kind: 'practice' as const }] : []),
  ...nextSessionNote(ctx, 'parcoursup', qualifiesNext ? null : 'bac-not-recent'),
];
