/** "Continue on my phone": a button that brings the hand-off panel (and its QR library) only when asked. */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { loadModule } from '../platform/stale';
import type { Facts } from '../rules/facts';
import type { ProcedureId } from '../rules/procedure-ids';
import { RULES_VERSION } from '../rules/version';

/** Already on a phone (a touch screen of a phone's width): "continue on my phone" has nothing to offer. */
const onPhone = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse) and (max-width: 40rem)').matches;

export function ContinueOnPhone({ answers, procedures }: { answers: Facts; procedures: readonly ProcedureId[] }) {
  const [panel, setPanel] = useState<{ Panel: FunctionComponent<{ url: string }> } | null>(null);
  const [url, setUrl] = useState('');
  const open = async () => {
    const { default: Panel } = await loadModule(() => import('./HandoffPanel'));
    setPanel({ Panel });
  };
  // The link follows the answers while the panel is open (counsellor mode changes them on the fly).
  useEffect(() => {
    if (!panel) return;
    void loadModule(() => import('../platform/handoff')).then((h) => setUrl(h.handoffUrl(location.href, h.encodeHandoff({ answers, procedures }, RULES_VERSION))));
  }, [panel, answers, procedures]);
  useEffect(() => { if (panel && url) document.getElementById('handoff-title')?.focus(); }, [Boolean(panel && url)]);
  if (panel && url) return <panel.Panel url={url} />;
  if (onPhone()) return null;
  return <button type="button" class="no-print" onClick={() => void open().catch(() => undefined)}>{t('handoff.title')}</button>;
}
