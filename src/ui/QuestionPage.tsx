import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { parsePage, toRaw, type FieldError, type RawValue } from '../questionnaire/inputs';
import type { Journey } from '../questionnaire/journey';
import type { CivilDate } from '../rules/civil-date';
import { getPath } from '../rules/facts';
import type { Page } from '../rules/questions';
import { ErrorSummary } from './ErrorSummary';
import { Field, fieldErrorMessage, fieldId } from './fields';
import { Terms, termsToExplain } from './Glossary';

interface Props {
  page: Page;
  journey: Journey;
  today: CivilDate;
  onAnswer: (values: Record<string, unknown>) => void;
  onBack: () => void;
  /** Whether something typed here differs from the answers it was opened with (not saved yet). */
  onDirty?: (dirty: boolean) => void;
}

const fieldLabel = (page: string, path: string, alone: boolean) =>
  alone ? t(`questions.${page}.title`) : t(`questions.${page}.fields.${path}`, { defaultValue: t(`questions.${page}.title`) });

/** One page of the questionnaire: the question is the h1 inside the legend (GOV.UK pattern). */
export function QuestionPage({ page, journey, today, onAnswer, onBack, onDirty }: Props) {
  // Every field of the page, prefilled: a page comes back whole through "Change".
  const fields = [...page.fields];
  const alone = fields.length === 1;
  const prefilled = useMemo(() => JSON.stringify(fields.map((f) => toRaw(f, getPath(journey.answers, f)))), []);
  const [raw, setRaw] = useState<Record<string, RawValue | undefined>>(() =>
    Object.fromEntries(fields.map((f) => [f, toRaw(f, getPath(journey.answers, f))])));
  // Another tab's change never replaces what the student is typing: the app asks first (docs/design.md §"Two tabs").
  useEffect(() => { onDirty?.(JSON.stringify(fields.map((f) => raw[f])) !== prefilled); }, [raw]);
  useEffect(() => () => onDirty?.(false), []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = (e: Event) => {
    e.preventDefault();
    const r = parsePage(fields, raw, journey.answers, today);
    if (r.ok) onAnswer(r.values);
    else setErrors(r.errors);
  };
  // GOV.UK error pattern: the tab's title starts with "Erreur : " while the page shows errors.
  useEffect(() => {
    const title = `${t(`questions.${page.id}.title`)} — ${t('app.name')}`;
    document.title = errors.length ? t('ui.errorTitle', { title }) : title;
  }, [errors]);
  const help = t(`questions.${page.id}.help`, { defaultValue: '' });
  const errorOf = (f: string) => errors.find((e) => e.field === f);
  return (
    <form class="question" onSubmit={submit} noValidate>
      <a class="back-link" href="?" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('ui.back')}</a>
      <ErrorSummary errors={errors.map((e) => ({ id: fieldId(e.field), message: t('ui.errorLine', { label: fieldLabel(page.id, e.field, alone), message: fieldErrorMessage(e) }) }))} />
      <fieldset class="page-fieldset" aria-describedby={help ? `help-${page.id}` : undefined}>
        <legend><h1 tabIndex={-1} id="page-title">{t(`questions.${page.id}.title`)}</h1></legend>
        {help && <p class="hint" id={`help-${page.id}`}>{help}</p>}
        <Terms terms={termsToExplain(page.id, journey)} />
        {fields.map((f) => {
          const err = errorOf(f);
          return (
            <Field key={f} page={page.id} path={f} today={today} value={raw[f]} alone={alone} {...(err ? { error: fieldErrorMessage(err) } : {})}
              onChange={(v) => setRaw((r) => ({ ...r, [f]: v }))} />
          );
        })}
      </fieldset>
      <button type="submit" class="primary">{t('ui.continue')}</button>
    </form>
  );
}
