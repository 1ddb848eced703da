/**
 * The words students read (docs/glossary.md): one glossary of institutional terms in the three languages,
 * the same word for the same thing in every string, the two dates always labelled alike, French
 * typography, French names that stay whole inside Arabic, and none of the wrong variants a translator's
 * review found (each of which once misled a reader).
 */
import { describe, expect, it } from 'vitest';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { TITLES } from '../../src/embed/host';
import { rulesBook } from '../../src/rules/book';
import { LEGAL_TEXTS } from '../../src/rules/legal/index';
import { PAGES } from '../../src/rules/questions';
import { formatDate } from '../../src/ui/format';
import { PAGE_TERMS, SITUATION_TERMS, TERMS, termsToExplain } from '../../src/ui/Glossary';
import { leaves, type Tree } from '../support/locale-leaves';

const LOCALES = { fr: leaves(fr as unknown as Tree), en: leaves(en as unknown as Tree), ar: leaves(ar as unknown as Tree) };
type Lang = keyof typeof LOCALES;
/** Command-line and validator messages: formats, flags and field names stay as a developer types them. */
const technical = (key: string) => key.startsWith('cli.') || key.startsWith('errors.');
const strings = (lang: Lang) => [...LOCALES[lang]].filter(([key]) => !technical(key));
const withoutPlaceholders = (s: string) => s.replace(/\{\{\s*\w+\s*\}\}/g, '');

/** Every string of a language that matches, as `key: text`, for a readable failure. */
const matching = (lang: Lang, re: RegExp, keys = strings(lang)) => keys.filter(([, s]) => re.test(s)).map(([k, s]) => `${k}: ${s}`);

describe('the glossary', () => {
  it('has every term of the app, each a word and a plain sentence in every language', () => {
    expect(Object.keys(fr.glossary.terms)).toEqual([...TERMS]);
    for (const lang of ['fr', 'en', 'ar'] as const) {
      for (const term of TERMS) {
        expect(LOCALES[lang].get(`glossary.terms.${term}.term`), `${lang} ${term}`).toMatch(/\p{L}/u);
        // One sentence: a full stop only at the end (abbreviations aside), and a verb's worth of words.
        const plain = LOCALES[lang].get(`glossary.terms.${term}.plain`)!;
        expect(plain.split(/\s+/).length, `${lang} ${term}`).toBeGreaterThan(6);
        expect(plain.slice(0, -1), `${lang} ${term}`).not.toMatch(/[.؟?!]\s/);
      }
    }
  });

  it('explains in English what a French licence and a French rector are', () => {
    expect(en.glossary.terms.licence.plain).toMatch(/three-year university degree/);
    // In many countries a rector heads a university: the French one does not.
    expect(en.glossary.terms.recteur.plain).toMatch(/does not run a university/);
    expect(ar.glossary.terms.recteur.plain).toMatch(/ليس رئيس الأكاديمية رئيسَ جامعة/);
  });

  // What each term looks like in a French page's strings: a page lists only words it really uses.
  const FRENCH_WORD: Readonly<Record<(typeof TERMS)[number], RegExp>> = {
    recteur: /(?<!vice-|Saisir le )recteur/, rectorat: /rectorat/, 'region-academique': /région académique/,
    academie: /académie/, 'vice-recteur': /vice-recte/, licence: /licence/, proposition: /proposition|« oui »/,
    voeu: /vœu/, 'liste-attente': /liste d’attente|en attente/i, 'phase-principale': /phase principale/,
    'phase-complementaire': /phase complémentaire/, caes: /CAES/, session: /session/, 'saisir-le-recteur': /Saisir le recteur/,
    deadline: /dernier jour|jusqu’au/i, 'act-by': /au plus tard le/i,
  };
  const pageText = (id: string) => [...LOCALES.fr].filter(([k]) => k.startsWith(`questions.${id}.`)).map(([, s]) => s).join(' ').replace(/[\u00a0\u202f]/g, ' ');

  it('is offered on the question pages that use each word, and only there', () => {
    for (const [page, terms] of Object.entries(PAGE_TERMS)) {
      expect(PAGES.some((p) => p.id === page), page).toBe(true);
      for (const term of terms) expect(pageText(page), `${page} uses ${term}`).toMatch(FRENCH_WORD[term]);
    }
    for (const term of SITUATION_TERMS) expect(JSON.stringify(fr.situation), term).toMatch(FRENCH_WORD[term]);
  });

  it('explains a word once on the way: not again on a page after the one that explained it', () => {
    const journey = (answers: object) => ({ answers, procedures: ['master-referral'] as const, today: '2026-07-10' });
    expect(termsToExplain('licence', journey({}))).toEqual(['licence', 'recteur']);
    const afterLicence = journey({ master: { session: 2026, licence: 'dnl', licenceDate: '2026-06-25' } });
    expect(termsToExplain('licence-region', afterLicence)).toEqual(['region-academique', 'academie']);
    // Nothing answered before it: the région page explains the rector too.
    expect(termsToExplain('licence-region', journey({}))).toEqual(['region-academique', 'academie', 'recteur']);
  });
});

