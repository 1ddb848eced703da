// @vitest-environment happy-dom
/**
 * The request letter from a real result: French whatever the page's language, blanks kept as blanks until
 * typed, the article quoted in the letter and summed up in the help, the papers sent with it listed once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, i18next } from '../../src/i18n';
import { documentsFor } from '../../src/rules/documents';
import { evaluate } from '../../src/rules/evaluate';
import type { Circumstance, Facts } from '../../src/rules/facts';
import { paragraphByAnchor } from '../../src/rules/legal/index';
import type { ProcedureId } from '../../src/rules/procedure-ids';
import { firstSentence, requestPlan } from '../../src/rules/request';
import { blanksLeft, letterBlocks, letterText, type LetterInput } from '../../src/ui/letter';
import { LetterView } from '../../src/ui/LetterView';
import { initAppStrings } from '../support/i18n';

beforeAll(() => initAppStrings());

function input(name: string, procedure: ProcedureId, change: (f: Facts) => Facts = (f) => f): LetterInput {
  const s = JSON.parse(readFileSync(join(__dirname, '../scenarios/cases', `${name}.json`), 'utf8')) as { facts: Facts; today: string };
  const facts = change(s.facts);
  const result = evaluate(facts, s.today);
  const r = result.procedures[procedure]!;
  const session = procedure === 'master-referral' ? result.calendars.master.session : result.calendars.parcoursup.session;
  const found = paragraphByAnchor(requestPlan(procedure, facts, r, session).invokes.anchor)!;
  return {
    procedure, plan: requestPlan(procedure, facts, r, session), authority: r.authority, today: s.today, parcoursup: procedure !== 'master-referral',
    documents: documentsFor(procedure, facts, r, session), quote: { text: firstSentence(found.paragraph.text), paragraph: found.paragraph.label },
  };
}
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the request letter', () => {
  it('writes the Master referral in French, the answers and the rules\' dates in it, blanks named until typed', () => {
    const fr = i18next.getFixedT('fr');
    const blocks = letterBlocks(input('master-02-licence-last-1', 'master-referral'), fr, 'fr');
    const empty = plain(letterText(blocks, {}, fr));
    expect(empty.split('\n\n')[0]).toBe('[Prénom et nom]\n[adresse postale]\n[e-mail ou téléphone]\nINE : [numéro INE]');
    for (const sentence of [
      'À l’attention du recteur de la région académique Île-de-France',
      'Le 10 juillet 2026',
      'J’ai obtenu le diplôme national de licence le 8 juillet 2026, dans la région académique Île-de-France.',
      'Pour la rentrée 2026, j’ai présenté 6 candidatures en première année de master.',
      'J’ai reçu 6 refus, pour 3 mentions de master différentes, dans 3 établissements. Le dernier m’a été notifié le 20 juin 2026.',
      'qui court jusqu’au 23 juillet 2026',
      'Pièces jointes : mon diplôme de licence ou l’attestation de réussite, 6 attestations de refus, mes relevés de notes de licence et mon CV.',
    ]) expect(empty).toContain(sentence);
    expect(empty).toMatch(/dispose : « Un étudiant titulaire du diplôme national de licence .* L\. 612-6\. »/);
    expect(empty.endsWith('[Prénom et nom]')).toBe(true);
    expect(blanksLeft(blocks, {})).toEqual(['name', 'address', 'contact', 'ine', 'project']);
    // Typed: in the letter as typed (trimmed), the signature too; whitespace alone is still a blank.
    const details = { name: ' Camille Martin ', address: '12 rue des Lilas\n31000 Toulouse', contact: 'camille@example.org', ine: '  ', project: 'Un master de chimie.' };
    const filled = plain(letterText(blocks, details, fr));
    expect(filled.startsWith('Camille Martin\n12 rue des Lilas\n31000 Toulouse\ncamille@example.org\nINE : [numéro INE]')).toBe(true);
    expect(filled).toContain('Mon projet : Un master de chimie.');
    expect(filled.endsWith('Camille Martin')).toBe(true);
    expect(blanksLeft(blocks, details)).toEqual(['ine']);
  });

  it('stays French while the page is in Arabic; the help is Arabic and sums the article up instead of quoting it', async () => {
    await changeLanguage('ar', false);
    try {
      const letterInput = input('mixed-01-category-1-and-disability', 'parcoursup-reexamination', (f) => ({ parcoursup: { ...f.parcoursup, circumstances: ['health', 'disability'] } }));
      const fr = plain(letterText(letterBlocks(letterInput, i18next.getFixedT('fr'), 'fr'), {}, i18next.getFixedT('fr')));
      expect(fr).not.toMatch(/[\u0600-\u06FF]/);
      expect(fr).toContain('Dossier Parcoursup n° [numéro de dossier Parcoursup]');
      expect(fr).toContain('tenant à mon état de santé et à mon handicap.');
      expect(fr).toContain('Pièces jointes : un certificat médical (sous pli confidentiel) et un justificatif de mon handicap (sous pli confidentiel).');
      expect(fr).toContain('« Lorsque la situation d\'un candidat justifie');
      const help = letterText(letterBlocks(letterInput, i18next.t, 'ar', true), { name: 'Camille' }, i18next.t);
      expect(help).toMatch(/[\u0600-\u06FF]/);
      expect(help).not.toContain('Lorsque la situation');
      // The preposition joined to each word (no tatweel "بـ"), repeated as French repeats « à ».
      expect(help).toContain('تتعلق بحالتي الصحية وبإعاقتي.');
      expect(help).not.toContain('\u0640');
      expect(help.startsWith('Camille\n[العنوان البريدي]')).toBe(true);
      // Dates in Latin digits, as the Arabic of the app writes them.
      expect(help).toContain('5 يوليو 2026');
    } finally {
      await changeLanguage('fr', false);
    }
  });

  it('writes what was typed on an Arabic keyboard with the digits the rectorat reads', () => {
    const fr = i18next.getFixedT('fr');
    const blocks = letterBlocks(input('master-02-licence-last-1', 'master-referral'), fr, 'fr');
    const text = letterText(blocks, { contact: '٠٦١٢٣٤٥٦٧٨', ine: '۱۲۳۴۵۶۷۸۹۰A' }, fr);
    expect(text).toContain('0612345678');
    expect(text).toContain('1234567890A');
    expect(text).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
  });

  it('repeats « à » before each circumstance it joins, two or three', () => {
    const fr = i18next.getFixedT('fr');
    const said = (circumstances: Circumstance[]) => plain(letterText(letterBlocks(input('mixed-01-category-1-and-disability', 'parcoursup-reexamination',
      (f) => ({ parcoursup: { ...f.parcoursup, circumstances } })), fr, 'fr'), {}, fr));
    expect(said(['family'])).toContain('circonstances exceptionnelles tenant à mes charges de famille.');
    expect(said(['health', 'disability'])).toContain('tenant à mon état de santé et à mon handicap.');
    expect(said(['health', 'disability', 'family'])).toContain('tenant à mon état de santé, à mon handicap et à mes charges de famille.');
  });

  it('isolates what the student typed in the Arabic help, so a French project keeps its full stop at its end', async () => {
    await changeLanguage('ar', false);
    try {
      const blocks = letterBlocks(input('mixed-01-category-1-and-disability', 'parcoursup-reexamination'), i18next.t, 'ar', true);
      const project = 'Une licence de psychologie à Paris.';
      const root = document.createElement('div');
      render(h(LetterView, { blocks, details: { project, name: 'Camille' }, t: i18next.t, lang: 'ar', id: 'letter-help' }), root);
      expect([...root.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Camille', project, 'Camille']);
      const line = [...root.querySelectorAll('p')].find((p) => p.textContent!.includes(project))!;
      expect(line.innerHTML).toBe(`مشروعي: <bdi>${project}</bdi>`);
      // Blanks still empty stay marked, not isolated.
      expect(root.querySelectorAll('mark.blank').length).toBeGreaterThan(0);
      render(null, root);
    } finally {
      await changeLanguage('fr', false);
    }
  });

  it('writes to the vice-rector where the région has one, and names no rector while the région is not known', () => {
    const fr = i18next.getFixedT('fr');
    const vice = plain(letterText(letterBlocks(input('master-33-polynesie-vice-recteur', 'master-referral'), fr, 'fr'), {}, fr));
    expect(vice).toContain('À l’attention du vice-recteur (Polynésie française)');
    expect(vice).toContain('Madame la Vice-Rectrice, Monsieur le Vice-Recteur,');
    const noRegion = input('mixed-01-category-1-and-disability', 'parcoursup-reexamination',
      (f) => ({ parcoursup: { ...f.parcoursup, region: undefined, circumstances: ['family'] } }));
    const unknown = plain(letterText(letterBlocks(noRegion, fr, 'fr'), {}, fr));
    expect(unknown).toContain('À l’attention du recteur de ma région académique');
    expect(unknown).toContain('Madame la Rectrice, Monsieur le Recteur,');
  });

  it('writes the CAES request as a short text to paste in the Parcoursup file: the situation, the request under L612-3 VIII, the project', async () => {
    const fr = i18next.getFixedT('fr');
    const blocks = letterBlocks(input('mixed-01-category-1-and-disability', 'parcoursup-accompaniment'), fr, 'fr');
    const text = plain(letterText(blocks, {}, fr));
    expect(text.split('\n\n')).toEqual([
      'J’ai présenté ma candidature sur Parcoursup pour la rentrée 2026. En phase principale, j’ai fait 3 vœux, qui ont tous reçu une réponse négative.',
      'Je demande donc l’accompagnement prévu au VIII de l’article L612-3 du code de l’éducation : que le recteur, avec la commission d’accès '
      + 'à l’enseignement supérieur (CAES), me propose une formation qui correspond à mon projet.',
      'Mon projet : [votre projet en une ou deux phrases]',
    ]);
    // No postal letter: no addresses, no subject, no salutation, no file number (the file is where it is pasted).
    expect(text).not.toMatch(/À l’attention|Objet|Madame|Pièces jointes|INE|Dossier Parcoursup n°|salutations/);
    expect(blanksLeft(blocks, {})).toEqual(['project']);
    await changeLanguage('en', false);
    try {
      const help = letterText(letterBlocks(input('mixed-01-category-1-and-disability', 'parcoursup-accompaniment'), i18next.t, 'en', true), {}, i18next.t);
      expect(help).toContain('article L612-3, VIII');
      expect(help.split('\n\n')).toHaveLength(3);
    } finally {
      await changeLanguage('fr', false);
    }
  });
});
