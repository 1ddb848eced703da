/**
 * The order of the procedures on the result: what the student can do first, and among the open ones the
 * one whose day to act comes first (a Master referral with ten days left before a CAES request with sixty).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate';
import type { Facts } from '../../src/rules/facts';
import { PROCEDURE_IDS } from '../../src/rules/procedure-ids';
import { byOutcome } from '../../src/ui/ResultPage';

const PARCOURSUP = {
  region: 'ile-de-france', bacYear: 2026, renounced: false, mainPhase: true, mainPhaseApprenticeshipOnly: false,
  main: { proposals: 0, waiting: 0, negative: 3 }, complementaryRegistered: true, complementary: { proposals: 0, waiting: 0, negative: 1 },
  circumstances: ['disability'], proposalsUnsuitable: false, noOtherApplications: false,
};
const MASTER = {
  session: 2026, licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'occitanie', applications: 7, positive: 0, contractSearch: 0,
  waitingList: false, refusals: 7, refusalMentions: 3, refusalEstablishments: 2, lastRefusalDate: '2026-07-01', teleserviceOpened: '2026-07-01',
};

describe('the order of the procedures on the result', () => {
  it('puts the open procedure with the nearest day to act first, whatever the registry\'s order', () => {
    const result = evaluate({ parcoursup: PARCOURSUP, master: MASTER } as Facts, '2026-07-05', PROCEDURE_IDS);
    expect(PROCEDURE_IDS.map((id) => result.procedures[id]!.status)).toEqual(['eligible', 'eligible', 'eligible']);
    expect(result.procedures['master-referral']!.actBy).toBe('2026-07-15');
    expect(byOutcome(PROCEDURE_IDS, result)[0]).toBe('master-referral');
  });

  it('keeps the open ones before the closed ones, even when a closed one has an earlier day', () => {
    const result = evaluate({ parcoursup: PARCOURSUP, master: MASTER } as Facts, '2026-07-20', PROCEDURE_IDS);
    expect(result.procedures['master-referral']!.status).toBe('too-late');
    expect(byOutcome(PROCEDURE_IDS, result).at(-1)).toBe('master-referral');
  });
});
