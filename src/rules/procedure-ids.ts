/** The procedures' ids, alone in a module: the start page needs them without loading the rules. */
export const PROCEDURE_IDS = ['parcoursup-accompaniment', 'parcoursup-reexamination', 'master-referral'] as const;
export type ProcedureId = (typeof PROCEDURE_IDS)[number];
