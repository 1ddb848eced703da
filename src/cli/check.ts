/**
 * `npm run --silent check -- [--today YYYY-MM-DD] [--lang fr|en|ar] [--ndjson] [--errors json] [FILE]`
 * Facts in, result out (docs/facts-format.md). Invalid input: every problem on stderr, nothing on stdout, exit 2.
 * Exit 1 is a bug. Input is read as it arrives and a batch's results wait on disk (spool.ts), so memory
 * stays flat whatever the size of the batch.
 */
import { createReadStream } from 'node:fs';
import { localToday } from '../today';
import type { CheckProblem } from './problems';
import { parseArgs, type Options } from './args';
import { readItems } from './lines';
import { asText, describe, translator, type ErrorLine } from './messages';
import { checkText, Problems, TOO_LARGE } from './run';
import { Spool } from './spool';

/** An error of the input itself (a missing file, a directory), told apart from a bug in what reads it. */
class Unreadable extends Error {
  constructor(readonly problem: CheckProblem) {
    super(problem.code);
  }
}

async function* input(options: Options): AsyncGenerator<Buffer> {
  try {
    yield* options.file ? createReadStream(options.file) : process.stdin;
  } catch (e) {
    throw new Unreadable({ field: options.file ?? '-', code: 'file-unreadable', params: { detail: (e as NodeJS.ErrnoException).code ?? String(e) } });
  }
}

/** Reads every facts object; results go to `out` only while no problem has been found (the batch is rejected then). */
async function checkAll(options: Options, problems: Problems, out: (result: string) => void): Promise<void> {
  const today = options.today ?? localToday();
  try {
    for await (const item of readItems(input(options), options.ndjson)) {
      if (item.kind === 'too-large') return problems.add(TOO_LARGE, item.line);
      if (options.ndjson && item.text.trim() === '') continue;
      const checked = checkText(item.text, today);
      if (!checked.ok) for (const e of checked.errors) problems.add(e, item.line);
      else if (!problems.count) out(options.ndjson ? JSON.stringify(checked.result) : JSON.stringify(checked.result, null, 2));
    }
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    problems.add(e.problem);
  }
}

async function main(argv: string[]): Promise<number> {
  const { options, problems: argProblems } = parseArgs(argv);
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
  if (argProblems.length) return fail(argProblems.map((p) => describe(t, p)));
  const problems = new Problems();
  const spool = options.ndjson ? new Spool() : null;
  try {
    let single = '';
    await checkAll(options, problems, (result) => (spool ? spool.write(result) : (single = result)));
    if (problems.count) return fail(problems.list().map(({ error, line }) => describe(t, error, line)));
    if (spool) await spool.copyTo(process.stdout);
    else process.stdout.write(`${single}\n`);
    return 0;
  } finally {
    spool?.remove();
  }
}

// A reader that stops early (`| head`) has all it wanted: end quietly rather than report a bug.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  async (e: unknown) => {
    const t = await translator('en').catch(() => null);
    process.stderr.write(`${t ? t('cli.internalError') : 'internal error'}: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
