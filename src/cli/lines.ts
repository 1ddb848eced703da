/**
 * The input cut into facts objects as bytes arrive: the whole input, or one per line with `--ndjson`.
 * Nothing larger than one object is ever held, and an object is bounded: real facts weigh under 2 KB,
 * so past MAX_OBJECT_BYTES the input is a mistake (`check /dev/zero`) and reading stops there, since
 * such an input may have no end and no newline to resume after.
 */

export const MAX_OBJECT_BYTES = 64 * 1024;

const NEWLINE = 0x0a;
// Some Windows editors start a UTF-8 file with one; it is not part of the JSON.
const BYTE_ORDER_MARK = '\uFEFF';

/** One facts object's text (`line` in a batch, counting every line, blank ones too), or the one that was too large. */
export type Item = { kind: 'text'; text: string; line?: number } | { kind: 'too-large'; line?: number };

/** Bytes of one object, gathered across chunks until it ends or grows past the bound. */
class Gathered {
  private parts: Buffer[] = [];
  private size = 0;

  /** Adds bytes; false once the object is larger than the bound (what was gathered is dropped). */
  add(bytes: Buffer): boolean {
    this.size += bytes.length;
    if (this.size > MAX_OBJECT_BYTES) {
      this.parts = [];
      return false;
    }
    if (bytes.length) this.parts.push(bytes);
    return true;
  }

  get empty(): boolean {
    return this.size === 0;
  }

  take(): string {
    const text = Buffer.concat(this.parts).toString('utf8');
    this.parts = [];
    this.size = 0;
    return text;
  }
}

const withoutBom = (text: string) => (text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text);

/** The objects of an input, in order; after a `too-large` item nothing more is read. */
export async function* readItems(chunks: AsyncIterable<Buffer | string>, ndjson: boolean): AsyncGenerator<Item> {
  const current = new Gathered();
  let line = 1;
  const at = () => (ndjson ? { line } : {});
  const item = (text: string): Item => ({ kind: 'text', text: line === 1 ? withoutBom(text) : text, ...at() });
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = ndjson ? bytes.indexOf(NEWLINE) : -1; end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      if (!current.add(bytes.subarray(start, end))) return yield { kind: 'too-large', ...at() };
      yield item(current.take());
      line++;
      start = end + 1;
    }
    if (!current.add(bytes.subarray(start))) return yield { kind: 'too-large', ...at() };
  }
  // The whole input is one object even when empty (an error then); a batch's last line may lack its newline.
  if (!ndjson || !current.empty) yield item(current.take());
}
