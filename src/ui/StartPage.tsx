import type { ComponentChildren } from 'preact';
import { SITUATIONS, type Situation } from '../embed/situations';
import { t } from '../i18n';
import { SET_ASIDE_KEPT, type SetAside } from '../platform/progress';
import type { ProcedureId } from '../rules/engine';
import { downloadFile } from './download';
import { formatDay } from './format';

/** A set-aside record may hold what JSON cannot write (a BigInt): written as text, the download never fails. */
const keepAnyValue = (_key: string, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value);

/** The short-cuts straight to a situation, in the start page's order. */
const SHORTCUTS: readonly Situation[] = ['parcoursup', 'reexamination', 'master'];

interface Props {
  onStart: (procedures?: readonly ProcedureId[]) => void;
  /** `savedAt` null: the record's date is unreadable, its answers are offered all the same. */
  resume: { savedAt: string | null } | null;
  onResume: () => void;
  setAside: readonly SetAside[];
  onRestart: () => void;
  onCounsellor: () => void;
  /** Where the year stands (sessions, calendars): shown once the rules have loaded, after first paint. */
  season?: ComponentChildren;
}

/** What RecoursSup does, what it covers, a start button and a short-cut per situation. */
/** What was set aside, never thrown away: listed where the answers are offered, each one downloadable. */
function SetAsideList({ records }: { records: readonly SetAside[] }) {
  return (
    <details class="panel set-aside">
      <summary>{t('ui.setAside.title')}</summary>
      <p>{t('ui.setAside.lead', { max: SET_ASIDE_KEPT })}</p>
      <ul>
        {records.map((r, i) => (
          <li key={i}>
            <button type="button" class="link-button" onClick={() => downloadFile(`recourssup-set-aside-${i + 1}.json`, 'application/json', JSON.stringify(r, keepAnyValue, 2))}>
              {t(`ui.setAside.${r.reason}`, { date: formatDay(r.at), fields: r.reason === 'invalid' ? Object.keys(r.value as object).join(', ') : '' })}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function StartPage({ onStart, resume, onResume, setAside, onRestart, onCounsellor, season }: Props) {
  return (
    <section class="start">
      <h1 tabIndex={-1} id="page-title">{t('start.title')}</h1>
      <p class="lead">{t('start.lead')}</p>
      {resume && (
        <div class="panel" role="region" aria-labelledby="resume-title">
          <h2 id="resume-title">{t('ui.resume.title')}</h2>
          <p>{resume.savedAt ? t('ui.resume.lead', { date: resume.savedAt }) : t('ui.resume.leadUndated')}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={onResume}>{t('ui.resume.resume')}</button>
            <button type="button" onClick={onRestart}>{t('ui.resume.restart')}</button>
          </div>
        </div>
      )}
      {setAside.length > 0 && <SetAsideList records={setAside} />}
      <h2>{t('start.coversTitle')}</h2>
      <ul class="covers">
        <li>{t('start.covers.accompaniment')}</li>
        <li>{t('start.covers.reexamination')}</li>
        <li>{t('start.covers.master')}</li>
      </ul>
      <p>{t('start.privacy')}</p>
      <button type="button" class="primary start-button" onClick={() => onStart()}>{t('start.begin')}</button>
      <h2>{t('start.shortcutsTitle')}</h2>
      <ul class="shortcuts">
        {SHORTCUTS.map((k) => (
          <li key={k}><a href={`?for=${SITUATIONS[k].join(',')}`} onClick={(e) => { e.preventDefault(); onStart(SITUATIONS[k]); }}>{t(`start.shortcut.${k}`)}</a></li>
        ))}
      </ul>
      <p class="counsellor-link">
        <a href="?step=counsellor" onClick={(e) => { e.preventDefault(); onCounsellor(); }}>{t('start.counsellor')}</a>
      </p>
      {/* Last on the page: arriving after first paint, it moves nothing the student is reading. */}
      {season}
    </section>
  );
}
