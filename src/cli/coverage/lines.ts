/**
 * Splits a byte stream into lines with memory bounded by the longest line kept: a line longer than
 * the limit is reported (as `null`) as soon as it passes the limit, and the rest of it skipped
 * without ever being held — so an endless line (`/dev/zero`) is reported at once and costs nothing.
 * Only `\n` ends a line (`\r\n` too, its `\r` dropped; a lone `\r` is part of the line); a UTF-8
 * byte-order mark at the start is dropped.
 */

/** The longest line read, in bytes, line ending excluded. Real log lines are far shorter. */
export const MAX_LINE_BYTES = 8 * 1024;

/**
 * UTF-8 decoding of a range, as `buffer.toString('utf8', start, end)` does (invalid bytes become
 * U+FFFD) without its argument checks: Node's own `utf8Slice`, once per line, where it exists.
 */
const utf8Slice = (Buffer.prototype as { utf8Slice?: (start: number, end: number) => string }).utf8Slice;
const decode: (chunk: Buffer, start: number, end: number) => string =
  typeof utf8Slice === 'function'
    ? (chunk, start, end) => utf8Slice.call(chunk, start, end)
    : (chunk, start, end) => chunk.toString('utf8', start, end);

/** Receives each line (`null` when it was too long) and its 1-based number. */
export type LineHandler = (line: string | null, lineNumber: number) => void;

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The current line passed the limit and was reported: skip to its end. */
  private skipping = false;
  private lineNumber = 0;
  /** Bytes pushed before the current chunk. */
  private pushed = 0;
  /**
   * Where the line being handed on ends, in bytes from the start of the input: just past its `\n`
   * (or at the end of the input for a last line without one).
   */
  lineEnd = 0;

  /** @param bom whether a byte-order mark may start the first line (not for a piece from the middle of a file) */
  constructor(
    private readonly onLine: LineHandler,
    private readonly maxBytes = MAX_LINE_BYTES,
    private readonly bom = true,
  ) {}

  /** Lines seen so far. */
  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      this.lineEnd = this.pushed + newline + 1;
      this.emit(chunk, start, newline);
      start = newline + 1;
    }
    if (start < chunk.length) this.hold(chunk.subarray(start));
    this.pushed += chunk.length;
  }

  /** Ends the input: a last line without a newline still counts. */
  end(): void {
    this.lineEnd = this.pushed;
    if (this.pendingBytes > 0) this.emit(Buffer.alloc(0), 0, 0);
    this.skipping = false;
  }

  private hold(piece: Buffer): void {
    if (this.skipping) return;
    // One byte of slack: a `\r` that the next chunk's `\n` turns into a line ending.
    if (this.pendingBytes + piece.length > this.maxBytes + 1) {
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = true;
      this.onLine(null, ++this.lineNumber);
      return;
    }
    this.pending.push(Buffer.from(piece)); // a copy, so the whole chunk is not kept alive
    this.pendingBytes += piece.length;
  }

  private emit(chunk: Buffer, start: number, end: number): void {
    if (this.skipping) {
      this.skipping = false; // the end of a line already reported
      return;
    }
    if (this.pending.length > 0) {
      chunk = Buffer.concat([...this.pending, chunk.subarray(start, end)]);
      start = 0;
      end = chunk.length;
    }
    if (end > start && chunk[end - 1] === 0x0d) end--;
    const tooLong = end - start > this.maxBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.lineNumber++;
    // Decoding straight from the chunk, without a Buffer per line, is the cheapest way to a string.
    let line = tooLong ? null : decode(chunk, start, end);
    if (this.lineNumber === 1 && this.bom && line?.charCodeAt(0) === 0xfeff) line = line.slice(1);
    this.onLine(line, this.lineNumber);
  }
}
