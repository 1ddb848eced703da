/**
 * The `check` command on a large batch, as a real process: lines per second and peak memory (VmHWM, the
 * resident set's high-water mark, sampled from /proc, so Linux only). One `node --import tsx` process, not
 * the `tsx` launcher, so that the process measured is the one doing the work. The input is written as the
 * command reads it and the output counted as it comes: neither is ever held whole, here or there.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BatchRun { lines: number; seconds: number; peakRss: number | null; outputBytes: number; exit: number | null; stderr: string }

const LINES_PER_WRITE = 1000;

/** The high-water mark of a live process's resident set, in bytes, or null where /proc has no such figure. */
function peakRss(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Runs `check --ndjson` on `count` lines cycling through `facts` (one JSON text each). */
export async function runBatch(root: string, facts: readonly string[], count: number, today: string): Promise<BatchRun> {
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/check.ts'), '--ndjson', '--today', today], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let peak: number | null = null;
  // VmHWM only grows, so the last sample is the peak but for what the last interval added.
  const sampler = setInterval(() => { peak = peakRss(child.pid!) ?? peak; }, 50);
  let outputBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { outputBytes += chunk.length; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const closed = once(child, 'close');
  // A command that stops reading (it crashed) is reported by its exit status, not by a write error here.
  let reading = true;
  child.stdin.on('error', () => { reading = false; });

  for (let written = 0; written < count && reading; written += LINES_PER_WRITE) {
    const n = Math.min(LINES_PER_WRITE, count - written);
    const text = Array.from({ length: n }, (_, i) => facts[(written + i) % facts.length]).join('\n');
    if (!child.stdin.write(`${text}\n`)) await Promise.race([once(child.stdin, 'drain'), closed]);
  }
  child.stdin.end();
  const [exit] = (await closed) as [number | null];
  clearInterval(sampler);
  return { lines: count, seconds: (performance.now() - start) / 1000, peakRss: peak, outputBytes, exit, stderr };
}
