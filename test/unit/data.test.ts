/** The rules' data: calendars with sources, régions, the legal texts the conditions point into. */
import { describe, expect, it } from 'vitest';
import {
  MONMASTER_CALENDARS, MONMASTER_FIELDS, monMasterSession, PARCOURSUP_CALENDARS, PARCOURSUP_FIELDS, parcoursupSession,
} from '../../src/rules/calendars/index';
import { isCivilDate } from '../../src/rules/civil-date';
import { isLeaf } from '../../src/rules/engine';
import { CONDITIONS, PROCEDURES } from '../../src/rules/evaluate';
import { LEGAL_TEXTS, paragraphByAnchor } from '../../src/rules/legal/index';
import { regionById, regionOfAcademie, REGIONS } from '../../src/rules/regions';

describe('calendars', () => {
  const all = [
    ...PARCOURSUP_CALENDARS.map((c) => ({ c, fields: PARCOURSUP_FIELDS as readonly string[] })),
    ...MONMASTER_CALENDARS.map((c) => ({ c, fields: MONMASTER_FIELDS as readonly string[] })),
  ];

  it('cover 2024 to 2026 for both platforms, one file per session', () => {
    expect(PARCOURSUP_CALENDARS.map((c) => c.session)).toEqual([2024, 2025, 2026]);
    expect(MONMASTER_CALENDARS.map((c) => c.session)).toEqual([2024, 2025, 2026]);
  });

  it('give every date a source and a provisional flag; an unknown date is null, never guessed', () => {
    for (const { c, fields } of all) {
      expect(Object.keys(c.dates).sort(), `${c.platform} ${c.session}`).toEqual([...fields].sort());
      expect(isCivilDate(c.updated)).toBe(true);
      for (const [field, d] of Object.entries(c.dates)) {
        const where = `${c.platform} ${c.session} ${field}`;
        expect(typeof d.source === 'string' && d.source.trim().length > 5, where).toBe(true);
        expect(typeof d.provisional, where).toBe('boolean');
        expect(d.date === null || isCivilDate(d.date), where).toBe(true);
        if (d.date !== null) expect(d.date.slice(0, 4), where).toBe(String(c.session));
        // A date taken from the press is provisional until an official text confirms it.
        if (/^Presse/.test(d.source) && d.date) expect(d.provisional, where).toBe(true);
      }
    }
  });

  it('keep each session in order: answers before the CAES, the complementary phase inside the session', () => {
    for (const c of PARCOURSUP_CALENDARS) {
      const d = c.dates;
      if (d.answersStart.date && d.caesOpening.date) expect(d.answersStart.date < d.caesOpening.date).toBe(true);
      if (d.complementaryStart.date && d.complementaryEnd.date) expect(d.complementaryStart.date < d.complementaryEnd.date).toBe(true);
    }
  });

  it('choose the latest session opened on or before today, and say when none covers today', () => {
    expect(parcoursupSession('2026-01-18')).toMatchObject({ calendar: { session: 2025 }, fallback: false });
    expect(parcoursupSession('2026-01-19')).toMatchObject({ calendar: { session: 2026 }, fallback: false });
    expect(parcoursupSession('2026-12-31')).toMatchObject({ calendar: { session: 2026 }, fallback: false });
    expect(parcoursupSession('2027-01-02')).toMatchObject({ calendar: { session: 2026 }, fallback: true });
    expect(monMasterSession('2026-02-16')).toMatchObject({ calendar: { session: 2025 }, fallback: false });
    expect(monMasterSession('2026-02-17')).toMatchObject({ calendar: { session: 2026 }, fallback: false });
    expect(monMasterSession('2023-06-01')).toMatchObject({ calendar: { session: 2024 }, fallback: true });
  });
});

