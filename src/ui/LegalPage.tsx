import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { loadModule } from '../platform/stale';
import { rulesBook, type BookCalendar } from '../rules/book';
import type { LegalArticle } from '../rules/legal/index';
import { CalendarSources } from './CalendarSources';
import { formatDate } from './format';

type Loaded = {
  articles: LegalArticle[];
  /** The day the texts were last checked against the official version. */
  consulted: string;
  calendars: readonly BookCalendar[];
};

/** The articles' texts (loaded on demand: heavy) and the source of every calendar date. */
export function LegalPage({ anchor, onBack }: { anchor?: string; onBack: () => void }) {
  const [data, setData] = useState<Loaded | null>(null);
  useEffect(() => {
    // The texts are heavy: fetched when this page opens (the calendars came with the rules).
    void loadModule(() => import('../rules/legal/index')).then((legal) =>
      setData({ articles: legal.LEGAL_TEXTS.articles, consulted: legal.LEGAL_TEXTS.consulted, calendars: rulesBook().calendars }))
      .catch(() => undefined); // the page says a part could not load (platform/stale.ts)
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
      {data && <p class="hint">{t('law.checked', { date: formatDate(data.consulted, false) })}</p>}
      {data?.articles.map((a) => (
        <article key={a.id} lang="fr" dir="ltr" class="article">
          <h2>{`${a.code}, art. ${a.id}`}</h2>
          {/* Which wording of the article this is (the decree or law it comes from), in the article's own language. */}
          <p class="hint">{a.version}</p>
          {a.paragraphs.map((p) => (
            <p key={p.anchor} id={p.anchor} tabIndex={-1} class={p.anchor === anchor ? 'paragraph target' : 'paragraph'}>
              <span class="paragraph-label">{p.label}</span> {p.text}
            </p>
          ))}
        </article>
      ))}
      {data && <CalendarSources calendars={data.calendars} />}
    </section>
  );
}
