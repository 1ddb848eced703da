// @vitest-environment happy-dom
/**
 * What a student reads when the Mon Master teleservice's opening is known only as "open by then"
 * (docs/rulings.md §Calendars): the two last days, where the bound comes from, what to do; and why the
 * rector judges a referral. The 2026 calendar has no opening date: these cases rest on it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarOf } from '../../src/rules/calendars/index';
import { evaluate } from '../../src/rules/evaluate';
import type { Facts } from '../../src/rules/facts';
import { noteText } from '../../src/ui/note-text';
import { initAppStrings } from '../support/i18n';

const REFUSED = {
  session: 2026, licence: 'dnl', licenceRegion: 'occitanie', applications: 6, positive: 0, waitingList: false, contractSearch: 0,
  refusals: 6, refusalMentions: 2, refusalEstablishments: 2, licenceDate: '2026-07-03', lastRefusalDate: '2026-09-25',
} as const;

const master = (facts: Facts['master'], today: string) => evaluate({ master: facts }, today, ['master-referral']).procedures['master-referral']!;
const text = (r: ReturnType<typeof master>, id: string) => noteText(r.notes.find((n) => n.id === id)!);

describe('an opening known only as "open by then"', () => {
  beforeAll(() => initAppStrings('fr'));

  it('rests on a calendar without the 2026 opening', () => {
    expect(calendarOf('monmaster', 2026).dates.teleserviceOpening.date).toBeNull();
  });

  it('after the season, says the service opened by 30 September even if the student saw it closed, and that the dates count the first last day', () => {
    const r = master({ ...REFUSED, teleserviceOpened: null }, '2026-10-05');
    expect([r.status, r.deadline, r.actBy]).toEqual(['eligible', '2026-10-10', '2026-10-09']);
    expect(r.notes.find((n) => n.id === 'opening-bound')).toMatchObject({ by: 'season', bound: '2026-09-30', earliest: '2026-10-10', latest: '2026-10-15', passed: false });
    const said = text(r, 'opening-bound');
    expect(said).toContain('même si vous l’avez vu fermé');
    expect(said).toMatch(/entre le samedi 10 octobre 2026 et le jeudi 15 octobre 2026/);
    expect(said).toContain('Les dates affichées comptent le premier');
  });

  it('once the first last day has passed, says to refer at once if Mon Master still allows it, the rector judging the timing', () => {
    const r = master({ ...REFUSED, teleserviceOpened: null }, '2026-10-12');
    expect(r.status).toBe('unknown');
    const said = text(r, 'opening-bound');
    expect(said).toContain('Le premier est passé');
    expect(said).toContain('faites-le aujourd’hui');
    expect(said).not.toContain('Les dates affichées');
  });

  it('from a referral, says the referral shows the service open that day; why the rector judges is said', () => {
    const r = master({ ...REFUSED, licenceDate: '2026-07-01', lastRefusalDate: '2026-07-10', referralSent: '2026-09-20' }, '2026-09-20');
    expect(r.status).toBe('unknown');
    expect(text(r, 'opening-bound')).toContain('Votre saisine du dimanche 20 septembre 2026 montre que');
    const judged = r.followUp!.notes.find((n) => n.id === 'rector-judges-admissibility')!;
    expect(judged).toMatchObject({ reason: 'unknown' });
    expect(noteText(judged)).toMatch(/^Nous ne pouvons pas dire, d’après vos réponses, si votre saisine remplissait toutes les conditions/);
    // A licence professionnelle: a condition fails, said as such.
    const pro = master({ ...REFUSED, licence: 'licence-pro', referralSent: '2026-09-28' }, '2026-09-28');
    expect(pro.followUp!.notes.find((n) => n.id === 'rector-judges-admissibility')).toMatchObject({ reason: 'conditions' });
  });
});
