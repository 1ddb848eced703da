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
  both: ['parcoursup-accompaniment', 'parcoursup-reexamination', 'master-referral'],
} as const;

export type Situation = keyof typeof SITUATIONS;

export const isSituation = (value: string): value is Situation => Object.prototype.hasOwnProperty.call(SITUATIONS, value);
