/**
 * The rector's proposals as the result's `followUp` dates them (never counted here): each one's last day to
 * answer and act-by day with their sources, its state in words, the days left, then what to know next.
 */
import { t } from '../i18n';
import type { DateInfo, FollowUp, ProposalFollowUp } from '../rules/types';
import { ConfirmButton } from './ConfirmButton';
import { Countdown } from './Countdown';
import { formatDate } from './format';
import { Heading, type Level } from './Heading';
import { noteText } from './note-text';
import { Source } from './Source';

const K = 'prepare.after.record';

function state(p: ProposalFollowUp): string {
  if (p.state === 'answered' && p.answer) {
    return p.answered ? t(`${K}.state.${p.answer}_date`, { date: formatDate(p.answered, false) }) : t(`${K}.state.${p.answer}`);
  }
  return t(`${K}.state.${p.state === 'answered' ? 'open' : p.state}`);
}

function DateRow({ label, info }: { label: string; info: DateInfo }) {
  return (
    <div class="date-row">
      <dt>{label}</dt>
      <dd><strong>{formatDate(info.date)}</strong> <Source source={info.source} kind={info.kind} /></dd>
    </div>
  );
}

interface Props {
  followUp: FollowUp;
  today: string;
  level: Level;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}

export function ProposalList({ followUp, today, level, onEdit, onRemove }: Props) {
  if (!followUp.proposals.length) return <p>{t(`${K}.none`)}</p>;
  return (
    <ol class="proposals">
      {followUp.proposals.map((p, i) => {
        const name = t(`${K}.proposal`, { n: i + 1 });
        return (
          <li key={`${p.notified}-${i}`} class={`proposal proposal-${p.state}`} aria-labelledby={`proposal-${i}`}>
            <Heading level={level} id={`proposal-${i}`}>{name}</Heading>
            <p class="proposal-state"><strong>{state(p)}</strong></p>
            {p.state === 'open' && <Countdown today={today} until={p.deadline} keys="result.followUp" />}
            <dl class="dates">
              <div class="date-row"><dt>{t(`${K}.notifiedOn`)}</dt><dd>{formatDate(p.notified)}</dd></div>
              {/* The days to answer matter while they run; a lapsed proposal keeps its last day (why it lapsed). */}
              {(p.state === 'open' || p.state === 'lapsed') && <DateRow label={t(`${K}.deadline`)} info={p.dates.deadline} />}
              {p.state === 'open' && <DateRow label={t(`${K}.actBy`)} info={p.dates.actBy} />}
            </dl>
            <div class="actions">
              <button type="button" onClick={() => onEdit(i)}>{t(`${K}.edit`)}<span class="visually-hidden"> ({name})</span></button>
              <ConfirmButton label={t(`${K}.remove`)} question={t(`${K}.removeQuestion`, { name })} confirm={t(`${K}.removeConfirm`)} onConfirm={() => onRemove(i)} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The followUp's notes (three proposals owed, acceptance ends the referral, the commission...), each with its source. */
export function FollowUpNotes({ followUp, level }: { followUp: FollowUp; level: Level }) {
  if (!followUp.notes.length) return null;
  return (
    <>
      <Heading level={level} id="after-notes">{t(`${K}.notes`)}</Heading>
      <ul class="notes">
        {followUp.notes.map((n, i) => (
          <li key={`${n.id}-${i}`}>
            {noteText(n as Parameters<typeof noteText>[0])}
            {typeof n.source === 'string' && <> <Source source={n.source} kind={n.kind} /></>}
          </li>
        ))}
      </ul>
    </>
  );
}
