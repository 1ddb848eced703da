/**
 * A request prepared for one procedure: in brief, the documents to gather, the letter in French (with a
 * translation beside it as a help), and the ways to send it (copy, download, print), all on the device.
 * The student's page (./PreparePage) and counsellor mode (./CounsellorPrepare) give it where the ticks and
 * the blanks live: saved on the device, or only in the page.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import prepareStrings from 'locale-part:fr/prepare';
import { addJourneyStrings, i18next, t } from '../i18n';
import { DETAIL_KEYS, type DetailKey, type Details } from '../platform/prepared';
import { loadModule } from '../platform/stale';
import { relevant, type Journey } from '../questionnaire/journey';
import type { CivilDate } from '../rules/civil-date';
import { documentsFor, type DocumentItem } from '../rules/documents';
import type { ProcedureResult } from '../rules/engine';
import type { Result } from '../rules/evaluate';
import type { ProcedureId } from '../rules/procedure-ids';
import { letterReady, preparable } from '../rules/preparable';
import { firstSentence, requestPlan, type RequestPlan } from '../rules/request';
import { AfterSending } from './AfterSending';
import { copyOrSelect } from './clipboard';
import { DocumentChecklist } from './DocumentChecklist';
import { downloadFile } from './download';
import { formatDate } from './format';
import { below, Heading, type Level } from './Heading';
import { blanksLeft, letterBlocks, letterText, type LetterInput } from './letter';
import { LetterView } from './LetterView';
import { PrepareSummary } from './PrepareSummary';
import { printPrepared } from './print-part';
import { RequestBlanks, type Keep } from './RequestBlanks';
import './prepare.css';

addJourneyStrings(prepareStrings);

export interface PreparedProps {
  procedure: ProcedureId;
  journey: Journey;
  result: Result;
  ticked: ReadonlySet<string>;
  onTick: (id: string, on: boolean) => void;
  details: Details;
  onDetails: (key: DetailKey, value: string) => void;
  /** The student's choice to keep the blanks; absent in counsellor mode, which keeps nothing. */
  keep?: Keep;
  /** h2 on the student's page, h3 in counsellor mode's panel. */
  level: Level;
  /** What the student records after sending (the student's page only): in "Après l'envoi". */
  record?: ComponentChildren;
}

type Quote = LetterInput['quote'];

export function PreparedRequest({ procedure, journey, result, ticked, onTick, details, onDetails, keep, level, record }: PreparedProps) {
  const r = result.procedures[procedure];
  const [quote, setQuote] = useState<Quote>(null);
  const ok = preparable(r);
  const session = procedure === 'master-referral' ? result.calendars.master.session : result.calendars.parcoursup.session;
  const facts = useMemo(() => relevant(journey), [journey]);
  const documents = useMemo(() => (ok ? documentsFor(procedure, facts, r, session) : []), [ok, procedure, facts, r, session]);
  const plan = useMemo(() => (ok ? requestPlan(procedure, facts, r, session) : null), [ok, procedure, facts, r, session]);
  // Before the session has begun there is nothing true to write yet: the documents only (preparable.ts).
  const ready = ok && letterReady(r);
  // A letter quotes its article; a message pasted in the Parcoursup file does not.
  const quoted = ready && plan?.form === 'letter';
  useEffect(() => {
    if (!plan || !quoted) return;
    // The article's words, from the texts shipped with the app (heavy: loaded now, precached for offline use).
    void loadModule(() => import('../rules/legal/index')).then((legal) => {
      const found = legal.paragraphByAnchor(plan.invokes.anchor);
      if (found) setQuote({ text: firstSentence(found.paragraph.text), paragraph: found.paragraph.label });
    }).catch(() => undefined);
  }, [plan?.invokes.anchor, quoted]);
  if (!ok || !plan) {
    // Once the window has closed, what was recorded after sending still counts: its days go on.
    // Sent: nothing left to prepare. Too late to refer now, but a window there was: the student may have used it.
    const notice = r?.followUp ? 'prepare.sent' : r?.status === 'too-late' && r.deadline ? 'prepare.windowClosed' : 'prepare.notOpen';
    return <><p class="notice">{t(notice)}</p>{record && <AfterSending procedure={procedure} level={level}>{record}</AfterSending>}</>;
  }

  // The words that name what is written: a letter, or a text to paste (`_message`).
  const as = plan.form === 'message' ? { context: 'message' } : {};
  return (
    <div class="prepared">
      {/* Before the session only the documents are shown: the lead announces no steps the page does not have. */}
      {keep && <p class="no-print">{ready ? t('prepare.lead', as) : t('prepare.leadNotBegun')}</p>}
      {r.status === 'not-yet' && ready && (
        <p class="notice">{r.opens && r.opens > journey.today ? t('prepare.notYet', { date: formatDate(r.opens) }) : t('prepare.notYet_nodate')}</p>
      )}
      {!ready && <p class="notice">{t('prepare.notBegun', as)}</p>}
      <p class="print-only">{t('result.printedFrom', { app: t('app.name'), address: `${location.origin}${location.pathname}` })} · {formatDate(journey.today, false)}</p>
      <PrepareSummary procedure={procedure} r={r} today={journey.today} channel={plan.channel} level={level} />
      <DocumentChecklist items={documents} ticked={ticked} onToggle={onTick} counsellor={!keep} level={level} />
      {ready && (
        <Written procedure={procedure} plan={plan} quote={quote} r={r} today={journey.today} documents={documents}
          details={details} onDetails={onDetails} keep={keep} level={level} as={as} />
      )}
      <AfterSending procedure={procedure} level={level}>{record}</AfterSending>
    </div>
  );
}

