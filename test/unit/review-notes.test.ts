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

describe('the opening the student saw before the calendar\'s (R612-36-3 I al. 3 3°)', () => {
  it('keeps the calendar\'s window and counts the safe days from the student\'s day', () => {
    const r = master({ ...REFUSED_2024, teleserviceOpened: '2024-07-10' }, '2024-07-28');
    expect([r.status, r.opens, r.deadline, r.actBy]).toEqual(['eligible', '2024-07-15', '2024-07-30', '2024-07-29']);
    expect(note(r, 'calendar-disagrees')).toMatchObject({ calendar: '2024-07-15', student: '2024-07-10' });
    expect(note(r, 'opening-seen-earlier')).toEqual({ id: 'opening-seen-earlier', kind: 'context', source: 'R612-36-3 I al. 3 3°', student: '2024-07-10', deadline: '2024-07-25', actBy: '2024-07-24' });
  });

  it('says nothing more when the student saw it later, or when a later licence starts both windows alike', () => {
    expect(note(master({ ...REFUSED_2024, teleserviceOpened: '2024-07-16' }, '2024-07-28'), 'opening-seen-earlier')).toBeUndefined();
    const lateLicence = master({ ...REFUSED_2024, licenceDate: '2024-07-16', teleserviceOpened: '2024-07-10' }, '2024-07-28');
    expect(lateLicence.deadline).toBe('2024-07-31');
    expect(note(lateLicence, 'calendar-disagrees')).toBeDefined();
    expect(note(lateLicence, 'opening-seen-earlier')).toBeUndefined();
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
