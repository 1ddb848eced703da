/**
 * What to gather before sending a request: each procedure's checklist as data, every item with its source
 * and its kind (law, platform rule, rectorats' practice), chosen from the student's answers and the result.
 * The UI names each item and where to get it (`prepare.items.<text>`); the ticks are saved by id.
 *
 * D612-1-27 al. 2 sends medical and disability papers under confidential cover to « le médecin, conseiller
 * technique du recteur de région académique »: a rule of how the request is sent, stated once in the rules
 * book (`SENDING_RULES`); an item it applies to is marked `confidential` (docs/rulings.md §"Preparing the request").
 */
import { calendarOf } from './calendars/index';
import type { CivilDate } from './civil-date';
import { getPath, type Circumstance, type Facts } from './facts';
import type { FollowRule, Kind, ProcedureId, ProcedureResult } from './types';

export interface DocumentItem {
  /** Stable id, saved with the ticks (`refusal-3` is the third refusal). */
  id: string;
  /** The item's message id (`prepare.items.<text>.label|where`): every refusal shares one. */
  text: string;
  kind: Kind;
  source: string;
  /** Medical or disability papers: sent apart, under confidential cover, to the médecin conseiller technique (D612-1-27 al. 2). */
  confidential?: true;
  /** Sent with the letter (listed under « Pièces jointes »), rather than read from the platform or written. */
  attached?: true;
  /** The refusal's number (`refusal`), or how many refusals one item stands for (`refusal-more`). */
  n?: number;
  /** The day from which it can be had, when the calendar gives it (Mon Master's certificate for an application left waiting). */
  from?: CivilDate | null;
}

/** Beyond this many refusals, one item stands for the rest: a checklist, not a ledger. */
export const LISTED_REFUSALS = 15;

const MON_MASTER_REFUSAL = 'Mon Master : attestation de refus téléchargeable pour chaque candidature refusée';
const MON_MASTER_CHARTER = 'Mon Master, charte des droits et devoirs de l’étudiant (saisine du recteur)';
const CONFIDENTIAL = 'D612-1-27 al. 2';

/**
 * The rules of how each procedure's request is sent, for the rules book (messages `book.sendingRules.<id>`).
 * The article's text is not shipped with the app: no anchor.
 */
export const SENDING_RULES: Readonly<Record<ProcedureId, readonly FollowRule[]>> = {
  // D612-1-27 al. 2: « Lorsque les pièces justificatives […] comportent des informations relatives à une situation
  // médicale ou de handicap, elles sont adressées sous pli confidentiel à l'attention du médecin, conseiller
  // technique du recteur de région académique. »
  'parcoursup-reexamination': [{ id: 'pr.medical-confidential', source: CONFIDENTIAL, kind: 'law' }],
  'parcoursup-accompaniment': [],
  'master-referral': [],
};

const master = (facts: Facts, r: ProcedureResult, session: number | null): DocumentItem[] => {
  const refusals = (getPath(facts, 'master.refusals') as number | undefined) ?? 0;
  const items: DocumentItem[] = [
    // 3°: « l'attestation d'obtention de son diplôme national de licence »
    { id: 'licence-certificate', text: 'licence-certificate', kind: 'law', source: 'R612-36-3 I al. 3 3°', attached: true },
  ];
  // I al. 2: « justifie d'au moins cinq refus »; I al. 3: « l'ensemble des décisions de refus ».
  for (let n = 1; n <= Math.min(refusals, LISTED_REFUSALS); n++) {
    items.push({ id: `refusal-${n}`, text: 'refusal', kind: 'law', source: 'R612-36-3 I al. 2 et al. 3', n, attached: true });
  }
  if (refusals > LISTED_REFUSALS) {
    items.push({ id: 'refusal-more', text: 'refusal-more', kind: 'law', source: 'R612-36-3 I al. 2 et al. 3', n: refusals - LISTED_REFUSALS, attached: true });
  }
  // An application left on a waiting list, or unanswered, counts as refused once the admission phase has
  // ended: its certificate comes from then (décret n° 2023-179).
  const counted = r.notes.find((x) => x.id === 'waiting-list-counted-as-refused' || x.id === 'pending-counted-as-refused');
  if (counted) {
    const end = session === null ? null : calendarOf('monmaster', session).dates.admissionPhaseEnd.date;
    items.push({ id: 'refusal-after-phase', text: 'refusal-after-phase', kind: 'platform', source: `${MON_MASTER_REFUSAL} ; décret n° 2023-179`, from: end, attached: true });
  }
  items.push(
    { id: 'transcripts', text: 'licence-transcripts', kind: 'platform', source: 'Téléservice « Saisir le recteur » : pièces demandées (presse étudiante, 2022)', attached: true },
    { id: 'cv', text: 'cv', kind: 'platform', source: MON_MASTER_CHARTER, attached: true },
    { id: 'motivation', text: 'motivation', kind: 'platform', source: MON_MASTER_CHARTER },
  );
  return items;
};

