/**
 * "Après l'envoi" of a Master referral: the day the referral was sent and each proposal of the rector,
 * recorded as facts with the answers (validated like any page's: nothing typed is lost on an error), then
 * dated by the result's `followUp` (./ProposalList) and added to a calendar.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { DateInput, FieldError } from '../questionnaire/inputs';
import type { Journey } from '../questionnaire/journey';
import {
  draftOf, emptyDate, PROPOSAL_FORM, proposalsOf, recordProposal, recordSent, removeProposal, SENT, type ProposalDraft, type Recorded,
} from '../questionnaire/referral-form';
import { dateParts } from '../questionnaire/inputs';
import type { FollowUp } from '../rules/types';
import { ErrorSummary } from './ErrorSummary';
import { DateGroup, fieldErrorMessage, fieldId, Radios } from './fields';
import { formatDate } from './format';
import { below, Heading, type Level } from './Heading';
import { downloadProposalsIcs } from './ics';
import { FollowUpNotes, ProposalList } from './ProposalList';

const K = 'prepare.after.record';

interface Props {
  journey: Journey;
  followUp: FollowUp | null | undefined;
  level: Level;
  onRecord: (values: Record<string, unknown>) => Promise<void>;
}

/** Each field's label, for the error summary's lines. */
const LABELS: Readonly<Record<string, string>> = {
  [SENT]: `${K}.sent`, [PROPOSAL_FORM.notified]: `${K}.notified`, [PROPOSAL_FORM.answer]: `${K}.answer`, [PROPOSAL_FORM.answered]: `${K}.answered`,
};

export function ReferralRecord({ journey, followUp, level, onRecord }: Props) {
  const sentNow = followUp?.referralSent ?? undefined;
  const [sent, setSent] = useState<DateInput>(() => (sentNow ? { ...dateParts(sentNow), none: false } : emptyDate()));
  const [draft, setDraft] = useState<ProposalDraft>(() => draftOf());
  const [editing, setEditing] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const sub = below(level);

  // GOV.UK error pattern: the tab's title starts with "Erreur : " while the page shows errors.
  useEffect(() => {
    const title = `${document.getElementById('page-title')?.textContent ?? ''} — ${t('app.name')}`;
    document.title = errors.length ? t('ui.errorTitle', { title }) : title;
  }, [errors]);

  const save = (r: Recorded, after: () => void) => {
    setStatus(null);
    if (!r.ok) return setErrors(r.errors);
    setErrors([]);
    void onRecord(r.values).then(() => { after(); setStatus(t(`${K}.saved`)); }, () => undefined);
  };
  const onSent = (e: Event) => {
    e.preventDefault();
    save(recordSent(sent, journey.answers, journey.today), () => undefined);
  };
  const onProposal = (e: Event) => {
    e.preventDefault();
    save(recordProposal(draft, editing, journey.answers, journey.today), () => { setDraft(draftOf()); setEditing(null); });
  };
  const edit = (i: number) => {
    setErrors([]);
    setEditing(i);
    setDraft(draftOf(proposalsOf(journey.answers)[i]));
    requestAnimationFrame(() => document.getElementById(fieldId(PROPOSAL_FORM.notified))?.focus());
  };
  const remove = (i: number) => {
    setErrors([]);
    if (editing !== null) { setEditing(null); setDraft(draftOf()); }
    void onRecord(removeProposal(journey.answers, i)).then(() => setStatus(t(`${K}.saved`)), () => undefined);
  };

  const errorOf = (f: string) => {
    const e = errors.find((x) => x.field === f);
    return e && fieldErrorMessage(e);
  };
  const open = followUp?.proposals.some((p) => p.state === 'open') ?? false;
  // Accepting a proposal ends the referral (R612-36-3 I al. 7): no new proposal to record, only corrections.
  const ended = followUp?.stage === 'accepted' && editing === null;
  // The form that recorded the acceptance is gone with the focus it held: the sentence that replaces it takes it.
  const endedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (ended && (document.activeElement === document.body || document.activeElement === null)) endedRef.current?.focus();
  }, [ended]);

  return (
    <div class="referral-record no-print">
      <p>{t(`${K}.lead`)}</p>
      <ErrorSummary errors={errors.map((e) => ({ id: fieldId(e.field), message: t('ui.errorLine', { label: t(LABELS[e.field] ?? `${K}.sent`), message: fieldErrorMessage(e) }) }))} />
      <form class="record-sent" onSubmit={onSent} noValidate>
        <DateGroup id={fieldId(SENT)} legend={t(`${K}.sent`)} error={errorOf(SENT)} value={sent} onChange={setSent} />
        <button type="submit">{t(`${K}.sentSave`)}</button>
      </form>
      {followUp?.referralSent && <p><strong>{t(`${K}.sentOn`, { date: formatDate(followUp.referralSent) })}</strong></p>}

      <Heading level={sub} id="after-proposals">{t(`${K}.proposalsTitle`)}</Heading>
      {followUp ? <ProposalList followUp={followUp} today={journey.today} level={below(sub)} onEdit={edit} onRemove={remove} /> : <p>{t(`${K}.none`)}</p>}
      {followUp && open && (
        <div class="actions">
          <button type="button" onClick={() => void downloadProposalsIcs(followUp, journey.today).catch(() => undefined)}>{t(`${K}.ics`)}</button>
          <p class="hint">{t(`${K}.icsHint`)}</p>
        </div>
      )}

      {ended && <p class="record-ended" tabIndex={-1} ref={endedRef}>{t(`${K}.ended`)}</p>}
      {!ended && (
        <form class="record-proposal" onSubmit={onProposal} noValidate aria-labelledby="after-proposal-form">
          <Heading level={sub} id="after-proposal-form">{editing === null ? t(`${K}.addTitle`) : t(`${K}.editTitle`, { n: editing + 1 })}</Heading>
          <DateGroup id={fieldId(PROPOSAL_FORM.notified)} legend={t(`${K}.notified`)} error={errorOf(PROPOSAL_FORM.notified)} value={draft.notified}
            onChange={(notified) => setDraft({ ...draft, notified })} />
          <fieldset class={`field${errorOf(PROPOSAL_FORM.answer) ? ' has-error' : ''}`}>
            <legend class="field-label">{t(`${K}.answer`)}</legend>
            {errorOf(PROPOSAL_FORM.answer) && <p class="field-error" id={`${fieldId(PROPOSAL_FORM.answer)}-error`}>{errorOf(PROPOSAL_FORM.answer)}</p>}
            <Radios id={fieldId(PROPOSAL_FORM.answer)} name="proposal-answer" value={draft.answer || 'none'}
              onChange={(v) => setDraft({ ...draft, answer: v === 'none' ? '' : (v as ProposalDraft['answer']) })}
              options={(['none', 'accepted', 'refused'] as const).map((v) => [v, t(`${K}.answers.${v}`)])} />
          </fieldset>
          <DateGroup id={fieldId(PROPOSAL_FORM.answered)} legend={t(`${K}.answered`)} error={errorOf(PROPOSAL_FORM.answered)} value={draft.answered}
            onChange={(answered) => setDraft({ ...draft, answered })} />
          <div class="actions">
            <button type="submit" class="primary">{t(`${K}.save`)}</button>
            {editing !== null && <button type="button" onClick={() => { setEditing(null); setDraft(draftOf()); setErrors([]); }}>{t(`${K}.cancel`)}</button>}
          </div>
        </form>
      )}
      <p class="record-status" role="status">{status}</p>
      {followUp && <FollowUpNotes followUp={followUp} level={sub} />}
    </div>
  );
}
