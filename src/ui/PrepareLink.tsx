/**
 * "Préparer ma demande" from a procedure's block of the result: one tap to the prepare page. In another
 * website's frame it opens the full app in a new tab instead, the answers in the link's fragment (the
 * hand-off of "Continue on my phone"): the frame itself keeps no letter and no ticks.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { embedded } from '../platform/embedded';
import { loadModule } from '../platform/stale';
import { relevant, stepToSearch, type Journey } from '../questionnaire/journey';
import type { ProcedureId } from '../rules/procedure-ids';
import { requestForm } from '../rules/request';
import { RULES_VERSION } from '../rules/version';

/** The procedure whose page the student opened last: coming back, its link takes focus again. */
let openedLast: ProcedureId | null = null;

/** The full app's prepare page for `procedure`, carrying the answers (built on demand: the codec is lazy). */
export function useFullAppPrepareHref(procedure: ProcedureId, journey: Journey, active: boolean): string {
  const bare = `${location.pathname}${stepToSearch({ kind: 'prepare', procedure }, journey.procedures)}`;
  const [href, setHref] = useState(bare);
  useEffect(() => {
    if (!active) return;
    void loadModule(() => import('../platform/handoff')).then((h) => {
      const fragment = h.encodeHandoff({ answers: relevant(journey), procedures: journey.procedures }, RULES_VERSION);
      setHref(`${bare}#${fragment}`);
    }).catch(() => undefined);
  }, [active, bare, journey]);
  return href;
}

/** `label`: the link's words when there is no request left to prepare, only the record after sending. */
interface Props { procedure: ProcedureId; journey: Journey; onOpen: (p: ProcedureId) => void; label?: string }
export function PrepareLink({ procedure, journey, onOpen, label }: Props) {
  const framed = embedded() !== null;
  const href = useFullAppPrepareHref(procedure, journey, framed);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (openedLast !== procedure) return;
    openedLast = null;
    // After the step's heading has taken focus (the shell does it once the page is rendered).
    requestAnimationFrame(() => link.current?.focus());
  }, []);
  const name = t('prepareLink.for', { procedure: t(`procedures.${procedure}`) });
  return (
    <p class="prepare-entry no-print">
      {framed ? (
        <a ref={link} class="button-link" href={href} target="_blank" rel="noopener">
          {label ?? t('prepareLink.label')}<span class="visually-hidden"> {name} {t('prepareLink.newTab')}</span>
        </a>
      ) : (
        <a ref={link} class="button-link" href={stepToSearch({ kind: 'prepare', procedure }, journey.procedures)}
          onClick={(e) => { e.preventDefault(); openedLast = procedure; onOpen(procedure); }}>
          {label ?? t('prepareLink.label')}<span class="visually-hidden"> {name}</span>
        </a>
      )}
      {!label && <span class="prepare-entry-lead">{t('prepareLink.lead', requestForm(procedure) === 'message' ? { context: 'message' } : {})}</span>}
    </p>
  );
}
