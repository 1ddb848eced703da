import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  label: string;
  /** The question asked before acting: what will be lost. */
  question: string;
  confirm: string;
  onConfirm: () => void;
  class?: string;
}

/**
 * A button whose action cannot be undone (erasing the answers): a first tap asks, in place, with the
 * choice to go on or cancel; focus moves to the question and comes back to the button on cancel.
 */
export function ConfirmButton({ label, question, confirm, onConfirm, class: cls }: Props) {
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) box.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) return <button type="button" class={cls} ref={button} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <div class="confirm" role="group" aria-labelledby="confirm-question" tabIndex={-1} ref={box}>
      <p id="confirm-question"><strong>{question}</strong></p>
      <div class="actions">
        <button type="button" class="warning" onClick={() => { setAsking(false); onConfirm(); }}>{confirm}</button>
        <button type="button" onClick={() => setAsking(false)}>{t('ui.cancel')}</button>
      </div>
    </div>
  );
}
