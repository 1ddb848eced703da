/**
 * The version of the rules: bump it when a condition, a calendar or a ruling changes, so that saved
 * answers are re-evaluated and the page says the rules changed. Format: year of the latest calendar,
 * then a counter.
 */
export const RULES_VERSION = '2026.8';
