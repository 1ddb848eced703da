/**
 * fast-check generators of valid facts: every field optional (absent = unknown), counts consistent,
 * dates on or before `today`. Shared by the property tests and the benchmark.
 */
import fc from 'fast-check';
import { calendarOf } from '../../src/rules/calendars/index';
import { addDays, fromDayNumber, toDayNumber } from '../../src/rules/civil-date';
import { CIRCUMSTANCES, LICENCES, PROPOSAL_ANSWERS, type Facts, type RectorProposal } from '../../src/rules/facts';
import { REGION_IDS } from '../../src/rules/regions';
import { resolveSession, sessionChoices } from '../../src/rules/sessions';

const upTo14 = fc.integer({ min: 0, max: 14 });

const dayRange = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

/** Today: across every calendar, before the first and after the last. */
export const todayArb = dayRange('2023-01-01', '2028-12-31');

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const small = fc.integer({ min: 0, max: 8 });
const pastDate = (today: string) => dayRange(addDays(today, -900), today);

/** Drops the keys whose value is undefined (absent = unknown) and groups left empty. */
export function compact<T>(value: T): T {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const c = compact(v);
    if (c === undefined) continue;
    if (typeof c === 'object' && c !== null && !Array.isArray(c) && Object.keys(c).length === 0) continue;
    out[k] = c;
  }
  return out as T;
}

const counts = fc.record({ proposals: opt(small), waiting: opt(small), negative: opt(small) });

/** One of the sessions the student may mean today (absent: today or the bac year settles it, or it is asked). */
const sessionOf = (platform: 'parcoursup' | 'monmaster', today: string) =>
  opt(fc.constantFrom(...sessionChoices(platform, today).map((c) => c.session)));

const parcoursup = (today: string) => fc.record({
  session: sessionOf('parcoursup', today),
  region: opt(fc.constantFrom(...REGION_IDS)),
  bacYear: opt(fc.integer({ min: 2015, max: Number(today.slice(0, 4)) + 1 })),
  mainPhase: opt(fc.boolean()),
  mainPhaseApprenticeshipOnly: opt(fc.boolean()),
  main: opt(counts),
  complementaryRegistered: opt(fc.boolean()),
  complementary: opt(counts),
  renounced: opt(fc.boolean()),
  circumstances: opt(fc.subarray([...CIRCUMSTANCES])),
  proposalsUnsuitable: opt(fc.boolean()),
  noOtherApplications: opt(fc.boolean()),
});

