import { t } from '../i18n';
import type { CivilDate } from '../rules/civil-date';
import { daysLeft } from './format';

/**
 * The days left until `until`, the day itself counted, in the words of `keys` (`<keys>.countdown`, plural,
 * and `<keys>.countdownToday`): the result's own, or a proposal's ("… pour répondre"). Nothing once past.
 */
export function Countdown({ today, until, keys = 'result' }: { today: CivilDate; until: CivilDate; keys?: 'result' | 'result.followUp' }) {
  const n = daysLeft(today, until);
  if (n < 0) return null;
  return <p class="countdown">{n === 0 ? t(`${keys}.countdownToday`) : t(`${keys}.countdown`, { count: n })}</p>;
}
