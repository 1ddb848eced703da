/** "Add to my calendar": the result's dates as an .ics file (RFC 5545), built on demand. */
import { t } from '../i18n';
import type { Journey } from '../questionnaire/journey';
import type { Result } from '../rules/evaluate';
import { formatDate } from './format';

export async function downloadIcs(journey: Journey, result: Result): Promise<void> {
  const { buildIcs } = await import('../platform/ics');
  const events = [];
  for (const id of journey.procedures) {
    const r = result.procedures[id];
    if (!r || (r.status !== 'eligible' && r.status !== 'not-yet')) continue;
    const procedure = t(`procedures.${id}`);
    const description = t('result.icsDescription', {
      authority: r.authority ? t(`result.authorityOf.${r.authority.kind}`, { region: t(`regions.${r.authority.region}`) }) : '',
      where: t(`result.whereText.${id}`), date: formatDate(journey.today),
    });
    if (r.opens && r.opens > journey.today) events.push({ id: `${id}-opens`, date: r.opens, summary: t('result.icsOpens', { procedure }), description });
    if (r.actBy) events.push({ id: `${id}-act-by`, date: r.actBy, summary: t('result.icsActBy', { procedure }), description, alarmDaysBefore: 2 });
    if (r.deadline) events.push({ id: `${id}-deadline`, date: r.deadline, summary: t('result.icsDeadline', { procedure }), description, ...(r.actBy ? {} : { alarmDaysBefore: 2 }) });
  }
  const now = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const ics = buildIcs({ uid: `recourssup-${journey.today}`, now, events });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `recourssup-${journey.today}.ics`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
