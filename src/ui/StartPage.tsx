import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import type { ProcedureId } from '../rules/engine';

interface Props {
  onStart: (procedures?: ProcedureId[]) => void;
  resume: { savedAt: string } | null;
  onResume: () => void;
  onRestart: () => void;
  onCounsellor: () => void;
  /** Where the year stands (sessions, calendars): shown once the rules have loaded, after first paint. */
  season?: ComponentChildren;
}

/** What RecoursSup does, what it covers, a start button and a short-cut per situation. */
export function StartPage({ onStart, resume, onResume, onRestart, onCounsellor, season }: Props) {
  return (
    <section class="start">
      <h1 tabIndex={-1} id="page-title">{t('start.title')}</h1>
      <p class="lead">{t('start.lead')}</p>
      {resume && (
        <div class="panel" role="region" aria-labelledby="resume-title">
          <h2 id="resume-title">{t('ui.resume.title')}</h2>
          <p>{t('ui.resume.lead', { date: resume.savedAt })}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={onResume}>{t('ui.resume.resume')}</button>
            <button type="button" onClick={onRestart}>{t('ui.resume.restart')}</button>
          </div>
        </div>
      )}
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
        <li><a href="?step=renounced&for=parcoursup-accompaniment,parcoursup-reexamination" onClick={(e) => { e.preventDefault(); onStart(['parcoursup-accompaniment', 'parcoursup-reexamination']); }}>{t('start.shortcut.parcoursup')}</a></li>
        <li><a href="?step=circumstances&for=parcoursup-reexamination" onClick={(e) => { e.preventDefault(); onStart(['parcoursup-reexamination']); }}>{t('start.shortcut.reexamination')}</a></li>
        <li><a href="?step=licence&for=master-referral" onClick={(e) => { e.preventDefault(); onStart(['master-referral']); }}>{t('start.shortcut.master')}</a></li>
      </ul>
      <p class="counsellor-link">
        <a href="?step=counsellor" onClick={(e) => { e.preventDefault(); onCounsellor(); }}>{t('start.counsellor')}</a>
      </p>
      {/* Last on the page: arriving after first paint, it moves nothing the student is reading. */}
      {season}
    </section>
  );
}
