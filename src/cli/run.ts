/** The `check` command's core, without I/O: facts text in, result lines or every problem out. */
import type { CivilDate } from '../rules/civil-date';
import { evaluate } from '../rules/evaluate';
import { validateFacts, type FactError } from '../rules/facts';
import type { Options } from './args';

export type Outcome = { ok: true; lines: string[] } | { ok: false; errors: { error: FactError; line?: number }[] };

function parseJson(text: string): { value?: unknown; error?: FactError } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: { field: '', code: 'json-invalid', params: { detail: (e as Error).message } } };
  }
}

export function run(input: string, options: Options, today: CivilDate): Outcome {
  const errors: { error: FactError; line?: number }[] = [];
  const results: string[] = [];
  const items = options.ndjson
    ? input.split('\n').map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim() !== '')
    : [{ text: input, line: undefined }];
  for (const { text, line } of items) {
    const parsed = parseJson(text);
    if (parsed.error) {
      errors.push({ error: parsed.error, line });
      continue;
    }
    const v = validateFacts(parsed.value, today);
    if (!v.ok) errors.push(...v.errors.map((error) => ({ error, line })));
    else if (!errors.length) {
      const result = evaluate(v.facts, today);
      results.push(options.ndjson ? JSON.stringify(result) : JSON.stringify(result, null, 2));
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, lines: results };
}

