/** "Préparer ma demande" without the UI: the documents checklist and the request's plan, from real scenarios. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fr from '../../locales/fr.json';
import { documentsFor, LISTED_REFUSALS } from '../../src/rules/documents';
import { evaluate } from '../../src/rules/evaluate';
import type { Facts } from '../../src/rules/facts';
import { paragraphByAnchor } from '../../src/rules/legal/index';
import type { ProcedureId } from '../../src/rules/procedure-ids';
import { firstSentence, requestPlan } from '../../src/rules/request';
import { letterReady, preparable } from '../../src/rules/preparable';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../scenarios/cases', `${name}.json`), 'utf8')) as { facts: Facts; today: string };

function prepared(name: string, id: ProcedureId, change: (f: Facts) => Facts = (f) => f) {
  const s = fixture(name);
  const facts = change(s.facts);
  const result = evaluate(facts, s.today);
  const r = result.procedures[id]!;
  const session = id === 'master-referral' ? result.calendars.master.session : result.calendars.parcoursup.session;
  return { r, facts, documents: documentsFor(id, facts, r, session), plan: requestPlan(id, facts, r, session) };
}

const KINDS = ['law', 'platform', 'practice'];
const FR_DOCUMENTS = fr.prepare.items as Record<string, { label?: string; label_one?: string; where: string }>;
const FR_LETTER = fr.prepare.letter as unknown as Record<string, Record<string, string>>;
/** A letter sentence's French text exists (plural forms folded). */
const hasSentence = (id: string) => {
  const [group, key] = id.split('.') as [string, string];
  const g = FR_LETTER[group] ?? {};
  return key in g || `${key}_one` in g;
};

describe('the documents to gather', () => {
  it('asks the Master student for the licence and each refusal, numbered, each item sourced and named', () => {
    const { documents, r } = prepared('master-02-licence-last-1', 'master-referral');
    expect(r.status).toBe('eligible');
    expect(documents.map((d) => d.id)).toEqual(['licence-certificate', 'refusal-1', 'refusal-2', 'refusal-3', 'refusal-4', 'refusal-5', 'refusal-6',
      'transcripts', 'cv', 'motivation']);
    expect(documents[0]).toMatchObject({ kind: 'law', source: 'R612-36-3 I al. 3 3°' });
    expect(documents.find((d) => d.id === 'refusal-6')).toMatchObject({ text: 'refusal', n: 6, kind: 'law' });
    for (const d of documents) {
      expect(KINDS, d.id).toContain(d.kind);
      expect(d.source.length, d.id).toBeGreaterThan(5);
      expect(FR_DOCUMENTS[d.text]?.label ?? FR_DOCUMENTS[d.text]?.label_one, d.text).toBeTruthy();
      expect(FR_DOCUMENTS[d.text]?.where, d.text).toBeTruthy();
    }
  });

  it('adds the certificate of an application left waiting, from the end of the admission phase the calendar gives', () => {
    const { documents } = prepared('master-12-waiting-list-after-phase', 'master-referral');
    expect(documents.find((d) => d.id === 'refusal-after-phase')).toMatchObject({ kind: 'platform', from: '2026-07-19' });
    expect(prepared('master-02-licence-last-1', 'master-referral').documents.some((d) => d.id === 'refusal-after-phase')).toBe(false);
  });

  it(`lists at most ${LISTED_REFUSALS} refusals one by one, then one item for the rest`, () => {
    const { documents } = prepared('master-02-licence-last-1', 'master-referral', (f) => ({ master: { ...f.master, applications: 40, refusals: 40 } }));
    const refusals = documents.filter((d) => d.id.startsWith('refusal-'));
    expect(refusals).toHaveLength(LISTED_REFUSALS + 1);
    expect(refusals.at(-1)).toMatchObject({ id: 'refusal-more', n: 40 - LISTED_REFUSALS });
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
  });

  it('asks for the papers of each circumstance chosen only, medical ones under confidential cover (the law: D612-1-27 al. 2)', () => {
    const disability = prepared('mixed-01-category-1-and-disability', 'parcoursup-reexamination').documents;
    expect(disability.map((d) => d.id)).toEqual(['disability-proof', 'liaison-form', 'dossier-number']);
    expect(disability[0]).toMatchObject({ confidential: true, kind: 'law', source: 'D612-1-27 al. 2' });
    const all = prepared('mixed-01-category-1-and-disability', 'parcoursup-reexamination',
      (f) => ({ parcoursup: { ...f.parcoursup, circumstances: ['health', 'disability', 'athlete', 'family'] } })).documents;
    expect(all.map((d) => d.id)).toEqual(['medical-certificate', 'disability-proof', 'liaison-form', 'athlete-list', 'family-proof', 'dossier-number']);
    expect(all.filter((d) => d.confidential).map((d) => d.id)).toEqual(['medical-certificate', 'disability-proof']);
    // The list of high-level athletes is the law's own (L612-3 IX).
    expect(all.find((d) => d.id === 'athlete-list')).toMatchObject({ kind: 'law' });
  });

  it('asks for the proposal received when the request rests on it (D612-1-26 3° and 4°)', () => {
    expect(prepared('reexamination-04-condition-3-4', 'parcoursup-reexamination').documents.map((d) => d.id))
      .toEqual(['family-proof', 'proposal-received', 'dossier-number']);
  });

  it('gives the CAES what the académies ask for, labelled practice or platform', () => {
    const documents = prepared('mixed-01-category-1-and-disability', 'parcoursup-accompaniment').documents;
    expect(documents.map((d) => d.id)).toEqual(['dossier-number', 'preference', 'school-reports', 'bac-results']);
    expect(documents.every((d) => d.kind !== 'law')).toBe(true);
  });
});

