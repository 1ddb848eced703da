import { t } from '../i18n';
import type { HandoffResult } from '../platform/handoff';

/**
 * What became of a hand-off link the app was opened with: imported (a status), or refused and why (an
 * alert: nothing was imported). Light: part of the main chunk, unlike the panel and its QR library.
 */
export function HandoffNotice({ result }: { result: Exclude<HandoffResult, { kind: 'none' }> }) {
  const message = result.kind === 'outdated'
    ? (result.rulesVersion === null ? t('handoff.received.outdatedUnnamed') : t('handoff.received.outdated', { version: result.rulesVersion }))
    : t(`handoff.received.${result.kind}`);
  return result.kind === 'ok'
    ? <p role="status" class="notice">{message}</p>
    : <p role="alert" class="notice">{message}</p>;
}
