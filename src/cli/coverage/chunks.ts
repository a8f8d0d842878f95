/**
 * Reading one file in byte ranges on worker threads, with the report of reading it whole on one
 * thread, byte for byte. The file is cut into ranges; a range owns the lines that start in it (a line
 * crossing its end is read to its `\n` by that range, and skipped by the next). Each worker reads,
 * splits, parses, predicts and sums its range on its own; what depends on the order of the whole
 * input is left to the main thread, which takes the ranges' results in order: the LRU cache's hits
 * and misses (the user agents that went through it, in order, see {@link CachedClassifier.account}),
 * the Space-Saving counter of undetermined user agents (their keys, in order), the first bad lines
 * (line numbers are the range's own, offset by the lines before), and the state a range hands on to
 * the next — a blank run, a csv record left open, the requests admitted so far. A range is read
 * assuming it starts afresh; when the range before says otherwise (rarely: a quoted csv field with a
 * line break across the cut, a million blank lines in a row, a total near 2^53), it is read again
 * from that state before its result is taken.
 */
import { readSync } from 'node:fs';
import { type BadLine, CoverageTally, FIRST_BAD_LINES, type InputSummary, type ModeCounts, modes } from './aggregate.js';
import type { CachedClassifier } from './classifier.js';
import type { BadLineReason, FormatChoice, InputFormat } from './formats.js';
import { BlankRunError, InputLines, MAX_BLANK_RUN, MAX_HELD } from './input-lines.js';
import { LineSplitter } from './lines.js';
import { type OpenRecord, createReader } from './records.js';

/** Bytes read at a time. */
const PIECE = 1024 * 1024;
/** The head of a file read on the main thread to learn its format and header: detection never needs more. */
const HEAD_BYTES = 2 * 1024 * 1024;

/** What every range needs to read its lines as the whole file is read: the format, and the header. */
export interface Recipe {
  format: InputFormat;
  countsOnly: boolean;
  /** The lines detection saw. */
  sample: string[];
  /** The lines that told the reader the header, read again by every range but the first. */
  headerLines: string[];
  counted: boolean;
  /** Where the header ends: the first range reaches at least this far. */
  headEnd: number;
}

/** The state the lines before hand on to a range. */
export interface Carry {
  blankRun: number;
  openRecord: OpenRecord | undefined;
  admitted: number;
}

export const freshCarry = (): Carry => ({ blankRun: 0, openRecord: undefined, admitted: 0 });

/** A file cut into ranges, as every thread that reads some of them needs it. */
export interface RangePlan {
  /** The file's descriptor: worker threads share the process's, and read it at their own offsets. */
  fd: number;
  name: string;
  recipe: Recipe;
  /** See {@link planRanges}. */
  ranges: Array<[number, number]>;
}

export interface ChunkJob {
  fd: number;
  name: string;
  index: number;
  start: number;
  /** The range's end; `Infinity` for the last range (it reads to the end of the file, however long). */
  end: number;
  recipe: Recipe;
  carry: Carry;
}

export interface ChunkResult {
  /** Lines owned, numbered from 1 within the range. */
  lines: number;
  /** Bytes read, for progress. */
  bytes: number;
  blank: number;
  classified: number;
  modes: ModeCounts;
  rules: Array<[string, ModeCounts]>;
  os: Array<[string, ModeCounts]>;
  browsers: Array<[string, ModeCounts]>;
  badCount: number;
  badByReason: Array<[BadLineReason, number]>;
  /** The first bad lines, numbered within the range. */
  firstBad: Array<[number, BadLineReason]>;
  /** Requests admitted by the end of the range, the carry's included. */
  admitted: number;
  /** The user agents that went through the cache (line-per-request input), in order. */
  cached: string[];
  /** Records of counted input: each a miss of the cache, never in it. */
  once: number;
  /** The undetermined user agents, in order: their Space-Saving keys, rules and counts. */
  undetermined: { keys: string[]; rules: string[]; counts: number[] };
  blankRun: number;
  leadingBlankRun: number;
  runEnded: boolean;
  openRecord: OpenRecord | undefined;
  /** The range read to the end of the file: no range after it owns a line. */
  eof: boolean;
  /** Reading stopped: at a line (of the range) for a blank run, or on a read error. */
  error: { blankRunAt: number } | { code: string | undefined; message: string } | undefined;
  /** Predictions made for this range (for the statistics of the workers). */
  predicted: number;
}

/** A tally that keeps the undetermined user agents in order, for the main thread to count. */
class RangeTally extends CoverageTally {
  readonly keys: string[] = [];
  readonly ruleOf: string[] = [];
  readonly counts: number[] = [];

  constructor(admitted: number) {
    super(0);
    this.admitted = admitted;
  }

