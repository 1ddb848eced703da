/** The `check` command as websites script it: a real process, standard streams and exit codes. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate';
import { factsFor } from '../support/arbitraries';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function check(args: string[], input: string | Buffer = '', env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/check.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The command on a large batch: its output is counted, never held (it is larger than this process would like). */
function checkCounting(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; lines: number; first: string; last: string; stderr: string }>((done, fail) => {
    const child = spawn(TSX, [join(ROOT, 'src/cli/check.ts'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let first = '';
    let last = '';
    let partial = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      if (!parts.length) return;
      if (!lines) first = parts[0]!;
      last = parts.at(-1)!;
      lines += parts.length;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, lines, first, last, stderr }));
  });
}

// Several runs of the command in one test, each starting a process: seconds apiece on a loaded machine.
const SPAWNS_TIMEOUT = 30_000;

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

  it('refuses a --today outside the century the rules know, with nothing on stdout', () => {
    for (const day of ['0001-01-01', '1899-12-31', '9999-12-31']) {
      const r = check(['--today', day], '{}');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--today: "${day}" is outside the possible days (2000-01-01 to 2099-12-31)`);
    }
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
    expect(r.stdout).toMatch(/^Usage\u00a0: npm run --silent check --/);
  });

  it('treats a date after --today as invalid', () => {
    const r = check(['--today', '2026-06-01'], JSON.stringify(ELIGIBLE));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('master.licenceDate: cannot be after today (2026-06-01)');
  });

  it('reads the record after the referral and prints its follow-up; names a bad proposal by its index', () => {
    const facts = { master: { ...ELIGIBLE.master, referralSent: '2026-07-03', rectorProposals: [{ notified: '2026-07-04' }] } };
    const r = check(['--today', '2026-07-05'], JSON.stringify(facts));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout).procedures['master-referral'];
    expect(out).toMatchObject({ status: 'eligible', deadline: '2026-07-16' });
    expect(out.followUp).toMatchObject({ referralSent: '2026-07-03', stage: 'proposals-open', proposals: [{ state: 'open', deadline: '2026-07-12', actBy: '2026-07-11' }] });
    const bad = { master: { ...facts.master, rectorProposals: [{ notified: '2026-07-04' }, { notified: '2026-07-02', answer: 'yes' }] } };
    const fr = check(['--today', '2026-07-05', '--lang', 'fr'], JSON.stringify(bad));
    expect(fr.code).toBe(2);
    expect(fr.stdout).toBe('');
    expect(fr.stderr).toBe('master.rectorProposals[1].answer: valeur inconnue\u202f; valeurs possibles\u00a0: accepted, refused\n'
      + 'master.rectorProposals[1].notified: ne peut pas être avant la saisine du recteur (2026-07-03)\n');
    const json = JSON.parse(check(['--today', '2026-07-05', '--errors', 'json'], JSON.stringify(bad)).stderr);
    expect(json[1]).toEqual({ field: 'master.rectorProposals[1].notified', code: 'before-referral', params: { date: '2026-07-03' },
      message: 'cannot be before the referral to the rector (2026-07-03)' });
    // Not before the teleservice opened (R612-36-3 I al. 3: the referral goes through it): named, with its day.
    const early = { master: { ...facts.master, referralSent: '2026-06-30', rectorProposals: [] } };
    const opening = check(['--today', '2026-07-05', '--lang', 'fr'], JSON.stringify(early));
    expect(opening.code).toBe(2);
    expect(opening.stderr).toBe('master.referralSent: ne peut pas être avant l’ouverture du téléservice «\u00a0Saisir le recteur\u00a0» (2026-07-01)\n');
  }, SPAWNS_TIMEOUT);

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

  it('streams a batch far larger than its memory: the whole batch out, in order', async () => {
    // 30,000 results weigh about 220 MB: held in memory, they would not fit in this 64 MB heap.
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const file = join(dir, 'batch.ndjson');
    const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ master: { ...ELIGIBLE.master, applications: 6 + (i % 50) } }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await checkCounting(['--ndjson', '--today', '2026-07-05', file], { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toBe(30_000);
    const expected = (i: number) => JSON.stringify(evaluate(JSON.parse(lines[i]!), '2026-07-05'));
    expect(r.first).toBe(expected(0));
    expect(r.last).toBe(expected(29_999));
  }, 60_000);

  it('stops reading at a facts object larger than 64 KiB: /dev/zero, a huge line, a huge document', () => {
    for (const args of [['/dev/zero'], ['--ndjson', '/dev/zero']]) {
      const r = check(['--today', '2026-07-05', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${args[0] === '--ndjson' ? 'line 1: ' : ''}(input): too large: one facts object may not exceed 65536 bytes (reading stops here)\n`);
    }
    const huge = `{"master":{"licence":"${'x'.repeat(70_000)}"}}`;
    const batch = check(['--ndjson', '--today', '2026-07-05', '--lang', 'fr'], `{"extra":1}\n${huge}\n{"other":1}\n`);
    expect(batch.code).toBe(2);
    expect(batch.stdout).toBe('');
    expect(batch.stderr.trim().split('\n')).toEqual([
      'ligne 1: extra: champ inconnu',
      'ligne 2: (entrée): trop grand\u00a0: un objet de faits ne peut pas dépasser 65536 octets (la lecture s’arrête ici)',
    ]);
    // The bound is on bytes: exactly 64 KiB is still read.
    const padded = (n: number) => `{}${' '.repeat(n - 2)}`;
    expect(check(['--today', '2026-07-05'], padded(65_536)).code).toBe(0);
    expect(check(['--today', '2026-07-05'], padded(65_537)).stderr).toMatch(/^\(input\): too large/);
    expect(check(['--ndjson', '--today', '2026-07-05'], `${padded(65_536)}\n{}\n`).stdout.trim().split('\n')).toHaveLength(2);
  }, SPAWNS_TIMEOUT);

  it('accepts a UTF-8 byte-order mark at the start of a file, of standard input and of a batch', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const file = join(dir, 'facts.json');
    writeFileSync(file, Buffer.concat([bom, Buffer.from(JSON.stringify(ELIGIBLE))]));
    expect(check(['--today', '2026-07-05', file]).code).toBe(0);
    expect(check(['--today', '2026-07-05'], Buffer.concat([bom, Buffer.from(JSON.stringify(ELIGIBLE))])).code).toBe(0);
    const batch = check(['--ndjson', '--today', '2026-07-05'], Buffer.concat([bom, Buffer.from('{}\n{}\n')]));
    expect(batch.stderr).toBe('');
    expect(batch.stdout.trim().split('\n')).toHaveLength(2);
    // Only at the start: elsewhere it is a character like any other, and JSON does not allow it.
    expect(check(['--ndjson', '--today', '2026-07-05'], Buffer.concat([Buffer.from('{}\n'), bom, Buffer.from('{}\n')])).stderr).toMatch(/^line 2: \(input\): invalid JSON/);
  }, SPAWNS_TIMEOUT);

  it('keeps the first 1,000 problems of a batch and says how many more there are', () => {
    const input = '{"extra":1}\n'.repeat(1_500);
    const text = check(['--ndjson', '--today', '2026-07-05'], input);
    expect(text.code).toBe(2);
    const lines = text.stderr.trim().split('\n');
    expect(lines).toHaveLength(1_001);
    expect(lines[999]).toBe('line 1000: extra: unknown field');
    expect(lines[1_000]).toBe('(input): only the first 1000 problems are shown; not shown: 500');
    const json = JSON.parse(check(['--ndjson', '--today', '2026-07-05', '--errors', 'json'], input).stderr);
    expect(json).toHaveLength(1_001);
    expect(json[1_000]).toMatchObject({ field: '', code: 'more-problems', params: { shown: 1000, more: 500 } });
  }, SPAWNS_TIMEOUT);

  it('leaves no temporary file behind, after a batch and after a rejected one', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'check-tmp-'));
    const env = { ...process.env, TMPDIR: tmp };
    expect(check(['--ndjson', '--today', '2026-07-05'], '{}\n{}\n', env).code).toBe(0);
    expect(check(['--ndjson', '--today', '2026-07-05'], '{}\n{"extra":1}\n', env).code).toBe(2);
    // tsx keeps its own cache there.
    expect(readdirSync(tmp).filter((f) => !f.startsWith('tsx-'))).toEqual([]);
  }, SPAWNS_TIMEOUT);
});
