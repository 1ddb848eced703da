/**
 * Referral to the rector for a Master 1 place: R612-36-3 as rewritten by décret n° 2023-179 (docs/rulings.md §"Master referral").
 * I al. 1 who may refer; I al. 2 the 5 / 2 / 2 minimum where the région has two or more universities;
 * I al. 3 the 15-day window from the latest of 1° the licence, 2° the last refusal, 3° the teleservice opening;
 * II the three academic years after the licence; what follows (3 proposals, 8 days, III the commission), in
 * master-proposals.ts.
 * Every calendar date is the student's session's (docs/rulings.md §Sessions).
 */
import { academicYearStart, parts, type CivilDate } from '../civil-date';
import type { Context } from '../context';
import { notExtendedNote, referralWindow } from '../deadlines';
import { regionById } from '../regions';
import { andThen, known, orElse } from '../tri';
import type { Change, Condition, Dates, Note, ProcedureDef, Status } from '../types';
import { authorityOf, calendarNotes, calendarStep, nextSessionNote, seasonOver, startedBy, stillAhead } from './common';
import { CAN_STILL_APPLY } from './master-apply';
import { pending, phaseEnd, phaseOver, refusable, refusalsReach } from './master-answers';
import { MASTER_FOLLOW_UP } from './master-proposals';
import { boundNote, isBound, lastDays, lastRefusal, masterDates, opening, openingNotes, referralTiming, sessionRuns, startIfOpen, windowStart } from './master-window';

const M = 'master';

/** Universities in the région of the licence: 'several' | 'one' | 'none', or undefined while unknown. */
const universities = (ctx: Context) => {
  const id = ctx.fact<string>('master.licenceRegion');
  return id === undefined ? undefined : regionById(id)?.universities;
};

/** R612-36-3 II, as the platform reads it: for the rentrée of `session`, a licence of academic year (session-3)-(session-2) or later. */
const withinThreeYears = (licence: CivilDate, session: number): boolean => academicYearStart(licence) >= session - 3;

/** The session's dates, in order: the first reached proves the session has started. */
const STARTED_BY = ['applicationsOpen', 'applicationsClose', 'mainAdmissionStart', 'teleserviceOpening'] as const;

