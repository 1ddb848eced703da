// @vitest-environment happy-dom
/**
 * What a result says to do now (docs/rulings.md §"Steps the rules give"), on days across the year: before a
 * session, during it, after its season; with the next calendar published and unpublished. The tests follow
 * the data: P is the newest published Parcoursup session, S the first unpublished one (M and N for Mon
 * Master), so publishing a calendar moves them on. Each pins the status, the decisive reasons, the changes
 * with their dates, and the notes that come or go.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarOf, MONMASTER_CALENDARS, PARCOURSUP_CALENDARS } from '../../src/rules/calendars/index';
import { addDays } from '../../src/rules/civil-date';
import type { RegionId } from '../../src/rules/regions';
import { evaluate } from '../../src/rules/evaluate';
import { validateFacts, type Facts } from '../../src/rules/facts';
import type { ProcedureId } from '../../src/rules/procedure-ids';
import type { Change } from '../../src/rules/types';
import { changeText, changeWhen, noteText } from '../../src/ui/note-text';
import { initAppStrings } from '../support/i18n';

const newest = (list: readonly { session: number; published: boolean }[]) => Math.max(...list.filter((c) => c.published).map((c) => c.session));
const P = newest(PARCOURSUP_CALENDARS);
const S = P + 1;
const M = newest(MONMASTER_CALENDARS);
const N = M + 1;
const ps = (session: number) => calendarOf('parcoursup', session).dates;
const mm = (session: number) => calendarOf('monmaster', session).dates;

function run(facts: Facts, today: string, id: ProcedureId) {
  const v = validateFacts(facts, today);
  expect(v.ok ? [] : v.errors).toEqual([]);
  const r = evaluate(facts, today, [id]).procedures[id]!;
  const decisive = r.reasons.filter((x) => x.decisive).map((x) => x.id).sort();
  return { r, decisive, ids: r.changes.map((c) => c.id), notes: r.notes.map((n) => n.id) };
}

/** The fields of a change that say when, `undefined` dropped. */
const when = (c: Change | undefined) =>
  JSON.parse(JSON.stringify({ session: c?.session, from: c?.from, date: c?.date, previousSession: c?.previousSession, previous: c?.previous })) as
  object;

/** The next session's wishes, its calendar unpublished: no date of its own, last session's as context. */
const UNPUBLISHED_WISHES = { session: S, date: null, previousSession: P, previous: { from: ps(P).wishesOpen.date, date: ps(P).wishesClose.date } };

/** A réorientation student on Parcoursup, nothing confirmed yet, not in the complementary phase. */
const REORIENTATION = (session: number): Facts => ({ parcoursup: { session, region: 'occitanie', bacYear: session - 2, renounced: false, mainPhase: false, complementaryRegistered: false } });

describe('a step on its région\'s own day (the calendar\'s exception: La Réunion\'s wishes close later)', () => {
  const exceptions = PARCOURSUP_CALENDARS.flatMap((c) => Object.entries(c.dates.wishesClose.regions ?? {})
    .filter(([, day]) => c.dates.wishesClose.date! < day)
    .map(([region, day]) => ({ session: c.session, region, day, national: c.dates.wishesClose.date! })));

  it('is in the data for at least one session (Parcoursup 2026: 19 March in La Réunion)', () => {
    expect(exceptions.length).toBeGreaterThan(0);
  });

  it('keeps "make your wishes" open to the région\'s last day, dated with it, and to no one else after the national day', () => {
    for (const { session, region, day, national } of exceptions) {
      const facts = (r: string): Facts => ({ parcoursup: { ...REORIENTATION(session).parcoursup, region: r as RegionId } });
      const other = region === 'occitanie' ? 'bretagne' : 'occitanie';
      const dayAfter = addDays(national, 1);
      const theirs = run(facts(region), dayAfter, 'parcoursup-accompaniment');
      expect(theirs.ids, `${session} ${region}`).toContain('make-wishes');
      expect(theirs.r.changes.find((c) => c.id === 'make-wishes')!.date).toBe(day);
      expect(run(facts(other), dayAfter, 'parcoursup-accompaniment').ids).not.toContain('make-wishes');
      // On the national day both are offered, each with its own last day.
      expect(run(facts(other), national, 'parcoursup-accompaniment').r.changes.find((c) => c.id === 'make-wishes')!.date).toBe(national);
      expect(run(facts(region), day, 'parcoursup-accompaniment').ids).toContain('make-wishes');
    }
  });
});