/** The papers each circumstance of L612-3 IX calls for. */
const CIRCUMSTANCE_ITEMS: Readonly<Record<Circumstance, readonly DocumentItem[]>> = {
  health: [
    { id: 'medical-certificate', text: 'medical-certificate', kind: 'law', source: CONFIDENTIAL, confidential: true, attached: true },
  ],
  disability: [
    { id: 'disability-proof', text: 'disability-proof', kind: 'law', source: CONFIDENTIAL, confidential: true, attached: true },
    { id: 'liaison-form', text: 'liaison-form', kind: 'platform', source: 'Parcoursup, rubrique Profil / Handicap : fiche de liaison facultative, utile au réexamen (parcoursup.gouv.fr)' },
  ],
  // L612-3 IX names the list itself: « la liste mentionnée au premier alinéa de l'article L. 221-2 du code du sport ».
  athlete: [
    { id: 'athlete-list', text: 'athlete-list', kind: 'law', source: 'L612-3 IX ; code du sport, L221-2', attached: true },
  ],
  family: [
    { id: 'family-proof', text: 'family-proof', kind: 'practice', source: 'Académie de Normandie, page CAES : « tout document complémentaire nécessaire à l’appréciation de sa situation »', attached: true },
  ],
};

/**
 * The papers to gather ahead for the circumstances given (the re-examination's action `prepare-documents`):
 * each circumstance's items and, for health or disability, the school's support plan (PAP or PAI) when the
 * student has one, the kind of « document complémentaire » the rectorats ask for.
 */
export function circumstancePapers(circumstances: readonly Circumstance[]): string[] {
  const ids = circumstances.flatMap((c) => (CIRCUMSTANCE_ITEMS[c] ?? []).map((d) => d.id));
  if (circumstances.includes('health') || circumstances.includes('disability')) ids.push('school-plan');
  return ids;
}

const reexamination = (facts: Facts, r: ProcedureResult): DocumentItem[] => {
  const chosen = (getPath(facts, 'parcoursup.circumstances') as Circumstance[] | undefined) ?? [];
  const items = chosen.flatMap((c) => CIRCUMSTANCE_ITEMS[c] ?? []);
  // 3° and 4° rest on a proposal received: the rectorat sees which one, and why it cannot be followed.
  if (r.reasons.some((x) => x.id === 'pr.condition-3-4' && x.holds === true)) {
    items.push({ id: 'proposal-received', text: 'proposal-received', kind: 'practice', source: 'D612-1-26 3° et 4° : la demande porte sur la proposition reçue', attached: true });
  }
  // The request goes to the rectorat, not through the file: the file's number names the candidate there.
  items.push({ id: 'dossier-number', text: 'dossier-number', kind: 'platform', source: 'Parcoursup : le numéro de dossier identifie le candidat' });
  return items;
};

const accompaniment = (): DocumentItem[] => [
  { id: 'dossier-number', text: 'dossier-number', kind: 'platform', source: 'Parcoursup : la demande se fait depuis le dossier du candidat' },
  { id: 'preference', text: 'preference', kind: 'practice', source: 'CSAIO de l’académie de Lyon (2024) : la CAES lit la rubrique « Ma préférence »' },
  { id: 'school-reports', text: 'school-reports', kind: 'practice', source: 'CAES (presse, 2023) : les commissions étudient les bulletins de première et de terminale' },
  { id: 'bac-results', text: 'bac-results', kind: 'practice', source: 'Rectorats : relevé de notes du baccalauréat (ou des épreuves passées)' },
];

/** The checklist for one procedure, in the order the student gathers it: the decisive papers first. */
export function documentsFor(id: ProcedureId, facts: Facts, r: ProcedureResult, session: number | null): DocumentItem[] {
  if (id === 'master-referral') return master(facts, r, session);
  if (id === 'parcoursup-reexamination') return reexamination(facts, r);
  return accompaniment();
}
