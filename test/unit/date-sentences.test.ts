// @vitest-environment happy-dom
/**
 * Sentences built around a date never show a hole ("votre délai se termine le ."): when the date is not known
 * (an unpublished calendar, a fact not given), the `_nodate` variant is read. Over every string of the
 * locales with a date placeholder, and over what the rules say on random answers and days.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import fr from '../../locales/fr.json';
import en from '../../locales/en.json';
import ar from '../../locales/ar.json';
import { changeLanguage } from '../../src/i18n';
import { evaluate } from '../../src/rules/evaluate';
import { PROCEDURE_IDS } from '../../src/rules/procedure-ids';
import { changeText, noteText, sentence } from '../../src/ui/note-text';
import { caseArb } from '../support/arbitraries';
import { initAppStrings } from '../support/i18n';

const LOCALES = { fr, en, ar } as const;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Every string of a locale, by its dotted key. */
function strings(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]];
  if (Array.isArray(o) || o === null || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * The placeholders that hold a date: those the rules fill with a civil date (found below on random answers)
 * and those the UI fills with one.
 */
const DATE_PARAMS = new Set(['date', 'opens', 'ifAlreadyOpenDeadline', 'calendar', 'student', 'deadline', 'actBy']);

/**
 * Sentences whose date is never missing (`key`, or `key:placeholder` for one of its dates), and why; every
 * other sentence with a date has a `_nodate` variant. The random run below checks that the rules never
 * leave these without their date.
 */
const ALWAYS_DATED: Readonly<Record<string, string>> = {
  'notes.calendar-disagrees:calendar': 'only when the calendar has the opening (its student date may be null: "not open yet")',
  'notes.provisional-date': 'only for a calendar date that is set (common.ts)',
  'notes.opening-seen-earlier': 'only when the window counted from the student\'s opening is known (master-referral.ts seenEarlier)',
  'notes.deadline-on-weekend-not-extended': 'only when the deadline is known, and its act-by day with it',
  'notes.deadline-on-holiday-not-extended': 'only when the deadline is known, and its act-by day with it (deadlines.ts notExtendedNote)',
  'notes.waiting-list-counted-as-refused': 'only once the admission phase is over, hence its end known',
  'notes.pending-counted-as-refused': 'only once the admission phase is over, hence its end known',
  'result.today': 'the day of the check',
  'result.followUp.answerBy': 'an open proposal\u2019s days, always known (notification + 8: FollowUpOutcome)',
  'result.key.actBy': 'written only when there is an act-by date (ResultPage keyDate)',
  'result.key.until': 'written only when there is a deadline',
  'result.key.from': 'written only when the opening is known and ahead',
  'result.key.ended': 'written only when the deadline is known and past',
  'result.when.between': 'an action\'s days, written only when both are known (note-text.ts changeWhen)',
  'result.when.until': 'an action\'s last day, written only when it is known (changeWhen)',
  'result.when.previousBetween': 'last session\'s days, written only when both are known (changeWhen)',
  'result.when.previousUntil': 'last session\'s last day, written only when it is known (changeWhen)',
  'result.icsDescription': 'the day of the check',
  'counsellor.compareCaption': 'the day of the check',
  'counsellor.compareBefore': 'the day of the check before the last change',
  'form.errors.date-too-early': 'the earliest date the format accepts',
  'errors.date-too-early': 'the earliest date the format accepts',
  'ui.resume.lead': 'said only with the day of the save (else ui.resume.leadUndated)',
  'ui.setAside.unreadable': 'the day the record was set aside',
  'ui.setAside.invalid': 'the day the record was set aside',
  'season.overPublished': 'said only when the next session opens on a known day (else season.over)',
  'season.checked': 'the day the calendars were checked (data)',
  'notes.answered-after-unextended-deadline': 'a proposal’s days always come from its notification and the answer’s day',
  'notes.referral-sent-in-time': 'only when the window’s last day is known (referral-record.ts compares the day sent with it)',
  'prepare.after.record.state.accepted_date': 'said only with the answer\'s day (ProposalList)',
  'prepare.after.record.state.refused_date': 'said only with the answer\'s day (ProposalList)',
  'prepare.after.record.sentOn': 'written only when the referral’s day is recorded (ReferralRecord)',
  'prepare.letter.master.request': 'only with the window’s last day (request.ts says master.requestNoDate otherwise)',
  'prepare.letter.master.pendingCounted': 'only when the admission phase’s end is known (request.ts)',
  'prepare.letter.master.waitingCounted': 'only when the admission phase’s end is known (request.ts)',
  'prepare.letter.master.lastRefusal': 'only with the last refusal’s day (request.ts)',
  'prepare.letter.master.licence': 'only with the licence’s day and région (request.ts)',
  'prepare.letter.dated': 'the day the letter is written',
  'prepare.summary.until': 'written only when the result has a last day (PrepareSummary)',
  'prepare.summary.from': 'written only when the opening is known and ahead (PrepareSummary)',
  'prepare.summary.actBy': 'written only when the result has an act-by day (PrepareSummary)',
  'followUp.ics.description': 'an event is made only for a proposal, whose days come from its notification',
  'law.checked': 'the day the texts were checked (data)',
  'notes.answered-after-deadline': 'a proposal’s last day always comes from its notification',
  'notes.referral-sent-after-deadline': 'only when the window’s last day is known',
};
// A validation message names the date it compares with, which the validator always passes.
const VALIDATION = /^(form\.)?errors\./;
const alwaysDated = (key: string, name: string) => VALIDATION.test(key) || key in ALWAYS_DATED || `${key}:${name}` in ALWAYS_DATED;

/** The text a sentence would show with its date missing: the words on both sides of the placeholder, joined. */
function holesOf(template: string, missing: ReadonlySet<string>): string[] {
  return [...template.matchAll(PLACEHOLDER)].filter(([, name]) => missing.has(name!)).map((m) => {
    const before = template.slice(Math.max(0, m.index! - 8), m.index!).replace(/\{\{\w+\}\}/g, '');
    const rest = template.slice(m.index! + m[0].length);
    return before + rest.slice(0, Math.min(3, rest.search(/\{\{|$/)));
  });
}

describe('sentences with a date', () => {
  beforeAll(() => initAppStrings('fr'));

  for (const [lang, locale] of Object.entries(LOCALES)) {
    const all = new Map(strings(locale));
    const dated = [...all].filter(([k, s]) => !k.endsWith('_nodate') && [...s.matchAll(PLACEHOLDER)].some(([, n]) => DATE_PARAMS.has(n!)));

    it(`have a variant without the date, or never miss it (${lang})`, async () => {
      await changeLanguage(lang as 'fr', false);
      expect(dated.length).toBeGreaterThan(10);
      for (const [key, s] of dated) {
        const names = [...s.matchAll(PLACEHOLDER)].map(([, n]) => n!);
        const dates = new Set(names.filter((n) => DATE_PARAMS.has(n) && !alwaysDated(key, n)));
        if (dates.size === 0) continue;
        const variant = all.get(`${key}_nodate`);
        expect(variant, `${key} has no _nodate variant in ${lang}`).toBeDefined();
        expect([...variant!.matchAll(PLACEHOLDER)].map(([, n]) => n).filter((n) => dates.has(n!)), key).toEqual([]);
        // Said through the app with its dates null: the variant, with the other values in place.
        const values = Object.fromEntries(names.map((n) => [n, dates.has(n) ? null : 'X']));
        const text = sentence(key, values);
        for (const words of variant!.split(PLACEHOLDER).filter((_, i) => i % 2 === 0)) expect(text, key).toContain(words);
        for (const hole of holesOf(s, dates)) expect(text, key).not.toContain(hole);
      }
    });
  }

  it('say a late answer truly, accepted or refused: silence had already counted as a refusal', async () => {
    const late = (answer: 'accepted' | 'refused') => noteText({ id: 'answered-after-deadline', kind: 'law', source: 'R612-36-3 I al. 8',
      notified: '2026-07-20', deadline: '2026-07-28', answered: '2026-07-29', answer });
    await changeLanguage('fr', false);
    expect(late('accepted')).toMatch(/réputée refusée.*acceptation tardive ne met donc pas fin à la saisine.*rectorat/);
    // A late refusal is not "too late to refuse": it changes nothing, and nothing is to be done.
    expect(late('refused')).toMatch(/réputée refusée.*Votre refus ne change donc rien/);
    expect(late('refused')).not.toMatch(/rectorat|trop tard/);
    for (const lang of ['fr', 'en', 'ar'] as const) {
      await changeLanguage(lang, false);
      expect(late('accepted')).not.toBe(late('refused'));
      for (const text of [late('accepted'), late('refused')]) expect(text).not.toMatch(/\$t\(|lateAnswer|\{\{/);
    }
  });

  it('read what the rules say without a hole, in the three languages, on random answers and days', async () => {
    const samples = fc.sample(caseArb, { numRuns: 1500, seed: 13 });
    // The first day of a session whose calendar is not published, with answers that reach its notes.
    samples.push({ today: '2026-12-01', facts: { parcoursup: { bacYear: 2027, mainPhase: false, renounced: false, region: 'occitanie' } } });
    let nulls = 0;
    for (const lang of ['fr', 'en', 'ar'] as const) {
      await changeLanguage(lang, false);
      const templates = new Map(strings(LOCALES[lang]));
      for (const { facts, today } of samples) {
        const result = evaluate(facts, today, PROCEDURE_IDS);
        for (const r of Object.values(result.procedures)) {
          const items = [...r!.notes.map((n) => ['notes', n, noteText(n)] as const), ...r!.changes.map((c) => ['changes', c, changeText(c)] as const)];
          for (const [group, item, text] of items) {
            const key = `${group}.${item.id}`;
            const values = item as unknown as Record<string, unknown>;
            const missing = new Set(Object.keys(values).filter((k) => values[k] === null || values[k] === undefined));
            if (missing.size === 0) continue;
            nulls++;
            expect([...missing].filter((k) => alwaysDated(key, k)), `${key} without its date on ${today}`).toEqual([]);
            for (const hole of holesOf(templates.get(key) ?? '', missing)) expect(text, `${key} on ${today} (${lang})`).not.toContain(hole);
            expect(text).not.toMatch(/\{\{|undefined|null/);
          }
        }
      }
    }
    expect(nulls).toBeGreaterThan(100);
  });
});
