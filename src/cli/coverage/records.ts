/**
 * Reading one input's lines as records once its format is known: a user agent and how many requests
 * it stands for. Line-per-request formats weigh 1; counted input (tsv, csv with a count column,
 * JSON lines with a count field) weighs its count, checked to be a whole number a report can add
 * exactly. The csv and tsv readers keep the header they read; a csv record may span lines.
 */
import { MAX_LINE_BYTES } from './lines.js';
import {
  type BadLineReason,
  type Extracted,
  type HeaderColumns,
  type InputFormat,
  columnsOf,
  countFields,
  extractUserAgent,
  hasCounts,
  jsonObject,
  nonEmpty,
  splitCsv,
  tabOrder,
  WHOLE_COUNT,
  userAgentFields,
} from './formats.js';

/** A user agent with the requests it stands for. */
export interface CountedRecord {
  userAgent: string;
  count: number;
}

/**
 * What a line gave: a user agent (weight 1), a counted record, a bad line, `HEADER` (the line named
 * the columns) or `PENDING` (the line is part of a csv record that goes on).
 */
export type RecordResult = Extracted | CountedRecord | typeof HEADER | typeof PENDING;
export const HEADER = Symbol('header');
export const PENDING = Symbol('pending');

export interface RecordReader {
  readonly counted: boolean;
  /** A non-blank line (a blank one inside a csv record comes too). */
  read(line: string, lineNumber: number): RecordResult;
  /** The input has ended: a record still open is bad, at the line it started. */
  end(): { line: number; bad: BadLineReason } | undefined;
  /** The line a pending csv record started on, for a bad line reported late. */
  readonly recordLine: number | undefined;
  /**
   * True once what the reader learnt from the input's first lines (a header) is fixed: from then on
   * it reads any line as it would read it after the same header, wherever the line is in the input
   * (a csv record left open aside: see {@link openRecord}).
   */
  readonly settled: boolean;
  /** A csv record still open at the last line read: its text so far and its first line. */
  openRecord?(): OpenRecord | undefined;
  /** Takes up a csv record left open by the lines before (read elsewhere). */
  resumeRecord?(record: OpenRecord): void;
}

/** A csv record that goes on past the line read last. */
export interface OpenRecord {
  text: string;
  line: number;
}

/**
 * A count as engines export it: a JSON number, or digits (BigQuery and ClickHouse quote 64-bit
 * integers in JSON; CSV and TSV are text). Over 2^53 − 1 a count is not exact in JavaScript.
 */
export function parseCount(value: unknown): number | { bad: BadLineReason } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { bad: 'invalid-count' };
    if (value < 0) return { bad: 'negative-count' };
    if (!Number.isInteger(value)) return { bad: 'fractional-count' };
    return Number.isSafeInteger(value) ? value : { bad: 'count-too-large' };
  }
  if (typeof value !== 'string') return { bad: value === undefined || value === null ? 'no-count' : 'invalid-count' };
  const fast = digitsValue(value);
  if (fast >= 0) return fast;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : { bad: 'count-too-large' };
  }
  if (text === '') return { bad: 'no-count' };
  if (/^-\s*\d+(\.\d*)?$/.test(text)) return { bad: 'negative-count' };
  if (/^\d*\.\d+$|^\d+\.\d*$/.test(text))
    return WHOLE_COUNT.test(text) ? parseCount(text.replace(/\.0*$/, '')) : { bad: 'fractional-count' };
  return { bad: 'invalid-count' };
}

