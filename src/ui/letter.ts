/**
 * The request letter, written from the rules' plan (src/rules/request.ts) in one language: French for the
 * letter sent, the reader's language for the help beside it. Blanks stay blanks until the student types
 * them: each is a segment of its own, so the page can mark it and the text can say what is missing.
 */
import { asciiDigits } from '../questionnaire/inputs';
import type { TFunction } from 'i18next';
import type { DetailKey, Details } from '../platform/prepared';
import type { CivilDate } from '../rules/civil-date';
import type { Authority, ProcedureId } from '../rules/engine';
import type { DocumentItem } from '../rules/documents';
import type { RequestPlan, Sentence } from '../rules/request';
import { formatDate } from './format';

export type Segment = string | { blank: DetailKey };
/** A block of the letter: lines kept apart (the sender's address), or a paragraph. */
export interface Block { kind: 'lines' | 'para'; segments: Segment[] }

export interface LetterInput {
  procedure: ProcedureId;
  plan: RequestPlan;
  /** The article's first sentence and the paragraph's label ("I al. 1"), once the texts are loaded. */
  quote: { text: string; paragraph: string } | null;
  authority: Authority | null;
  today: CivilDate;
  documents: readonly DocumentItem[];
  /** Whether the procedure goes through Parcoursup (the letter then gives the file number). */
  parcoursup: boolean;
}

// Private-use characters around a blank's key: no translation contains them, so a sentence splits there.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const mark = (key: DetailKey) => `${OPEN}${key}${CLOSE}`;

function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const [i, part] of text.split(new RegExp(`${OPEN}|${CLOSE}`)).entries()) {
    if (i % 2) out.push({ blank: part as DetailKey });
    else if (part) out.push(part);
  }
  return out;
}

/** A sentence's parameters as the language writes them: dates, régions, lists of circumstances. */
function params(s: Sentence, t: TFunction, lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.params)) {
    if (k === 'date' || k === 'deadline') out[k] = formatDate(v as string, false, lang);
    else if (k === 'region') out[k] = t(`regions.${v as string}`);
    // A counted noun agrees with its number ("1 établissement", Arabic's dual): each is its own plural key.
    else if (k === 'mentions' || k === 'establishments') out[k] = t(`prepare.letter.counted.${k}`, { count: v });
    else if (k === 'circumstances') {
      out.list = new Intl.ListFormat(lang, { type: 'conjunction' }).format((v as string[]).map((c) => t(`prepare.letter.reexam.circumstance.${c}`)));
    } else out[k] = v;
  }
  return out;
}

const sentence = (s: Sentence, t: TFunction, lang: string) => t(`prepare.letter.${s.id}`, params(s, t, lang));

/** What goes with the letter: the refusals counted together, medical papers marked as sent apart. */
function enclosed(documents: readonly DocumentItem[], t: TFunction, lang: string): string | null {
  const refusals = documents.filter((d) => d.text === 'refusal').length + (documents.find((d) => d.text === 'refusal-more')?.n ?? 0);
  const names: string[] = [];
  for (const d of documents) {
    if (!d.attached || d.text === 'refusal-more') continue;
    if (d.text === 'refusal') {
      if (d.n === 1) names.push(t('prepare.letter.refusalsEnclosed', { count: refusals }));
      continue;
    }
    const name = t(`prepare.items.${d.text}.enclosed`);
    names.push(d.confidential ? t('prepare.letter.underCover', { label: name }) : name);
  }
  return names.length ? t('prepare.letter.enclosed', { list: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names) }) : null;
}

/**
 * The letter's blocks in the language of `t` (`lang` formats dates and lists). `help` is the reader's
 * version: the article is summed up rather than quoted (the quote stays French in the letter sent). A
 * `message` (the CAES request, pasted in the Parcoursup file) is the situation, the request and the project:
 * no addresses, no subject, no salutation.
 */
export function letterBlocks(input: LetterInput, t: TFunction, lang: string, help = false): Block[] {
  const { plan, procedure } = input;
  if (plan.form === 'message') {
    return [plan.facts, plan.request].map((s) => ({ kind: 'para' as const, segments: segments(s.map((x) => sentence(x, t, lang)).join(' ')) }))
      .concat({ kind: 'para', segments: segments(t('prepare.letter.project', { project: mark('project') })) });
  }
  const who = input.authority?.kind ?? 'unknown';
  const line = (text: string): Segment[] => segments(text);
  const para = (text: string): Block => ({ kind: 'para', segments: segments(text) });
  const sender = [[{ blank: 'name' } as Segment], [{ blank: 'address' } as Segment], [{ blank: 'contact' } as Segment],
    line(t('prepare.letter.ine', { value: mark('ine') })),
    ...(input.parcoursup ? [line(t('prepare.letter.dossier', { value: mark('dossier') }))] : [])];
  const to = t(`prepare.letter.to.${who}`, input.authority ? { region: t(`regions.${input.authority.region}`) } : {});
  const article = { article: plan.invokes.article, paragraph: input.quote?.paragraph ?? '' };
  const quote = help
    ? t('prepare.letter.quoteHelp', { ...article, gist: t(`prepare.letter.gist.${procedure}`) })
    : input.quote && t('prepare.letter.quote', { ...article, quote: input.quote.text });
  const attached = enclosed(input.documents, t, lang);
  return [
    { kind: 'lines', segments: sender.flatMap((s, i) => (i ? ['\n', ...s] : s)) },
    { kind: 'lines', segments: [to] },
    para(t('prepare.letter.dated', { date: formatDate(input.today, false, lang) })),
    para(t(`prepare.letter.subject.${procedure}`)),
    para(t(`prepare.letter.salutation.${who}`)),
    para(plan.facts.map((s) => sentence(s, t, lang)).join(' ')),
    ...(quote ? [para(quote)] : []),
    para(plan.request.map((s) => sentence(s, t, lang)).join(' ')),
    para(t('prepare.letter.project', { project: mark('project') })),
    ...(attached ? [para(attached)] : []),
    para(t(`prepare.letter.closing.${who}`)),
    { kind: 'para', segments: [{ blank: 'name' }] },
  ];
}

/** A blank as the letter shows it: what the student typed, or its name between brackets. */
export const blankText = (key: DetailKey, details: Details, t: TFunction): string =>
  typedText(details[key]) || t('prepare.letter.blank', { label: t(`prepare.blanks.${key}.placeholder`) });

/** What the student typed, as the rectorat reads it: digits of an Arabic keyboard written 0–9. */
export const typedText = (typed: string | undefined): string => asciiDigits(typed?.trim() ?? '');

/**
 * What only lays the page out (a hyphen that never breaks a place name, the isolates that keep a name whole
 * in Arabic) has no place in a text sent by mail or pasted in a form, where some fonts draw it as a box.
 */
const plain = (text: string): string => text.replace(/\u2011/g, '-').replace(/[\u2066-\u2069]/g, '');

/** The letter as plain text (to copy, to download): paragraphs apart, blanks filled or named. */
export function letterText(blocks: readonly Block[], details: Details, t: TFunction): string {
  return plain(blocks.map((b) => b.segments.map((s) => (typeof s === 'string' ? s : blankText(s.blank, details, t))).join('')).join('\n\n'));
}

/** The blanks still empty (each counted once: the name signs the letter too). */
export function blanksLeft(blocks: readonly Block[], details: Details): DetailKey[] {
  const keys = new Set(blocks.flatMap((b) => b.segments.flatMap((s) => (typeof s === 'string' ? [] : [s.blank]))));
  return [...keys].filter((k) => !details[k]?.trim());
}