describe(`Parcoursup steps (newest published session ${P}, first unpublished ${S})`, () => {
  it(`1 December ${P}, a lycéen with a bac in ${S}: make and confirm wishes, ${S}'s dates unpublished, ${P}'s as labelled context`, () => {
    const { r, decisive, ids, notes } = run({ parcoursup: { bacYear: S, region: 'occitanie' } }, `${P}-12-01`, 'parcoursup-accompaniment');
    expect([r.status, decisive, ids]).toEqual(['not-yet', ['ps.session-started'], ['make-wishes', 'confirm-wishes']]);
    expect(r.changes.every((c) => c.type === 'action' && c.kind === 'platform')).toBe(true);
    expect(when(r.changes[0])).toEqual(UNPUBLISHED_WISHES);
    expect(when(r.changes[1])).toEqual({ session: S, date: null, previousSession: P, previous: { date: ps(P).confirmBy.date } });
    expect(notes).toContain('calendar-not-published');
  });

  it(`1 December ${P - 1}, a lycéen with a bac in ${P} (published): the same steps with ${P}'s own dates, no context`, () => {
    const { r, decisive, ids } = run({ parcoursup: { bacYear: P, region: 'occitanie' } }, `${P - 1}-12-01`, 'parcoursup-accompaniment');
    expect([r.status, decisive, ids]).toEqual(['not-yet', ['ps.session-started'], ['make-wishes', 'confirm-wishes']]);
    expect(when(r.changes[0])).toEqual({ session: P, from: ps(P).wishesOpen.date, date: ps(P).wishesClose.date });
    expect(when(r.changes[1])).toEqual({ session: P, date: ps(P).confirmBy.date });
  });

  it(`1 December ${P}, the re-examination for health and disability: the steps, then the papers to gather now`, () => {
    const facts: Facts = { parcoursup: { bacYear: S, region: 'occitanie', circumstances: ['health', 'disability'] } };
    const { r, decisive, ids } = run(facts, `${P}-12-01`, 'parcoursup-reexamination');
    expect([r.status, decisive, ids]).toEqual(['not-yet', ['ps.session-started'], ['make-wishes', 'confirm-wishes', 'prepare-documents']]);
    expect(r.changes[2]).toMatchObject({ type: 'action', kind: 'practice', papers: ['medical-certificate', 'disability-proof', 'liaison-form', 'school-plan'] });
    expect(r.changes[2]!.date).toBeUndefined();
  });

  it(`15 January ${P}, before the wishes open: make them from their opening`, () => {
    const today = `${P}-01-15`;
    expect(ps(P).wishesOpen.date! > today).toBe(true);
    const { r, decisive, ids } = run(REORIENTATION(P), today, 'parcoursup-accompaniment');
    expect([r.status, decisive, ids]).toEqual(['not-yet', ['ps.session-started'], ['make-wishes', 'confirm-wishes']]);
    expect(when(r.changes[0])).toEqual({ session: P, from: ps(P).wishesOpen.date, date: ps(P).wishesClose.date });
  });

  it(`20 March ${P}, wishes closed, confirmation still open, nothing confirmed: confirm, never make wishes; then the complementary phase`, () => {
    const today = `${P}-03-20`;
    expect([ps(P).wishesClose.date! < today, ps(P).confirmBy.date! >= today]).toEqual([true, true]);
    const { r, decisive, ids } = run(REORIENTATION(P), today, 'parcoursup-accompaniment');
    expect([r.status, decisive, ids]).toEqual(['not-yet', ['pa.can-register', 'pa.complementary-registered'], ['confirm-wishes', 'register-complementary']]);
    expect(when(r.changes[0])).toEqual({ session: P, date: ps(P).confirmBy.date });
  });

  it(`20 March ${P}, a candidate who confirmed wishes: no main-phase step`, () => {
    const facts: Facts = { parcoursup: { session: P, region: 'occitanie', bacYear: P, renounced: false, mainPhase: true, mainPhaseApprenticeshipOnly: false,
      main: { proposals: 0, waiting: 0, negative: 0 }, complementaryRegistered: false } };
    const { ids } = run(facts, `${P}-03-20`, 'parcoursup-accompaniment');
    expect(ids.filter((id) => id === 'make-wishes' || id === 'confirm-wishes')).toEqual([]);
  });

  it(`5 July ${P}: the main phase's steps are past; only the complementary phase`, () => {
    const { r, ids } = run(REORIENTATION(P), `${P}-07-05`, 'parcoursup-accompaniment');
    // Unknown while the data lacks the day complementary wishes close (then named in `missing`).
    expect(ids.filter((id) => id === 'make-wishes' || id === 'confirm-wishes')).toEqual([]);
    expect([r.status, ids[0]]).toEqual([ps(P).complementaryWishesEnd.date ? 'not-yet' : 'unknown', 'register-complementary']);
  });

  it(`20 September ${P}, after the phase: too late; the CAES still sits (note), the ${S} steps, no rectorat step yet`, () => {
    const { r, decisive, ids, notes } = run(REORIENTATION(P), `${P}-09-20`, 'parcoursup-accompaniment');
    expect([r.status, decisive, ids]).toEqual(['too-late', ['pa.before-end'], ['make-wishes', 'confirm-wishes']]);
    expect(notes).toEqual(expect.arrayContaining(['rectorat-after-end', 'next-session']));
  });

  it(`20 October ${P}: too late, the season's notes gone, the rectorat to contact and the ${S} steps (unpublished: ${P}'s as context)`, () => {
    const { r, decisive, ids, notes } = run(REORIENTATION(P), `${P}-10-20`, 'parcoursup-accompaniment');
    expect([r.status, decisive, ids]).toEqual(['too-late', ['pa.before-end'], ['contact-rectorat', 'make-wishes', 'confirm-wishes']]);
    expect(notes).toEqual(['next-session']);
    expect(r.changes[0]).toMatchObject({ type: 'action', kind: 'practice' });
    expect(when(r.changes[1])).toEqual(UNPUBLISHED_WISHES);
    // The re-examination likewise, without the CAES's rectorat step.
    const reexam = run({ parcoursup: { ...REORIENTATION(P).parcoursup, circumstances: ['health'] } }, `${P}-10-20`, 'parcoursup-reexamination');
    expect([reexam.r.status, reexam.ids, reexam.notes]).toEqual(['too-late', ['make-wishes', 'confirm-wishes'], ['next-session']]);
  });

  it(`20 October ${P - 1}: too late, the next session (${P}) published: its own dates`, () => {
    const { r, ids } = run(REORIENTATION(P - 1), `${P - 1}-10-20`, 'parcoursup-accompaniment');
    expect([r.status, ids]).toEqual(['too-late', ['contact-rectorat', 'make-wishes', 'confirm-wishes']]);
    expect(when(r.changes[1])).toEqual({ session: P, from: ps(P).wishesOpen.date, date: ps(P).wishesClose.date });
  });
});

