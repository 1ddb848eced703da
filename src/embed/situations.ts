/**
 * The situations a student starts from, and the procedures each one needs: one table for the start page's
 * question and short-cuts, the steps in the URL and embed.js's `data-procedure` (this folder, so that
 * embed.js can read it and stay small). Procedure ids as strings: embed.js imports nothing of the rules.
 */
export const SITUATIONS = {
  /** Parcoursup after the bac or a réorientation: no place, or only refusals. */
  parcoursup: ['parcoursup-accompaniment', 'parcoursup-reexamination'],
  /** Health, disability, high-level sport or family: the re-examination alone. */
  reexamination: ['parcoursup-reexamination'],
  /** A licence holder refused a Master 1 place everywhere. */
  master: ['master-referral'],
  /** Every procedure (a test ties this list to PROCEDURE_IDS, which this folder may not import). */
  both: ['parcoursup-accompaniment', 'parcoursup-reexamination', 'master-referral'],
} as const;

export type Situation = keyof typeof SITUATIONS;

/** The choices of the situation question (the re-examination alone is a short-cut of the start page). */
export const ASKED_SITUATIONS: readonly Situation[] = ['parcoursup', 'master', 'both'];
