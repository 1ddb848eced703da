/**
 * The interpreter's parts, for the modules that use it whole (evaluate.ts, the rules book, the tests):
 * types.ts (what procedure authors write), registry.ts, context.ts (what a condition reads), walk.ts.
 */
export * from './types';
export { PROCEDURE_IDS } from './procedure-ids';
export { Registry, conditionsOf, type Role } from './registry';
export { Context } from './context';
export { evaluateProcedure } from './walk';
