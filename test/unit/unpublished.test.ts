/**
 * Sessions whose calendar is not published (docs/rulings.md §Sessions), on the first such session after the newest
 * published one: the tests follow the data instead of naming years, so publishing a calendar moves them on.
 * Each pins the status, the decisive reasons, the dates (none) and what is missing.
 */
import { describe, expect, it } from 'vitest';
import { calendarOf, MONMASTER_CALENDARS, PARCOURSUP_CALENDARS } from '../../src/rules/calendars/index';
import { evaluate } from '../../src/rules/evaluate';
import { validateFacts, type Facts } from '../../src/rules/facts';
import type { ProcedureId } from '../../src/rules/procedure-ids';

const firstUnpublished = (list: readonly { session: number; published: boolean }[]) =>
  Math.max(...list.filter((c) => c.published).map((c) => c.session)) + 1;
const S = firstUnpublished(PARCOURSUP_CALENDARS);
const M = firstUnpublished(MONMASTER_CALENDARS);

function run(facts: Facts, today: string, id: ProcedureId) {
  const v = validateFacts(facts, today);
  expect(v.ok ? [] : v.errors).toEqual([]);
  const result = evaluate(facts, today, [id]);
  const r = result.procedures[id]!;
  return { result, r, decisive: r.reasons.filter((x) => x.decisive).map((x) => x.id).sort() };
}

const dates = (r: { opens: unknown; deadline: unknown; actBy: unknown }) => [r.opens, r.deadline, r.actBy];

describe(`an unpublished session (Parcoursup ${S}, Mon Master ${M})`, () => {
  it('is unpublished in the data, every date null', () => {
    expect(calendarOf('parcoursup', S).published).toBe(false);
    expect(Object.values(calendarOf('monmaster', M).dates).every((d) => d.date === null)).toBe(true);
  });

  it(`1 December ${S - 1}, a lycéen with a bac in ${S}: not yet, no date, the calendar said unpublished with last session's dates as context`, () => {
    const { result, r, decisive } = run({ parcoursup: { bacYear: S, region: 'ile-de-france' } }, `${S - 1}-12-01`, 'parcoursup-accompaniment');
    expect(result.calendars.parcoursup).toMatchObject({ session: S, published: false });
    expect(r.status).toBe('not-yet');
    expect(decisive).toEqual(['ps.session-started']);
    expect(dates(r)).toEqual([null, null, null]);
    // Not "wait": the steps to take, their dates unpublished, last session's given as labelled context.
    expect(r.changes.map((c) => c.id)).toEqual(['make-wishes', 'confirm-wishes']);
    expect(r.changes[0]).toMatchObject({ type: 'action', session: S, date: null, previousSession: S - 1 });
    expect(r.changes[0]!.from).toBeUndefined();
    const note = r.notes.find((n) => n.id === 'calendar-not-published')!;
    expect(note).toMatchObject({ session: S, previousSession: S - 1 });
    // Context only: the dates of the session before, labelled with its year, never in opens or deadline.
    for (const d of Object.values(note.previous as Record<string, string>)) expect(d.slice(0, 4)).toBe(String(S - 1));
  });

  it(`the same in July ${S - 1}: a bac of ${S} seeks the ${S} rentrée, not the one under way`, () => {
    const { result, r } = run({ parcoursup: { bacYear: S, region: 'ile-de-france' } }, `${S - 1}-07-05`, 'parcoursup-accompaniment');
    expect(result.calendars.parcoursup.session).toBe(S);
    expect([r.status, ...dates(r)]).toEqual(['not-yet', null, null, null]);
  });

  it(`1 February ${S}: the accompaniment is unknown, naming the ${S} calendar dates, never a date of ${S - 1}`, () => {
    const facts: Facts = { parcoursup: { region: 'ile-de-france', bacYear: S - 1, renounced: false, mainPhase: true, mainPhaseApprenticeshipOnly: false,
      main: { proposals: 0, waiting: 0, negative: 3 }, complementaryRegistered: true, complementary: { proposals: 0, waiting: 0, negative: 1 } } };
    const { r, decisive } = run(facts, `${S}-02-01`, 'parcoursup-accompaniment');
    expect(r.status).toBe('unknown');
    expect(decisive).toEqual([]);
    expect(dates(r)).toEqual([null, null, null]);
    expect(r.missing).toEqual(expect.arrayContaining([`calendar:parcoursup-${S}.complementaryEnd`, `calendar:parcoursup-${S}.caesOpening`]));
    expect(r.missing.every((m) => m.startsWith(`calendar:parcoursup-${S}.`))).toBe(true);
  });

  it(`1 February ${S}: the re-examination likewise`, () => {
    const facts: Facts = { parcoursup: { region: 'ile-de-france', circumstances: ['disability'], mainPhase: true, mainPhaseApprenticeshipOnly: false,
      main: { proposals: 0, waiting: 0, negative: 3 }, complementaryRegistered: true, complementary: { proposals: 0, waiting: 0, negative: 1 },
      proposalsUnsuitable: false, noOtherApplications: false } };
    const { r } = run(facts, `${S}-02-01`, 'parcoursup-reexamination');
    expect([r.status, ...dates(r)]).toEqual(['unknown', null, null, null]);
    expect(r.missing).toContain(`calendar:parcoursup-${S}.complementaryEnd`);
  });

  it(`5 January ${S}: a renunciation excludes all the same (the law decides alone), nothing missing`, () => {
    const { r, decisive } = run({ parcoursup: { bacYear: S, renounced: true } }, `${S}-01-05`, 'parcoursup-accompaniment');
    expect([r.status, ...dates(r)]).toEqual(['not-eligible', null, null, null]);
    expect(decisive).toEqual(['pa.not-renounced']);
    expect(r.missing).toEqual([]);
  });

  it(`1 July ${M}, still on a waiting list: unknown, the admission phase's end named, never eligible on ${M - 1}'s date`, () => {
    const facts: Facts = { master: { licence: 'dnl', licenceDate: `${M}-06-20`, licenceRegion: 'ile-de-france', applications: 6, positive: 0,
      waitingList: true, refusals: 5, refusalMentions: 2, refusalEstablishments: 2, lastRefusalDate: `${M}-06-15`, apprenticeshipSearch: false } };
    const { r, decisive } = run(facts, `${M}-07-01`, 'master-referral');
    expect([r.status, ...dates(r)]).toEqual(['unknown', null, null, null]);
    expect(decisive).toEqual([]);
    expect(r.missing).toContain(`calendar:monmaster-${M}.admissionPhaseEnd`);
  });

  it(`1 December ${M - 1}, planning the ${M} M1 rentrée: not yet, its applications have not opened (the date not published)`, () => {
    const facts: Facts = { master: { session: M, licence: 'dnl', licenceDate: `${M - 1}-06-25`, licenceRegion: 'ile-de-france', applications: 0, positive: 0 } };
    const { r, decisive } = run(facts, `${M - 1}-12-01`, 'master-referral');
    expect([r.status, ...dates(r)]).toEqual(['not-yet', null, null, null]);
    expect(decisive).toEqual(['ma.session-started']);
    expect(r.changes.map((c) => c.id)).toEqual(['apply-master', 'keep-refusals']);
    expect(r.changes[0]).toMatchObject({ type: 'action', session: M, date: null, previousSession: M - 1 });
  });
});
