/**
 * `npm run --silent check -- [--today YYYY-MM-DD] [--lang fr|en|ar] [--ndjson] [--errors json] [FILE]`
 * Facts in, result out (check-format.md). Invalid input: every problem on stderr, nothing on stdout, exit 2.
 * Exit 1 is a bug.
 */
import { readFileSync } from 'node:fs';
import { localToday } from '../rules/civil-date';
import { parseArgs, type Options } from './args';
import { asText, describe, translator, type ErrorLine } from './messages';
import { run } from './run';

function readInput(options: Options): string {
  return readFileSync(options.file ?? 0, 'utf8');
}

async function main(argv: string[]): Promise<number> {
  const { options, problems } = parseArgs(argv);
  const t = await translator(options.lang);
  const fail = (list: ErrorLine[]) => {
    if (options.errors === 'json') process.stderr.write(`${JSON.stringify(list)}\n`);
    else for (const e of list) process.stderr.write(`${asText(e, t)}\n`);
    return 2;
  };
  if (options.help) {
    process.stdout.write(`${t('cli.usage')}\n`);
    return 0;
  }
  if (problems.length) return fail(problems.map((p) => describe(t, p)));
  let input: string;
  try {
    input = readInput(options);
  } catch (e) {
    return fail([describe(t, { field: options.file ?? '-', code: 'file-unreadable', params: { detail: (e as NodeJS.ErrnoException).code ?? String(e) } })]);
  }
  const outcome = run(input, options, options.today ?? localToday());
  if (!outcome.ok) return fail(outcome.errors.map(({ error, line }) => describe(t, error, line)));
  process.stdout.write(outcome.lines.map((l) => `${l}\n`).join(''));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  async (e: unknown) => {
    const t = await translator('en').catch(() => null);
    process.stderr.write(`${t ? t('cli.internalError') : 'internal error'}: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
