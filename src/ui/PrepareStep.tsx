/**
 * The prepare step: its heading at once (the shell focuses it and names the tab), the page itself loaded
 * on demand (./PreparePage, with its strings and style sheet). In another website's frame, only the way to
 * the full app: the letter's blanks and the ticks are never kept in a frame.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { embedded } from '../platform/embedded';
import { loadModule } from '../platform/stale';
import type { Journey } from '../questionnaire/journey';
import type { Result } from '../rules/evaluate';
import type { ProcedureId } from '../rules/procedure-ids';
import { useFullAppPrepareHref } from './PrepareLink';

export interface PrepareProps {
  procedure: ProcedureId;
  journey: Journey;
  result: Result;
  lang: string;
  onLaw: (anchor?: string) => void;
  /** Facts recorded after sending (the referral's day, the rector's proposals), saved with the answers. */
  onRecord: (values: Record<string, unknown>) => Promise<void>;
}

function InFrame({ procedure, journey }: Pick<PrepareProps, 'procedure' | 'journey'>) {
  const href = useFullAppPrepareHref(procedure, journey, true);
  return (
    <p class="notice">{t('prepareLink.embedded')}{' '}
      <a href={href} target="_blank" rel="noopener">{t('embed.handoffOpen')}<span class="visually-hidden"> {t('prepareLink.newTab')}</span></a>
    </p>
  );
}

export function PrepareStep(props: PrepareProps & { onBack: () => void }) {
  const { procedure, journey, onBack } = props;
  const framed = embedded() !== null;
  const [page, setPage] = useState<{ Page: FunctionComponent<PrepareProps> } | null>(null);
  useEffect(() => {
    if (framed) return;
    // A part that will not load (a version replaced since) is said by the shell (platform/stale.ts).
    void loadModule(() => import('./PreparePage')).then((m) => setPage({ Page: m.default })).catch(() => undefined);
  }, []);
  return (
    <section class="prepare">
      <a class="back-link no-print" href="?step=result" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('prepareLink.back')}</a>
      <h1 tabIndex={-1} id="page-title">{t('prepareLink.label')}</h1>
      <p class="lead">{t(`procedures.${procedure}`)}</p>
      {framed && <InFrame procedure={procedure} journey={journey} />}
      {!framed && (page ? <page.Page {...props} /> : <p class="loading" role="status">{t('ui.loading')}</p>)}
    </section>
  );
}
