/** The procedures' ids, alone in a module: the start page needs them without loading the rules. */
export type ProcedureId = 'parcoursup-accompaniment' | 'parcoursup-reexamination' | 'master-referral';
export const PROCEDURE_IDS: readonly ProcedureId[] = ['parcoursup-accompaniment', 'parcoursup-reexamination', 'master-referral'];