export const MASTER_CONDITIONS: Condition[] = [
  {
    // A session's referrals are for its September rentrée: after its season (30 September) the session is
    // over, the next one is named; but a window started by then runs to its last day (I al. 3).
    id: 'ma.session-running', kind: 'practice',
    source: 'Mon Master : saisines pour la rentrée de septembre de la session (fin retenue : 30 septembre, ou le dernier jour d’un délai de quinze jours ouvert avant, R612-36-3 I al. 3)',
    inputs: ['session:monmaster', `${M}.licenceDate`, `${M}.refusals`, `${M}.lastRefusalDate`, `${M}.waitingList`, `${M}.applications`, `${M}.positive`, `${M}.contractSearch`,
      `${M}.apprenticeshipSearch`, 'calendar:monmaster.teleserviceOpening', 'calendar:monmaster.admissionPhaseEnd', `${M}.teleserviceOpened`, `${M}.referralSent`],
    test: (ctx) => ctx.forSession('monmaster', (s) => sessionRuns(ctx, s)),
  },
  {
    // Nothing can be asked of a session whose applications have not opened: no application, no answer yet
    // (a licence student in December planning the next rentrée).
    id: 'ma.session-started', source: 'Mon Master : calendrier de la session, ouverture des candidatures', kind: 'platform',
    inputs: ['session:monmaster', ...STARTED_BY.map((f) => `calendar:monmaster.${f}`)],
    // A later date of the session, once reached, proves it opened where the opening was not collected (2023).
    test: (ctx) => startedBy(ctx, 'monmaster', STARTED_BY),
    // What turns it is the student's own step (masterSteps: apply, from the opening), not a wait.
  },
  {
    // « Un étudiant titulaire du diplôme national de licence » — not a licence professionnelle, a BUT,
    // a foreign degree or a private bachelor.
    id: 'ma.licence-dnl', source: 'R612-36-3 I al. 1', anchor: 'R612-36-3-I-al1', kind: 'law',
    inputs: [`${M}.licence`],
    test: (ctx) => known(ctx.fact<string>('master.licence'), (l) => l === 'dnl'),
  },
  {
    // « titulaire »: the licence must have been obtained (jury results).
    id: 'ma.licence-obtained', source: 'R612-36-3 I al. 1', anchor: 'R612-36-3-I-al1', kind: 'law',
    inputs: [`${M}.licenceDate`],
    test: (ctx) => known(ctx.fact<CivilDate | null>('master.licenceDate'), (d) => d !== null),
    change: () => ({ id: 'licence-awarded', field: `${M}.licenceDate`, type: 'event' }),
  },
  {
    // II: « pour les trois années universitaires qui suivent l'obtention de la licence »; platform reading:
    // for the rentrée of year R (the session), a licence of academic year (R-3)-(R-2) or later.
    id: 'ma.within-three-years', source: 'R612-36-3 II', anchor: 'R612-36-3-II', kind: 'law',
    inputs: [`${M}.licenceDate`, 'session:monmaster'],
    // A licence not obtained yet will be of this academic year: never too old.
    test: (ctx) => known(ctx.fact<CivilDate | null>('master.licenceDate'),
      (d) => d === null || ctx.forSession('monmaster', (s) => withinThreeYears(d, s))),
  },
  {
    // Wallis-et-Futuna has no university and no verified referral route: the texts do not settle it.
    id: 'ma.region-settled', source: 'Mon Master, « Saisir le recteur » : une région académique de saisine par université (Wallis-et-Futuna n’en a pas)', kind: 'practice',
    inputs: [`${M}.licenceRegion`],
    test: (ctx) => known(universities(ctx), (u) => u !== 'none'),
  },
  {
    // « n'a reçu aucune réponse positive à ses candidatures en première année [de master] » ; a placement
    // in search of an apprenticeship contract is not a positive answer (same alinéa, last sentence).
    id: 'ma.no-positive', source: 'R612-36-3 I al. 1', anchor: 'R612-36-3-I-al1', kind: 'law',
    inputs: [`${M}.positive`],
    test: (ctx) => known(ctx.fact<number>('master.positive'), (n) => n === 0),
  },
  {
    // I al. 2, decided early: even if every application not answered positively (contract searches
    // aside) were refused, fewer than five.
    id: 'ma.minimum-reachable', source: 'R612-36-3 I al. 2', anchor: 'R612-36-3-I-al2', kind: 'law',
    applies: (ctx) => known(universities(ctx), (u) => u === 'several'),
    inputs: [`${M}.licenceRegion`, `${M}.applications`, `${M}.positive`, `${M}.refusals`, `${M}.waitingList`, `${M}.contractSearch`, `${M}.apprenticeshipSearch`],
    test: (ctx) => refusable(ctx, 5),
  },
  {
    // Platform: Mon Master asks for at least two applications where the région has one university.
    id: 'ma.platform-two-applications', source: 'Mon Master, FAQ « Saisir le recteur »', kind: 'platform',
    applies: (ctx) => known(universities(ctx), (u) => u === 'one'),
    inputs: [`${M}.licenceRegion`, `${M}.applications`],
    test: (ctx) => known(ctx.fact<number>('master.applications'), (n) => n >= 2),
  },
  CAN_STILL_APPLY,
  {
    // « et qui n'est pas placé sur liste d'attente »: until the admission phase ends, when the implicit
    // rejection arises (décret n° 2023-179); from then the waiting list counts as a refusal.
    id: 'ma.not-waiting', source: 'R612-36-3 I al. 1', anchor: 'R612-36-3-I-al1', kind: 'law',
    inputs: [`${M}.waitingList`, 'session:monmaster', 'calendar:monmaster.admissionPhaseEnd'],
    test: (ctx) => orElse(() => known(ctx.fact<boolean>('master.waitingList'), (w) => !w), () => phaseOver(ctx)),
    change: (ctx) => ({ id: 'waiting-list-ends', field: null, type: 'event', date: phaseEnd(ctx) }),
  },
  {
    // I al. 3 2°: the window counts from the last refusal; answers still pending mean it has not come.
    // Contract searches are not pending (I al. 1: no obstacle).
    id: 'ma.answers-complete', source: 'R612-36-3 I al. 3 2°', anchor: 'R612-36-3-I-al3-2', kind: 'law',
    inputs: [`${M}.applications`, `${M}.positive`, `${M}.refusals`, `${M}.waitingList`, `${M}.contractSearch`, `${M}.apprenticeshipSearch`,
      'session:monmaster', 'calendar:monmaster.admissionPhaseEnd'],
    test: (ctx) => orElse(() => known(pending(ctx), (n) => n === 0), () => phaseOver(ctx)),
    change: (ctx) => ({ id: 'answers-pending', field: null, type: 'event', date: phaseEnd(ctx) }),
  },
  {
    // « au moins cinq refus […] au moins deux mentions de master distinctes […] au moins deux établissements »
    id: 'ma.minimum', source: 'R612-36-3 I al. 2', anchor: 'R612-36-3-I-al2', kind: 'law',
    applies: (ctx) => known(universities(ctx), (u) => u === 'several'),
    inputs: [`${M}.licenceRegion`, `${M}.applications`, `${M}.positive`, `${M}.refusals`, `${M}.waitingList`, `${M}.contractSearch`, `${M}.apprenticeshipSearch`,
      `${M}.refusalMentions`, `${M}.refusalEstablishments`, 'session:monmaster', 'calendar:monmaster.admissionPhaseEnd'],
    test: (ctx) => andThen(
      () => refusalsReach(ctx, 5),
      () => known(ctx.fact<number>('master.refusalMentions'), (n) => n >= 2),
      () => known(ctx.fact<number>('master.refusalEstablishments'), (n) => n >= 2),
    ),
  },
  {
    // I al. 3: « par l'intermédiaire d'un téléservice national »; 3°: from its opening.
    id: 'ma.teleservice-open', source: 'R612-36-3 I al. 3 3°', anchor: 'R612-36-3-I-al3-3', kind: 'law',
    inputs: ['session:monmaster', 'calendar:monmaster.teleserviceOpening', `${M}.teleserviceOpened`, `${M}.referralSent`],
    test: (ctx) => {
      const o = opening(ctx);
      if (o === undefined) return null;
      return o !== 'not-open' && o.date <= ctx.today;
    },
    // The fifteen days start that day (3°): the change says so, with their last day when it can be counted.
    change: (ctx) => {
      const o = opening(ctx);
      const start = o && o !== 'not-open' ? windowStart(ctx, o) : undefined;
      return {
        id: 'teleservice-opens', field: null, type: 'event', date: o && o !== 'not-open' ? o.date : null,
        deadline: start ? referralWindow(start.start).deadline : null,
      };
    },
  },
  {
    // I al. 3: « dans un délai de quinze jours »
    id: 'ma.window-open', source: 'R612-36-3 I al. 3', anchor: 'R612-36-3-I-al3', kind: 'law',
    inputs: [`${M}.licenceDate`, `${M}.refusals`, `${M}.lastRefusalDate`, `${M}.waitingList`, `${M}.applications`, `${M}.positive`,
      `${M}.contractSearch`, `${M}.apprenticeshipSearch`, 'session:monmaster', 'calendar:monmaster.teleserviceOpening',
      'calendar:monmaster.admissionPhaseEnd', `${M}.teleserviceOpened`, `${M}.referralSent`],
    test: (ctx) => {
      // The student's own dates first: they are asked before the opening, which only the platform shows.
      const dates = ctx.fact<CivilDate | null>('master.licenceDate') !== undefined && lastRefusal(ctx) !== undefined;
      const o = opening(ctx);
      if (!dates || o === undefined) return null;
      // Not open yet: the fifteen days have not started, so they have not run out.
      if (o === 'not-open') return true;
      const days = lastDays(ctx, o);
      if (days === undefined) return null;
      if (ctx.today <= days.earliest) return true;
      if (ctx.today > days.latest) return false;
      // Open by a day, the day unknown: in time for one opening, late for an earlier one; the calendar's date
      // settles it, or the day the student gives (the question asks since when it is open).
      if (ctx.optionalFact('master.teleserviceOpened') === undefined) ctx.fact('master.teleserviceOpened');
      ctx.missingDate('monmaster', 'teleserviceOpening');
      return null;
    },
  },
];

