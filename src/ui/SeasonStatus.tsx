import { t } from '../i18n';
import { CALENDARS_CHECKED, calendarOf } from '../rules/calendars/index';
import type { CivilDate } from '../rules/civil-date';
import { seasonSession } from '../rules/sessions';
import { formatDate } from './format';

/**
 * Where the year stands, on the start page: the Parcoursup session under way, or, between seasons, the
 * one just ended and whether the next one's calendar is published; and when the calendars were checked, from that day on.
 */
export function SeasonStatus({ today }: { today: CivilDate }) {
  const current = seasonSession('parcoursup', today);
  const year = Number(today.slice(0, 4));
  let line: string;
  if (current !== null) {
    line = t(calendarOf('parcoursup', current).published ? 'season.current' : 'season.currentUnpublished', { session: current });
  } else {
    const next = calendarOf('parcoursup', year + 1);
    const opens = next.dates.wishesOpen.date;
    line = next.published && opens
      ? t('season.overPublished', { ended: year, next: year + 1, opens: formatDate(opens, false) })
      : t('season.over', { ended: year, next: year + 1 });
  }
  // On a day before the check (a clock set back, a test's day), "vérifiés le" would name a day still to come: the
  // line then says only where the year stands.
  return (
    <p class="season">
      {line}{today >= CALENDARS_CHECKED && <> <span class="hint">{t('season.checked', { date: formatDate(CALENDARS_CHECKED, false) })}</span></>}
    </p>
  );
}
