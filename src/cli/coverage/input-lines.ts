/**
 * The lines of one input, from text to tally: blank lines counted, the format detected from the
 * first non-blank lines (or given), each record handed on with its count or the line reported as
 * bad. Pure: the I/O hands it lines from a {@link LineSplitter}, and a {@link RecordSink} predicts.
 */
import type { CoverageTally, InputSummary } from './aggregate.js';
import { DETECTION_SAMPLE, detectFormat, type FormatChoice } from './formats.js';
import { InputError } from './inputs.js';
import { createReader, HEADER, PENDING, type RecordReader } from './records.js';

/** Lines held back while the format is unknown, whatever they are: detection never holds more. */
export const MAX_HELD = DETECTION_SAMPLE * 10;

/**
 * Blank lines in a row that stop an input: no log has them, while a small `.gz` of newlines expands
 * to billions (1 MB of newlines, read in well under a second).
 */
export const MAX_BLANK_RUN = 1_000_000;

/**
 * Where records go to be predicted and tallied, in the order given (now, or a batch later).
 * `distinct`: a line of counted input, whose user agent does not come again — no use caching it.
 */
export interface RecordSink {
  record(userAgent: string, count: number, distinct: boolean): void;
}

/** What the lines tell the tally themselves: blank and bad lines, and the requests admitted. */
export type LineTally = Pick<CoverageTally, 'addBlank' | 'addBad' | 'admit'>;

/** The message of the stop at {@link MAX_BLANK_RUN} blank lines in a row. */
export function blankRunMessage(name: string, lineNumber: number): string {
  return `stopped reading "${name}" at line ${lineNumber.toLocaleString('en-US')}: over ${MAX_BLANK_RUN.toLocaleString('en-US')} blank lines in a row (a log has none; is it a file of newlines?)`;
}

/** The stop at {@link MAX_BLANK_RUN} blank lines in a row, with the line it happened at. */
export class BlankRunError extends InputError {
  constructor(
    name: string,
    readonly lineNumber: number,
  ) {
    super(blankRunMessage(name, lineNumber));
  }
}

/** Lines read from the middle of an input: the reader already knows the header, the blank run goes on. */
export interface Resumed {
  reader: RecordReader;
  blankRun: number;
}

export class InputLines {
  private readonly held: Array<[string | null, number]> = [];
  private nonBlankHeld = 0;
  private reader: RecordReader | undefined;
  /** Blank lines in a row up to the last line read. */
  blankRun = 0;
  /** The blank run before the first line that ended one (all of it while none has). */
  leadingBlankRun = 0;
  /** Whether a line ended a blank run (a non-blank line read). */
  runEnded = false;
  /** What detection looked at (the first non-blank lines), once the format is decided. */
  sample: string[] | undefined;
  /**
   * The lines the reader read until it was {@link RecordReader.settled}: the header, to read again
   * elsewhere. Kept up to one more than {@link MAX_HELD}: a header that long is not taken up again.
   */
  readonly headerLines: string[] = [];

  constructor(
    readonly summary: InputSummary,
    private readonly tally: LineTally,
    private readonly sink: RecordSink,
    private readonly choice: FormatChoice | undefined,
    resumed?: Resumed,
  ) {
    if (resumed !== undefined) {
      this.reader = resumed.reader;
      this.blankRun = resumed.blankRun;
    }
  }

  /** The format is known and the header read: the rest of the input reads the same anywhere. */
  get settled(): boolean {
    return this.reader !== undefined && this.reader.settled;
  }

  /** The reader, once the format is decided. */
  get recordReader(): RecordReader | undefined {
    return this.reader;
  }

  /** Takes one line from the splitter: `null` is a line over the length limit. */
  readonly line = (line: string | null, lineNumber: number): void => {
    this.summary.lines = lineNumber;
    if (this.reader !== undefined) {
      this.read(this.reader, line, lineNumber);
      return;
    }
    this.held.push([line, lineNumber]);
    if (line !== null && !isBlank(line)) this.nonBlankHeld++;
    if (this.nonBlankHeld >= DETECTION_SAMPLE || this.held.length >= MAX_HELD) this.decide();
  };

  /** The input has ended: lines still held are read with what they tell. */
  end(): void {
    if (this.reader === undefined && this.held.length > 0) this.decide();
    const open = this.reader?.end();
    if (open !== undefined) this.tally.addBad(this.summary.name, open.line, open.bad);
  }

  private decide(): void {
    const sample = this.held.flatMap(([line]) => (line !== null && !isBlank(line) ? [line] : []));
    this.sample = sample;
    const countsOnly = this.choice === 'counts';
    const format = this.choice === undefined || countsOnly ? detectFormat(sample, countsOnly) : this.choice;
    const reader = createReader(format, countsOnly, sample);
    this.reader = reader;
    this.summary.format = format;
    this.blankRun = 0;
    for (const [line, lineNumber] of this.held) this.read(reader, line, lineNumber);
    this.held.length = 0;
    this.summary.counted = reader.counted;
  }

  private read(reader: RecordReader, line: string | null, lineNumber: number): void {
    if (line === null) {
      this.tally.addBad(this.summary.name, reader.recordLine ?? lineNumber, 'too-long');
      return;
    }
    if (isBlank(line) && reader.recordLine === undefined) {
      this.tally.addBlank();
      this.countBlankRun(line, lineNumber);
      return;
    }
    this.blankRun = 0;
    this.runEnded = true;
    if (!reader.settled && this.headerLines.length <= MAX_HELD) this.headerLines.push(line);
    const result = reader.read(line, lineNumber);
    if (result === HEADER || result === PENDING) return;
    if (typeof result === 'string') {
      if (this.tally.admit(1)) this.sink.record(result, 1, false);
      else this.tally.addBad(this.summary.name, lineNumber, 'total-too-large');
    } else if ('bad' in result) {
      this.tally.addBad(this.summary.name, reader.recordLine ?? lineNumber, result.bad);
    } else if (result.count > 0) {
      if (this.tally.admit(result.count)) this.sink.record(result.userAgent, result.count, true);
      else this.tally.addBad(this.summary.name, lineNumber, 'total-too-large');
    }
  }

  private countBlankRun(line: string | null, lineNumber: number): void {
    if (line === null || !isBlank(line)) return;
    ++this.blankRun;
    if (!this.runEnded) this.leadingBlankRun = this.blankRun;
    if (this.blankRun > MAX_BLANK_RUN) throw new BlankRunError(this.summary.name, lineNumber);
  }
}

function isBlank(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 0x20 && line.trim() === '');
}
