/** Command-line arguments of `check` (docs/facts-format.md §"The check command"). Problems are collected, not thrown. */
import { isCivilDate, type CivilDate } from '../rules/civil-date';
import { isLanguage, LANGUAGES, type Language as Lang } from '../languages';
import type { CheckProblem } from './problems';

export type { Lang };

export interface Options {
  today?: CivilDate;
  lang: Lang;
  ndjson: boolean;
  errors: 'text' | 'json';
  file?: string;
  help: boolean;
}

/** The days `--today` may name. */
const TODAY_MIN = '2000-01-01';
const TODAY_MAX = '2099-12-31';

export function parseArgs(argv: readonly string[]): { options: Options; problems: CheckProblem[] } {
  const options: Options = { lang: 'en', ndjson: false, errors: 'text', help: false };
  const problems: CheckProblem[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--today': {
        const v = value();
        if (!isCivilDate(v)) problems.push({ field: '--today', code: 'flag-date', params: { value: v ?? '' } });
        // The rules know sessions of this century: a day outside it is a typing slip, not a question.
        else if (v < TODAY_MIN || v > TODAY_MAX) problems.push({ field: '--today', code: 'flag-today-range', params: { value: v, min: TODAY_MIN, max: TODAY_MAX } });
        else options.today = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (!isLanguage(v)) problems.push({ field: '--lang', code: 'flag-value', params: { value: v ?? '', values: LANGUAGES.join(', ') } });
        else options.lang = v;
        break;
      }
      case '--errors': {
        const v = value();
        if (v !== 'json' && v !== 'text') problems.push({ field: '--errors', code: 'flag-value', params: { value: v ?? '', values: 'text, json' } });
        else options.errors = v;
        break;
      }
      case '--ndjson':
        options.ndjson = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--':
        files.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') problems.push({ field: arg, code: 'flag-unknown' });
        else files.push(arg);
    }
  }
  if (files.length > 1) problems.push({ field: files[1]!, code: 'flag-extra-file' });
  if (files[0] && files[0] !== '-') options.file = files[0];
  return { options, problems };
}
