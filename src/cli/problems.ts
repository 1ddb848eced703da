/** The problems of the `check` command beyond the facts' own: its input as a whole, and its flags (see fact-errors.ts). */
import type { FactErrorCode, Problem } from '../rules/fact-errors';

export const CLI_ERROR_CODES = {
  input: ['json-invalid', 'input-too-large', 'more-problems', 'file-unreadable'],
  flags: ['flag-date', 'flag-today-range', 'flag-value', 'flag-unknown', 'flag-extra-file'],
} as const;

export type CliErrorCode = (typeof CLI_ERROR_CODES)[keyof typeof CLI_ERROR_CODES][number];

/** Anything the command reports: a fact's problem or its own. */
export type CheckProblem = Problem<FactErrorCode | CliErrorCode>;
