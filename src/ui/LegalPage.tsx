import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { MONMASTER_CALENDARS, PARCOURSUP_CALENDARS, type CalendarDate } from '../rules/calendars/index';
import type { LegalArticle } from '../rules/legal/index';
import { formatDate } from './format';

type Loaded = {
  articles: LegalArticle[];
  calendars: { platform: string; session: number; updated: string; dates: Record<string, CalendarDate> }[];
};

/** The articles' texts (loaded on demand: heavy) and the source of every calendar date. */
export function LegalPage({ anchor, onBack }: { anchor?: string; onBack: () => void }) {
  const [data, setData] = useState<Loaded | null>(null);
  useEffect(() => {
    // The texts are heavy: fetched when this page opens (the calendars came with the rules).
    void import('../rules/legal/index').then((legal) =>
      setData({ articles: legal.LEGAL_TEXTS.articles, calendars: [...PARCOURSUP_CALENDARS, ...MONMASTER_CALENDARS] }));
  }, []);
  useEffect(() => {
    if (!data || !anchor) return;
    const el = document.getElementById(anchor);
    el?.scrollIntoView();
    el?.focus();
  }, [data, anchor]);
  return (
    <section class="law">
      <a class="back-link" href="?step=result" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('law.back')}</a>
      <h1 tabIndex={-1} id="page-title">{t('law.title')}</h1>
      <p>{t('law.lead')}</p>
      {data?.articles.map((a) => (
        <article key={a.id} lang="fr" dir="ltr" class="article">
          <h2>{`${a.code}, art. ${a.id}`}</h2>
          <p class="hint">{t('law.version', { version: a.version })}</p>
          {a.paragraphs.map((p) => (
            <p key={p.anchor} id={p.anchor} tabIndex={-1} class={p.anchor === anchor ? 'paragraph target' : 'paragraph'}>
              <span class="paragraph-label">{p.label}</span> {p.text}
            </p>
          ))}
        </article>
      ))}
      {data && (
        <>
          <h2>{t('law.calendars')}</h2>
          {data.calendars.map((c) => (
            <section key={`${c.platform}-${c.session}`} aria-label={t('law.calendarOf', { platform: t(`platforms.${c.platform}`), session: c.session, updated: formatDate(c.updated, false) })}>
              <h3>{t('law.calendarOf', { platform: t(`platforms.${c.platform}`), session: c.session, updated: formatDate(c.updated, false) })}</h3>
              <dl class="calendar">
                {Object.entries(c.dates).map(([field, d]) => (
                  <div key={field}>
                    <dt>{t(`calendarFields.${field}`)}</dt>
                    <dd>
                      {d.date ? formatDate(d.date, false) : t('law.notPublished')}
                      {d.date && d.provisional ? ` (${t('law.provisional')})` : ''} — <span lang="fr">{d.source}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
