import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

export interface ShownError { id: string; message: string }

/**
 * Where a summary link leads: the field, or, when "not yet" has disabled it (a disabled input takes no focus),
 * the first control of its group still usable: the box to untick.
 */
function focusField(id: string) {
  const field = document.getElementById(id);
  const target = field instanceof HTMLInputElement && field.disabled
    ? field.closest('fieldset')?.querySelector<HTMLElement>('input:not(:disabled)')
    : field;
  target?.focus();
}

/** GOV.UK pattern: takes focus when it appears, each link moves focus to its field. */
export function ErrorSummary({ errors }: { errors: ShownError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (errors.length) ref.current?.focus(); }, [errors]);
  if (!errors.length) return null;
  return (
    <div class="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('ui.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`} onClick={(ev) => { ev.preventDefault(); focusField(e.id); }}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
