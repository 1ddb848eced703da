/**
 * Parcoursup accompaniment: D612-1-23 (I categories, II interviews, III the rector, IV renunciation)
 * and L612-3 VIII (the enrolment proposal). Timing follows docs/rulings.md §Accompaniment: the CAES request opens on one
 * common date for every category (platform) and the product treats the last day of the complementary
 * phase as the end (practice).
 */
import type { Context } from '../context';
import type { Change, Condition, Note, ProcedureDef, Status } from '../types';
import { authorityOf, calendarNotes, parcoursupDates, seasonOver } from './common';
import { afterEndNotes, bacRecentNext, CAES_PLATFORM_EVIDENCE, caesSitting, CATEGORIES, CATEGORY_IDS, parcoursupSteps } from './parcoursup-conditions';

export const ACCOMPANIMENT_CONDITIONS: Condition[] = [
  {
    // No text sets an end: the CAES works until September; the product stops at the complementary phase's end.
    id: 'pa.before-end', kind: 'practice',
    source: 'Académie de Paris (2023) : sous-commissions de la CAES « jusqu’à fin septembre »',
    inputs: ['session:parcoursup', 'calendar:parcoursup.complementaryEnd'],
    test: (ctx) => ctx.notPassed('parcoursup', 'complementaryEnd'),
  },
  {
    // Platform: the request opens in the Parcoursup file on the CAES opening date, whatever the category.
    id: 'pa.caes-open', source: CAES_PLATFORM_EVIDENCE, kind: 'platform',
    inputs: ['session:parcoursup', 'calendar:parcoursup.caesOpening'],
    test: (ctx) => ctx.reached('parcoursup', 'caesOpening'),
    change: (ctx) => ({ id: 'caes-opens', field: null, type: 'event', date: ctx.date('parcoursup', 'caesOpening')?.date ?? null }),
  },
];

function notes(ctx: Context, status: Status): Note[] {
  const out: Note[] = [];
  const open = status === 'eligible' || status === 'not-yet';
  if (ctx.result('pa.not-renounced') !== undefined && status !== 'too-late') {
    out.push({ id: 'renunciation-reading', kind: 'context', source: 'D612-1-23 IV' });
  }
  if (open && ctx.result('pa.category-1') === true) {
    out.push({ id: 'category-1-interviews', kind: 'law', source: 'D612-1-23 II', date: ctx.date('parcoursup', 'answersStart')?.date ?? null });
  }
  if (ctx.result('pa.category-3') === true || ctx.result('pa.category-3-apprenticeship') === true) {
    out.push({ id: 'law-start-category-3', kind: 'law', source: 'D612-1-23 I al. 4' });
  }
  if (open) out.push({ id: 'end-is-practice', kind: 'practice' });
  if (status === 'too-late') out.push(...afterEndNotes(ctx, bacRecentNext(ctx)));
  if (open && ctx.fact('parcoursup.region') === undefined) out.push({ id: 'region-routes-only', kind: 'law', source: 'D612-1-23 III' });
  return [...out, ...(status === 'not-eligible' || seasonOver(ctx, 'parcoursup') ? [] : calendarNotes(ctx, 'parcoursup', ['caesOpening', 'complementaryWishesEnd', 'complementaryEnd']))];
}

/**
 * Beyond the walk's changes: the main phase's steps still ahead (parcoursupSteps); too late and the CAES no
 * longer sitting, asking the rectorat for advice when the candidate still has no place (practice).
 */
function actions(ctx: Context, status: Status): { first: Change[] } {
  const contact: Change[] = status === 'too-late' && ctx.session('parcoursup') !== null && !caesSitting(ctx)
    ? [{ id: 'contact-rectorat', field: null, kind: 'practice', type: 'action' }]
    : [];
  // The next session's steps only for a bac still recent enough then (pa.bac-recent, practice).
  return { first: [...contact, ...parcoursupSteps(ctx, status, bacRecentNext(ctx))] };
}

export const parcoursupAccompaniment: ProcedureDef = {
  id: 'parcoursup-accompaniment',
  gates: [
    { condition: 'pa.before-end', onFalse: 'too-late' },
    // Before the session opens nothing else can be known (a lycéen in December): not yet, asked nothing more.
    { condition: 'ps.session-started', onFalse: 'not-yet' },
    { condition: 'pa.not-renounced', onFalse: 'not-eligible' },
    { condition: 'pa.bac-recent', onFalse: 'not-eligible' },
    { condition: 'pa.no-proposal', onFalse: 'not-eligible' },
    // Without complementary wishes the request cannot be made; once they close, not this session.
    { condition: 'pa.complementary-registered', onFalse: 'too-late', recoverable: 'pa.can-register' },
    // Registered without any proposal after a main phase is category 2; what is left is a candidate
    // without a (non-apprenticeship) main phase still waiting for a first negative answer.
    { condition: 'pa.category', onFalse: 'not-yet' },
    { condition: 'pa.caes-open', onFalse: 'not-yet' },
  ],
  // The category's parts, evaluated even when the walk stopped earlier: a category 1 candidate not yet
  // registered is still told their category and the interviews of D612-1-23 II.
  describes: CATEGORY_IDS,
  routing: ['parcoursup.region'],
  // When several categories hold, the lowest number (docs/rulings.md §Accompaniment); all are in the reasons.
  category: (ctx) => (ctx.value('pa.category') ? CATEGORIES[CATEGORY_IDS.find((id) => ctx.result(id) === true)!]! : null),
  dates: parcoursupDates('caesOpening', 'platform', 'caes-opening'),
  authority: (ctx) => authorityOf(ctx, 'parcoursup.region'),
  // The candidate's Parcoursup file, where the request is made.
  official: 'https://dossierappel.parcoursup.fr/',
  notes,
  actions,
};
