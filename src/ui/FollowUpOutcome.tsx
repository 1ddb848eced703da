/**
 * The outcome of a Master referral the student has recorded as sent (the result's `followUp`): where they
 * stand (waiting for the rector's proposals, one to answer, one accepted, none accepted) and the nearest day
 * to answer by. It leads the procedure's block: a student who referred in time is not met with "too late",
 * which only says that the window to refer has closed.
 */
import { t } from '../i18n';
import type { CivilDate } from '../rules/civil-date';
import type { FollowUp } from '../rules/types';
import { Countdown } from './Countdown';
import { formatDate } from './format';

export function FollowUpOutcome({ f, today }: { f: FollowUp; today: CivilDate }) {
  // The open proposal whose days end first: the one to answer now.
  const next = f.proposals.filter((p) => p.state === 'open').sort((a, b) => a.actBy.localeCompare(b.actBy))[0];
  const stage = `result.followUp.${f.stage}`;
  return (
    <>
      <p class="status-line">
        <strong>{f.referralSent && f.stage === 'awaiting-proposals' ? t(stage, { sent: formatDate(f.referralSent) }) : t(`${stage}_nodate`)}</strong>
      </p>
      {next && <p>{t('result.followUp.answerBy', { actBy: formatDate(next.actBy), deadline: formatDate(next.deadline) })}</p>}
      {/* Counted to the last day to answer, as "Après l'envoi" counts it: one number for one proposal. */}
      {next && <Countdown today={today} until={next.deadline} keys="result.followUp" />}
    </>
  );
}