/** The value of a string of 1–15 ASCII digits (always exact), or -1: the common case, without a regex. */
function digitsValue(text: string): number {
  const length = text.length;
  if (length === 0 || length > 15) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function counted(userAgent: Extracted, count: number | { bad: BadLineReason }): Extracted | CountedRecord {
  if (typeof userAgent !== 'string') return userAgent;
  if (typeof count !== 'number') return count;
  return { userAgent, count };
}

/** The reader for an input of this format; `sample` is what detection saw (its first non-blank lines). */
export function createReader(format: InputFormat, countsRequired: boolean, sample: readonly string[]): RecordReader {
  switch (format) {
    case 'csv':
      return new CsvReader(countsRequired);
    case 'tsv':
      return new TsvReader(sample);
    case 'jsonl':
      return countsRequired || hasCounts(sample) ? countedJsonReader : plain('jsonl');
    case 'ua':
    case 'combined':
      return plain(format);
  }
}

function plain(format: 'ua' | 'combined' | 'jsonl'): RecordReader {
  return {
    counted: false,
    recordLine: undefined,
    settled: true,
    read: (line) => extractUserAgent(line, format),
    end: () => undefined,
  };
}

const countedJsonReader: RecordReader = {
  counted: true,
  recordLine: undefined,
  settled: true,
  read(line) {
    const record = jsonObject(line);
    if (record === undefined) return { bad: 'invalid-json' };
    const field = userAgentFields.find((f) => typeof record[f] === 'string');
    if (field === undefined) return { bad: 'no-user-agent-field' };
    const countField = countFields.find((f) => f in record);
    return counted(nonEmpty((record[field] as string).trim()), parseCount(countField === undefined ? undefined : record[countField]));
  },
  end: () => undefined,
};

/** `ua<TAB>count` or `count<TAB>ua` (the sample's majority says which), with an optional header. */
class TsvReader implements RecordReader {
  readonly counted = true;
  readonly recordLine = undefined;
  private countFirst: boolean;
  private first = true;
  private broken = false;

  get settled(): boolean {
    return !this.first;
  }

  constructor(sample: readonly string[]) {
    let countFirst = 0;
    for (const line of sample) if (tabOrder(line) === 'count-ua') countFirst++;
    this.countFirst = countFirst > sample.length / 2;
  }

  read(line: string): RecordResult {
    if (this.broken) return { bad: 'after-bad-header' };
    const first = this.first;
    this.first = false;
    if (first && tabOrder(line) === undefined) {
      const fields = line.split('\t');
      const columns = columnsOf(fields);
      if (columns !== undefined && fields.length === 2) {
        this.broken = columns.count < 0 || columns.ambiguous;
        if (this.broken) return { bad: columns.count < 0 ? 'header-no-count-column' : 'header-ambiguous' };
        this.countFirst = columns.count === 0;
        return HEADER;
      }
    }
    // Two fields, found without splitting: this runs once per line of counted input.
    const tab = line.indexOf('\t');
    if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) return { bad: 'wrong-field-count' };
    const a = line.slice(0, tab);
    const b = line.slice(tab + 1);
    return this.countFirst ? counted(nonEmpty(b.trim()), parseCount(a)) : counted(nonEmpty(a.trim()), parseCount(b));
  }

  end(): undefined {
    return undefined;
  }
}

/** CSV with a header naming its columns (RFC 4180). Counted when the header has a count column. */
class CsvReader implements RecordReader {
  private columns: HeaderColumns | undefined;
  private broken = false;
  private pending: string | undefined;
  private pendingLine = 0;

  constructor(private readonly countsRequired: boolean) {}

  get counted(): boolean {
    return this.countsRequired || (this.columns !== undefined && this.columns.count >= 0);
  }

  get recordLine(): number | undefined {
    return this.pending === undefined ? undefined : this.pendingLine;
  }

  get settled(): boolean {
    return this.columns !== undefined || this.broken;
  }

  openRecord(): OpenRecord | undefined {
    return this.pending === undefined ? undefined : { text: this.pending, line: this.pendingLine };
  }

  resumeRecord(record: OpenRecord): void {
    this.pending = record.text;
    this.pendingLine = record.line;
  }

  read(line: string, lineNumber: number): RecordResult {
    if (this.broken) return { bad: 'after-bad-header' };
    let text = line;
    if (this.pending !== undefined) {
      text = `${this.pending}\n${line}`;
      if (text.length > MAX_LINE_BYTES) {
        this.pending = undefined;
        return { bad: 'too-long' };
      }
    }
    const fields = splitCsv(text);
    if (fields === 'open') {
      if (this.pending === undefined) this.pendingLine = lineNumber;
      this.pending = text;
      return PENDING;
    }
    this.pending = undefined;
    if (fields === 'malformed') return this.columns === undefined ? this.badHeader('malformed-csv') : { bad: 'malformed-csv' };
    if (this.columns === undefined) return this.header(fields);
    const columns = this.columns;
    if (fields.length !== columns.fields) return { bad: 'wrong-field-count' };
    const userAgent = nonEmpty(fields[columns.userAgent]!.trim());
    return columns.count < 0 ? userAgent : counted(userAgent, parseCount(fields[columns.count]));
  }

  private header(fields: string[]): RecordResult {
    const columns = columnsOf(fields);
    if (columns === undefined) return this.badHeader('header-no-user-agent-column');
    if (columns.ambiguous) return this.badHeader('header-ambiguous');
    if (this.countsRequired && columns.count < 0) return this.badHeader('header-no-count-column');
    this.columns = columns;
    return HEADER;
  }

  private badHeader(reason: BadLineReason): RecordResult {
    this.broken = true;
    return { bad: reason };
  }

  end(): { line: number; bad: BadLineReason } | undefined {
    if (this.pending === undefined) return undefined;
    this.pending = undefined;
    return { line: this.pendingLine, bad: 'malformed-csv' };
  }
}
