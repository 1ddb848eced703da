import type { TFunction } from 'i18next';
import type { Ref } from 'preact';
import type { Details } from '../platform/prepared';
import { blankText, typedText, type Block } from './letter';

interface Props {
  blocks: readonly Block[];
  details: Details;
  /** The letter's own language: its strings, and its `lang` and `dir` (French reads left to right in an Arabic page). */
  t: TFunction;
  lang: string;
  /** The letter sent is a region of its own (a landmark), named in the page's language; the translation lives in its section. */
  label?: string;
  id: string;
  letterRef?: Ref<HTMLDivElement>;
}

/** The letter as it will be sent: blanks still empty are marked, those typed read as the rest. */
export function LetterView({ blocks, details, t, lang, label, id, letterRef }: Props) {
  const sheet = (
    <div class="letter" id={id} ref={letterRef} lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      {blocks.map((b, i) => (
        <p key={i} class={b.kind === 'lines' ? 'letter-lines' : undefined}>
          {b.segments.map((s, j) => {
            if (typeof s === 'string') return s;
            const typed = typedText(details[s.blank]);
            // Isolated: a French project typed into an Arabic help keeps its full stop at its own end.
            return typed ? <bdi key={j}>{typed}</bdi> : <mark key={j} class="blank">{blankText(s.blank, details, t)}</mark>;
          })}
        </p>
      ))}
    </div>
  );
  // The region is named in the page's language; the letter inside keeps its own.
  return label ? <div role="region" aria-label={label}>{sheet}</div> : sheet;
}
