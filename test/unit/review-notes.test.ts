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