interface WrittenProps extends Pick<PreparedProps, 'procedure' | 'details' | 'onDetails' | 'keep' | 'level'> {
  plan: RequestPlan;
  quote: Quote;
  r: ProcedureResult;
  today: CivilDate;
  documents: readonly DocumentItem[];
  as: { context?: string };
}

/**
 * The blanks, the text in French (a translation beside it) and the ways to send it: built only when shown,
 * once the session has begun (before it, there is nothing true to write).
 */
function Written({ procedure, plan, quote, r, today, documents, details, onDetails, keep, level, as }: WrittenProps) {
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const letterRef = useRef<HTMLDivElement>(null);
  const lang = i18next.language;
  // The rectorat reads French: the letter is French whatever the page's language.
  const fr = i18next.getFixedT('fr');
  const input: LetterInput = { procedure, plan, quote, authority: r.authority, today, documents, parcoursup: procedure !== 'master-referral' };
  const blocks = letterBlocks(input, fr, 'fr');
  const text = letterText(blocks, details, fr);
  const left = blanksLeft(blocks, details).length;
  // Only the blanks the text has (a message pasted in the Parcoursup file has no address, no file number).
  const keys = DETAIL_KEYS.filter((k) => blocks.some((b) => b.segments.some((s) => typeof s !== 'string' && s.blank === k)));
  const sub = below(level);
  // Whole or not at all: a letter copied before the article's words arrive would lack them.
  const whole = plan.form === 'message' || quote !== null;

  // Refused, the letter is selected for the student to copy.
  const copyText = () => copyOrSelect(text, () => letterRef.current && getSelection()?.selectAllChildren(letterRef.current), setCopy);

  return (
    <>
      <section class="prepare-step" aria-labelledby="prepare-blanks">
        <Heading level={level} id="prepare-blanks">{t('prepare.blanks.title', as)}</Heading>
        <p class="hint no-print">{t(keep ? 'prepare.blanks.lead' : 'prepare.blanks.leadCounsellor')}</p>
        <RequestBlanks procedure={procedure} keys={keys} details={details} onChange={onDetails} {...(keep ? { keep } : {})} />
        <Heading level={sub} id="prepare-letter">{t('prepare.letter.heading', as)}</Heading>
        <p class="hint no-print">{t('prepare.letter.why', as)}</p>
        {whole
          ? <LetterView blocks={blocks} details={details} t={fr} lang="fr" label={t('prepare.letter.label', as)} id="letter-fr" letterRef={letterRef} />
          : <p class="loading" role="status">{t('ui.loading')}</p>}
        <p class="blanks-left no-print" role="status">{left ? t('prepare.letter.blanksLeft', { count: left }) : t('prepare.letter.blanksDone')}</p>
        {lang !== 'fr' && (
          <section class="translation no-print" aria-labelledby="prepare-translation">
            <Heading level={sub} id="prepare-translation">{t('prepare.translation.heading')}</Heading>
            <p class="notice">{t('prepare.translation.note')}</p>
            <LetterView blocks={letterBlocks(input, t, lang, true)} details={details} t={t} lang={lang} id="letter-help" />
          </section>
        )}
      </section>
      <section class="prepare-step prepare-send no-print" aria-labelledby="prepare-send">
        <Heading level={level} id="prepare-send">{t('prepare.send.title')}</Heading>
        <p>{t(`prepare.send.how.${procedure}`)}</p>
        {whole && (
          <div class="actions">
            <button type="button" class="primary" onClick={() => void copyText()}>{t('prepare.send.copy')}</button>
            <button type="button" onClick={() => downloadFile(fr('prepare.send.fileName', { procedure }), 'text/plain;charset=utf-8', text)}>{t('prepare.send.download')}</button>
            <button type="button" onClick={printPrepared}>{t('prepare.send.print', as)}</button>
          </div>
        )}
        <p class="copy-status" role="status">{copy && t(copy === 'copied' ? 'prepare.send.copied' : 'prepare.send.copyFailed')}</p>
        <p class="hint">{t('prepare.send.length', { count: text.length })}</p>
      </section>
    </>
  );
}