describe('the request', () => {
  it('states the Master student\'s licence, applications, refusals and the deadline the rules computed', () => {
    const { plan } = prepared('master-02-licence-last-1', 'master-referral');
    expect(plan.invokes).toEqual({ anchor: 'R612-36-3-I-al1', article: 'R612-36-3' });
    expect(plan.facts).toEqual([
      { id: 'master.licence', params: { date: '2026-07-08', region: 'ile-de-france' } },
      { id: 'master.applications', params: { count: 6, session: 2026 } },
      { id: 'master.noPositive', params: {} },
      { id: 'master.refusalsSpread', params: { count: 6, mentions: 3, establishments: 3 } },
      { id: 'master.lastRefusal', params: { date: '2026-06-20' } },
    ]);
    expect(plan.request).toEqual([{ id: 'master.request', params: { deadline: '2026-07-23' } }]);
    expect(plan.channel.map((c) => c.kind)).toEqual(['law', 'platform']);
  });

  it('says a waiting list counts as a refusal from the end of the admission phase, dated by the rules', () => {
    const { plan } = prepared('master-12-waiting-list-after-phase', 'master-referral');
    expect(plan.facts).toContainEqual({ id: 'master.waitingCounted', params: { date: '2026-07-19' } });
  });

  it('names the conditions of D612-1-26 the rules found met, the circumstances, and the confidential cover', () => {
    const disability = prepared('mixed-01-category-1-and-disability', 'parcoursup-reexamination').plan;
    expect(disability.facts.map((s) => s.id)).toEqual(['reexam.candidate', 'reexam.condition1', 'reexam.circumstances']);
    expect(disability.facts.at(-1)!.params).toEqual({ circumstances: ['disability'] });
    expect(disability.request.map((s) => s.id)).toEqual(['reexam.request', 'reexam.confidential']);
    const family = prepared('reexamination-04-condition-3-4', 'parcoursup-reexamination').plan;
    expect(family.facts.map((s) => s.id)).toEqual(['reexam.candidate', 'reexam.condition34', 'reexam.circumstances']);
    expect(family.request.map((s) => s.id)).toEqual(['reexam.request']);
  });

  it('states the CAES candidate\'s category with the counts answered', () => {
    const { plan } = prepared('mixed-01-category-1-and-disability', 'parcoursup-accompaniment');
    expect(plan.facts).toEqual([{ id: 'caes.candidate', params: { session: 2026 } }, { id: 'caes.category1', params: { count: 3 } }]);
    expect(plan.invokes.anchor).toBe('L612-3-VIII');
  });

  it('has a French sentence for every sentence a plan can hold', () => {
    for (const [name, id] of [['master-02-licence-last-1', 'master-referral'], ['master-12-waiting-list-after-phase', 'master-referral'],
      ['mixed-01-category-1-and-disability', 'parcoursup-reexamination'], ['reexamination-04-condition-3-4', 'parcoursup-reexamination'],
      ['mixed-01-category-1-and-disability', 'parcoursup-accompaniment']] as const) {
      const { plan } = prepared(name, id);
      for (const s of [...plan.facts, ...plan.request]) expect(hasSentence(s.id), `${name} ${s.id}`).toBe(true);
    }
  });

  it('quotes each article\'s first sentence, shipped in the app, whole', () => {
    const quote = (anchor: string) => firstSentence(paragraphByAnchor(anchor)!.paragraph.text);
    expect(quote('R612-36-3-I-al1')).toMatch(/^Un étudiant titulaire du diplôme national de licence .* D\. 612-36-2 peut saisir le recteur .* L\. 612-6\.$/);
    expect(quote('L612-3-IX')).toMatch(/^Lorsque la situation d'un candidat .* L\. 221-2 du code du sport .* fixées par décret\.$/);
    expect(quote('L612-3-VIII')).toMatch(/^L'autorité académique propose .* compétences\.$/);
    expect(firstSentence('Sans point final')).toBe('Sans point final');
  });
});

describe('the letter', () => {
  const facts = {
    parcoursup: {
      region: 'ile-de-france', bacYear: 2026, renounced: false, mainPhase: true, mainPhaseApprenticeshipOnly: false,
      main: { proposals: 0, waiting: 0, negative: 3 }, complementaryRegistered: true, complementary: { proposals: 0, waiting: 0, negative: 1 },
    },
  } as const;

  it('is written once something has happened: not before the session has begun, though the documents may be gathered', () => {
    // 1 December 2026, a bac of 2027: the 2027 session has not begun; the request will open, nothing is true yet.
    const early = evaluate({ parcoursup: { bacYear: 2027, renounced: false } }, '2026-12-01').procedures['parcoursup-accompaniment']!;
    expect(early.status).toBe('not-yet');
    expect(preparable(early)).toBe(true);
    expect(letterReady(early)).toBe(false);
    // The day before the CAES opens, the answers are in: the letter states them.
    const soon = evaluate(facts, '2026-06-30').procedures['parcoursup-accompaniment']!;
    expect(soon.status).toBe('not-yet');
    expect(letterReady(soon)).toBe(true);
    expect(letterReady(evaluate(facts, '2026-07-02').procedures['parcoursup-accompaniment']!)).toBe(true);
  });
});
