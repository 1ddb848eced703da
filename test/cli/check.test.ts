/** The `check` command as websites script it: a real process, standard streams and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate';
import { factsFor } from '../support/arbitraries';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function check(args: string[], input = '') {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/check.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ELIGIBLE = {
  master: { licence: 'dnl', licenceDate: '2026-06-25', licenceRegion: 'ile-de-france', applications: 6, positive: 0,
    waitingList: false, refusals: 6, refusalMentions: 3, refusalEstablishments: 3, lastRefusalDate: '2026-06-20', teleserviceOpened: '2026-07-01' },
};

describe('check command', () => {
  it('prints the result of valid facts read from standard input', () => {
    const r = check(['--today', '2026-07-05'], JSON.stringify(ELIGIBLE));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toEqual(JSON.parse(JSON.stringify(evaluate(ELIGIBLE as never, '2026-07-05'))));
    expect(out.procedures['master-referral']).toMatchObject({ status: 'eligible', opens: '2026-07-01', deadline: '2026-07-16', actBy: '2026-07-15' });
  });

  it('reads a file given as argument, after --', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const file = join(dir, 'facts.json');
    writeFileSync(file, JSON.stringify(ELIGIBLE));
    const r = check(['--today=2026-07-05', '--', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).today).toBe('2026-07-05');
  });

  it('reports every problem, one per line, in the chosen language, with nothing on stdout and exit 2', () => {
    const bad = { master: { licence: 'dnl', licenceDate: '2026-02-30', refusals: 2, refusalMentions: 3 }, extra: true };
    const en = check(['--today', '2026-07-05'], JSON.stringify(bad));
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr.trim().split('\n').sort()).toEqual([
      'extra: unknown field',
      'master.licenceDate: must be a date that exists, as YYYY-MM-DD',
      'master.refusalMentions: cannot exceed the number of refusals (2)',
    ]);
    const fr = check(['--today', '2026-07-05', '--lang', 'fr'], JSON.stringify(bad));
    expect(fr.stderr).toContain('master.licenceDate: doit être une date qui existe, au format AAAA-MM-JJ');
  });

  it('gives the errors as a JSON array with --errors json', () => {
    const r = check(['--today', '2026-07-05', '--errors', 'json'], '{"master":{"licence":"bts"}}');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual([
      { field: 'master.licence', code: 'value-unknown', params: { values: 'dnl, licence-pro, but, foreign, other, none' },
        message: 'unknown value; possible values: dnl, licence-pro, but, foreign, other, none' },
    ]);
  });

  it('rejects bad JSON, unknown flags, bad flag values and unreadable files with exit 2', () => {
    expect(check(['--today', '2026-07-05'], '{"master":').code).toBe(2);
    const flags = check(['--verbose', '--today', '2026-13-01', '--lang', 'de'], '{}');
    expect(flags.code).toBe(2);
    expect(flags.stderr.trim().split('\n')).toHaveLength(3);
    const missing = check(['/nonexistent/facts.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^\/nonexistent\/facts\.json: cannot read the file \(ENOENT\)/);
  });

  it('prints its usage with --help, in the chosen language', () => {
    const r = check(['--help', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage : npm run --silent check --/);
  });

  it('treats a date after --today as invalid', () => {
    const r = check(['--today', '2026-06-01'], JSON.stringify(ELIGIBLE));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('master.licenceDate: cannot be after today (2026-06-01)');
  });

  it('agrees with the library line by line on random batches (--ndjson)', () => {
    for (const today of ['2026-07-05', '2025-09-01', '2027-03-01']) {
      const batch = fc.sample(factsFor(today), { numRuns: 150, seed: today.length + Number(today.slice(5, 7)) });
      const r = check(['--ndjson', '--today', today], `${batch.map((f) => JSON.stringify(f)).join('\n')}\n`);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(batch.length);
      lines.forEach((line, i) => expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(evaluate(batch[i]!, today)))));
    }
  });

  it('in a batch, reports the line of each problem and prints nothing', () => {
    const r = check(['--ndjson', '--today', '2026-07-05'], '{}\n\n{"master":{"licence":1}}\nnot json\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('line 3: master.licence: unknown value; possible values: dnl, licence-pro, but, foreign, other, none');
    expect(lines[1]).toMatch(/^line 4: \(input\): invalid JSON/);
  });
});
