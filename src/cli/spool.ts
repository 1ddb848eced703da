/**
 * A batch's results kept on disk, not in memory, until the whole input has validated: the contract prints
 * nothing on standard output when any line is invalid, so no result may leave before the last line is read,
 * and a million results (7 GB) fit in no string. The file lives in a private temporary folder, removed
 * when the run ends however it ends: done, failed, exited, or interrupted by a signal.
 */
import { once } from 'node:events';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Results are gathered into writes of about this many characters: one system call per result would dominate.
const WRITE_CHARS = 1 << 20;
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export class Spool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'recourssup-check-'));
  private readonly file = join(this.dir, 'results.ndjson');
  private fd: number | null = openSync(this.file, 'wx', 0o600);
  private pending = '';

  private readonly onExit = () => this.remove();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.remove();
    // The default action, now that the file is gone: the run ends as the signal meant it to.
    process.kill(process.pid, signal);
  };

  constructor() {
    process.once('exit', this.onExit);
    for (const s of SIGNALS) process.once(s, this.onSignal);
  }

  /** Appends one line (the newline is added). */
  write(line: string): void {
    this.pending += `${line}\n`;
    if (this.pending.length >= WRITE_CHARS) this.flush();
  }

  /** Copies every line written to `out`, at the pace `out` accepts them. */
  async copyTo(out: NodeJS.WritableStream): Promise<void> {
    this.flush();
    this.close();
    for await (const chunk of createReadStream(this.file)) {
      if (!out.write(chunk as Buffer)) await once(out, 'drain');
    }
  }

  remove(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
    process.removeListener('exit', this.onExit);
    for (const s of SIGNALS) process.removeListener(s, this.onSignal);
  }

  private flush(): void {
    const bytes = Buffer.from(this.pending);
    this.pending = '';
    // A write may take fewer bytes than given (a full disk reports itself by throwing on the next one).
    for (let done = 0; this.fd !== null && done < bytes.length;) done += writeSync(this.fd, bytes, done);
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