function masterNotes(ctx: Context, status: Status, dates: Dates): Note[] {
  const notes: Note[] = [];
  const region = ctx.fact<string>('master.licenceRegion');
  if (region === 'mayotte') notes.push({ id: 'mayotte-platform-minimum-uncertain', kind: 'platform' });
  if (region === 'wallis-et-futuna') notes.push({ id: 'wallis-et-futuna-unsettled', kind: 'context' });
  const licence = ctx.fact<CivilDate | null>('master.licenceDate');
  const session = ctx.session('monmaster');
  if (ctx.result('ma.within-three-years') !== undefined && session !== null) {
    notes.push({ id: 'three-year-reading', kind: 'platform', session, fromAcademicYear: `${session - 3}-${session - 2}` });
    if (licence && parts(licence).month >= 10) notes.push({ id: 'licence-awarded-oct-dec', kind: 'context', academicYear: `${academicYearStart(licence)}-${academicYearStart(licence) + 1}` });
  }
  if (phaseOver(ctx) === true && ctx.fact<boolean>('master.waitingList') === true && ctx.result('ma.not-waiting') !== undefined) {
    notes.push({ id: 'waiting-list-counted-as-refused', kind: 'law', source: 'Décret n° 2023-179', date: phaseEnd(ctx) });
  }
  if (phaseOver(ctx) === true && ctx.fact<boolean>('master.waitingList') === false && (pending(ctx) ?? 0) > 0 && ctx.result('ma.answers-complete') !== undefined) {
    notes.push({ id: 'pending-counted-as-refused', kind: 'law', source: 'Décret n° 2023-179', date: phaseEnd(ctx) });
  }
  if ((ctx.optionalFact<number>('master.contractSearch') ?? 0) > 0 || ctx.optionalFact<boolean>('master.apprenticeshipSearch') === true) {
    notes.push({ id: 'apprenticeship-search-no-obstacle', kind: 'law', source: 'R612-36-3 I al. 1' });
  }
  const o = opening(ctx);
  const referred = ctx.optionalFact<CivilDate>('master.referralSent') !== undefined || ctx.optionalFact('master.rectorProposals') !== undefined;
  notes.push(...openingNotes(ctx, o, referred));
  const bound = isBound(o);
  if (bound && ctx.result('ma.window-open') !== undefined) notes.push(...boundNote(ctx, o));
  if (ctx.result('ma.teleservice-open') !== undefined && (o === undefined || o === 'not-open') && session !== null) {
    // Neither calendar nor student knows the opening: give the deadline that applies if it was already open.
    const refusal = lastRefusal(ctx);
    const known = licence && refusal !== undefined ? startIfOpen(licence, refusal) : null;
    const ifOpen = known ? referralWindow(known).deadline : null;
    // "Not open yet": a last day already past had it been open says nothing the student can use.
    const ifAlreadyOpenDeadline = ifOpen && !(o === 'not-open' && ifOpen < ctx.today) ? ifOpen : null;
    notes.push({ id: o === 'not-open' ? 'opening-not-yet' : 'opening-unknown', kind: 'context', ifAlreadyOpenDeadline });
  }
  const deadline = dates.deadline?.date;
  if (deadline) notes.push(...notExtendedNote(deadline, dates.actBy?.date ?? null));
  // A referral recorded after the last day the rules count: the rector judges whether it was in time; on or
  // before it, in time. The status still says whether the student can refer now; `followUp.stage` says where
  // a student who has referred stands (docs/rulings.md §"After the referral").
  const sent = ctx.optionalFact<CivilDate>('master.referralSent');
  // Whether it was in time is the referral's day against the window, whatever today and the status are.
  const timing = sent ? referralTiming(ctx, sent) : null;
  if (sent && timing) notes.push({ id: timing.timing === 'late' ? 'referral-sent-after-deadline' : 'referral-sent-in-time', kind: 'context', source: 'R612-36-3 I al. 3', sent, deadline: timing.deadline });
  // Once the student has referred (or records proposals), what only concerns referring no longer applies.
  if (!referred && (status === 'eligible' || status === 'not-yet')) {
    notes.push({ id: 'licence-date-earliest', kind: 'context' });
    notes.push({ id: 'rector-next-steps', kind: 'law', source: 'R612-36-3 I al. 4 à 8, III' });
  }
  if (!referred && status === 'too-late') notes.push(...nextSessionNote(ctx, 'monmaster', withinThreeYearsNext(ctx) ? null : 'licence-too-old'));
  // An opening the student gives is no calendar date: "not yet published" would contradict it (a bound is not the day it opened).
  const fields = typeof o === 'object' && o.from === 'student' ? ['admissionPhaseEnd'] as const : ['teleserviceOpening', 'admissionPhaseEnd'] as const;
  const caveats = status === 'not-eligible' || (status === 'too-late' && seasonOver(ctx, 'monmaster')) ? [] : calendarNotes(ctx, 'monmaster', fields);
  return [...notes, ...caveats];
}

