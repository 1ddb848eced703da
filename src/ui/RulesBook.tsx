import { t } from '../i18n';
import { rulesBook, type BookCondition, type BookProcedure, type BookRule } from '../rules/book';
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

function Source({ c, onLaw }: { c: BookCondition | BookRule; onLaw: Props['onLaw'] }) {
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

interface Row { id: string; class?: string; rule: BookCondition | BookRule; effect?: string }

/** One table of rules: each a row headed by its sentence, with its effect when it has one, its source and kind. */
function RuleTable({ caption, rows, onLaw }: { caption: string; rows: Row[]; onLaw: Props['onLaw'] }) {
  const withEffect = rows.some((r) => r.effect !== undefined);
  return (
    <TableScroll label={caption}>
      <table class="book-table">
        <caption>{caption}</caption>
        <ColumnHeads columns={withEffect ? ['condition', 'effect', 'source', 'kind'] : ['rule', 'source', 'kind']} />
        <tbody>
          {rows.map(({ id, class: className, rule, effect }) => (
            <tr key={id} id={id} class={className}>
              <th scope="row">{t(rule.messageKey)}</th>
              {effect !== undefined && <td data-label={t('book.col.effect')}>{effect}</td>}
              <td data-label={t('book.col.source')}><Source c={rule} onLaw={onLaw} /></td>
              <td data-label={t('book.col.kind')}>{t(`kinds.${rule.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A procedure's conditions in walk order, how its request is sent, then what follows it once used (rules that date, never decide). */
function ProcedureTables({ p, onLaw }: { p: BookProcedure; onLaw: Props['onLaw'] }) {
  const procedure = t(`procedures.${p.id}`);
  return (
    <>
      <RuleTable caption={t('book.conditionsOf', { procedure })} onLaw={onLaw}
        rows={p.conditions.map((c) => ({ id: `book-${p.id}-${c.id}`, class: `book-${c.role}`, rule: c, effect: effectOf(c) }))} />
      {p.sending.length > 0 && (
        <RuleTable caption={t('book.sendingOf', { procedure })} onLaw={onLaw} rows={p.sending.map((r) => ({ id: `book-${p.id}-${r.id}`, rule: r }))} />
      )}
      {p.after.length > 0 && (
        <>
          <p class="hint">{t('book.afterNote')}</p>
          <RuleTable caption={t('book.afterOf', { procedure })} onLaw={onLaw} rows={p.after.map((r) => ({ id: `book-${p.id}-${r.id}`, rule: r }))} />
        </>
      )}
    </>
  );
}

/**
 * The rules book: every condition of each procedure, in the order the rules walk them, what follows it once
 * used, and every calendar date, each with its source. Generated from the rules' data (src/rules/book.ts), never written by hand.
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
          <ProcedureTables p={p} onLaw={onLaw} />
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