  override countUndetermined(key: string, rule: string, count: number): void {
    this.keys.push(key);
    this.ruleOf.push(rule);
    this.counts.push(count);
  }
}

/** Reads one range and sums it; `classifier` predicts (its cache is the reader's own, for speed only). */
export function processChunk(job: ChunkJob, classifier: CachedClassifier): ChunkResult {
  const { recipe, carry } = job;
  const reader = createReader(recipe.format, recipe.countsOnly, recipe.sample);
  if (job.index > 0) for (const line of recipe.headerLines) reader.read(line, 0);
  if (carry.openRecord !== undefined) reader.resumeRecord?.(carry.openRecord);
  const tally = new RangeTally(carry.admitted);
  const cached: string[] = [];
  let once = 0;
  const missesBefore = classifier.misses;
  const summary: InputSummary = { name: job.name, format: recipe.format, counted: recipe.counted, gzip: false, lines: 0 };
  const sink = {
    record(userAgent: string, count: number, distinct: boolean): void {
      if (distinct) {
        tally.add(classifier.classifyOnce(userAgent), userAgent, count);
        once++;
      } else {
        tally.add(classifier.classify(userAgent), userAgent, count);
        cached.push(userAgent);
      }
    },
  };
  const lines = new InputLines(summary, tally, sink, undefined, { reader, blankRun: carry.blankRun });
  const splitter = new LineSplitter(lines.line, undefined, job.index === 0);
  let eof = false;
  let bytes = 0;
  let error: ChunkResult['error'];
  try {
    const read = readRange(job.fd, job.start, job.end, (piece) => {
      bytes += piece.length;
      splitter.push(piece);
    });
    eof = read.eof;
    bytes += read.skipped;
    if (eof) {
      splitter.end();
      lines.end();
    }
  } catch (caught) {
    if (caught instanceof BlankRunError) error = { blankRunAt: caught.lineNumber };
    else {
      const e = caught as NodeJS.ErrnoException;
      error = { code: e?.code, message: e?.message ?? String(caught) };
      lines.end(); // as a read that fails ends the input: an open csv record is a bad line
    }
  }
  const entries = (map: Map<string, ModeCounts>) => [...map];
  return {
    lines: summary.lines,
    bytes,
    blank: tally.blank,
    classified: tally.classified,
    modes: tally.modes,
    rules: entries(tally.rules),
    os: entries(tally.os),
    browsers: entries(tally.browsers),
    badCount: tally.badCount,
    badByReason: [...tally.badByReason],
    firstBad: tally.firstBad.map((b) => [b.line, b.reason]),
    admitted: tally.admitted,
    cached,
    once,
    undetermined: { keys: tally.keys, rules: tally.ruleOf, counts: tally.counts },
    blankRun: lines.blankRun,
    leadingBlankRun: lines.leadingBlankRun,
    runEnded: lines.runEnded,
    openRecord: lines.recordReader?.openRecord?.(),
    eof,
    error,
    predicted: classifier.misses - missesBefore,
  };
}

/**
 * Hands `onPiece` the bytes of the lines that start in [start, end): from the first line start at
 * or after `start` (0, or just past a `\n`) through the `\n` that ends the line holding byte
 * end − 1, or to the end of the file. `eof`: the end of the file was reached; `skipped`: bytes
 * passed over before the first line start.
 */
export function readRange(fd: number, start: number, end: number, onPiece: (piece: Buffer) => void): { eof: boolean; skipped: number } {
  const buffer = Buffer.allocUnsafe(PIECE);
  let position = start;
  if (start > 0) {
    // The line that holds byte start − 1 belongs to the range before, unless it ends there.
    for (position = start - 1; ;) {
      const n = readSync(fd, buffer, 0, PIECE, position);
      if (n === 0) return { eof: false, skipped: position - start }; // no line starts here: the range before read to the end
      const newline = buffer.subarray(0, n).indexOf(0x0a);
      if (newline >= 0) {
        position += newline + 1;
        break;
      }
      position += n;
    }
  }
  const skipped = position - start;
  if (position >= end) return { eof: false, skipped };
  for (;;) {
    const n = readSync(fd, buffer, 0, PIECE, position);
    if (n === 0) return { eof: true, skipped };
    const piece = buffer.subarray(0, n);
    if (position + n >= end) {
      const newline = piece.indexOf(0x0a, Math.max(0, end - 1 - position));
      if (newline >= 0) {
        onPiece(piece.subarray(0, newline + 1));
        return { eof: false, skipped };
      }
    }
    onPiece(piece);
    position += n;
  }
}

/**
 * Reads the head of a file as its first lines would be read, to learn what every range needs: the
 * format and the header. `undefined` when the file is gzip (read whole, as a stream), or when its
 * header is not settled within the head (reading it whole is then as good).
 */
