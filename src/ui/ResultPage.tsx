import { i18next, t } from '../i18n';
import { relevant, type Journey } from '../questionnaire/journey';
import type { Change, DateInfo, ProcedureId, ProcedureResult } from '../rules/engine';
import { parseCalendarKey } from '../rules/calendars/index';
import { PROCEDURES, REGISTRY, type Result } from '../rules/evaluate';
import type { Facts } from '../rules/facts';
import { preparable } from '../rules/preparable';
import { pageOf } from '../rules/questions';
import { RULES_VERSION } from '../rules/version';
import { ConfirmButton } from './ConfirmButton';
import { ContinueOnPhone } from './ContinueOnPhone';
import { Countdown } from './Countdown';
import { formatDate } from './format';
import { FollowUpOutcome } from './FollowUpOutcome';
import { PrepareLink } from './PrepareLink';
import { changeText, changeWhen, noteText } from './note-text';

interface Props {
  journey: Journey;
  result: Result;
  onLaw: (anchor?: string) => void;
  onContinue: () => void;
  onCalendar: () => void;
  onBack: () => void;
  /** Back to the answers, to change one. */
  onEdit: () => void;
  /** Erase every answer and start again (asked first). */
  onRestart: () => void;
  /** "Préparer ma demande" for a procedure the student can use. */
  onPrepare: (id: ProcedureId) => void;
}

/** A missing fact, named by the question that asks it ("master.licenceDate" → its page's title). */
export const pathLabel = (path: string) => {
  const page = pageOf(path);
  return page ? t(`questions.${page.id}.title`) : path;
};

/** A calendar date an answer needs (`calendar:parcoursup-2027.caesOpening`), named for the reader. */
const calendarLabel = (key: string) => {
  const k = parseCalendarKey(key);
  return k ? t('result.calendarDate', { field: t(`calendarFields.${k.field}`), platform: t(`platforms.${k.platform}`), session: k.session }) : key;
};

/** `printed`: the explanation is a caveat the paper keeps (why the act-by day is a day early). */
function DateRow({ label, info, extra, printed = false }: { label: string; info: DateInfo | null; extra?: string; printed?: boolean }) {
  if (!info) return null;
  return (
    <div class="date-row">
      <dt>{label}</dt>
      <dd>
        <strong>{formatDate(info.date)}</strong>
        {info.provisional && <span class="tag">{t('result.provisional')}</span>}
        {extra && <span class={printed ? 'date-extra printed' : 'date-extra'}>{extra}</span>}
      </dd>
    </div>
  );
}

/** Steps done on the procedure's own platform (the Parcoursup file, Mon Master): they link to it. */
const ON_PLATFORM: ReadonlySet<string> = new Set(['make-wishes', 'confirm-wishes', 'register-complementary', 'apply-master', 'apply-more', 'keep-refusals']);
const platformOf = (id: ProcedureId) => (id === 'master-referral' ? 'monmaster' : 'parcoursup');

/** A link to where a step is done, in a new tab (the result stays). */
const OfficialLink = ({ href, label }: { href: string; label: string }) => (
  <a href={href} target="_blank" rel="noopener noreferrer">{label}<span class="visually-hidden"> {t('ui.newTab')}</span></a>
);

/** One step: what to do, its papers, where, and when, on a line of its own (never a date inside the prose). */
function Step({ c, procedure }: { c: Change; procedure: ProcedureId }) {
  const when = changeWhen(c);
  return (
    <li>
      {changeText(c)}
      {c.papers && <ul>{c.papers.map((p) => <li key={p}>{t(`result.papers.${p}`)}</li>)}</ul>}
      {ON_PLATFORM.has(c.id) && <> <OfficialLink href={officialOf(procedure)} label={t('result.openPlatform', { platform: t(`platforms.${platformOf(procedure)}`) })} /></>}
      {when && <span class="step-when">{when}</span>}
    </li>
  );
}

/** What to gather, in brief; for the re-examination, the proofs of the circumstances the student chose only. */
function prepareList(id: ProcedureId, facts: Facts | undefined): string[] {
  const chosen = id === 'parcoursup-reexamination' ? (facts?.parcoursup?.circumstances ?? []) : [];
  return [...chosen.map((c) => t(`result.proofs.${c}`)), ...(t(`result.prepareList.${id}`, { returnObjects: true }) as string[])];
}

