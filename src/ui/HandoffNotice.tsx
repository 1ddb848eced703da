import { t } from '../i18n';
import type { HandoffResult } from '../platform/handoff';

/** What became of a hand-off link: read as the link said, or `kept` when the student kept this device's answers. */
export type HandoffOutcome = Exclude<HandoffResult, { kind: 'none' }> | { kind: 'kept' };

/**
 * What became of a hand-off link the app was opened with: imported or declined (a status), or refused and
 * why (an alert: nothing was imported). Light: part of the main chunk, unlike the panel and its QR library.
 */
export function HandoffNotice({ result }: { result: HandoffOutcome }) {
  const message = result.kind === 'outdated'
    ? (result.rulesVersion === null ? t('handoff.received.outdatedUnnamed') : t('handoff.received.outdated', { version: result.rulesVersion }))
    : t(`handoff.received.${result.kind}`);
  return result.kind === 'ok' || result.kind === 'kept'
    ? <p role="status" class="notice">{message}</p>
    : <p role="alert" class="notice">{message}</p>;
}