/** Keep each refusal: the referral joins them all (R612-36-3 I al. 2 and 3). */
const KEEP_REFUSALS: Change = { id: 'keep-refusals', field: `${M}.refusals`, kind: 'law', type: 'action' };

/** The licence still within its three academic years for the next session (R612-36-3 II); true while not given or not obtained. */
function withinThreeYearsNext(ctx: Context): boolean {
  const session = ctx.session('monmaster');
  const licence = ctx.optionalFact<CivilDate | null>('master.licenceDate');
  return session === null || !licence || withinThreeYears(licence, session + 1);
}

/** Applying in a session's candidacy phase, while it is still ahead, and keeping the refusals. */
function applySteps(session: number, today: CivilDate): Change[] {
  if (!stillAhead('monmaster', session, 'applicationsClose', today)) return [];
  return [calendarStep('monmaster', session, today, { id: 'apply-master', field: `${M}.applications`, kind: 'platform', from: 'applicationsOpen', until: 'applicationsClose' }), KEEP_REFUSALS];
}

/**
 * Beyond the walk's changes (docs/rulings.md §"Steps the rules give"): before the session's applications open, apply on
 * Mon Master when they do (several applications: the referral needs refusals) and keep each refusal; while
 * more applications can still be made, keep the refusals too; after the session's season, the next
 * session's steps.
 */
