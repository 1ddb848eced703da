import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { copyOrSelect } from './clipboard';
import { qrImage } from './qr';

interface Props {
  /** The link carrying the answers in its fragment (`handoffUrl` of src/platform/handoff.ts). */
  url: string;
}

/**
 * "Continue on my phone": the link as a QR code and as text to copy, with what it means for privacy.
 * Load it with `import('./HandoffPanel')` only when asked: it brings the QR library with it.
 */
export default function HandoffPanel({ url }: Props) {
  const qr = useMemo(() => qrImage(url), [url]);
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);

  const selectLink = () => field.current?.select();
  const copyLink = () => copyOrSelect(url, selectLink, setCopy);

  return (
    <section class="handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title" tabIndex={-1}>{t('handoff.title')}</h2>
      <p>{t('handoff.lead')}</p>
      <svg
        class="handoff-qr" role="img" aria-label={t('handoff.qrLabel')} xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${qr.size} ${qr.size}`} width="264" height="264" shape-rendering="crispEdges"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={qr.path} fill="#000" />
      </svg>
      <label for="handoff-link">{t('handoff.linkLabel')}</label>
      <input id="handoff-link" ref={field} class="handoff-link" type="text" readOnly value={url} dir="ltr" onFocus={selectLink} />
      <button type="button" onClick={() => void copyLink()}>{t('handoff.copy')}</button>
      <p role="status" class="handoff-status">{copy && t(copy === 'copied' ? 'handoff.copied' : 'handoff.copyFailed')}</p>
      <p class="hint">{t('handoff.privacy')}</p>
    </section>
  );
}
