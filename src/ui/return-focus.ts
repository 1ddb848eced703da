/**
 * The one exception to "each new step focuses its heading": a page shown again under a text the reader
 * closed restores its own focus, the link they followed (Flow's useReturnPoint). Flow marks that step here;
 * the shell leaves the focus alone for it, however often its effect runs. Tiny: the shell imports it.
 */
let restoring: object | null = null;

export const restoresItsFocus = (step: object): void => { restoring = step; };
export const focusRestoredFor = (step: object): boolean => restoring === step;
