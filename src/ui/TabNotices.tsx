import { t } from '../i18n';

/** Another tab changed the answers while this page has unsaved typing: the student chooses, nothing is overwritten. */
export function OtherTabNotice({ onTake, onKeep }: { onTake: () => void; onKeep: () => void }) {
  return (
    <div class="notice" role="alert">
      <p>{t('ui.tabs.changed')}</p>
      <div class="actions">
        <button type="button" onClick={onTake}>{t('ui.tabs.take')}</button>
        <button type="button" onClick={onKeep}>{t('ui.tabs.keep')}</button>
      </div>
    </div>
  );
}

/** A part of the app will not load (this page runs a version replaced since): said, with the way out. */
export function StaleNotice({ onReload }: { onReload: () => void }) {
  return (
    <div class="notice" role="alert">
      <p>{t('ui.stale.message')}</p>
      <button type="button" class="primary" onClick={onReload}>{t('ui.stale.reload')}</button>
    </div>
  );
}
