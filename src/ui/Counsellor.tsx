/**
 * Counsellor mode: a student beside the counsellor, a shared screen. Every procedure at once, every
 * question the rules still need on one page, and what each change of answer (or of the day of the check)
 * does to every outcome, side by side with the previous ones. Memory only: nothing is read from or
 * written to the device's storage, and "Next student" forgets the session at once.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { ASKED_SITUATIONS as CHOICES, SITUATIONS, type Situation } from '../embed/situations';
import { t } from '../i18n';
import { dateParts, parsePage, readDate, toRaw, whatIfValues, type FieldError, type RawValue } from '../questionnaire/inputs';
import { answer, answeredPages, relevant, result as evaluateJourney, type Journey } from '../questionnaire/journey';
import type { CivilDate } from '../rules/civil-date';
import { nextQuestions, type Result } from '../rules/evaluate';
import { getPath } from '../rules/facts';
import { PROCEDURE_IDS } from '../rules/procedure-ids';
import { PAGES, type Page } from '../rules/questions';
import { ContinueOnPhone } from './ContinueOnPhone';
import { CounsellorPrepare } from './CounsellorPrepare';
import { CounsellorSummary } from './CounsellorSummary';
import { ErrorSummary } from './ErrorSummary';
import { Field, fieldErrorMessage, fieldId, Radios } from './fields';

import { announcement, cells, Comparison } from './WhatIfTable';

interface Props {
  today: CivilDate;
  onLaw: (anchor?: string) => void;
  /** Where the counsellor came from (the start page when opened from a link). */
  onBack: () => void;
}

/** The pages the counsellor sees: those answered and still relevant, and those the rules still need. */
function visiblePages(j: Journey): Page[] {
  const shown = new Set([...answeredPages(j), ...nextQuestions(j.answers, j.today, j.procedures)].map((p) => p.id));
  return PAGES.filter((p) => shown.has(p.id));
}

type DateParts = ReturnType<typeof dateParts>;

/** The day of the check as typed, if it is a real day of 2000–2100 (planning ahead, not a fact about the student). */
function checkDay(parts: DateParts): CivilDate | null {
  const read = readDate(parts);
  if ('error' in read) return null;
  const year = Number(read.date.slice(0, 4));
  return year >= 2000 && year <= 2100 ? read.date : null;
}