describe('régions académiques', () => {
  it('are the 18 régions and the three vice-rectorats of the format', () => {
    expect(REGIONS.map((r) => r.id).sort()).toEqual([
      'auvergne-rhone-alpes', 'bourgogne-franche-comte', 'bretagne', 'centre-val-de-loire', 'corse', 'grand-est',
      'guadeloupe', 'guyane', 'hauts-de-france', 'ile-de-france', 'la-reunion', 'martinique', 'mayotte', 'normandie',
      'nouvelle-aquitaine', 'nouvelle-caledonie', 'occitanie', 'pays-de-la-loire', 'polynesie-francaise',
      'provence-alpes-cote-d-azur', 'wallis-et-futuna',
    ]);
  });

  it('know the one-university régions, the vice-rectors and Wallis-et-Futuna without a university', () => {
    expect(REGIONS.filter((r) => r.universities === 'one').map((r) => r.id).sort()).toEqual([
      'corse', 'guadeloupe', 'guyane', 'la-reunion', 'martinique', 'mayotte', 'nouvelle-caledonie', 'polynesie-francaise',
    ]);
    expect(REGIONS.filter((r) => r.authority === 'vice-recteur').map((r) => r.id).sort())
      .toEqual(['nouvelle-caledonie', 'polynesie-francaise', 'wallis-et-futuna']);
    expect(regionById('wallis-et-futuna')?.universities).toBe('none');
  });

  it('map each académie to one région', () => {
    expect(regionOfAcademie('creteil')?.id).toBe('ile-de-france');
    expect(regionOfAcademie('nice')?.id).toBe('provence-alpes-cote-d-azur');
    expect(regionOfAcademie('orleans-tours')?.id).toBe('centre-val-de-loire');
    const academies = REGIONS.flatMap((r) => r.academies);
    expect(new Set(academies).size).toBe(academies.length);
    expect(academies).toHaveLength(33);
  });
});

describe('conditions and the legal texts', () => {
  it('ship the three articles with anchors, stating the version encoded', () => {
    expect(LEGAL_TEXTS.articles.map((a) => a.id)).toEqual(['D612-1-23', 'L612-3', 'R612-36-3']);
    for (const a of LEGAL_TEXTS.articles) {
      expect(a.version.length).toBeGreaterThan(10);
      const anchors = a.paragraphs.map((p) => p.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
    }
    expect(paragraphByAnchor('R612-36-3-I-al3-2')?.paragraph.text).toMatch(/^2° A compter de la notification de la dernière décision de refus/);
    expect(paragraphByAnchor('D612-1-23-IV')?.paragraph.text).toMatch(/a renoncé à ses vœux/);
    expect(paragraphByAnchor('L612-3-IX')?.paragraph.text).toMatch(/sportif de haut niveau/);
  });

  it('have unique ids, a source naming an article, a kind, and an anchor that exists when the article is shipped', () => {
    const ids = CONDITIONS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shipped = LEGAL_TEXTS.articles.map((a) => a.id);
    for (const c of CONDITIONS) {
      expect(c.source, c.id).toMatch(/^(L|D|R)\d{3}-[\d-]+( |$)/);
      expect(['law', 'platform', 'practice']).toContain(c.kind);
      if (c.kind !== 'law') expect(c.evidence, `${c.id} says who applies it`).toBeTruthy();
      const article = c.source.split(' ')[0]!;
      if (shipped.includes(article)) {
        expect(c.anchor, c.id).toBeTruthy();
        expect(paragraphByAnchor(c.anchor!)?.article.id, c.id).toBe(article);
      }
    }
  });

  it('are all reachable from a procedure, and every gate and reason refers to a declared condition', () => {
    const declared = new Set(CONDITIONS.map((c) => c.id));
    const used = new Set<string>();
    for (const p of Object.values(PROCEDURES)) {
      for (const id of p.conditions) { expect(declared.has(id), `${p.id}: ${id}`).toBe(true); used.add(id); }
      for (const g of p.gates) {
        expect(p.conditions, `${p.id}: gate ${g.condition}`).toContain(g.condition);
        if (g.recoverable) expect(p.conditions).toContain(g.recoverable);
      }
    }
    for (const c of CONDITIONS) {
      expect(used.has(c.id), `${c.id} unused`).toBe(true);
      if (!isLeaf(c)) for (const child of c.all ?? c.any ?? []) expect(declared.has(child)).toBe(true);
    }
  });
});
