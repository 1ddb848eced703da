/** Answer sets with every field of one platform answered: the longest hand-offs in practice. */
import type { Facts } from '../../src/rules/facts';

/** Every master field answered, with the longest values the format allows in practice. */
export const FULL_MASTER: Facts = {
  master: {
    licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'provence-alpes-cote-d-azur', applications: 14, positive: 0,
    waitingList: false, refusals: 12, refusalMentions: 6, refusalEstablishments: 5, lastRefusalDate: '2026-07-10',
    apprenticeshipSearch: false, teleserviceOpened: '2026-07-01',
  },
};
/** Every Parcoursup field answered. */
export const FULL_PARCOURSUP: Facts = {
  parcoursup: {
    region: 'provence-alpes-cote-d-azur', bacYear: 2026, mainPhase: true, mainPhaseApprenticeshipOnly: false,
    main: { proposals: 0, waiting: 12, negative: 10 }, complementaryRegistered: true,
    complementary: { proposals: 0, waiting: 10, negative: 10 }, renounced: false,
    circumstances: ['health', 'disability', 'athlete', 'family'], proposalsUnsuitable: true, noOtherApplications: true,
  },
};
