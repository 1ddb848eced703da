/**
 * `npm run calendar:new -- 2027 [--dir DIR]`: scaffolds a session's calendar files, one per platform, with
 * every date `null`, a source to fill and the session marked unpublished, then rewrites `files.ts` so the
 * rules read them. The app works with such files at once: an unpublished session's answers name the
 * dates they need (docs/contributing.md, "A new calendar session").
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELDS_OF, type Platform } from '../src/rules/calendars/index';
import { localToday } from '../src/today';

const PLATFORMS: readonly Platform[] = ['parcoursup', 'monmaster'];
export const TO_FILL = 'À renseigner : texte officiel (arrêté, page de la plateforme) ou presse, avec sa date';

export function scaffold(session: number, dir: string, today = localToday()): string[] {
  const written: string[] = [];
  for (const platform of PLATFORMS) {
    const file = join(dir, `${platform}-${session}.json`);
    if (existsSync(file)) continue;
    const dates = Object.fromEntries(FIELDS_OF[platform].map((f) => [f, { date: null, source: TO_FILL, provisional: true }]));
    writeFileSync(file, `${JSON.stringify({ platform, session, published: false, updated: today, dates }, null, 2)}\n`);
    written.push(file);
  }
  writeIndex(dir);
  return written;
}

/** `files.ts`: every calendar file of the folder, imported (vite and tsx both read JSON imports). */
export function writeIndex(dir: string): void {
  const files = readdirSync(dir).filter((f) => /^(parcoursup|monmaster)-\d{4}\.json$/.test(f)).sort();
  const name = (f: string) => f.replace(/-(\d{4})\.json$/, '$1');
  writeFileSync(join(dir, 'files.ts'), [
    '// Written by `npm run calendar:new` (scripts/calendar-new.ts): every calendar file of this folder.',
    '// A test checks that the list matches the folder.',
    ...files.map((f) => `import ${name(f)} from './${f}';`),
    '',
    'export const CALENDAR_FILES = [',
    ...files.map((f) => `  ${name(f)},`),
    '] as const;',
    '',
  ].join('\n'));
}

const isMain = process.argv[1]?.endsWith('calendar-new.ts');
if (isMain) {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? args[dirAt + 1]! : join(import.meta.dirname, '../src/rules/calendars');
  const session = Number(args.find((a, i) => /^\d{4}$/.test(a) && args[i - 1] !== '--dir'));
  if (!Number.isInteger(session) || session < 2020 || session > 2100) {
    process.stderr.write('usage: npm run calendar:new -- YEAR [--dir DIR]\n');
    process.exit(2);
  }
  for (const f of scaffold(session, dir)) process.stdout.write(`${f}\n`);
}