/** The official place where each procedure is done: the student acts there, RecoursSup only prepares. */
export const officialOf = (id: ProcedureId): string => PROCEDURES[id].official;

/** The one date that matters beside the outcome, as a sentence; never a date the status contradicts. */
function keyDate(r: ProcedureResult, today: string): string | null {
  const until = r.actBy ?? r.deadline;
  const provisional = (r.dates.actBy ?? r.dates.deadline)?.provisional ? ` ${t('result.key.provisional')}` : '';
  if (r.status === 'eligible' && until) return t(r.actBy ? 'result.key.actBy' : 'result.key.until', { date: formatDate(until) }) + provisional;
  if (r.status === 'not-yet' && r.opens && r.opens > today) return t('result.key.from', { date: formatDate(r.opens) });
  if (r.status === 'too-late' && r.deadline && r.deadline < today) return t('result.key.ended', { date: formatDate(r.deadline) });
  return null;
}

interface ProcedureProps {
  id: ProcedureId;
  r: ProcedureResult;
  today: string;
  onLaw: Props['onLaw'];
  onContinue: () => void;
  /** The questions still to answer are listed once for every procedure (the counsellor's summary), not here. */
  missingListed?: boolean;
  /** The way to "Préparer ma demande" (the student's result; counsellor mode has its own). */
  prepare?: { journey: Journey; onOpen: (id: ProcedureId) => void };
  /** The answers (the re-examination lists the proofs of the circumstances chosen). */
  facts?: Facts;
}

