/** The rules' data: calendars with sources, régions, the legal texts the conditions point into. */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CALENDAR_FILES } from '../../src/rules/calendars/files';
import {
  calendarKey, calendarOf, FIELDS_OF, MONMASTER_CALENDARS, parseCalendarKey, MONMASTER_FIELDS, PARCOURSUP_CALENDARS, PARCOURSUP_FIELDS,
} from '../../src/rules/calendars/index';
import { isCivilDate } from '../../src/rules/civil-date';
import { conditionsOf, Registry } from '../../src/rules/engine';
import { CONDITIONS, PROCEDURES, REGISTRY } from '../../src/rules/evaluate';
import { LEGAL_TEXTS, paragraphByAnchor } from '../../src/rules/legal/index';
import { regionById, regionOfAcademie, REGIONS } from '../../src/rules/regions';
import { seasonEnd } from '../../src/rules/sessions';

const newest = (list: readonly { session: number }[]) => Math.max(...list.map((c) => c.session));

describe('calendars', () => {
  const all = [
    ...PARCOURSUP_CALENDARS.map((c) => ({ c, fields: PARCOURSUP_FIELDS as readonly string[] })),
    ...MONMASTER_CALENDARS.map((c) => ({ c, fields: MONMASTER_FIELDS as readonly string[] })),
  ];

  it('are one file per platform and session, every file of the folder listed, sessions without gaps', () => {
    const folder = readdirSync(join(__dirname, '../../src/rules/calendars')).filter((f) => f.endsWith('.json')).sort();
    expect(CALENDAR_FILES.map((c) => `${c.platform}-${c.session}.json`).sort()).toEqual(folder);
    for (const list of [PARCOURSUP_CALENDARS, MONMASTER_CALENDARS]) {
      const sessions = list.map((c) => c.session);
      expect(sessions).toEqual(sessions.map((_, i) => sessions[0]! + i));
    }
  });

  it('mark an unannounced session unpublished, with every date null; a missing file reads the same', () => {
    for (const { c } of all) if (!c.published) expect(Object.values(c.dates).every((d) => d.date === null), `${c.platform} ${c.session}`).toBe(true);
    const next = newest(PARCOURSUP_CALENDARS) + 5;
    const unknown = calendarOf('parcoursup', next);
    expect(unknown).toMatchObject({ session: next, published: false });
    expect(Object.keys(unknown.dates).sort()).toEqual([...PARCOURSUP_FIELDS].sort());
    expect(Object.values(unknown.dates).every((d) => d.date === null)).toBe(true);
  });

  it('name each date by a key that reads back, and refuse keys of no platform or field shape', () => {
    for (const platform of ['parcoursup', 'monmaster'] as const) {
      for (const field of FIELDS_OF[platform]) {
        expect(parseCalendarKey(calendarKey(platform, 2027, field))).toEqual({ platform, session: 2027, field });
      }
    }
    const notKeys = ['calendar:other-2027.x', 'calendar:parcoursup-27.x', 'master.licenceDate', 'calendar:parcoursup-2027.'];
    for (const key of notKeys) expect(parseCalendarKey(key), key).toBeNull();
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
        // Within the session's season: a date the data lacks is past once the season has ended.
        if (d.date !== null) {
          expect(d.date.slice(0, 4), where).toBe(String(c.session));
          expect(d.date <= seasonEnd(c.platform, c.session), where).toBe(true);
        }
        // A date taken from the press is provisional until an official text confirms it.
        if (/^Presse/.test(d.source) && d.date) expect(d.provisional, where).toBe(true);
        // A région's own day: a known région, a day of the same season, another than the national one.
        for (const [region, day] of Object.entries(d.regions ?? {})) {
          expect(regionById(region), `${where} ${region}`).toBeDefined();
          expect(isCivilDate(day) && day.slice(0, 4) === String(c.session) && day <= seasonEnd(c.platform, c.session), `${where} ${region}`).toBe(true);
          expect(d.date !== null && day !== d.date, `${where} ${region}`).toBe(true);
        }
      }
    }
  });

  it('keep each session in order: answers before the CAES, the complementary phase inside the session', () => {
    for (const c of PARCOURSUP_CALENDARS) {
      const d = c.dates;
      if (d.answersStart.date && d.caesOpening.date) expect(d.answersStart.date < d.caesOpening.date).toBe(true);
      if (d.complementaryStart.date && d.complementaryEnd.date) expect(d.complementaryStart.date < d.complementaryEnd.date).toBe(true);
      // The rules bound an unpublished closing of wishes by the phase itself: it must lie inside it.
      const w = d.complementaryWishesEnd.date;
      if (w && d.complementaryStart.date) expect(w >= d.complementaryStart.date).toBe(true);
      if (w && d.complementaryEnd.date) expect(w <= d.complementaryEnd.date).toBe(true);
    }
    // Mon Master's complementary applications close inside their phase: the rules read them as its part.
    for (const c of MONMASTER_CALENDARS) {
      const d = c.dates;
      const a = d.complementaryApplicationsClose.date;
      if (a && d.complementaryStart.date) expect(a >= d.complementaryStart.date, `${c.session}`).toBe(true);
      if (a && d.complementaryEnd.date) expect(a <= d.complementaryEnd.date, `${c.session}`).toBe(true);
    }
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

  it('have unique ids, a kind, and a source that says what it is: an article for the law, the pages that show it applied otherwise', () => {
    const ids = CONDITIONS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shipped = LEGAL_TEXTS.articles.map((a) => a.id);
    for (const c of CONDITIONS) {
      expect(['law', 'platform', 'practice']).toContain(c.kind);
      if (c.kind === 'law') {
        expect(c.source, c.id).toMatch(/^(L|D|R)\d{3}-[\d-]+( |$)/);
      } else {
        // A platform or practice rule is not in the article: citing one would claim the law says it.
        expect(c.source, c.id).not.toMatch(/^(L|D|R)\d{3}-/);
        expect(c.anchor, c.id).toBeUndefined();
      }
      const article = c.source.split(' ')[0]!;
      if (c.kind === 'law' && shipped.includes(article)) {
        expect(c.anchor, c.id).toBeTruthy();
        expect(paragraphByAnchor(c.anchor!)?.article.id, c.id).toBe(article);
      }
    }
  });

  it('are all reachable from a procedure, and every gate and part refers to a declared condition', () => {
    const used = new Set<string>();
    for (const p of Object.values(PROCEDURES)) for (const { id } of conditionsOf(p, REGISTRY)) used.add(id);
    for (const c of CONDITIONS) expect(used.has(c.id), `${c.id} unused`).toBe(true);
    // The registry refuses a part or a gate that names no condition.
    expect(() => new Registry([{ id: 'x', source: 'D612-1-23 I', kind: 'law', any: ['nowhere'] }])).toThrow(/unknown condition nowhere/);
  });
});
