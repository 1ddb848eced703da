import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { parsePage, toRaw, type FieldError, type RawValue } from '../questionnaire/inputs';
import type { Journey } from '../questionnaire/journey';
import type { CivilDate } from '../rules/civil-date';
import { getPath } from '../rules/facts';
import type { Page } from '../rules/questions';
import { resolveSession, SESSION_FACT } from '../rules/sessions';
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

/**
 * A line of the error summary: the message alone, as GOV.UK writes it, on a page of one field (its label is the
 * question, just below); on a page of several, the field's short label first, so that two "Indiquez un nombre"
 * say which number.
 */
const summaryLine = (page: string, e: FieldError, alone: boolean): string => {
  const message = fieldErrorMessage(e);
  const label = alone ? undefined : t(`questions.${page}.fields.${e.field}`, { defaultValue: '' });
  return label ? t('ui.errorLine', { label, message }) : message;
};

/**
 * The year a hint's example shows: the Parcoursup session the answers are about, or, between seasons while it
 * is not settled, the next one (in December 2026 a lycéen's bac is 2027's): computed, never written in a string.
 */
const exampleYear = (journey: Journey, today: CivilDate): number => {
  const session = getPath(journey.answers, SESSION_FACT.parcoursup);
  const resolved = resolveSession('parcoursup', typeof session === 'number' ? { session } : {}, today);
  return resolved.session ?? Math.max(...resolved.candidates);
};

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
  const help = t(`questions.${page.id}.help`, { defaultValue: '', year: exampleYear(journey, today) });
  const errorOf = (f: string) => errors.find((e) => e.field === f);
  return (
    <form class="question" onSubmit={submit} noValidate>
      <a class="back-link" href="?" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('ui.back')}</a>
      <ErrorSummary errors={errors.map((e) => ({ id: fieldId(e.field), message: summaryLine(page.id, e, alone) }))} />
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
