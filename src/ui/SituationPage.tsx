import { useEffect, useState } from 'preact/hooks';
import { SITUATIONS, type Situation } from '../embed/situations';
import { t } from '../i18n';
import type { ProcedureId } from '../rules/procedure-ids';
import { ErrorSummary } from './ErrorSummary';

/** The choices of the first question: the re-examination alone has its own short-cut on the start page. */
export const CHOICES: readonly Situation[] = ['parcoursup', 'master', 'both'];

interface Props {
  onChoose: (procedures: readonly ProcedureId[]) => void;
  onBack: () => void;
}

/**
 * The first question: the student's situation, so that a lycéen is never asked about a master and a
 * master student never about Parcoursup. Nothing is chosen for them.
 */
export function SituationPage({ onChoose, onBack }: Props) {
  const [choice, setChoice] = useState<Situation | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    const title = `${t('situation.title')} — ${t('app.name')}`;
    document.title = error ? t('ui.errorTitle', { title }) : title;
  }, [error]);
  const submit = (e: Event) => {
    e.preventDefault();
    if (choice) onChoose(SITUATIONS[choice]);
    else setError(true);
  };
  return (
    <form class="question" onSubmit={submit} noValidate>
      <a class="back-link" href="./" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('ui.back')}</a>
      <ErrorSummary errors={error ? [{ id: 'f-situation', message: t('situation.error') }] : []} />
      <fieldset class="page-fieldset" aria-describedby="help-situation">
        <legend><h1 tabIndex={-1} id="page-title">{t('situation.title')}</h1></legend>
        <p class="hint" id="help-situation">{t('situation.help')}</p>
        <div class={`field${error ? ' has-error' : ''}`}>
          {error && <p class="field-error" id="f-situation-error"><span class="visually-hidden">{t('ui.fieldError')} </span>{t('situation.error')}</p>}
          <div class="radios">
            {CHOICES.map((c, i) => (
              <label class="choice" key={c}>
                <input type="radio" name="situation" id={i === 0 ? 'f-situation' : `f-situation-${c}`} value={c} checked={choice === c}
                  aria-describedby={error ? 'f-situation-error' : undefined} onChange={() => { setChoice(c); setError(false); }} />
                <span>{t(`situation.options.${c}`)}</span>
              </label>
            ))}
          </div>
        </div>
      </fieldset>
      <button type="submit" class="primary">{t('ui.continue')}</button>
    </form>
  );
}
