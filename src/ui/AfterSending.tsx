import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import type { ProcedureId } from '../rules/procedure-ids';
import { Heading, type Level } from './Heading';

/**
 * "Après l'envoi": what happens once the request is sent. Issue 15's second half, recording the date the
 * request was sent and each proposal received (its last day by R612-36-3's eight days, a countdown, the
 * calendar), computed by the rules from new facts, goes in `children`: the place is kept here, and marked.
 */
export function AfterSending({ procedure, level, children }: { procedure: ProcedureId; level: Level; children?: ComponentChildren }) {
  return (
    <section class="after-sending" id="after-sending" aria-labelledby="prepare-after">
      <Heading level={level} id="prepare-after">{t('prepare.after.title')}</Heading>
      <p>{t(`prepare.after.${procedure}`)}</p>
      {/* Integration point (issue 15, "After sending"): the date sent and the rector's proposals. */}
      {children}
    </section>
  );
}