describe(`Mon Master steps (newest published session ${M}, first unpublished ${N})`, () => {
  const LICENCE = (session: number): Facts =>
    ({ master: { session, licence: 'dnl', licenceDate: `${session - 1}-06-25`, licenceRegion: 'ile-de-france', applications: 0, positive: 0 } });

  it(`1 December ${M}, planning the ${N} M1: apply when applications open (${M}'s dates as context) and keep each refusal`, () => {
    const { r, decisive, ids } = run(LICENCE(N), `${M}-12-01`, 'master-referral');
    expect([r.status, decisive, ids]).toEqual(['not-yet', ['ma.session-started'], ['apply-master', 'keep-refusals']]);
    expect(when(r.changes[0])).toEqual({ session: N, date: null, previousSession: M,
      previous: { from: mm(M).applicationsOpen.date, date: mm(M).applicationsClose.date } });
    expect(r.changes[1]).toMatchObject({ type: 'action', kind: 'law', field: 'master.refusals' });
  });

  it(`15 January ${M}, before its applications open: apply from their opening`, () => {
    const { r, decisive, ids } = run(LICENCE(M), `${M}-01-15`, 'master-referral');
    // Not started though a later date (the teleservice's opening) is unknown: the applications' opening is known and ahead.
    expect([r.status, decisive, ids]).toEqual(['not-yet', ['ma.session-started'], ['apply-master', 'keep-refusals']]);
    expect(when(r.changes[0])).toEqual({ session: M, from: mm(M).applicationsOpen.date, date: mm(M).applicationsClose.date });
  });

  it(`20 March ${M}, applications closed with none made: apply again in the complementary phase, from its start`, () => {
    const { r, ids } = run(LICENCE(M), `${M}-03-20`, 'master-referral');
    expect([r.status, ids]).toEqual(['not-yet', ['apply-more', 'keep-refusals']]);
    expect(r.changes[0]).toMatchObject({ from: mm(M).complementaryStart.date, date: mm(M).complementaryApplicationsClose.date });
  });

  it(`20 October ${M}: too late, the ${N} steps; 20 October ${M - 1}: the ${M} ones, published`, () => {
    const late = run(LICENCE(M), `${M}-10-20`, 'master-referral');
    expect([late.r.status, late.decisive, late.ids]).toEqual(['too-late', ['ma.session-running'], ['apply-master', 'keep-refusals']]);
    expect(late.notes).toEqual(['next-session']);
    expect(when(late.r.changes[0])).toMatchObject({ session: N, date: null, previousSession: M });
    const before = run(LICENCE(M - 1), `${M - 1}-10-20`, 'master-referral');
    expect(when(before.r.changes[0])).toEqual({ session: M, from: mm(M).applicationsOpen.date, date: mm(M).applicationsClose.date });
  });

  it('5 July, the teleservice not open yet: its opening starts the fifteen days; the step carries it and the last day', () => {
    // 2024 is the newest session whose calendar knows the opening (2024-07-15).
    const facts: Facts = { master: { licence: 'dnl', licenceDate: '2024-06-28', licenceRegion: 'ile-de-france', applications: 6, positive: 0, waitingList: false,
      refusals: 6, refusalMentions: 3, refusalEstablishments: 3, lastRefusalDate: '2024-06-20' } };
    const { r, decisive, ids } = run(facts, '2024-07-05', 'master-referral');
    expect([r.status, decisive, ids, r.opens, r.deadline]).toEqual(['not-yet', ['ma.teleservice-open'], ['teleservice-opens'], '2024-07-15', '2024-07-30']);
    expect(r.changes[0]).toMatchObject({ type: 'event', date: '2024-07-15', deadline: '2024-07-30' });
    // The opening not published and not open yet: no date, no last day.
    const later: Facts = { master: { ...facts.master, licenceDate: `${M}-06-28`, lastRefusalDate: `${M}-06-20`, teleserviceOpened: null } };
    const unknown = run(later, `${M}-07-05`, 'master-referral');
    expect(unknown.r.changes).toEqual([expect.objectContaining({ id: 'teleservice-opens', date: null, deadline: null })]);
  });
});

