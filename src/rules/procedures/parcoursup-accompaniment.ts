/**
 * Parcoursup accompaniment: D612-1-23 (I categories, II interviews, III the rector, IV renunciation)
 * and L612-3 VIII (the enrolment proposal). Timing follows domain.md §1: the CAES request opens on one
 * common date for every category (platform) and the product treats the last day of the complementary
 * phase as the end (practice).
 */
import type { Condition, Context, ProcedureDef, Status } from '../engine';
import { known } from '../tri';
import { authorityOf, calendarNotes, parcoursupDates } from './common';

const CALENDAR_FIELDS = ['caesOpening', 'complementaryEnd'] as const;

export const ACCOMPANIMENT_CONDITIONS: Condition[] = [
  {
    // No text sets an end: the CAES works until September; the product stops at the complementary phase's end.
    id: 'pa.before-end', source: 'D612-1-23 III', anchor: 'D612-1-23-III', kind: 'practice',
    evidence: 'Académie de Paris (2023) : sous-commissions « jusqu’à fin septembre »',
    inputs: ['calendar:parcoursup.complementaryEnd'],
    test: (ctx) => known(ctx.parcoursup('complementaryEnd').date ?? undefined, (end) => ctx.today <= end),
  },
  {
    // Platform: the request opens in the Parcoursup file on the CAES opening date, whatever the category.
    id: 'pa.caes-open', source: 'D612-1-23 I', anchor: 'D612-1-23-I', kind: 'platform',
    evidence: 'parcoursup.fr (2021) ; académies de Reims et d’Orléans-Tours, CSAIO de Lyon (2024)',
    inputs: ['calendar:parcoursup.caesOpening'],
    test: (ctx) => known(ctx.parcoursup('caesOpening').date ?? undefined, (open) => ctx.today >= open),
    change: (ctx) => ({ id: 'caes-opens', field: null, type: 'event', date: ctx.parcoursup('caesOpening').date }),
  },
];

const CATEGORIES: [string, number][] = [
  ['pa.category-1', 1], ['pa.category-2', 2], ['pa.category-3', 3], ['pa.category-3-apprenticeship', 3],
];

export const parcoursupAccompaniment: ProcedureDef = {
  id: 'parcoursup-accompaniment',
  conditions: [
    'pa.before-end', 'pa.not-renounced', 'pa.bac-recent', 'pa.no-proposal', 'pa.complementary-registered',
    'pa.category', 'pa.category-1', 'pa.category-2', 'pa.category-3', 'pa.category-3-apprenticeship', 'pa.caes-open',
  ],
  gates: [
    { condition: 'pa.before-end', onFalse: 'too-late' },
    { condition: 'pa.not-renounced', onFalse: 'not-eligible' },
    { condition: 'pa.bac-recent', onFalse: 'not-eligible' },
    { condition: 'pa.no-proposal', onFalse: 'not-eligible' },
    { condition: 'pa.complementary-registered', onFalse: 'not-yet' },
    // Registered without any proposal is category 2; what is left is an apprenticeship-only main phase
    // still waiting for its first complementary-phase negative answer.
    { condition: 'pa.category', onFalse: 'not-yet' },
    { condition: 'pa.caes-open', onFalse: 'not-yet' },
  ],
  routing: ['parcoursup.region'],
  // When several categories hold, the lowest number (domain.md §1); all are in the reasons. Evaluated even
  // when the walk stopped earlier: a category 1 candidate not yet registered is still told their category
  // and the interviews of D612-1-23 II.
  category: (ctx) => (ctx.value('pa.category') ? CATEGORIES.find(([id]) => ctx.result(id) === true)![1] : null),
  dates: parcoursupDates('caesOpening', 'platform', 'caes-opening'),
  authority: (ctx) => authorityOf(ctx, 'parcoursup.region'),
  notes: (ctx: Context, status: Status) => {
    const notes = [];
    const open = status === 'eligible' || status === 'not-yet';
    if (open && ctx.result('pa.category-1') === true) {
      notes.push({ id: 'category-1-interviews', kind: 'law' as const, source: 'D612-1-23 II', date: ctx.parcoursup('answersStart').date });
    }
    if (ctx.result('pa.category-3') === true || ctx.result('pa.category-3-apprenticeship') === true) {
      notes.push({ id: 'law-start-category-3', kind: 'law' as const, source: 'D612-1-23 I al. 4' });
    }
    if (open) notes.push({ id: 'end-is-practice', kind: 'practice' as const });
    if (open && ctx.fact('parcoursup.region') === undefined) notes.push({ id: 'region-routes-only', kind: 'law' as const, source: 'D612-1-23 III' });
    return [...notes, ...(status === 'not-eligible' ? [] : calendarNotes(ctx, 'parcoursup', CALENDAR_FIELDS))];
  },
};
