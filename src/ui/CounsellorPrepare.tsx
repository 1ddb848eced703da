/**
 * Counsellor mode's "Préparer la demande": the letter and the checklist for the student in front of the
 * counsellor, from the answers on screen. Printed, never stored: the ticks and the blanks live in this
 * component only, and go with "Next student" (the session is remounted).
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { DetailKey, Details } from '../platform/prepared';
import { loadModule } from '../platform/stale';
import type { Journey } from '../questionnaire/journey';
import type { Result } from '../rules/evaluate';
import { PROCEDURE_IDS, type ProcedureId } from '../rules/procedure-ids';
import { preparable } from '../rules/preparable';
import type { PreparedProps } from './PreparedRequest';

export function CounsellorPrepare({ journey, result }: { journey: Journey; result: Result }) {
  const [open, setOpen] = useState<ProcedureId | null>(null);
  const [view, setView] = useState<{ Prepared: FunctionComponent<PreparedProps> } | null>(null);
  const [ticks, setTicks] = useState<Partial<Record<ProcedureId, ReadonlySet<string>>>>({});
  const [details, setDetails] = useState<Details>({});
  const ready = PROCEDURE_IDS.filter((id) => preparable(result.procedures[id]));
  // A change of answers can close the procedure that was open here.
  const shown = open && ready.includes(open) ? open : null;
  useEffect(() => {
    if (!shown || view) return;
    void loadModule(() => import('./PreparedRequest')).then((m) => setView({ Prepared: m.PreparedRequest })).catch(() => undefined);
  }, [shown]);
  useEffect(() => { if (shown && view) document.getElementById('counsellor-prepare')?.focus(); }, [shown, Boolean(view)]);
  if (!ready.length) return null;
  const ticked = (shown && ticks[shown]) || new Set<string>();
  return (
    <section class="counsellor-prepare" aria-labelledby="counsellor-prepare">
      <h2 id="counsellor-prepare" tabIndex={-1}>{t('prepareLink.counsellorTitle')}</h2>
      <p class="no-print">{t('prepareLink.counsellorLead')}</p>
      <div class="actions no-print">
        {ready.map((id) => (
          <button key={id} type="button" aria-pressed={shown === id} onClick={() => setOpen(shown === id ? null : id)}>
            {t('prepareLink.counsellorOpen', { procedure: t(`procedures.${id}`) })}
          </button>
        ))}
      </div>
      {shown && view && (
        <view.Prepared procedure={shown} journey={journey} result={result} level={3} ticked={ticked}
          onTick={(item, on) => setTicks((all) => {
            const next = new Set(all[shown] ?? []);
            if (on) next.add(item);
            else next.delete(item);
            return { ...all, [shown]: next };
          })}
          details={details} onDetails={(key: DetailKey, value: string) => setDetails((d) => ({ ...d, [key]: value }))} />
      )}
    </section>
  );
}
