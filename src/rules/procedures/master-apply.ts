/**
 * Whether a Master student can still make applications this session (`ma.can-still-apply`, docs/rulings.md
 * §"Master referral"): a minimum not met yet (R612-36-3 I al. 2) may still be while applications are possible.
 */
import type { Context } from '../context';
import { not, orElse } from '../tri';
import type { Change, Condition } from '../types';

const M = 'monmaster';

/**
 * Every refusal of the year counts (R612-36-3 I al. 2), those of the complementary phase too, where every
 * candidate can make new applications.
 */
const APPLY_EVIDENCE = 'Mon Master : calendrier de la session, phase de candidature et phase complémentaire (presse : 2024, 2025, 2026) ; R612-36-3 I al. 2 (tous les refus)';

/** The change `apply-more`: until applications close, else in the complementary phase, from its start while ahead. */
function applyMore(ctx: Context): Omit<Change, 'kind'> {
  const change = { id: 'apply-more', field: 'master.applications', type: 'action' } as const;
  const close = ctx.date(M, 'applicationsClose')?.date ?? null;
  if (close === null || ctx.today <= close) return { ...change, date: close };
  const start = ctx.date(M, 'complementaryStart')?.date ?? null;
  const date = ctx.date(M, 'complementaryApplicationsClose')?.date ?? null;
  return start !== null && ctx.today < start ? { ...change, from: start, date } : { ...change, date };
}

export const CAN_STILL_APPLY: Condition = {
  id: 'ma.can-still-apply', source: APPLY_EVIDENCE, kind: 'platform',
  inputs: ['session:monmaster', 'calendar:monmaster.applicationsClose', 'calendar:monmaster.complementaryStart',
    'calendar:monmaster.complementaryApplicationsClose'],
  // Until applications close; before the complementary phase, new applications are still to come; in it,
  // until its applications close (a close nobody published leaves it unknown within the season).
  test: (ctx) => orElse(
    () => ctx.notPassed(M, 'applicationsClose'),
    () => not(ctx.reached(M, 'complementaryStart')),
    () => ctx.notPassed(M, 'complementaryApplicationsClose'),
  ),
  change: applyMore,
};
