/**
 * The app's languages, once: the UI, the `check` command and the calendar export read them here. French is the
 * reference; Arabic reads right to left. (embed.js keeps its own copy, being stand-alone: a test ties the two.)
 */
export const LANGUAGES = ['fr', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RTL_LANGUAGES: readonly Language[] = ['ar'];

export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);
