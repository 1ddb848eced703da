/**
 * What the student records after referring to the rector (R612-36-3 I al. 4 to 8): the day the referral was
 * sent and each of the rector's proposals. Part of the public facts format (docs/facts-format.md §Fields):
 * the item's schema, and the checks of what the dates make impossible. A problem names the field the
 * student can fix, one per field; what is only doubtful is a note of the result, not an error
 * (docs/rulings.md §"After the referral").
 */
import { calendarOf } from './calendars/index';
import { earliest, isCivilDate, type CivilDate } from './civil-date';
import { answeredInTime } from './deadlines';
import type { FactError, FieldType, MasterFacts } from './facts';

export const PROPOSAL_ANSWERS = ['accepted', 'refused'] as const;
export type ProposalAnswer = (typeof PROPOSAL_ANSWERS)[number];

/**
 * The law asks for at least three proposals and sets no maximum; rectors make three. Ten leaves room for a
 * rectorat that makes more, and bounds a mistyped or forged list: a hand-off carrying ten answered proposals
 * still makes a QR code that decodes (test/unit/handoff-panel.test.ts).
 */
export const MAX_PROPOSALS = 10;

/** One proposal's fields (`notified` required): the item schema of `master.rectorProposals`. */
export const PROPOSAL_FIELDS: Readonly<Record<string, FieldType>> = {
  notified: { type: 'date', nullable: false },
  answer: { type: 'enum', values: PROPOSAL_ANSWERS },
  answered: { type: 'date', nullable: false },
};

const LIST = 'master.rectorProposals';

/** A date that passed the field's own checks (a wrong type or a future date is already reported). */
const dateAt = (errors: readonly FactError[], field: string, value: unknown): CivilDate | undefined =>
  isCivilDate(value) && !errors.some((e) => e.field === field) ? value : undefined;

const asObject = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * A date of the record against the licence: the referral needs the licence obtained (I al. 1, « titulaire »),
 * and a proposal answers a referral. `null` licence: not obtained yet.
 */
function licenceProblem(field: string, date: CivilDate, licence: CivilDate | null | undefined): FactError | null {
  if (licence === null) return { field, code: 'licence-not-obtained' };
  if (licence !== undefined && date < licence) return { field, code: 'before-licence', params: { date: licence } };
  return null;
}

/**
 * The earliest day "Saisir le recteur" is known to have opened for the session, to refuse a referral before
 * it: the calendar's date only when it is not provisional (a press date is a guess, and a referral proves the
 * service open: master-window.ts `opening`), or the day the student saw, whichever is earlier. Unknown (no
 * session, no firm date, `null` = "not open yet" as the student last saw it): nothing to compare with, so
 * nothing is refused on it.
 */
function openedOn(m: MasterFacts, session: number | null, errors: readonly FactError[]): CivilDate | undefined {
  if (session === null) return undefined;
  const { date, provisional } = calendarOf('monmaster', session).dates.teleserviceOpening;
  const calendar = date && !provisional ? date : undefined;
  const seen = dateAt(errors, 'master.teleserviceOpened', m.teleserviceOpened);
  return calendar && seen ? earliest(calendar, seen) : (calendar ?? seen);
}

/** One problem per field: the first that applies. */
function push(errors: FactError[], problem: FactError | null): void {
  if (problem && !errors.some((e) => e.field === problem.field)) errors.push(problem);
}

/**
 * The record's consistency: the referral after the licence and the teleservice's opening; each proposal after the referral (or the
 * licence when the referral's day is not given) and within the session's year; an answer after its
 * proposal and only with an answer; one acceptance at most, and no proposal after it, since accepting
 * ends the referral (I al. 7).
 */
export function checkReferralRecord(m: MasterFacts, session: number | null, errors: FactError[]): void {
  const licence = m.licenceDate === null ? null : dateAt(errors, 'master.licenceDate', m.licenceDate);
  const sent = dateAt(errors, 'master.referralSent', m.referralSent);
  if (sent) push(errors, licenceProblem('master.referralSent', sent, licence));
  // I al. 3: the referral is made « par l'intermédiaire d'un téléservice national »: not before it opened.
  const opened = openedOn(m, session, errors);
  if (sent && opened && sent < opened) push(errors, { field: 'master.referralSent', code: 'before-opening', params: { date: opened } });
  const list = Array.isArray(m.rectorProposals) && !errors.some((e) => e.field === LIST) ? (m.rectorProposals as unknown[]) : [];
  const items = list.map((raw, i) => {
    const item = asObject(raw) ?? {};
    const at = `${LIST}[${i}]`;
    return {
      at,
      notified: dateAt(errors, `${at}.notified`, item.notified),
      answered: dateAt(errors, `${at}.answered`, item.answered),
      answer: item.answer,
      hasAnswer: Object.hasOwn(item, 'answer'),
    };
  });
  for (const p of items) {
    if (p.notified) {
      const field = `${p.at}.notified`;
      if (sent && p.notified < sent) push(errors, { field, code: 'before-referral', params: { date: sent } });
      push(errors, licenceProblem(field, p.notified, licence));
      if (session !== null && Number(p.notified.slice(0, 4)) !== session) push(errors, { field, code: 'date-other-session', params: { session } });
    }
    if (p.answered !== undefined && !p.hasAnswer) push(errors, { field: `${p.at}.answered`, code: 'answered-without-answer' });
    else if (p.answered && p.notified && p.answered < p.notified) {
      push(errors, { field: `${p.at}.answered`, code: 'before-notification', params: { date: p.notified } });
    }
  }
  // Only an acceptance in time ends the referral (a late one lapsed: I al. 8), the earliest by its day
  // (the list may be in any order; one without its day counts from its notification).
  const accepted = items
    .filter((p) => p.answer === 'accepted' && p.notified !== undefined && answeredInTime(p.notified, p.answered))
    .map((p) => ({ ...p, on: (p.answered ?? p.notified)! }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const p of accepted.slice(1)) push(errors, { field: `${p.at}.answer`, code: 'accepted-twice' });
  const acceptedOn = accepted[0]?.answered;
  if (acceptedOn) {
    for (const p of items) {
      if (p.notified && p.notified > acceptedOn) push(errors, { field: `${p.at}.notified`, code: 'after-acceptance', params: { date: acceptedOn } });
    }
  }
}

/**
 * The problems in the list's order, whatever check found them: the items' problems take the places they
 * held among the others, sorted by index (stable within an item).
 */
export function inListOrder(errors: readonly FactError[]): FactError[] {
  const index = (e: FactError) => /^[\w.]+\[(\d+)\]/.exec(e.field)?.[1];
  const items = errors.filter((e) => index(e) !== undefined)
    .map((e, k) => ({ e, k, i: Number(index(e)) }))
    .sort((a, b) => a.i - b.i || a.k - b.k);
  let next = 0;
  return errors.map((e) => (index(e) === undefined ? e : items[next++]!.e));
}