function masterSteps(ctx: Context, status: Status): { first: Change[]; last?: Change[] } {
  const session = ctx.session('monmaster');
  if (session === null) return { first: [] };
  // The record after a referral never moves the outcome: the next session is offered once the season is over.
  if (status === 'too-late') return { first: seasonOver(ctx, 'monmaster') && withinThreeYearsNext(ctx) ? applySteps(session + 1, ctx.today) : [] };
  if (status !== 'not-yet' && status !== 'unknown') return { first: [] };
  if (ctx.result('ma.session-started') !== true) return { first: applySteps(session, ctx.today) };
  // After `apply-more`: keep the refusals the new applications bring.
  return { first: [], last: ctx.result('ma.can-still-apply') === true && status === 'not-yet' ? [KEEP_REFUSALS] : [] };
}

export const masterReferral: ProcedureDef = {
  id: 'master-referral',
  // What excludes whatever happens next comes first (docs/design.md §Principles: decide as soon as possible): a positive
  // answer is not-eligible even before the licence is awarded; too few applications, unless more can
  // still be made this session.
  gates: [
    { condition: 'ma.session-running', onFalse: 'too-late' },
    { condition: 'ma.licence-dnl', onFalse: 'not-eligible' },
    // Before the minimum: a licence too old excludes whatever more applications could do.
    { condition: 'ma.within-three-years', onFalse: 'not-eligible' },
    // Before the applications open, nothing else can be known: not yet, asked nothing more.
    { condition: 'ma.session-started', onFalse: 'not-yet' },
    { condition: 'ma.no-positive', onFalse: 'not-eligible' },
    { condition: 'ma.minimum-reachable', onFalse: 'not-eligible', recoverable: 'ma.can-still-apply' },
    { condition: 'ma.platform-two-applications', onFalse: 'not-eligible', recoverable: 'ma.can-still-apply' },
    { condition: 'ma.licence-obtained', onFalse: 'not-yet' },
    { condition: 'ma.region-settled', onFalse: 'unknown' },
    { condition: 'ma.not-waiting', onFalse: 'not-yet' },
    { condition: 'ma.answers-complete', onFalse: 'not-yet' },
    { condition: 'ma.minimum', onFalse: 'not-eligible' },
    // The window before the opening: a student waiting for the service is told the dates ahead.
    { condition: 'ma.window-open', onFalse: 'too-late' },
    { condition: 'ma.teleservice-open', onFalse: 'not-yet' },
  ],
  routing: ['master.licenceRegion'],
  dates: masterDates,
  authority: (ctx) => (universities(ctx) === 'none' ? null : authorityOf(ctx, `${M}.licenceRegion`)),
  // The national teleservice of R612-36-3 I al. 3: Mon Master's « Saisir le recteur ».
  official: 'https://www.monmaster.gouv.fr/',
  notes: masterNotes,
  followUp: MASTER_FOLLOW_UP,
  actions: masterSteps,
};
