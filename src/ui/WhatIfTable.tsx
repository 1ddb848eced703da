/** Counsellor mode's what-if table: every procedure's outcome now, and what a change of answer altered. */
import { t } from '../i18n';
import type { CivilDate } from '../rules/civil-date';
import type { ProcedureResult } from '../rules/engine';
import type { Result } from '../rules/evaluate';
import { PROCEDURE_IDS, type ProcedureId } from '../rules/procedure-ids';
import { formatDate } from './format';
import { TableScroll } from './TableScroll';

/** A cell with nothing to show (no date, no authority yet). */
const NONE = '—';

/** One procedure's outcome as a row of cells (status, from, act by, deadline, authority), compared as text. */
export function cells(r: ProcedureResult | undefined): string[] {
  if (!r) return ['', '', '', '', ''];
  const d = (x: CivilDate | null) => (x ? formatDate(x, false) : NONE);
  return [
    t(`result.statusOf.${r.status}`),
    d(r.opens), d(r.actBy), d(r.deadline),
    r.authority ? t(`result.authorityOf.${r.authority.kind}`, { region: t(`regions.${r.authority.region}`) }) : NONE,
  ];
}

interface ComparisonProps {
  /** The procedures in play for the student's situation, one row each. */
  procedures: readonly ProcedureId[];
  now: Result;
  before: Result | null;
  today: CivilDate;
  beforeToday: CivilDate | null;
}

export function Comparison({ procedures, now, before, today, beforeToday }: ComparisonProps) {
  const columns = ['status', 'opens', 'actBy', 'deadline', 'authority'];
  const caption = t('counsellor.compareCaption', { date: formatDate(today, false) });
  return (
    <TableScroll label={caption}>
      <table class="whatif-table">
        <caption>
          {caption}
          {before && beforeToday && <span class="hint"> {t('counsellor.compareBefore', { date: formatDate(beforeToday, false) })}</span>}
        </caption>
        <thead>
          <tr><th scope="col">{t('counsellor.col.procedure')}</th>{columns.map((c) => <th key={c} scope="col">{t(`counsellor.col.${c}`)}</th>)}</tr>
        </thead>
        <tbody>
          {procedures.map((id) => {
            const nowCells = cells(now.procedures[id]);
            // A row the situation has just brought in has nothing to compare with.
            const beforeCells = before?.procedures[id] ? cells(before.procedures[id]) : null;
            return (
              <tr key={id}>
                <th scope="row">{t(`procedures.${id}`)}</th>
                {nowCells.map((text, i) => {
                  const was = beforeCells?.[i];
                  const changed = was !== undefined && was !== text;
                  return (
                    <td key={columns[i]} class={changed ? 'changed' : undefined} data-label={t(`counsellor.col.${columns[i]}`)}>
                      {text}
                      {/* Nothing before (a date now known): the highlight says it; a struck dash would read as a stray mark. */}
                      {changed && (
                        <span class="was">
                          <span class="visually-hidden">{t('counsellor.changedFrom')} </span>
                          {was === NONE ? <span class="visually-hidden">{t('counsellor.wasNone')}</span> : <s>{was}</s>}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "Saisir le recteur…: Cette démarche ne vous est pas ouverte." for each procedure whose status changed. */
export function announcement(before: Result, now: Result): string {
  return PROCEDURE_IDS.filter((id) => before.procedures[id] && now.procedures[id] && before.procedures[id].status !== now.procedures[id].status)
    .map((id) => t('counsellor.announce', { procedure: t(`procedures.${id}`), status: t(`result.statusOf.${now.procedures[id]!.status}`) }))
    .join(' ');
}
