/**
 * Saved answers are untrusted input like any other (a record from an older release, a bug, an edit by
 * hand): they go through the same validation as the `check` command and hand-offs. What fails is set
 * aside by the caller; what is valid is kept, so that one bad field never costs the student the rest.
 */
import type { CivilDate } from '../rules/civil-date';
import { getPath, schemaField, setPath, validateFacts, type Facts } from '../rules/facts';

/** Each pass removes the fields the validation names; a consistency error names one of its fields, so this ends. */
const MAX_PASSES = 8;

export function keepValidAnswers(answers: unknown, today: CivilDate): { kept: Facts; rejected: Record<string, unknown> } {
  // No prototype: a field named "constructor" or "toString" is a field like any other here.
  const rejected: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let kept = answers as Facts;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const checked = validateFacts(kept, today);
    if (checked.ok) return { kept: checked.facts, rejected };
    for (const error of checked.errors) {
      // '' is the whole record (not an object): nothing in it can be kept.
      if (error.field === '') return { kept: {}, rejected: { '': answers } };
      // A list is one answer: a bad item sets the whole list aside (the rector's proposals, recorded together).
      const field = schemaField(error.field);
      if (!Object.hasOwn(rejected, field)) rejected[field] = getPath(kept, field);
      kept = setPath(kept, field, undefined);
    }
  }
  return { kept: {}, rejected: { '': answers } };
}
