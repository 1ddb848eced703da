import type { ProcedureResult } from './types';

/**
 * Whether a request can be prepared: the procedure is open to the student, or will open (docs/design.md
 * §"Preparing the request"). Alone in a module: the result page asks it without loading the request's plan.
 */
export const preparable = (r: ProcedureResult | undefined): r is ProcedureResult => r?.status === 'eligible' || r?.status === 'not-yet';
