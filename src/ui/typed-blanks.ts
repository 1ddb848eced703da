/**
 * The request's blanks as typed in this tab, in memory only (never stored unless the student asks, see
 * PreparePage): leaving "Préparer ma demande" for the result and coming back finds them; erasing the answers
 * forgets them too (a shared computer's next student must not find a name). Tiny: the shell imports it.
 */
import type { Details } from '../platform/prepared';

let typed: Details = {};

export const typedBlanks = (): Details => typed;
export const rememberBlanks = (d: Details): void => { typed = d; };
export const forgetBlanks = (): void => { typed = {}; };
