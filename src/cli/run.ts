/**
 * The `check` command's core, without I/O: one facts text in, its result or its problems out; and the
 * problems of a whole input, counted, the first ones kept.
 */
import type { CivilDate } from '../rules/civil-date';
import { evaluate, type Result } from '../rules/evaluate';
import { validateFacts } from '../rules/facts';
import type { CheckProblem } from './problems';
import { MAX_OBJECT_BYTES } from './lines';

export type Checked = { ok: true; result: Result } | { ok: false; errors: CheckProblem[] };

function parseJson(text: string): { value?: unknown; error?: CheckProblem } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: { field: '', code: 'json-invalid', params: { detail: (e as Error).message } } };
  }
}

/** One facts object's text, as of `today`. */
export function checkText(text: string, today: CivilDate): Checked {
  const parsed = parseJson(text);
  if (parsed.error) return { ok: false, errors: [parsed.error] };
  const v = validateFacts(parsed.value, today);
  return v.ok ? { ok: true, result: evaluate(v.facts, today) } : { ok: false, errors: v.errors };
}

export const TOO_LARGE: CheckProblem = { field: '', code: 'input-too-large', params: { max: MAX_OBJECT_BYTES } };

export interface Located { error: CheckProblem; line?: number }

/** Problems beyond this many are counted, not kept: a batch of a million bad lines must not fill memory. */
export const MAX_KEPT = 1000;

export class Problems {
  private readonly kept: Located[] = [];
  count = 0;

  add(error: CheckProblem, line?: number): void {
    this.count++;
    if (this.kept.length < MAX_KEPT) this.kept.push(line === undefined ? { error } : { error, line });
  }

  /** The kept problems, then one saying how many more there were. */
  list(): Located[] {
    const more = this.count - this.kept.length;
    return more ? [...this.kept, { error: { field: '', code: 'more-problems', params: { shown: this.kept.length, more } } }] : this.kept;
  }
}
