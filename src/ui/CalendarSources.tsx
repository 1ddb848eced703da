import { t } from '../i18n';
import type { BookCalendar } from '../rules/book';
import { unknownDateRelation } from '../rules/sessions';
import { localToday } from '../today';
import { formatDate } from './format';
import { ColumnHeads, TableScroll } from './TableScroll';

/**
 * A session whose season is over (its platform's own end, not the calendar year: Parcoursup 2026 is over in
 * December 2026): a date it lacks was not found, it will not be published any more.
 */
const past = (cal: BookCalendar) => unknownDateRelation(cal.platform, cal.session, localToday()) === 'past';

/** Every calendar date with its source, flagged provisional or not yet published: in the rules book and beside the texts. */
export function CalendarSources({ calendars }: { calendars: readonly BookCalendar[] }) {
  return (
    <>
      <h2>{t('book.calendars')}</h2>
      {calendars.map((cal) => {
        // An unannounced session has nothing to show but that: no table of empty dates, no maintainer's notes.
        if (!cal.published) {
          return <p key={`${cal.platform}-${cal.session}`} class="hint">{t('book.unpublishedCalendar', { platform: t(`platforms.${cal.platform}`), session: cal.session })}</p>;
        }
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
                    <td data-label={t('book.col.date')}>
                      {d.value ? formatDate(d.value, false) : <span class="tag">{t(past(cal) ? 'book.notFound' : 'book.notPublished')}</span>}
                      {d.value && d.provisional && <span class="tag">{t('book.provisional')}</span>}
                    </td>
                    <td data-label={t('book.col.source')}><bdi lang="fr">{d.source}</bdi></td>
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
