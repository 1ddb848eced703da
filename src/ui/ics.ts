/** "Add to my calendar": the result's dates as an .ics file (RFC 5545), built on demand. */
import { i18next, t } from '../i18n';
import type { Journey } from '../questionnaire/journey';
import type { CivilDate } from '../rules/civil-date';
import { PROCEDURES, type Result } from '../rules/evaluate';
import type { DateInfo } from '../rules/types';
import type { FollowUp } from '../rules/types';
import { loadModule } from '../platform/stale';
import { downloadFile } from './download';
import { formatDate } from './format';

export async function downloadIcs(journey: Journey, result: Result): Promise<void> {
  const m = await loadModule(() => import('../platform/calendar-export'));
  const events = [];
  for (const id of journey.procedures) {
    const r = result.procedures[id];
    if (!r || (r.status !== 'eligible' && r.status !== 'not-yet')) continue;
    const procedure = t(`procedures.${id}`);
    const description = t('result.icsDescription', {
      authority: r.authority ? t(`result.authorityOf.${r.authority.kind}`, { region: t(`regions.${r.authority.region}`) }) : '',
      where: t(`result.whereText.${id}`), date: formatDate(journey.today),
    });
    const url = PROCEDURES[id].official;
    // A provisional date says so in the title, where a calendar shows it, not only in the description.
    const title = (key: string, info: DateInfo | null) => `${t(key, { procedure })}${info?.provisional ? ` (${t('result.provisional')})` : ''}`;
    if (r.opens && r.opens > journey.today) events.push({ id: `${id}-opens`, date: r.opens, summary: title('result.icsOpens', r.dates.opens), description, url });
    if (r.actBy) events.push({ id: `${id}-act-by`, date: r.actBy, summary: title('result.icsActBy', r.dates.actBy), description, url, alarmDaysBefore: 2 });
    if (r.deadline) {
      events.push({ id: `${id}-deadline`, date: r.deadline, summary: title('result.icsDeadline', r.dates.deadline), description, url, ...(r.actBy ? {} : { alarmDaysBefore: 2 }) });
    }
  }
  if (!events.length) return; // the standard wants at least one event; the button shows only with dates
  save(m, `recourssup-${journey.today}`, events);
}

type Ics = typeof import('../platform/calendar-export');

function save({ buildIcs, icsFileName }: Ics, uid: string, events: Parameters<Ics['buildIcs']>[0]['events']): void {
  const now = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const ics = buildIcs({ uid, now, lang: i18next.language as 'fr' | 'en' | 'ar', events });
  downloadFile(icsFileName(uid), 'text/calendar;charset=utf-8', ics);
}

/**
 * The last day of each of the rector's proposals still open, with its reminders. One UID base for the
 * referral, so that importing again after recording an answer updates the events.
 */
export async function downloadProposalsIcs(followUp: FollowUp, today: CivilDate): Promise<void> {
  const m = await loadModule(() => import('../platform/calendar-export'));
  const events = m.proposalEvents(followUp, today, { t: (key, params) => t(key, params), date: (d) => formatDate(d) });
  if (events.length) save(m, 'recourssup-offers', events);
}
