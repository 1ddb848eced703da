import type { ProcedureResult } from './types';

/**
 * Whether a request can be prepared: the procedure is open to the student, or will open (docs/design.md
 * §"Preparing the request"). Alone in a module: the result page asks it without loading the request's plan.
 */
export const preparable = (r: ProcedureResult | undefined): r is ProcedureResult => r?.status === 'eligible' || r?.status === 'not-yet';

/** The gates that hold a procedure back only because its session has not begun (nothing has happened yet). */
const SESSION_NOT_BEGUN = new Set(['ps.session-started', 'ma.session-started']);

/**
 * Whether the letter can be written: a letter states what happened (the wishes made, the answers received,
 * the refusals), so before the session has begun there is nothing true to state yet; the documents can
 * still be gathered.
 */
export const letterReady = (r: ProcedureResult): boolean =>
  r.status === 'eligible' || !r.reasons.some((x) => SESSION_NOT_BEGUN.has(x.id) && x.holds === false);
