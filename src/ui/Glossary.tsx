/**
 * The words of the platforms and the administration, explained once in the student's language
 * (`glossary.terms` in locales/, one sentence each). The rules book lists them all; a question page
 * explains those it uses that no page answered before it has explained; the result explains the rector
 * and the two dates. docs/glossary.md is generated from the same strings, for translators.
 */
import { i18next, t } from '../i18n';
import { answeredPages, type Journey } from '../questionnaire/journey';
import { PAGES } from '../rules/questions';

/** In the order the rules book lists them (the order of `glossary.terms` in the French reference). */
export const TERMS = [
  'recteur', 'rectorat', 'region-academique', 'academie', 'vice-recteur', 'licence', 'proposition', 'voeu',
  'liste-attente', 'phase-principale', 'phase-complementaire', 'caes', 'session', 'saisir-le-recteur', 'deadline', 'act-by',
] as const;
export type Term = (typeof TERMS)[number];

/** The words each question page uses (its title, help, options or fields), in the order they appear. */
export const PAGE_TERMS: Readonly<Record<string, readonly Term[]>> = {
  renounced: ['voeu'],
  session: ['session'],
  'main-phase': ['phase-principale', 'voeu'],
  'main-answers': ['proposition', 'liste-attente'],
  'complementary-registered': ['phase-complementaire'],
  'complementary-answers': ['proposition', 'liste-attente'],
  'proposals-unsuitable': ['proposition'],
  region: ['region-academique', 'academie'],
  'master-session': ['session'],
  licence: ['licence', 'recteur'],
  'licence-date': ['licence'],
  'licence-region': ['region-academique', 'academie', 'recteur'],
  'waiting-list': ['liste-attente'],
  'teleservice-opened': ['saisir-le-recteur'],
};

/** The situation question, before any page: it names the licence. */
export const SITUATION_TERMS: readonly Term[] = ['licence'];

/** A page's words not yet explained on a page answered before it: each word is explained once on the way. */
export function termsToExplain(pageId: string, journey: Journey): Term[] {
  const index = PAGES.findIndex((p) => p.id === pageId);
  const explained = new Set(answeredPages(journey)
    .filter((p) => PAGES.indexOf(p) < index)
    .flatMap((p) => PAGE_TERMS[p.id] ?? []));
  return (PAGE_TERMS[pageId] ?? []).filter((term) => !explained.has(term));
}

function Definitions({ terms }: { terms: readonly Term[] }) {
  return (
    <dl class="glossary">
      {terms.map((term) => (
        <div key={term} class="glossary-entry">
          <dt>{t(`glossary.terms.${term}.term`)}</dt>
          <dd>{t(`glossary.terms.${term}.plain`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The words of one page, behind a disclosure that names them. */
export function Terms({ terms }: { terms: readonly Term[] }) {
  if (!terms.length) return null;
  return (
    <details class="terms">
      <summary>{t('glossary.summary', { terms: new Intl.ListFormat(i18next.language).format(terms.map((term) => t(`glossary.terms.${term}.term`))) })}</summary>
      <Definitions terms={terms} />
    </details>
  );
}

/** Every word, for the rules book. */
export function Glossary() {
  return (
    <section aria-labelledby="glossary-title">
      <h2 id="glossary-title">{t('glossary.title')}</h2>
      <p>{t('glossary.lead')}</p>
      <Definitions terms={TERMS} />
    </section>
  );
}
