import { t } from '../i18n';
import { answeredPages, relevant, type Journey } from '../questionnaire/journey';
import { getPath } from '../rules/facts';
import { formatDate } from './format';

/** One answer as the student would say it. */
function show(page: string, path: string, value: unknown): string {
  if (value === null) return t(`questions.${page}.none`, { defaultValue: t('ui.check.notYet') });
  if (value === true) return t('ui.yes');
  if (value === false) return t('ui.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => t(`questions.${page}.options.${v}`)).join(', ') : t(`questions.${page}.none`);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, false);
  if (path.endsWith('region') || path.endsWith('Region')) return t(`regions.${String(value)}`);
  if (path === 'master.licence') return t(`questions.${page}.options.${String(value)}`);
  return String(value);
}

export function CheckAnswers({ journey, onChange, onSubmit }: { journey: Journey; onChange: (page: string) => void; onSubmit: () => void }) {
  const kept = relevant(journey);
  const pages = answeredPages(journey);
  return (
    <section class="check">
      <h1 tabIndex={-1} id="page-title">{t('ui.check.title')}</h1>
      <p>{pages.length ? t('ui.check.lead') : t('ui.check.none')}</p>
      <dl class="summary-list">
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
              <a href={`?step=${p.id}`} onClick={(e) => { e.preventDefault(); onChange(p.id); }}
                aria-label={t('ui.check.changeLabel', { question: t(`questions.${p.id}.title`) })}>{t('ui.check.change')}</a>
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" class="primary" onClick={onSubmit}>{t('ui.check.submit')}</button>
    </section>
  );
}
