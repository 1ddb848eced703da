import { t } from '../i18n';
import { rulesBook, type BookCondition } from '../rules/book';
import { CalendarSources } from './CalendarSources';
import { Glossary } from './Glossary';
import { ColumnHeads, TableScroll } from './TableScroll';

interface Props {
  /** Opens the legal texts at this anchor (or at their top). */
  onLaw: (anchor?: string) => void;
  onBack: () => void;
}

/** What happens when the condition does not hold: the status a gate decides, or its place in the walk. */
const effectOf = (c: BookCondition): string => t(c.role === 'gate' ? `book.effect.gate.${c.onFalse}` : `book.effect.${c.role}`);

function Source({ c, onLaw }: { c: BookCondition; onLaw: Props['onLaw'] }) {
  // A platform or practice condition's source names the pages that show it applied, not an article.
  // French inside an Arabic page: isolated, so that its punctuation stays where French puts it.
  const source = <>{c.kind !== 'law' && `${t('book.evidence')} `}<bdi lang="fr">{c.source}</bdi></>;
  return (
    <>
      {c.anchor
        ? <a href={`?step=law&anchor=${c.anchor}`} class="book-source" onClick={(e) => { e.preventDefault(); onLaw(c.anchor!); }}>
            {source}<span class="visually-hidden"> ({t('book.readLaw')})</span>
          </a>
        : source}
    </>
  );
}

/**
 * The rules book: every condition of each procedure, in the order the rules walk them, and every calendar
 * date, each with its source. Generated from the rules' data (src/rules/book.ts), never written by hand.
 */
export default function RulesBook({ onLaw, onBack }: Props) {
  const book = rulesBook();
  return (
    <section class="book">
      <a class="back-link" href="./" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('book.back')}</a>
      <h1 tabIndex={-1} id="page-title">{t('book.title')}</h1>
      <p class="lead">{t('book.lead')}</p>
      <p class="hint">{t('book.version', { version: book.rulesVersion })}</p>
      <Glossary />
      <p class="hint">{t('book.conditionsNote')}</p>
      {book.procedures.map((p) => (
        <section key={p.id} aria-labelledby={`book-${p.id}`}>
          <h2 id={`book-${p.id}`}>{t(`procedures.${p.id}`)}</h2>
          <TableScroll label={t('book.conditionsOf', { procedure: t(`procedures.${p.id}`) })}>
            <table class="book-table">
              <caption>{t('book.conditionsOf', { procedure: t(`procedures.${p.id}`) })}</caption>
              <ColumnHeads columns={['condition', 'effect', 'source', 'kind']} />
              <tbody>
                {p.conditions.map((c) => (
                  <tr key={c.id} id={`book-${p.id}-${c.id}`} class={`book-${c.role}`}>
                    <th scope="row">{t(c.messageKey)}</th>
                    <td data-label={t('book.col.effect')}>{effectOf(c)}</td>
                    <td data-label={t('book.col.source')}><Source c={c} onLaw={onLaw} /></td>
                    <td data-label={t('book.col.kind')}>{t(`kinds.${c.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      <CalendarSources calendars={book.calendars} />
      <p class="no-print">
        <button type="button" onClick={() => window.print()}>{t('book.print')}</button>{' '}
        <a href="?step=law" onClick={(e) => { e.preventDefault(); onLaw(); }}>{t('book.laws')}</a>
      </p>
    </section>
  );
}

export { RulesBook };