const master = (today: string) => fc.record({
  session: sessionOf('monmaster', today),
  licence: opt(fc.constantFrom(...LICENCES)),
  licenceDate: opt(fc.option(pastDate(today), { nil: null, freq: 5 })),
  licenceRegion: opt(fc.constantFrom(...REGION_IDS)),
  applications: opt(fc.integer({ min: 0, max: 14 })),
  answers: fc.tuple(upTo14, upTo14, upTo14, upTo14),
  keep: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
  waitingList: opt(fc.boolean()),
  lastRefusalDate: pastDate(today),
  contractSearch: fc.integer({ min: 0, max: 3 }),
  search: fc.constantFrom('none', 'count', 'flag', 'both'),
  teleserviceOpened: opt(fc.option(pastDate(today), { nil: null, freq: 4 })),
  // What the student records after the referral: the day it was sent, the rector's proposals after it.
  record: fc.option(fc.record({
    sentAgo: fc.integer({ min: 0, max: 40 }),
    withSent: fc.boolean(),
    proposals: opt(fc.array(fc.record({
      after: fc.integer({ min: 0, max: 25 }),
      answer: opt(fc.constantFrom(...PROPOSAL_ANSWERS)),
      answeredAfter: opt(fc.integer({ min: 0, max: 12 })),
    }), { maxLength: 5 })),
  }), { nil: undefined, freq: 2 }),
}).map((m) => {
  // Counts that respect the format: positive + refusals ≤ applications, mentions and establishments ≤ refusals.
  const [p0, r0, mention0, est0] = m.answers;
  const applications = m.applications;
  const positive = applications === undefined ? Math.min(p0, 3) : Math.min(p0 % 3, applications);
  const refusals = applications === undefined ? r0 : Math.min(r0, applications - positive);
  const [kp, kr, km, ke, kd] = m.keep;
  // Contract searches fit in what positive answers and refusals leave; the yes/no agrees with the count.
  const room = applications === undefined ? 0 : applications - (kp ? positive : 0) - (kr ? refusals : 0);
  const count = Math.min(m.contractSearch, Math.max(room, 0));
  const search = applications === undefined ? 'none' : m.search;
  return {
    session: m.session, licence: m.licence, licenceDate: m.licenceDate, licenceRegion: m.licenceRegion, applications,
    positive: kp ? positive : undefined,
    refusals: kr ? refusals : undefined,
    refusalMentions: kr && km ? Math.min(mention0, refusals) : undefined,
    refusalEstablishments: kr && ke ? Math.min(est0, refusals) : undefined,
    lastRefusalDate: kr && kd ? (refusals > 0 ? m.lastRefusalDate : null) : undefined,
    waitingList: m.waitingList,
    contractSearch: search === 'count' || search === 'both' ? count : undefined,
    apprenticeshipSearch: search === 'flag' || search === 'both' ? count > 0 : undefined,
    teleserviceOpened: m.teleserviceOpened,
    record: m.record,
  };
}).map((m) => {
  // A refusal and the opening belong to the session's year (the format's rule): other dates are dropped.
  const session = resolveSession('monmaster', m.session === undefined ? {} : { session: m.session }, today).session;
  const inSession = (d: string | null | undefined) => d === undefined || d === null || session === null || Number(d.slice(0, 4)) === session;
  const { record, ...facts } = m;
  const teleserviceOpened = inSession(m.teleserviceOpened) ? m.teleserviceOpened : undefined;
  // The referral goes through the teleservice: not before it opened, as the format refuses it: before the
  // day the student saw, or a calendar date that is not provisional (a press date is only a guess).
  const cal = session === null ? null : calendarOf('monmaster', session).dates.teleserviceOpening;
  const firm = cal?.date && !cal.provisional ? cal.date : undefined;
  const opened = firm && teleserviceOpened ? (firm < teleserviceOpened ? firm : teleserviceOpened) : (firm ?? teleserviceOpened ?? undefined);
  return {
    ...facts,
    lastRefusalDate: inSession(m.lastRefusalDate) ? m.lastRefusalDate : undefined,
    teleserviceOpened,
    ...referralRecord(record, m.licenceDate, today, inSession, opened),
  };
});

/**
 * A record the format accepts: the referral on or after the licence (none while it is not obtained) and the
 * teleservice's opening when known, each
 * proposal after the referral and on or before today, an answer after its proposal, one acceptance at most
 * and no proposal after the day it was given, every date in the session's year.
 */
function referralRecord(
  record: { sentAgo: number; withSent: boolean; proposals?: { after: number; answer?: 'accepted' | 'refused'; answeredAfter?: number }[] } | undefined,
  licenceDate: string | null | undefined, today: string, inSession: (d: string) => boolean, opened: string | undefined,
): { referralSent?: string; rectorProposals?: RectorProposal[] } {
  if (!record || licenceDate === null) return {};
  let sent = addDays(today, -record.sentAgo);
  if (licenceDate && sent < licenceDate) sent = licenceDate;
  if (opened && sent < opened) sent = opened;
  if (!inSession(sent) || sent > today) return {};
  let accepted = false;
  const proposals: RectorProposal[] = [];
  for (const p of record.proposals ?? []) {
    const notified = addDays(sent, p.after);
    if (notified > today || !inSession(notified)) continue;
    const answer = p.answer === 'accepted' && accepted ? 'refused' : p.answer;
    const day = p.answeredAfter === undefined ? undefined : addDays(notified, p.answeredAfter);
    const answered = answer && day && day <= today ? day : undefined;
    if (answer === 'accepted') accepted = true;
    proposals.push({ notified, ...(answer ? { answer } : {}), ...(answered ? { answered } : {}) });
  }
  // In any order: none notified after the day one was accepted.
  const acceptedOn = proposals.find((p) => p.answer === 'accepted')?.answered;
  const kept = acceptedOn ? proposals.filter((p) => p.notified <= acceptedOn) : proposals;
  return { ...(record.withSent ? { referralSent: sent } : {}), ...(record.proposals ? { rectorProposals: kept } : {}) };
}

/** Valid facts as of `today`. */
export const factsFor = (today: string): fc.Arbitrary<Facts> =>
  fc.record({ parcoursup: opt(parcoursup(today)), master: opt(master(today)) }).map((facts) => compact(facts) as Facts);

/** A valid (facts, today) pair. */
export const caseArb: fc.Arbitrary<{ facts: Facts; today: string }> = todayArb.chain((today) =>
  factsFor(today).map((facts) => ({ facts, today })));
