import { t } from '../i18n';

/** Non-modal: the student applies the new version when it suits them, or later. */
export function UpdateNotice({ onApply, onLater }: { onApply: () => void; onLater: () => void }) {
  return (
    <div class="notice update-notice" role="status">
      <p>{t('update.ready')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onApply}>{t('update.apply')}</button>
        <button type="button" onClick={onLater}>{t('update.later')}</button>
      </div>
    </div>
  );
}
