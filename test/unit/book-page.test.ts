// @vitest-environment happy-dom
/** The rules book page and the hand-off notice, rendered: every condition and date shown, in every language. */
import { h, render, type VNode } from 'preact';
import type { HandoffResult } from '../../src/platform/handoff';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLanguage, t } from '../../src/i18n';
import { initAppStrings } from '../support/i18n';
import { rulesBook } from '../../src/rules/book';
import { HandoffNotice } from '../../src/ui/HandoffNotice';
import { TERMS } from '../../src/ui/Glossary';
import RulesBook from '../../src/ui/RulesBook';

const book = rulesBook();
let root: HTMLElement;

async function mount(vnode: VNode<any>) {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(vnode, root));
  return root;
}

/** No i18next key left untranslated: a missing key renders as itself. */
const noRawKeys = (el: HTMLElement) => expect(el.textContent).not.toMatch(/\b(book|conditions|followUp|kinds|calendarFields|platforms|procedures|handoff)\.[\w.-]+/);
/** Each procedure's tables in the page's order: its conditions, how its request is sent, then what follows it, when it has rules for those. */
const procedureTables = book.procedures.flatMap((p) => [p.conditions.length, ...[p.sending, p.after].filter((l) => l.length).map((l) => l.length)]);
/** Every source in the page's order, as the tables list them. */
const sources = book.procedures.flatMap((p) => [...p.conditions, ...p.sending, ...p.after]);

describe('rules book page', () => {
  beforeAll(() => initAppStrings('fr'));
  afterEach(() => { render(null, root); root.remove(); });

  for (const lang of ['fr', 'en', 'ar'] as const) {
    it(`shows every condition, what follows, and every date, in accessible tables (${lang})`, async () => {
      await changeLanguage(lang, false);
      const el = await mount(h(RulesBook, { onLaw: () => {}, onBack: () => {} }));
      expect(el.querySelector('h1#page-title')!.getAttribute('tabindex')).toBe('-1');
      const tables = [...el.querySelectorAll('table')];
      // A published calendar is a table of its dates; an unannounced one, a line saying so.
      const published = book.calendars.filter((c) => c.published);
      expect(tables).toHaveLength(procedureTables.length + published.length);
      expect(el.textContent).toContain(t('book.unpublishedCalendar', { platform: t('platforms.parcoursup'), session: book.calendars.find((c) => !c.published)!.session }));
      for (const table of tables) {
        expect(table.querySelector('caption')!.textContent!.trim()).not.toBe('');
        for (const th of table.querySelectorAll('thead th')) expect(th.getAttribute('scope')).toBe('col');
        for (const row of table.querySelectorAll('tbody tr')) expect(row.querySelector('th')!.getAttribute('scope')).toBe('row');
      }
      procedureTables.forEach((rows, i) => expect(tables[i]!.querySelectorAll('tbody tr')).toHaveLength(rows));
      // The Master referral's proposals: the eight days to answer, with their article.
      const master = book.procedures.find((p) => p.id === 'master-referral')!;
      expect(master.after.map((r) => r.id)).toContain('ma.proposal-eight-days');
      expect(el.querySelector('#book-master-referral-ma\\.proposal-eight-days')!.textContent).toContain('R612-36-3 I al. 8');
      // The re-examination's medical papers: sent apart to the médecin conseiller technique, the law's rule (D612-1-27 al. 2).
      expect(el.querySelector('#book-parcoursup-reexamination-pr\\.medical-confidential')!.textContent).toContain('D612-1-27 al. 2');
      published.forEach((c, i) => {
        const rows = tables[procedureTables.length + i]!.querySelectorAll('tbody tr');
        expect(rows).toHaveLength(c.dates.length);
        c.dates.forEach((d, j) => expect(rows[j]!.textContent).toContain(d.source));
      });
      noRawKeys(el);
      await changeLanguage('fr', false);
    });
  }

  for (const lang of ['fr', 'en', 'ar'] as const) {
    it(`explains every word of the glossary, in plain words (${lang})`, async () => {
      await changeLanguage(lang, false);
      const el = await mount(h(RulesBook, { onLaw: () => {}, onBack: () => {} }));
      const section = el.querySelector('section[aria-labelledby="glossary-title"]')!;
      expect(section.querySelector('h2')!.textContent).toBe(t('glossary.title'));
      const entries = [...section.querySelectorAll('.glossary-entry')];
      expect(entries.map((e) => e.querySelector('dt')!.textContent)).toEqual(TERMS.map((term) => t(`glossary.terms.${term}.term`)));
      for (const [i, term] of TERMS.entries()) expect(entries[i]!.querySelector('dd')!.textContent).toBe(t(`glossary.terms.${term}.plain`));
      expect(el.textContent).not.toMatch(/\bglossary\.[\w.-]+/);
      await changeLanguage('fr', false);
    });
  }

  it('opens the legal text at the condition\'s anchor, and names the source in the link', async () => {
    const onLaw = vi.fn();
    const el = await mount(h(RulesBook, { onLaw, onBack: () => {} }));
    const links = [...el.querySelectorAll<HTMLAnchorElement>('a.book-source')];
    const anchored = sources.filter((c) => c.anchor);
    expect(links).toHaveLength(anchored.length);
    links.forEach((a, i) => {
      expect(a.textContent).toContain(anchored[i]!.source);
      a.click();
      expect(onLaw).toHaveBeenLastCalledWith(anchored[i]!.anchor);
    });
    // A source whose text is not shipped is shown, not linked.
    const unlinked = sources.find((c) => !c.anchor)!;
    expect(el.textContent).toContain(unlinked.source);
  });
});

describe('hand-off notice', () => {
  beforeAll(() => initAppStrings('fr'));
  afterEach(() => { render(null, root); root.remove(); });

  it('says an import in a status, a refusal in an alert, the outdated rules by their version', async () => {
    const refusals: Exclude<HandoffResult, { kind: 'none' | 'ok' }>[] = [{ kind: 'damaged' }, { kind: 'foreign' }, { kind: 'invalid', errors: [] }, { kind: 'outdated', rulesVersion: '2025.2' }];
    for (const result of refusals) {
      const el = await mount(h(HandoffNotice, { result }));
      expect(el.querySelector('[role="alert"]')!.textContent, result.kind).toMatch(/aucune réponse n’a été reprise/);
      noRawKeys(el);
      if (result.kind === 'outdated') expect(el.textContent).toContain('2025.2');
      render(null, root); root.remove();
    }
    const el = await mount(h(HandoffNotice, { result: { kind: 'ok', answers: {}, procedures: ['master-referral'] } }));
    expect(el.querySelector('[role="status"]')!.textContent).toMatch(/reprises/);
  });

  it('says "other rules" without a version when the link\'s own is not one the app writes', async () => {
    const el = await mount(h(HandoffNotice, { result: { kind: 'outdated', rulesVersion: null } }));
    const alert = el.querySelector('[role="alert"]')!.textContent!;
    expect(alert).toMatch(/^Ce lien a été fait avec d’autres règles\u00a0: aucune réponse n’a été reprise/);
    expect(alert).not.toMatch(/\(|null|undefined|\{\{/);
    noRawKeys(el);
  });
});
