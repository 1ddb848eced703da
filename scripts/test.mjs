// `npm test`: every vitest project (unit, scenarios, properties, the check command, the browser), then
// the plain closing line CI reads: `N passed, N failed` (and `, N skipped` when some were).
// Extra arguments go to vitest: `npm test -- --project unit`, `npm test -- journey`.
//
// Counted from vitest's JSON report, file by file, so that the line never says less than the truth:
// - a test that did not run because its file failed (an error at import or in `beforeAll`, such as
//   "Chromium not found") counts as failed, not skipped; a file that failed before declaring any test
//   counts as one failure;
// - vitest failing outside any test (global setup, unhandled error, no test file) counts as one failure,
//   so the line and the exit code always agree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const dir = mkdtempSync(join(tmpdir(), 'recourssup-test-'));
const report = join(dir, 'report.json');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
let note = '';
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of r.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const fileError = file.status === 'failed' && Boolean(file.message);
    const p = tests.filter((t) => t.status === 'passed').length;
    const f = tests.filter((t) => t.status === 'failed').length;
    const other = tests.length - p - f; // skipped, pending, todo
    passed += p;
    if (fileError) {
      failed += Math.max(1, f + other);
      note += `\n${file.name}: ${String(file.message).split('\n')[0]}`;
    } else {
      failed += f;
      skipped += other;
    }
  }
} catch {
  note += '\nvitest wrote no report.';
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (run.status !== 0 && failed === 0) {
  failed = 1;
  note += `\nvitest exited with ${run.status ?? run.signal} outside any test (global setup, unhandled error or no test file): counted as one failure.`;
}
if (note) console.log(`\nFailures outside a test:${note}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
