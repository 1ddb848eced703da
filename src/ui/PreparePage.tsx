/**
 * "Préparer ma demande" for the student (loaded on demand by ./PrepareStep): the ticks are saved with the
 * answers and shared with the other tabs; the letter's blanks stay in the page unless the student asks to
 * keep them (docs/design.md §"Preparing the request").
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { validatePrepared, type DetailKey, type Details, type Prepared } from '../platform/prepared';
import { progress } from '../platform/progress';
import { RULES_VERSION } from '../rules/version';
import { t } from '../i18n';
import { PreparedRequest } from './PreparedRequest';
import { ReferralRecord } from './ReferralRecord';
import type { PrepareProps } from './PrepareStep';
import type { Keep } from './RequestBlanks';
import { rememberBlanks, typedBlanks } from './typed-blanks';

/** Kept blanks are written this long after the last key pressed: one write per pause, not per letter. */
const TYPING_PAUSE_MS = 400;

/** A change of the stored part, made on what is stored now (another tab may have written since). */
const change = (f: (p: Prepared) => Partial<Prepared>) => (stored: unknown): Prepared => {
  const p = validatePrepared(stored).kept;
  return { ...p, ...f(p), revision: p.revision + 1 };
};

export default function PreparePage({ procedure, journey, result, onRecord }: PrepareProps) {
  const store = progress();
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [details, setDetails] = useState<Details>(typedBlanks);
  const [status, setStatus] = useState<Keep['status']>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const detailsNow = useRef(details);
  detailsNow.current = details;

  /** The stored part, as this tab shows it: kept blanks fill the fields; a tab that has none keeps what it shows. */
  const read = async () => {
    const p = await store.loadPrepared(validatePrepared);
    setPrepared(p);
    if (p.details) { setDetails(p.details); rememberBlanks(p.details); }
  };
  const save = (f: (p: Prepared) => Partial<Prepared>) => store.savePrepared(change(f), RULES_VERSION).then(setPrepared, () => undefined);
  const flush = () => {
    if (!pending.current) return;
    clearTimeout(pending.current);
    pending.current = null;
    void save(() => ({ details: detailsNow.current }));
  };

  useEffect(() => {
    void read().catch(() => setPrepared(validatePrepared(undefined).kept));
    const stop = store.onOtherTab(() => void read().catch(() => undefined));
    // Leaving the page with a kept blank still being typed: written now.
    return () => { stop(); flush(); };
  }, []);

  if (!prepared) return <p class="loading" role="status">{t('ui.loading')}</p>;
  const ticked = new Set(prepared.checklist[procedure] ?? []);
  const kept = prepared.details !== null;

  const onTick = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setPrepared({ ...prepared, checklist: { ...prepared.checklist, [procedure]: [...next] } });
    void save((p) => {
      const stored = new Set(p.checklist[procedure] ?? []);
      if (on) stored.add(id);
      else stored.delete(id);
      return { checklist: { ...p.checklist, [procedure]: [...stored] } };
    });
  };

  const onDetails = (key: DetailKey, value: string) => {
    const next = { ...details, [key]: value };
    setDetails(next);
    rememberBlanks(next);
    detailsNow.current = next;
    if (!kept) return; // nothing typed is saved unless the student asked
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(flush, TYPING_PAUSE_MS);
  };

  const keep: Keep = {
    on: kept,
    status,
    onChange: (on) => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
      setPrepared({ ...prepared, details: on ? details : null });
      setStatus(on ? 'kept' : 'forgotten');
      void save(() => ({ details: on ? detailsNow.current : null }));
    },
  };

  return <PreparedRequest procedure={procedure} journey={journey} result={result} ticked={ticked} onTick={onTick}
    details={details} onDetails={onDetails} keep={keep} level={2}
    record={procedure === 'master-referral' && (
      <ReferralRecord journey={journey} followUp={result.procedures[procedure]?.followUp} level={2} onRecord={onRecord} />
    )} />;
}
