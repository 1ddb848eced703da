import { useEffect } from 'preact/hooks';
import { i18next, t } from '../i18n';
import type { ProcedureId } from '../rules/procedure-ids';

interface Props {
  /** The procedures the link is about, and whether it carries no answer at all. */
  incoming: readonly ProcedureId[];
  incomingEmpty: boolean;
  /** The procedures the answers already on this device are about. */
  device: readonly ProcedureId[];
  onReplace: () => void;
  onKeep: () => void;
}

const names = (ids: readonly ProcedureId[]) =>
  new Intl.ListFormat(i18next.language, { type: 'conjunction' }).format(ids.map((id) => t(`procedures.${id}`)));

/** A hand-off link while this device holds answers: nothing is replaced without the student's say. */
export function HandoffConfirm({ incoming, incomingEmpty, device, onReplace, onKeep }: Props) {
  // A question the page asks of its own accord: its heading takes focus, so that screen readers say it.
  useEffect(() => document.getElementById('handoff-confirm-title')?.focus(), []);
  return (
    <div class="panel" role="region" aria-labelledby="handoff-confirm-title">
      <h2 id="handoff-confirm-title" tabIndex={-1}>{t('handoff.confirm.title')}</h2>
      <p>{t(incomingEmpty ? 'handoff.confirm.linkEmpty' : 'handoff.confirm.link', { procedures: names(incoming) })}</p>
      <p>{t('handoff.confirm.device', { procedures: names(device) })}</p>
      <div class="actions">
        <button type="button" onClick={onReplace}>{t('handoff.confirm.replace')}</button>
        <button type="button" class="primary" onClick={onKeep}>{t('handoff.confirm.keep')}</button>
      </div>
    </div>
  );
}