describe('the steps in words', () => {
  beforeAll(() => initAppStrings('fr'));

  it('say what to do, with the dates on their own line: the session\'s, or last session\'s labelled with its year', () => {
    const unpublished = run({ parcoursup: { bacYear: S, region: 'occitanie' } }, `${P}-12-01`, 'parcoursup-accompaniment').r.changes[0]!;
    expect(changeText(unpublished)).toBe(`Inscrivez-vous sur Parcoursup et formulez vos vœux pour la rentrée ${S}.`);
    expect(changeWhen(unpublished)).toMatch(new RegExp(`^Calendrier ${S} pas encore publié\\. Pour repère, en ${P}\u00a0: du \\d+(er)? \\p{L}+ jusqu’au \\d+(er)? \\p{L}+ inclus\\.$`, 'u'));
    const published = run({ parcoursup: { bacYear: P, region: 'occitanie' } }, `${P - 1}-12-01`, 'parcoursup-accompaniment').r.changes[0]!;
    expect(changeWhen(published)).toMatch(new RegExp(`^Du .+ ${P} jusqu’au .+ ${P} inclus\\.$`));
  });

  it('the teleservice step says the fifteen days start on its opening, and their last day; never "wait"', () => {
    const c: Change = { id: 'teleservice-opens', field: null, kind: 'law', type: 'event', date: '2024-07-15', deadline: '2024-07-30' };
    expect(changeText(c)).toBe('«\u00a0Saisir le recteur\u00a0» ouvre le lundi 15 juillet 2024 sur Mon Master\u00a0: vos quinze jours commencent ce jour-là. Dernier jour\u00a0: le mardi 30 juillet 2024.');
    expect(changeText({ ...c, date: null, deadline: null })).toMatch(/^Vos quinze jours commenceront le jour où .* \(date pas encore publiée\)\.$/);
    expect(changeWhen(c)).toBeNull();
  });

  it('a too-late without the next session\'s steps says why it is closed to the student', () => {
    const licence = run({ master: { session: 2026, licence: 'dnl', licenceDate: '2023-06-20' } }, '2026-12-01', 'master-referral').r;
    expect(licence.changes).toEqual([]);
    expect(licence.notes.map(noteText)).toEqual(['Prochaine session Mon Master (2027)\u00a0: elle ne vous sera pas ouverte, votre licence aura plus de trois années universitaires (article R612-36-3, II).']);
    const bac = run({ parcoursup: { session: 2026, bacYear: 2022 } }, '2026-11-15', 'parcoursup-accompaniment').r;
    expect(bac.changes.map((c) => c.id)).toEqual(['contact-rectorat']);
    expect(bac.notes.map(noteText)).toEqual([expect.stringMatching(/^Prochaine session Parcoursup \(2027\)\u00a0: elle ne vous sera pas ouverte, votre baccalauréat ne sera plus assez récent/)]);
  });
});
