/**
 * The interpreter's parts in one import, for the code outside src/rules that uses several (the tests, the hand-off):
 * types.ts (what procedure authors write), registry.ts, context.ts (what a condition reads), walk.ts.
 */
export * from './types';
export { PROCEDURE_IDS } from './procedure-ids';
export { Registry, conditionsOf, type Role } from './registry';
export { Context } from './context';
export { evaluateProcedure } from './walk';