/** One student's session: its own state, forgotten when the component goes ("Next student", leaving). */
function Session({ today, onLaw, onNext }: Omit<Props, 'onBack'> & { onNext: () => void }) {
  // No situation chosen yet: every procedure is in play, and the situation is not chosen for the student.
  const [situation, setSituation] = useState<Situation | null>(null);
  const [journey, setJourney] = useState<Journey>({ answers: {}, procedures: PROCEDURE_IDS, today });
  // What is typed, as typed; `undefined` for a field emptied or unticked (unanswered, whatever the answers held).
  const [raw, setRaw] = useState<Record<string, RawValue | undefined>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [before, setBefore] = useState<{ result: Result; today: CivilDate } | null>(null);
  const [day, setDay] = useState<DateParts>(() => dateParts(today));
  const [dayError, setDayError] = useState(false);
  const [firstName, setFirstName] = useState('');

  const result = useMemo(() => evaluateJourney(journey), [journey]);
  const pages = visiblePages(journey);

  /**
   * A new state of the answers: the outcome it replaces is kept for comparison, when it differs. `input` names
   * what was edited: keystrokes in the same input (a day, then a month; 1, then 17) are one change, compared
   * with the outcome before the first of them, not with a half-typed value's.
   */
  const lastInput = useRef<string | null>(null);
  const apply = (next: Journey, input: string) => {
    const nextResult = evaluateJourney(next);
    const differs = next.procedures.some((id) => cells(nextResult.procedures[id]).join('|') !== cells(result.procedures[id]).join('|'));
    const sameBurst = lastInput.current === input && before !== null;
    lastInput.current = input;
    if (differs && !sameBurst) setBefore({ result, today: journey.today });
    setJourney(next);
  };

  // What-if: every field of the page that reads well applies at once, one that does not is unanswered until
  // it does; the errors wait for "Check the answers".
  const change = (page: Page, path: string, value: RawValue | undefined) => {
    const nextRaw = { ...raw, [path]: value };
    setRaw(nextRaw);
    const pageRaw = Object.fromEntries(page.fields.map((f) => [f, f in nextRaw ? nextRaw[f] : rawOf(f)]));
    if (parsePage(page.fields, pageRaw, journey.answers, journey.today).ok) setErrors((es) => es.filter((e) => !page.fields.includes(e.field)));
    apply(answer(journey, whatIfValues(page.fields, pageRaw, journey.answers, journey.today)), path);
  };

  const chooseSituation = (s: Situation) => {
    setSituation(s);
    apply({ ...journey, procedures: SITUATIONS[s] }, 'situation');
  };

  const rawOf = (path: string) => (path in raw ? raw[path] : toRaw(path, getPath(journey.answers, path)));

  const submit = (e: Event) => {
    e.preventDefault();
    const found: FieldError[] = [];
    for (const p of pages) {
      if (!p.fields.some((f) => f in raw)) continue; // not touched: still to ask, not wrong
      const parsed = parsePage(p.fields, Object.fromEntries(p.fields.map((f) => [f, rawOf(f)])), journey.answers, journey.today);
      if (!parsed.ok) found.push(...parsed.errors);
    }
    setErrors(found);
  };

  const changeDay = (key: keyof DateParts, value: string) => {
    const parts = { ...day, [key]: value };
    setDay(parts);
    const d = checkDay(parts);
    setDayError(d === null);
    if (d && d !== journey.today) apply({ ...journey, today: d }, 'check-date');
  };

  // To the first question not answered yet, even on a page half answered.
  const focusMissing = () => {
    const kept = relevant(journey);
    const first = pages.flatMap((p) => p.fields).find((f) => getPath(kept, f) === undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  return (
    <>
      <div class="counsellor-grid no-print">
        <form class="whatif-form" onSubmit={submit} noValidate aria-labelledby="counsellor-answers">
          <h2 id="counsellor-answers">{t('counsellor.answersTitle')}</h2>
          <ErrorSummary errors={errors.map((e) => ({ id: fieldId(e.field), message: fieldErrorMessage(e) }))} />
          <fieldset class="whatif-page" aria-describedby="counsellor-situation-hint">
            <legend>{t('counsellor.situation')}</legend>
            <p class="hint" id="counsellor-situation-hint">{t('counsellor.situationHint')}</p>
            <Radios id="counsellor-situation" name="counsellor-situation" value={situation ?? ''} onChange={(v) => chooseSituation(v as Situation)}
              options={CHOICES.map((c) => [c, t(`situation.options.${c}`)] as [string, string])} />
          </fieldset>
          <fieldset class="field check-date">
            <legend class="field-label">{t('counsellor.checkDate')}</legend>
            <p class="hint" id="check-date-hint">{t('counsellor.checkDateHint')}</p>
            {dayError && <p class="field-error" id="check-date-error">{t('counsellor.checkDateError')}</p>}
            <div class="date-parts">
              {(['day', 'month', 'year'] as const).map((k) => (
                <div class="date-part" key={k}>
                  <label for={`check-date-${k}`}>{t(`form.${k}`)}</label>
                  <input id={`check-date-${k}`} class={`input-${k}`} type="text" inputMode="numeric" autoComplete="off" value={day[k]}
                    aria-describedby={dayError ? 'check-date-error' : 'check-date-hint'} aria-invalid={dayError || undefined}
                    onInput={(e) => changeDay(k, (e.target as HTMLInputElement).value)} />
                </div>
              ))}
            </div>
          </fieldset>
          {pages.map((p) => {
            const alone = p.fields.length === 1;
            return (
              <fieldset key={p.id} class="whatif-page">
                <legend>{t(`questions.${p.id}.title`)}</legend>
                {p.fields.map((f) => {
                  const err = errors.find((e) => e.field === f);
                  return <Field key={f} page={p.id} path={f} today={journey.today} value={rawOf(f)} alone={alone}
                    {...(err ? { error: fieldErrorMessage(err) } : {})}
                    onChange={(v) => change(p, f, v)} />;
                })}
              </fieldset>
            );
          })}
          <button type="submit">{t('counsellor.check')}</button>
        </form>
        <section class="whatif" aria-labelledby="counsellor-outcomes">
          <h2 id="counsellor-outcomes">{t('counsellor.outcomesTitle')}</h2>
          <Comparison procedures={journey.procedures} now={result} before={before?.result ?? null}
            today={journey.today} beforeToday={before?.today ?? null} />
          {/* The table is too long to read out at each change: the outcomes that changed are announced instead. */}
          <p class="visually-hidden" role="status">{before ? announcement(before.result, result) : ''}</p>
        </section>
      </div>
      <section class="counsellor-summary" aria-labelledby="counsellor-summary">
        <h2 id="counsellor-summary" class="no-print">{t('counsellor.summaryTitle')}</h2>
        <CounsellorSummary journey={journey} result={result} firstName={firstName} onLaw={onLaw} onAnswer={focusMissing} />
        <div class="no-print counsellor-actions">
          <label class="field-label" for="counsellor-first-name">{t('counsellor.firstName')}</label>
          <p class="hint" id="counsellor-first-name-hint">{t('counsellor.firstNameHint')}</p>
          <input id="counsellor-first-name" type="text" autoComplete="off" value={firstName} aria-describedby="counsellor-first-name-hint"
            onInput={(e) => setFirstName((e.target as HTMLInputElement).value)} />
          <div class="actions">
            <button type="button" class="primary" onClick={() => window.print()}>{t('counsellor.print')}</button>
            <button type="button" onClick={onNext}>{t('counsellor.next')}</button>
          </div>
          <ContinueOnPhone answers={relevant(journey)} procedures={journey.procedures} />
        </div>
      </section>
      <CounsellorPrepare journey={journey} result={result} />
    </>
  );
}

export function Counsellor({ today, onLaw, onBack }: Props) {
  const [session, setSession] = useState(0);
  const [notice, setNotice] = useState(false);
  return (
    <section class="counsellor">
      <a class="back-link no-print" href="./" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('ui.back')}</a>
      <h1 tabIndex={-1} id="page-title">{t('counsellor.title')}</h1>
      <p class="notice no-print">{t('counsellor.privacy')}</p>
      {notice && <p class="notice no-print" role="status">{t('counsellor.wiped')}</p>}
      <Session key={session} today={today} onLaw={onLaw} onNext={() => {
        setSession((s) => s + 1);
        setNotice(true);
        document.getElementById('page-title')?.focus();
      }} />
    </section>
  );
}