export function Procedure({ id, r, today, onLaw, onContinue, missingListed = false, prepare, facts }: ProcedureProps) {
  const decisive = r.reasons.filter((x) => x.decisive);
  const excluding = decisive.find((x) => x.holds === false);
  const leading = r.notes.filter((n) => LEADING_NOTES.has(n.id));
  const trailing = r.notes.filter((n) => !LEADING_NOTES.has(n.id));
  const sentInTime = r.notes.some((n) => n.id === 'referral-sent-in-time');
  const sent = Boolean(r.followUp);
  const open = r.status === 'eligible' || r.status === 'not-yet';
  // Facts the student can give (a question to answer) apart from calendar dates nobody has published yet.
  const missingDates = r.missing.filter((m) => m.startsWith('calendar:'));
  const missingFacts = r.missing.filter((m) => !m.startsWith('calendar:'));
  const condText = (rid: string, holds: boolean | null) =>
    t(`conditions.${rid}.${holds === true ? 'met' : holds === false ? 'notMet' : 'unknown'}`);
  const Reason = ({ x }: { x: ProcedureResult['reasons'][number] }) => (
    <li class={`reason reason-${x.holds === true ? 'met' : x.holds === false ? 'not-met' : 'unknown'}`}>
      <span class="visually-hidden">{t('result.reasonState', { state: t(x.holds === true ? 'result.met' : x.holds === false ? 'result.notMet' : 'result.unknownCond') })} </span>
      {condText(x.id, x.holds)}{' '}
      <span class="source">{t('result.source', { source: x.source, kind: t(`kinds.${x.kind}`) })}</span>{' '}
      {/* Only a law condition points into the texts: a platform or practice rule is not in them. */}
      {anchorOf(x.id) && <a href="?step=law" class="law-link" onClick={(e) => { e.preventDefault(); onLaw(anchorOf(x.id)); }}>{t('result.readLaw')}<span class="visually-hidden"> ({x.source})</span></a>}
    </li>
  );
  const key = keyDate(r, today);
  // What to do: the procedure itself when it is open today; otherwise what would open it, actions first.
  const changes = [...r.changes].sort((a, b) => (a.type === b.type ? 0 : a.type === 'action' ? -1 : 1));
  return (
    <section class={`procedure status-${r.status}`} aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{t(`procedures.${id}`)}</h2>
      <div class="outcome">
        {r.followUp && <FollowUpOutcome f={r.followUp} today={today} />}
        {/* Once a referral in time is recorded, "too late" would only say the window to refer has closed. */}
        {!sentInTime && <p class="status-line"><strong>{t(`result.statusOf.${r.status}`)}</strong>{key ? ` ${key}` : ''}</p>}
        {/* Closed for good: the first condition that closes it, in words, not only under "Pourquoi". */}
        {r.status === 'not-eligible' && excluding && <p class="because">{condText(excluding.id, false)}</p>}
        {r.status === 'eligible' && (r.actBy ?? r.deadline) && <Countdown today={today} until={(r.actBy ?? r.deadline)!} />}
        {/* A note that says what to do now leads, beside the outcome, instead of waiting under "À savoir". */}
        {leading.map((n, i) => <p key={`${n.id}-${i}`} class="leading-note">{noteText(n)}</p>)}
      </div>
      {r.status === 'eligible' && (
        <>
          <h3>{t('result.todo')}</h3>
          <ol class="steps">
            <li>
              {t(`result.whereText.${id}`)}{' '}
              <OfficialLink href={officialOf(id)} label={t(`result.officialLink.${id}`)} />
              {(r.actBy ?? r.deadline) && <span class="step-when">{t(r.actBy ? 'result.key.actBy' : 'result.key.until', { date: formatDate((r.actBy ?? r.deadline)!) })}</span>}
            </li>
            <li>
              {t('result.prepare')}
              <ul>{prepareList(id, facts).map((x) => <li key={x}>{x}</li>)}</ul>
            </li>
          </ol>
        </>
      )}
      {r.status !== 'eligible' && changes.length > 0 && (
        <>
          <h3>{t(open ? 'result.todo' : r.status === 'too-late' ? 'result.stillPossible' : 'result.changes')}</h3>
          <ol class="steps">{changes.map((c) => <Step key={c.id} c={c} procedure={id} />)}</ol>
        </>
      )}
      {/* After sending, the same page keeps the record of the referral and the rector's proposals. */}
      {prepare && (r.followUp || preparable(r) || recordable(r)) && (
        <PrepareLink procedure={id} journey={prepare.journey} onOpen={prepare.onOpen}
          {...(preparable(r) ? {} : { label: t(sent ? 'result.followUp.record' : 'result.followUp.recordLate') })} />
      )}
      {missingFacts.length > 0 && !missingListed && (
        <p class="missing">
          {/* One question per page: a page of three counts is named once, and the list ends with its question mark. */}
          {t('result.missing', { list: [...new Set(missingFacts.map(pathLabel))].join(' · ') })}{' '}
          <button type="button" onClick={onContinue}>{t('result.continue')}</button>
        </p>
      )}
      {missingDates.length > 0 && <p class="missing">{t('result.missingDates', { list: missingDates.map(calendarLabel).join(' · ') })}</p>}
      {(r.dates.opens || r.dates.deadline) && (
        <>
          <h3>{t('result.datesTitle')}</h3>
          <dl class="dates">
            {/* An opening already past reads as such ("from" a past day beside "not yet" would contradict it), and
                "open since" only beside an open procedure: too late or not decided, it is the day it opened. */}
            <DateRow label={t(!r.opens || r.opens > today ? 'result.opens' : r.status === 'eligible' ? 'result.openedOn' : 'result.openingDay')}
              info={r.dates.opens} />
            <DateRow label={t('result.deadline')} info={r.dates.deadline} extra={t('glossary.terms.deadline.plain')} />
            <DateRow label={t('result.actBy')} info={r.dates.actBy} extra={t('glossary.terms.act-by.plain')} printed />
          </dl>
        </>
      )}
      {r.authority && (open || r.status === 'too-late') && (
        <>
          <h3>{t('result.authority')}</h3>
          <p>{t(`result.authorityOf.${r.authority.kind}`, { region: t(`regions.${r.authority.region}`) })}</p>
          {/* "Rector" means a university's head in many countries: what a French one is (on screen: the result prints on one sheet). */}
          <p class="hint no-print">{t(`glossary.terms.${r.authority.kind}.plain`)}</p>
        </>
      )}
      {decisive.length > 0 && (
        <>
          <details class="why">
            <summary>{t('result.why')}{r.category ? ` · ${t('result.category', { n: r.category })}` : ''}</summary>
            <ul class="reasons">{decisive.map((x) => <Reason key={x.id} x={x} />)}</ul>
          </details>
          {/* On paper the accordion cannot be opened: the reasons print from this copy (never on screen). */}
          <div class="print-only">
            <h3>{t('result.why')}{r.category ? ` · ${t('result.category', { n: r.category })}` : ''}</h3>
            <ul class="reasons">{decisive.map((x) => <Reason key={x.id} x={x} />)}</ul>
          </div>
        </>
      )}
      {trailing.length > 0 && (
        <>
          <h3>{t('result.notes')}</h3>
          <ul class="notes">{trailing.map((n, i) => <li key={`${n.id}-${i}`}>{noteText(n)}</li>)}</ul>
        </>
      )}
    </section>
  );
}