describe('one word for one thing', () => {
  const TRANSLATION_OF = (lang: Lang, key: string) => LOCALES[lang].get(key) ?? '';

  it('names the rector the same way in every language, and the vice-rector never as a deputy', () => {
    for (const [key, text] of strings('fr')) {
      const person = text.replace(/«\s?Saisir le recteur\s?»/g, '').replace(/vice-recte\w+/g, '');
      if (/\brecteur\b/.test(person)) {
        expect(TRANSLATION_OF('ar', key), key).toMatch(/رئيس (ال)?أكاديمية/);
        expect(TRANSLATION_OF('en', key), key).toMatch(/\brector\b/i);
      }
      if (/vice-recte/.test(text)) {
        expect(TRANSLATION_OF('ar', key), key).toMatch(/(المسؤول|الإدارة) الأكاديمي(ة)? للإقليم/);
        expect(TRANSLATION_OF('en', key), key).toMatch(/vice-recto?r/i);
      }
      if (/réexamen/i.test(text)) expect(TRANSLATION_OF('ar', key), key).toMatch(/إعادة النظر/);
    }
  });

  it('has none of the Arabic variants that say something else', () => {
    expect(matching('ar', /من المستبعد/), '"unlikely" where the text means "ruled out"').toEqual([]);
    expect(matching('ar', /إعادة (ال)?دراسة|إعادة الفحص/), 'the re-examination is إعادة النظر, not "repeating one\'s studies"').toEqual([]);
    expect(matching('ar', /نائب|نيابة/), 'the vice-recteur is not a deputy').toEqual([]);
    expect(matching('ar', /رئيس المنطقة الأكاديمية|عميد|مدير الأكاديمية/), 'one word for the recteur: رئيس الأكاديمية').toEqual([]);
    expect(matching('ar', /للإعلام/), '"for the media": for information only is للعلم').toEqual([]);
    // The app's own title on screen (result.title) and in print: سبل الطعن.
    expect(matching('ar', /(?<!سبل |سُبل )الطعن/), 'one word for the remedies: سبل الطعن').toEqual([]);
    // A preposition joined to a value with a tatweel reads "بـحالتي" once the value is Arabic.
    expect(matching('ar', /\u0640\{\{/), 'a preposition joined to its value with no tatweel').toEqual([]);
    // The bare verb reads both "you declined" and "you were refused" ("refused you/me" is clear: رفضتك, رفضتني).
    expect(matching('ar', /(^|[\s(«])رفضت(?![كن])/), 'say who refused').toEqual([]);
  });

  it('has none of the English variants that mislead', () => {
    expect(matching('en', /\bthis session\b/i), '"this session" reads as a login session').toEqual([]);
    // The platform's year is a "round" (the glossary names the French word; a counsellor's meeting with a student is another session).
    const notCounsellor = strings('en').filter(([k]) => !k.startsWith('counsellor.') && !k.startsWith('glossary.'));
    expect(matching('en', /\bsessions?\b/i, notCounsellor.map(([k, s]) => [k, withoutPlaceholders(s)])), 'a round, an intake').toEqual([]);
    expect(matching('en', /\bproposals?\b/i), 'an offer of a place').toEqual([]);
    expect(matching('en', /\buntil \{\{\w+\}\}(?! inclusive)/i), 'the last day in doubt').toEqual([]);
  });

  it('has none of the French variants that leave the reader guessing', () => {
    expect(matching('fr', /même refusée? ensuite/), 'say who refused').toEqual([]);
    expect(matching('fr', /fournie? au projet/), 'internal jargon').toEqual([]);
    expect(LEGAL_TEXTS.articles.map((a) => a.version).filter((v) => /fournie? au projet/.test(v))).toEqual([]);
    expect(matching('fr', /date limite/i), 'the deadline is « dernier jour »').toEqual([]);
    // D612-1-27 al. 2's name for the rector's doctor, one name everywhere.
    expect(matching('fr', /conseiller médical|médecin conseiller technique(?! du recteur de région académique)|votre médecin conseiller/), 'D612-1-27').toEqual([]);
    expect(matching('en', /medical adviser(?! \(médecin conseiller technique\))/), 'one name').toEqual([]);
    expect(matching('ar', /المستشار الطبي|طبيبكم المستشار/), 'one name').toEqual([]);
  });

  it('shows no English placeholder among the French sources of the calendar dates', () => {
    const sources = rulesBook().calendars.flatMap((c) => c.dates.map((d) => d.source));
    expect(sources.filter((s) => /\b(not collected|not found|to be filled|tbd)\b/i.test(s))).toEqual([]);
  });
});

describe('the two dates', () => {
  // The deadline (the last day, which still counts) and the act-by day (a day earlier, advised): docs/glossary.md §"The two dates".
  const WORDS: Readonly<Record<Lang, { deadline: RegExp; actBy: RegExp; before: RegExp; inclusive: RegExp }>> = {
    fr: { deadline: /dernier jour|jusqu’au .*\binclus\b/i, actBy: /au plus tard\b/i, before: /\bavant le \{\{/i, inclusive: /jusqu’au ([^.,;:)]*)/gi },
    en: { deadline: /last day|until .*\binclusive\b/i, actBy: /\bact by\b/i, before: /\bbefore \{\{/i, inclusive: /\buntil ([^.,;:)]*)/gi },
    ar: { deadline: /آخر يوم|حتى .*ضمنًا/, actBy: /في أجل أقصاه/, before: /قبل \{\{/, inclusive: /حتى ([^.,،؛:)]*)/g },
  };
  const DEADLINE = ['result.deadline', 'result.key.until', 'result.icsDeadline', 'counsellor.col.deadline', 'result.when.between', 'result.when.until', 'result.when.previousBetween', 'result.when.previousUntil', 'prepare.after.record.deadline'];
  const ACT_BY = ['result.actBy', 'result.key.actBy', 'result.icsActBy', 'counsellor.col.actBy', 'followUp.rules.ma.proposal-act-by', 'followUp.ics.description', 'prepare.summary.actBy',
    'prepare.after.record.actBy', 'notes.deadline-on-weekend-not-extended', 'notes.deadline-on-holiday-not-extended',
    'notes.opening-seen-earlier', 'result.followUp.answerBy'];

  for (const lang of ['fr', 'en', 'ar'] as const) {
    it(`labels each alike in ${lang}, with the glossary's words`, () => {
      const w = WORDS[lang];
      expect(LOCALES[lang].get('glossary.terms.deadline.term')).toMatch(w.deadline);
      expect(LOCALES[lang].get('glossary.terms.act-by.term')).toMatch(w.actBy);
      for (const key of DEADLINE) expect(LOCALES[lang].get(key), key).toMatch(w.deadline);
      for (const key of ACT_BY) expect(LOCALES[lang].get(key), key).toMatch(w.actBy);
      // "Before the date" is the day before: it labels neither.
      expect(matching(lang, w.before)).toEqual([]);
      // The act-by words belong to the act-by day alone.
      const actByElsewhere = strings(lang).filter(([k]) => !ACT_BY.includes(k) && !k.startsWith('glossary.'));
      expect(matching(lang, w.actBy, actByElsewhere)).toEqual([]);
    });
  }

  it('never leaves the last day in doubt: every "until a date" says the day is included', () => {
    for (const lang of ['fr', 'en', 'ar'] as const) {
      for (const [key, text] of strings(lang)) {
        for (const m of text.matchAll(WORDS[lang].inclusive)) {
          // "jusqu’à quand", "until when", "until late September" are no date; a day of the month or a placeholder is.
          if (/\{\{|\d/.test(m[1]!)) expect(m[0], `${lang} ${key}`).toMatch(/inclus|inclusive|ضمنًا/);
        }
      }
    }
  });
});

describe('Arabic dates', () => {
  // Where a date is written with its weekday ("الثلاثاء، 1 ديسمبر 2026": notes and changes through note-text.ts,
  // the result's key dates and its "computed on", the calendar files, the referral's day sent): يوم before it,
  // as one says "on Tuesday", never في. Elsewhere a date has no weekday (the letter, the checks, the sources).
  const WEEKDAY_KEYS = /^(notes|changes|result|followUp\.ics|prepare\.summary|prepare\.notYet|prepare\.after\.record\.sentOn)\b/;
  const DATES = /(date|calendar|student|opens|sent|notified|answered|today|from|deadline|actBy|movedTo)/;
  const weekdayKeys = () => strings('ar').filter(([k]) => WEEKDAY_KEYS.test(k));

  it('say يوم before a date with its weekday, never في', () => {
    expect(matching('ar', new RegExp(`في \\{\\{${DATES.source}\\}\\}`), weekdayKeys())).toEqual([]);
    expect(LOCALES.ar.get('result.today')).toMatch(/^حُسب يوم \{\{date\}\}/);
    expect(LOCALES.ar.get('result.key.ended')).toBe('انتهى يوم {{date}}.');
  });

  it('never say يوم twice: the formatter writes the weekday alone, the template says يوم', () => {
    const tuesday = formatDate('2026-12-01', true, 'ar');
    expect(tuesday).toMatch(/^الثلاثاء، 1 ديسمبر 2026$/);
    const said = LOCALES.ar.get('result.key.ended')!.replace('{{date}}', tuesday);
    expect(said).toBe('انتهى يوم الثلاثاء، 1 ديسمبر 2026.');
    expect(matching('ar', /يوم\s+يوم|يوم \{\{(date|today)\}\} ?يوم/)).toEqual([]);
  });
});

describe('typography', () => {
  const FRENCH: [string, string][] = [...LOCALES.fr, ['embed title', TITLES.fr!]];

  it('puts a no-break space before ":" and inside « », a narrow one before ";", "?" and "!" in every French string', () => {
    const wrong = FRENCH.filter(([, s]) =>
      /(^|[^\u00a0]):(?!\/\/)/.test(s) || /(^|[^\u202f])[;?!]/.test(s) || /«(?!\u00a0)/.test(s) || /(^|[^\u00a0])»/.test(s));
    expect(wrong.map(([k, s]) => `${k}: ${JSON.stringify(s)}`)).toEqual([]);
  });

  it('keeps a French name quoted in Arabic whole and left to right, its guillemets pointing outward', () => {
    // \u2068«\u00a0Saisir\u00a0le\u00a0recteur\u00a0»\u2069: a left-to-right isolate with no break opportunity inside.
    const latin = /«[\s\u00a0]*[A-Za-zÀ-ÿ]/;
    const wrong = strings('ar').filter(([, s]) => [...s.matchAll(/.?«[^«»]*».?/g)]
      .some(([q]) => latin.test(q) && !/^\u2068«\u00a0[^ \-«»]+\u00a0»\u2069$/.test(q)));
    expect(wrong.map(([k, s]) => `${k}: ${JSON.stringify(s)}`)).toEqual([]);
    expect(LOCALES.ar.get('result.officialLink.master-referral')).toContain('\u2068«\u00a0Saisir\u00a0le\u00a0recteur\u00a0»\u2069');
  });

  it('isolates in Arabic the values written left to right, so that "2023-2024" or a source keeps its order', () => {
    const LTR = ['source', 'fromAcademicYear', 'academicYear', 'address', 'fields'];
    for (const [key, s] of strings('ar')) {
      for (const [whole, name] of s.matchAll(/.?\{\{(\w+)\}\}.?/g)) {
        if (LTR.includes(name!)) expect(whole, key).toBe(`\u2066{{${name}}}\u2069`);
      }
    }
  });

  it('keeps "Mon Master" whole in Arabic: a left-to-right isolate with a no-break space', () => {
    const wrong = strings('ar').filter(([, s]) => s.replace(/\u2068Mon\u00a0Master\u2069/g, '').includes('Master'));
    expect(wrong.map(([k, s]) => `${k}: ${JSON.stringify(s)}`)).toEqual([]);
    expect(LOCALES.ar.get('platforms.monmaster')).toBe('\u2068Mon\u00a0Master\u2069');
  });

  it('never breaks a place name: non-breaking hyphens everywhere, an unbreakable isolate in Arabic', () => {
    for (const lang of ['fr', 'en', 'ar'] as const) {
      for (const [key, name] of LOCALES[lang]) {
        if (!/^(regions|academies)\./.test(key)) continue;
        expect(name, `${lang} ${key}`).not.toMatch(/-/);
        if (lang === 'ar') expect(name, key).toMatch(/^\u2068[^ \u2068\u2069]+\u2069$/);
      }
      expect(matching(lang, /Île-de-France|Provence-Alpes|Centre-Val|Wallis-et|Nouvelle-Calédonie/), lang).toEqual([]);
    }
    expect(fr.regions['ile-de-france']).toBe('Île\u2011de\u2011France');
  });
});
