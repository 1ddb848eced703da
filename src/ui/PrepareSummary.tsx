import { t } from '../i18n';
import type { DateInfo, ProcedureId, ProcedureResult } from '../rules/engine';
import type { Channel } from '../rules/request';
import { Countdown } from './Countdown';
import { formatDate } from './format';
import { Heading, type Level } from './Heading';
import { officialOf } from './ResultPage';
import { inSlot, SLOT } from './Source';

const Provisional = ({ info }: { info: DateInfo | null }) => (info?.provisional ? <span class="tag">{t('result.provisional')}</span> : null);

/** When: the day to act by (or the opening, not yet), then the last day; every date is the result's. */
function When({ r, today }: { r: ProcedureResult; today: string }) {
  const until = r.actBy ?? r.deadline;
  return (
    <>
      {r.status === 'not-yet' && r.opens && r.opens > today && (
        <p><strong>{t('prepare.summary.from', { date: formatDate(r.opens) })}</strong><Provisional info={r.dates.opens} /></p>
      )}
      {/* Why the act-by day is a day early: a caveat the paper keeps, as the printed result does. */}
      {r.status === 'eligible' && r.actBy && (
        <p><strong>{t('prepare.summary.actBy', { date: formatDate(r.actBy) })}</strong><Provisional info={r.dates.actBy} />
          <span class="date-extra printed">{t('glossary.terms.act-by.plain')}</span>
        </p>
      )}
      {until && r.status === 'eligible' && <Countdown today={today} until={until} />}
      {r.deadline && <p>{t('prepare.summary.until', { date: formatDate(r.deadline) })}<Provisional info={r.dates.deadline} /></p>}
    </>
  );
}

/** In brief: what, where (the official place), to whom (with what says so) and when. */
interface Props { procedure: ProcedureId; r: ProcedureResult; today: string; channel: readonly Channel[]; level: Level }

export function PrepareSummary({ procedure, r, today, channel, level }: Props) {
  // The région's name isolated: a French name keeps its own direction in an Arabic sentence.
  const who = r.authority
    ? inSlot(t(`result.authorityOf.${r.authority.kind}`, { region: SLOT }), <bdi>{t(`regions.${r.authority.region}`)}</bdi>)
    : t('prepare.summary.whoUnknown');
  return (
    <section class="prepare-summary panel" aria-labelledby="prepare-summary">
      <Heading level={level} id="prepare-summary">{t('prepare.summary.title')}</Heading>
      <dl>
        <div><dt>{t('prepare.summary.where')}</dt>
          <dd>{t(`result.whereText.${procedure}`)}{' '}
            <a class="no-print" href={officialOf(procedure)} target="_blank" rel="noopener noreferrer">
              {t(`result.officialLink.${procedure}`)}<span class="visually-hidden"> {t('ui.newTab')}</span>
            </a>
            {/* On paper, the address to type: a link cannot be followed there. */}
            <span class="print-only official-address"> ({officialOf(procedure)})</span>
          </dd>
        </div>
        <div><dt>{t('prepare.summary.who')}</dt>
          <dd>{who}
            <span class="source summary-source">{inSlot(t('prepare.summary.sources', { list: SLOT }),
              channel.map((c, i) => <span key={c.source}>{i ? ' · ' : ''}<bdi lang="fr">{c.source}</bdi> ({t(`kinds.${c.kind}`)})</span>))}
            </span>
          </dd>
        </div>
        {(r.opens || r.deadline) && <div><dt>{t('prepare.summary.when')}</dt><dd><When r={r} today={today} /></dd></div>}
      </dl>
    </section>
  );
}