/**
 * A window that has closed (too late to refer now) on a procedure with a record after sending: the student may
 * have referred in time, and records it there (the result then leads with where they stand).
 */
const recordable = (r: ProcedureResult): boolean => r.followUp !== undefined && r.status === 'too-late' && r.deadline !== null;

/**
 * What the student can do comes first: open procedures, then those that need answers, then the closed ones;
 * among equals, the one whose day to act comes first (ten days left before sixty-seven).
 */
const ORDER: Readonly<Record<ProcedureResult['status'], number>> = { eligible: 0, 'not-yet': 1, unknown: 2, 'too-late': 3, 'not-eligible': 4 };
const urgency = (r: ProcedureResult): string => (r.status === 'eligible' || r.status === 'not-yet' ? r.actBy ?? r.deadline ?? r.opens : null) ?? '9999-12-31';
export const byOutcome = (ids: readonly ProcedureId[], result: Result): ProcedureId[] => [...ids].sort((a, b) => {
  const [x, y] = [result.procedures[a]!, result.procedures[b]!];
  return ORDER[x.status] - ORDER[y.status] || urgency(x).localeCompare(urgency(y));
});

const anchorOf = (id: string) => REGISTRY.get(id)?.anchor;

/** Notes that say what to do now (an opening known only as "open by then": refer today if still possible). */
const LEADING_NOTES: ReadonlySet<string> = new Set(['opening-bound']);

/** When and by which rules the result was computed, where it comes from (on paper), and which text prevails. */
export const ResultMeta = ({ today }: { today: string }) => (
  <>
    <p class="result-meta">{t('result.today', { date: formatDate(today), version: RULES_VERSION })}</p>
    {/* On paper: where the result comes from, to find it again. */}
    <p class="print-only">{t('result.printedFrom', { app: t('app.name'), address: `${location.origin}${location.pathname}` })}</p>
    {i18next.language !== 'fr' && <p class="hint">{t('result.frenchPrevails')}</p>}
  </>
);

export function ResultPage({ journey, result, onLaw, onContinue, onCalendar, onBack, onEdit, onRestart, onPrepare }: Props) {
  const hasDates = Object.values(result.procedures).some((r) => r && (r.status === 'eligible' || r.status === 'not-yet') && (r.actBy || r.deadline || r.opens));
  // The answers that count, pruned once for every procedure's block and the hand-off.
  const answers = relevant(journey);
  return (
    <section class="result">
      <a class="back-link no-print" href="?step=check" onClick={(e) => { e.preventDefault(); onBack(); }}>{t('ui.back')}</a>
      <h1 tabIndex={-1} id="page-title">{t('result.title')}</h1>
      <ResultMeta today={journey.today} />
      {byOutcome(journey.procedures, result).map((id) => (
        <Procedure key={id} id={id} r={result.procedures[id]!} today={journey.today} onLaw={onLaw} onContinue={onContinue}
          prepare={{ journey, onOpen: onPrepare }} facts={answers} />
      ))}
      <div class="actions no-print">
        {hasDates && <button type="button" onClick={onCalendar}>{t('result.ics')}</button>}
        <button type="button" onClick={() => window.print()}>{t('result.print')}</button>
        <a href="?step=law" onClick={(e) => { e.preventDefault(); onLaw(); }}>{t('result.laws')}</a>
      </div>
      <div class="actions no-print">
        <button type="button" onClick={onEdit}>{t('result.edit')}</button>
        <ConfirmButton label={t('result.restart')} question={t('ui.storage.forgetQuestion')} confirm={t('ui.storage.forgetConfirm')} onConfirm={onRestart} />
      </div>
      <ContinueOnPhone answers={answers} procedures={journey.procedures} />
    </section>
  );
}
