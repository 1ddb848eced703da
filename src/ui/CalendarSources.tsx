import { t } from '../i18n';
import type { BookCalendar } from '../rules/book';
import { formatDate } from './format';
import { ColumnHeads, TableScroll } from './TableScroll';

/** Every calendar date with its source, flagged provisional or not yet published: in the rules book and beside the texts. */
export function CalendarSources({ calendars }: { calendars: readonly BookCalendar[] }) {
  return (
    <>
      <h2>{t('book.calendars')}</h2>
      {calendars.map((cal) => {
        const title = t('book.calendarOf', { platform: t(`platforms.${cal.platform}`), session: cal.session, updated: formatDate(cal.updated, false) });
        return (
          <TableScroll key={`${cal.platform}-${cal.session}`} label={title}>
            <table class="book-table">
              <caption>{title}</caption>
              <ColumnHeads columns={['step', 'date', 'source']} />
              <tbody>
                {cal.dates.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">{t(`calendarFields.${d.key}`)}</th>
                    <td>
                      {d.value ? formatDate(d.value, false) : <span class="tag">{t('book.notPublished')}</span>}
                      {d.value && d.provisional && <span class="tag">{t('book.provisional')}</span>}
                    </td>
                    <td lang="fr">{d.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        );
      })}
    </>
  );
}
