/**
 * Conditions on the Parcoursup facts shared by the accompaniment (D612-1-23) and the re-examination
 * (D612-1-26 1° refers to the categories of D612-1-23 I). Each sits beside the words it encodes.
 */
import type { Change, Condition, Context } from '../engine';
import { andThen, known, orElse, type Tri, when } from '../tri';

// Fact paths are written out in full at each read: the rules run 100,000 times a second, and a path
// built at call time costs a fresh string hash on every lookup.
const P = 'parcoursup';

/** Registering in the complementary phase is possible until its last day. */
export function canRegisterComplementary(ctx: Context): boolean {
  const end = ctx.parcoursup('complementaryEnd').date;
  return end === null || ctx.today <= end;
}

/**
 * The action "register in the complementary phase and make a wish": until its last day (`date`),
 * and from its first day (`from`) when it has not opened yet.
 */
export function registration(ctx: Context): Omit<Change, 'kind'> {
  const start = ctx.parcoursup('complementaryStart').date;
  return {
    id: 'register-complementary', field: `${P}.complementaryRegistered`, type: 'action',
    date: ctx.parcoursup('complementaryEnd').date,
    ...(start && ctx.today < start ? { from: start } : {}),
  };
}

const registerChange = (ctx: Context) =>
  ctx.fact<boolean>('parcoursup.complementaryRegistered') === false && canRegisterComplementary(ctx) ? registration(ctx) : null;

const zero = (n: number) => n === 0;

/** Tri: the candidate took part in the main phase (confirmed at least one wish). */
const tookPart = (ctx: Context): Tri => known(ctx.fact<boolean>('parcoursup.mainPhase'), (v) => v);
const registered = (ctx: Context): Tri => known(ctx.fact<boolean>('parcoursup.complementaryRegistered'), (v) => v);

export const PARCOURSUP_CONDITIONS: Condition[] = [
  {
    // « Ne peut prétendre au bénéfice de l'accompagnement prévu au VIII de l'article L. 612-3 le candidat
    //   qui a renoncé à ses vœux d'inscription formulés sur la plateforme Parcoursup »
    id: 'pa.not-renounced', source: 'D612-1-23 IV', anchor: 'D612-1-23-IV', kind: 'law',
    inputs: [`${P}.renounced`],
    test: (ctx) => known(ctx.fact<boolean>('parcoursup.renounced'), (v) => !v),
  },
  {
    // Practice: bac (or equivalent) of the current school year or the four previous ones.
    id: 'pa.bac-recent', source: 'D612-1-23 I', anchor: 'D612-1-23-I', kind: 'practice',
    evidence: 'Académie de Paris (2023), académie de Reims (2024), académie d’Orléans-Tours (« il y a moins de quatre ans »)',
    inputs: [`${P}.bacYear`, 'calendar:parcoursup.session'],
    test: (ctx) => known(ctx.fact<number>('parcoursup.bacYear'), (y) => y >= ctx.ps.calendar.session - 4 && y <= ctx.ps.calendar.session),
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
    id: 'pa.complementary-registered', source: 'D612-1-23 I', anchor: 'D612-1-23-I', kind: 'platform',
    evidence: 'parcoursup.fr (2021) ; académies de Reims et d’Orléans-Tours, CSAIO de Lyon (2024)',
    inputs: [`${P}.complementaryRegistered`],
    test: registered,
    change: registerChange,
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
    //   aucune proposition d'admission […] dans le cadre de la phase principale ou de la phase complémentaire »
    id: 'pa.category-2', source: 'D612-1-23 I al. 3', anchor: 'D612-1-23-I-al3', kind: 'law',
    inputs: [`${P}.complementaryRegistered`, `${P}.mainPhase`, `${P}.main.proposals`, `${P}.complementary.proposals`],
    test: (ctx) => andThen(
      () => registered(ctx),
      () => when(tookPart(ctx), () => known(ctx.fact<number>('parcoursup.main.proposals'), zero), true),
      () => known(ctx.fact<number>('parcoursup.complementary.proposals'), zero),
    ),
    change: registerChange,
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
    id: 'pa.category-3-apprenticeship', source: 'D612-1-23 I al. 4', anchor: 'D612-1-23-I-al4', kind: 'practice',
    evidence: 'Académie de Reims (2024)',
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
    any: ['pa.category-1', 'pa.category-2', 'pa.category-3', 'pa.category-3-apprenticeship'],
  },
];