export function probe(fd: number, name: string, choice: FormatChoice | undefined): Recipe | 'gzip' | undefined {
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  let length = 0;
  for (let n = -1; n !== 0 && length < HEAD_BYTES; length += n) n = readSync(fd, buffer, length, HEAD_BYTES - length, length);
  const head = buffer.subarray(0, length);
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  const summary: InputSummary = { name, format: null, counted: false, gzip: false, lines: 0 };
  const lines = new InputLines(summary, new CoverageTally(0), { record() {} }, choice);
  let headEnd = -1;
  const splitter = new LineSplitter((line, lineNumber) => {
    if (headEnd >= 0) return;
    lines.line(line, lineNumber);
    if (lines.settled) headEnd = splitter.lineEnd;
  });
  try {
    splitter.push(head);
    if (headEnd < 0 && length < HEAD_BYTES) {
      // All of the file is in the head: what reading it to its end decides is what every range reads by.
      splitter.end();
      lines.end();
      headEnd = length;
    }
  } catch {
    return undefined; // a blank run over the limit in the head: read whole, where it is reported
  }
  const reader = lines.recordReader;
  if (headEnd < 0 || reader === undefined || lines.sample === undefined || lines.headerLines.length > MAX_HELD) return undefined;
  return {
    format: summary.format!,
    countsOnly: choice === 'counts',
    sample: lines.sample,
    headerLines: lines.headerLines,
    counted: summary.counted,
    headEnd,
  };
}

/** The ranges of a file of `size` bytes: the first reaches past the header; the last reads to the end. */
export function planRanges(size: number, headEnd: number, rangeBytes: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let end = Math.max(rangeBytes, headEnd);
  while (end < size) {
    ranges.push([start, end]);
    start = end;
    end += rangeBytes;
  }
  ranges.push([start, Infinity]);
  return ranges;
}

/** The job of reading range `index` of `plan`, from `carry` (by default, as if it started the file afresh). */
export function jobOf(plan: RangePlan, index: number, carry: Carry = freshCarry()): ChunkJob {
  const [start, end] = plan.ranges[index]!;
  return { fd: plan.fd, name: plan.name, index, start, end, recipe: plan.recipe, carry };
}

/**
 * Whether a range read afresh has the result it would have after `carry`: no csv record left open
 * before it, no blank run that its own first blank lines take past the limit, no total past 2^53.
 */
export function holdsAfter(result: ChunkResult, carry: Carry): boolean {
  if (carry.openRecord !== undefined) return false;
  if (carry.blankRun > 0 && carry.blankRun + result.leadingBlankRun > MAX_BLANK_RUN) return false;
  return carry.admitted + result.admitted <= Number.MAX_SAFE_INTEGER;
}

/** The state after a range read afresh (and holding, see {@link holdsAfter}) or read from `carry`. */
export function carryAfter(result: ChunkResult, carry: Carry, afresh: boolean): Carry {
  if (!afresh) return { blankRun: result.blankRun, openRecord: result.openRecord, admitted: result.admitted };
  return {
    blankRun: result.runEnded ? result.blankRun : carry.blankRun + result.blankRun,
    openRecord: result.openRecord,
    admitted: carry.admitted + result.admitted,
  };
}

/**
 * Adds a range's result to the run's tally, the cache's counts and the inputs' summary, in the order
 * of the file: `lineOffset` is the lines of the ranges before it.
 */
export function addChunk(tally: CoverageTally, classifier: CachedClassifier, result: ChunkResult, name: string, lineOffset: number): void {
  tally.classified += result.classified;
  tally.blank += result.blank;
  for (const m of modes) tally.modes[m] += result.modes[m];
  const add = (map: Map<string, ModeCounts>, rows: Array<[string, ModeCounts]>) => {
    for (const [key, counts] of rows) {
      let sum = map.get(key);
      if (sum === undefined) map.set(key, (sum = { reflection: 0, video: 0, undetermined: 0 }));
      for (const m of modes) sum[m] += counts[m];
    }
  };
  add(tally.rules, result.rules);
  add(tally.os, result.os);
  add(tally.browsers, result.browsers);
  tally.badCount += result.badCount;
  for (const [reason, n] of result.badByReason) tally.badByReason.set(reason, (tally.badByReason.get(reason) ?? 0) + n);
  const bads = result.firstBad.map(([line, reason]): BadLine => ({ input: name, line: lineOffset + line, reason }));
  tally.firstBad.push(...bads.slice(0, Math.max(0, FIRST_BAD_LINES - tally.firstBad.length)));
  tally.firstBadOfInput ??= bads[0];
  for (const userAgent of result.cached) classifier.account(userAgent);
  classifier.misses += result.once;
  const { keys, rules, counts } = result.undetermined;
  for (let i = 0; i < keys.length; i++) tally.undetermined.add(keys[i]!, rules[i]!, counts[i]!);
}
