/**
 * Every problem `validateFacts` can report, by kind. A code is public (the `check` command prints it, websites
 * script against it) and is a message key under `errors.` in each locale: this list is the one place both the
 * messages test and the format's documentation (`npm run docs`) read, and the type that makes a code missing
 * from it a compile error.
 */
export const FACT_ERROR_CODES = {
  shape: [
    'type-object', 'unknown-field', 'null-not-allowed', 'type-boolean', 'type-count', 'count-too-large', 'type-year',
    'year-range', 'session-range', 'type-date', 'date-future', 'date-too-early', 'region-unknown', 'value-unknown',
    'type-set', 'set-duplicate', 'format-unsupported',
  ],
  list: ['type-list', 'list-too-long', 'field-required'],
  consistency: [
    'answers-exceed-applications', 'exceeds-refusals', 'date-without-refusal', 'null-with-refusals',
    'contract-search-disagrees', 'date-other-session',
  ],
  record: [
    'licence-not-obtained', 'before-licence', 'before-opening', 'before-referral', 'before-notification', 'answered-without-answer',
    'accepted-twice', 'after-acceptance',
  ],
} as const;

export type FactErrorCode = (typeof FACT_ERROR_CODES)[keyof typeof FACT_ERROR_CODES][number];

/**
 * A problem with an input: `field` is a dotted path ('' for the whole input), an item of a list with its index
 * (`master.rectorProposals[0].notified`); `code` a message key under `errors.`.
 */
export interface Problem<Code extends string = string> {
  field: string;
  code: Code;
  params?: Record<string, string | number>;
}

export type FactError = Problem<FactErrorCode>;
