/**
 * Notes whose parameters carry dates the scenarios cannot pin (they compare note ids only): the safe days
 * counted from the opening the student saw, and the last day not moved past a holiday.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate';
import type { Facts } from '../../src/rules/facts';

const master = (facts: Facts['master'], today: string) => evaluate({ master: facts }, today, ['master-referral']).procedures['master-referral']!;
const note = (r: ReturnType<typeof master>, id: string) => r.notes.find((n) => n.id === id);

const REFUSED_2024 = {
  session: 2024, licence: 'dnl', licenceRegion: 'ile-de-france', applications: 6, positive: 0, waitingList: false,
  refusals: 6, refusalMentions: 3, refusalEstablishments: 3, licenceDate: '2024-06-25', lastRefusalDate: '2024-06-20',
} as const;

describe('the opening the student saw against a provisional calendar date (R612-36-3 I al. 3 3°)', () => {
  it('counts the window from the student\'s earlier day, the real opening, with no note against the press date', () => {
    const r = master({ ...REFUSED_2024, teleserviceOpened: '2024-07-10' }, '2024-07-12');
    expect([r.status, r.opens, r.deadline, r.actBy]).toEqual(['eligible', '2024-07-10', '2024-07-25', '2024-07-24']);
    expect(r.dates.opens).toMatchObject({ basis: 'master.teleserviceOpened', provisional: false });
    expect(note(r, 'calendar-disagrees')).toBeUndefined();
    expect(note(r, 'opening-seen-earlier')).toBeUndefined();
  });

  it('keeps the press date when the student saw it open later, and says they disagree', () => {
    const r = master({ ...REFUSED_2024, teleserviceOpened: '2024-07-16' }, '2024-07-28');
    expect([r.status, r.opens, r.deadline]).toEqual(['eligible', '2024-07-15', '2024-07-30']);
    expect(r.dates.opens).toMatchObject({ basis: 'calendar:monmaster-2024.teleserviceOpening', provisional: true });
    expect(note(r, 'calendar-disagrees')).toMatchObject({ calendar: '2024-07-15', student: '2024-07-16' });
    expect(note(r, 'opening-seen-earlier')).toBeUndefined();
  });

  it('takes a referral recorded before the press date as a bound: in time up to the earliest last day, unknown after it', () => {
    // Open by 07-11, perhaps since before the licence (06-25): the last day is 07-10 at the earliest, 07-26 at the latest.
    const early = master({ ...REFUSED_2024, referralSent: '2024-07-08' }, '2024-07-09');
    expect([early.status, early.opens, early.deadline, early.actBy]).toEqual(['eligible', '2024-06-25', '2024-07-10', '2024-07-09']);
    expect(early.dates.deadline).toMatchObject({ basis: 'master.licenceDate', provisional: false });
    expect(note(early, 'referral-sent-in-time')).toMatchObject({ sent: '2024-07-08', deadline: '2024-07-10' });
    const r = master({ ...REFUSED_2024, referralSent: '2024-07-11' }, '2024-07-12');
    expect([r.status, r.opens, r.deadline, r.actBy, r.missing]).toEqual(['unknown', null, null, null, ['master.teleserviceOpened', 'calendar:monmaster-2024.teleserviceOpening']]);
    expect(note(r, 'opening-bound')).toMatchObject({ by: 'referral', bound: '2024-07-11', earliest: '2024-07-10', latest: '2024-07-26', passed: true });
    expect(note(r, 'referral-sent-in-time')).toBeUndefined();
    // After the latest last day the bound allows (07-26), too late whichever day it opened.
    expect(master({ ...REFUSED_2024, referralSent: '2024-07-11' }, '2024-07-27').status).toBe('too-late');
    // The student's own earlier day is the opening itself.
    const seen = master({ ...REFUSED_2024, teleserviceOpened: '2024-07-10', referralSent: '2024-07-11' }, '2024-07-12');
    expect([seen.status, seen.opens, seen.deadline]).toEqual(['eligible', '2024-07-10', '2024-07-25']);
  });

  it('waits for the press date while nothing shows the service open earlier', () => {
    const r = master(REFUSED_2024, '2024-07-12');
    expect([r.status, r.opens, r.deadline]).toEqual(['not-yet', '2024-07-15', '2024-07-30']);
    expect(r.changes.map((c) => c.id)).toEqual(['teleservice-opens']);
  });
});

describe('a last day on a public holiday (docs/rulings.md §"Counting days")', () => {
  const REFUSED_2026 = { ...REFUSED_2024, session: 2026, licenceRegion: 'occitanie' as const, licenceDate: '2026-06-25', lastRefusalDate: '2026-06-29', teleserviceOpened: '2026-06-26' };

  it('is not moved, and the note gives the day and the act-by day, for the window and for a proposal', () => {
    const r = master(REFUSED_2026, '2026-07-08');
    expect(r.deadline).toBe('2026-07-14');
    expect(note(r, 'deadline-on-holiday-not-extended')).toEqual({ id: 'deadline-on-holiday-not-extended', kind: 'context', date: '2026-07-14', actBy: '2026-07-13' });
    const p = master({ ...REFUSED_2026, lastRefusalDate: '2026-06-20', referralSent: '2026-07-01', rectorProposals: [{ notified: '2026-07-06' }] }, '2026-07-08');
    expect(p.followUp!.notes.find((n) => n.id === 'deadline-on-holiday-not-extended')).toMatchObject({ date: '2026-07-14', actBy: '2026-07-13' });
  });

  it('a weekend keeps its own note, a holiday on a Sunday included; a working day has neither', () => {
    // 2027-08-15 (Assumption) is a Sunday: the weekend note, not both.
    const sunday = master({ ...REFUSED_2026, session: 2027, licenceDate: '2027-07-31', lastRefusalDate: '2027-07-20', teleserviceOpened: '2027-07-01' }, '2027-08-02');
    expect(sunday.deadline).toBe('2027-08-15');
    expect(sunday.notes.map((n) => n.id)).toContain('deadline-on-weekend-not-extended');
    expect(note(sunday, 'deadline-on-holiday-not-extended')).toBeUndefined();
    const weekday = master({ ...REFUSED_2026, lastRefusalDate: '2026-06-30' }, '2026-07-08');
    expect(weekday.deadline).toBe('2026-07-15');
    expect(weekday.notes.filter((n) => /not-extended/.test(n.id))).toEqual([]);
  });
});

describe('the complementary wishes\' end unpublished (docs/rulings.md §Sessions)', () => {
  const P: NonNullable<Facts['parcoursup']> = { session: 2026, region: 'bretagne', bacYear: 2026, renounced: false, circumstances: ['family'], mainPhase: true,
    main: { proposals: 0, waiting: 2, negative: 3 }, complementaryRegistered: false, noOtherApplications: true };
  const unpublished = (r: { notes: { id: string; field?: unknown }[] }) => r.notes.filter((n) => n.id === 'date-not-published').map((n) => n.field);

  it('is said by both Parcoursup procedures that offer registering, and only to a candidate not registered', () => {
    const r = evaluate({ parcoursup: P }, '2026-09-05').procedures;
    expect(unpublished(r['parcoursup-reexamination']!)).toEqual(['complementaryWishesEnd']);
    expect(unpublished(r['parcoursup-accompaniment']!)).toEqual(['complementaryWishesEnd']);
    const registered = evaluate({ parcoursup: { ...P, complementaryRegistered: true, complementary: { proposals: 0, waiting: 1, negative: 0 } } }, '2026-09-05');
    expect(unpublished(registered.procedures['parcoursup-reexamination']!)).toEqual([]);
  });
});
