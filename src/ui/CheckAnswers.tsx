import { ASKED_SITUATIONS, SITUATIONS } from '../embed/situations';
import { i18next, t } from '../i18n';
import { answeredPages, nextPage, relevant, type Journey } from '../questionnaire/journey';
import type { Result } from '../rules/evaluate';
import { fieldSpec, getPath } from '../rules/facts';
import { formatDate } from './format';

/** One answer as the student would say it. */
function show(page: string, path: string, value: unknown): string {
  if (value === null) return t(`questions.${page}.none`, { defaultValue: t('ui.check.notYet') });
  if (value === true) return t('ui.yes');
  if (value === false) return t('ui.no');
  switch (fieldSpec(path)?.type) {
    // Listed as the language lists ("A, B et C"; in Arabic with its own comma and و).
    case 'set': return (value as string[]).length
      ? new Intl.ListFormat(i18next.language, { type: 'conjunction' }).format((value as string[]).map((v) => t(`questions.${page}.options.${v}`)))
      : t(`questions.${page}.none`);
    case 'date': return formatDate(value as string, false);
    case 'region': return t(`regions.${String(value)}`);
    case 'enum': return t(`questions.${page}.options.${String(value)}`);
    default: return String(value);
  }
}

/**
 * "Modifier", and for a screen reader which answer (GOV.UK's pattern): a visually hidden part rather than an
 * aria-label, so that the name starts with the visible word and follows the page's language when translated.
 */
const ChangeText = ({ question }: { question: string }) => (
  <>{t('ui.check.change')}<span class="visually-hidden"> {t('ui.check.changeHidden', { question })}</span></>
);

/** Why nothing is listed: no answer needed, questions still to answer, or a case no question can settle. */
function emptyReason(journey: Journey, result: Result): 'none' | 'noneYet' | 'noneUnsettled' {
  if (nextPage(journey)) return 'noneYet';
  return journey.procedures.some((id) => result.procedures[id]?.status === 'unknown') ? 'noneUnsettled' : 'none';
}

interface Props {
  journey: Journey;
  result: Result;
  onChange: (page: string) => void;
  onSubmit: () => void;
  /** To the next question, when the page was reached (a link) before any was answered. */
  onQuestions: () => void;
  onBack: () => void;
  /** Back to the first question, to change the situation (hence the procedures). */
  onSituation: () => void;
}

export function CheckAnswers({ journey, result, onChange, onSubmit, onQuestions, onBack, onSituation }: Props) {
  const kept = relevant(journey);
  const pages = answeredPages(journey);
  const empty = pages.length ? null : emptyReason(journey, result);
  // The situation chosen first, when the procedures are one of the situations the question offers.
  const situation = ASKED_SITUATIONS.find((k) => SITUATIONS[k].join() === journey.procedures.join());
  return (
    <section class="check">
      <a class="back-link" href="?" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('ui.back')}</a>
      <h1 tabIndex={-1} id="page-title">{t('ui.check.title')}</h1>
      <p>{t(empty ? `ui.check.${empty}` : 'ui.check.lead')}</p>
      <dl class="summary-list">
        {situation && (
          <div class="summary-row">
            <dt>{t('situation.title')}</dt>
            <dd><span class="summary-value">{t(`situation.options.${situation}`)}</span></dd>
            <dd class="summary-action">
              <a href="?step=situation" onClick={(e) => { e.preventDefault(); onSituation(); }}>
                <ChangeText question={t('situation.title')} />
              </a>
            </dd>
          </div>
        )}
        {pages.map((p) => (
          <div class="summary-row" key={p.id}>
            <dt>{t(`questions.${p.id}.title`)}</dt>
            <dd>
              {p.fields.filter((f) => getPath(kept, f) !== undefined).map((f) => (
                <span class="summary-value" key={f}>
                  {p.fields.length > 1
                    ? t('ui.check.pair', { field: t(`questions.${p.id}.fields.${f}`), value: show(p.id, f, getPath(kept, f)) })
                    : show(p.id, f, getPath(kept, f))}
                </span>
              ))}
            </dd>
            <dd class="summary-action">
              <a href={`?step=${p.id}`} onClick={(e) => { e.preventDefault(); onChange(p.id); }}>
                <ChangeText question={t(`questions.${p.id}.title`)} />
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <div class="actions">
        {empty === 'noneYet' && <button type="button" class="primary" onClick={onQuestions}>{t('ui.check.questions')}</button>}
        <button type="button" class={empty === 'noneYet' ? undefined : 'primary'} onClick={onSubmit}>{t('ui.check.submit')}</button>
      </div>
    </section>
  );
}
