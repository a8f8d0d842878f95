/**
 * Input formats of `coverage`: how to find the user agent (and, for counted input, its count) in one
 * line. Pure functions; the line reader has already split the input, dropped a trailing `\r` and set
 * aside over-long lines. The header-bearing formats (csv, tsv) are read by ./records.ts.
 */

/** What an input is read as (the report names it). */
export const inputFormats = ['ua', 'combined', 'jsonl', 'csv', 'tsv'] as const;
export type InputFormat = (typeof inputFormats)[number];

/** What `--format` takes: a format, or `counts` — counted input in whichever layout it is (tsv, csv, jsonl). */
export const formatChoices = [...inputFormats, 'counts'] as const;
export type FormatChoice = (typeof formatChoices)[number];

export function isFormatChoice(value: unknown): value is FormatChoice {
  return (formatChoices as readonly unknown[]).includes(value);
}

/** Why a line gave no user agent. Stable codes: they appear in `--json` and `--csv`. */
export const badLineReasons = [
  'too-long',
  'empty-user-agent',
  'not-combined',
  'invalid-json',
  'no-user-agent-field',
  'no-count',
  'invalid-count',
  'negative-count',
  'fractional-count',
  'count-too-large',
  'total-too-large',
  'wrong-field-count',
  'malformed-csv',
  'header-no-user-agent-column',
  'header-no-count-column',
  'header-ambiguous',
  'after-bad-header',
] as const;
export type BadLineReason = (typeof badLineReasons)[number];

/** The JSON fields that may hold the user agent, in the order they are tried. */
export const userAgentFields = ['userAgent', 'ua', 'user_agent', 'http_user_agent'] as const;
/** The names the big engines give a user-agent column, lower case. */
export const userAgentColumns = ['useragent', 'user_agent', 'ua', 'http_user_agent', 'user-agent', 'user agent'] as const;
// The messages name the lists the code reads, so they cannot drift apart.
const userAgentFieldList = userAgentFields.join(' / ');
const userAgentColumnList = userAgentColumns.join(', ');

export const badLineText: Record<BadLineReason, string> = {
  'too-long': 'line longer than 8 KB',
  'empty-user-agent': 'empty user agent',
  'not-combined': 'not a combined log line (no quoted user agent last)',
  'invalid-json': 'not a JSON object',
  'no-user-agent-field': `no ${userAgentFieldList} string`,
  'no-count': 'no count (counted input needs one on every line)',
  'invalid-count': 'the count is not a number',
  'negative-count': 'the count is negative',
  'fractional-count': 'the count is not a whole number',
  'count-too-large': 'the count is over 2^53 − 1 (not exact in a report)',
  'total-too-large': 'the total of the counts would pass 2^53 − 1',
  'wrong-field-count': 'not as many fields as the header (or as ua<TAB>count)',
  'malformed-csv': 'not RFC 4180 CSV (a quote inside an unquoted field, or text after a closing quote)',
  'header-no-user-agent-column': `the first line is not a header naming a user-agent column (${userAgentColumnList}, any case)`,
  'header-no-count-column': 'the header names no count column (count, requests, hits, f0_, count(), count(1), count_star(), …)',
  'header-ambiguous': 'the header names two user-agent or two count columns',
  'after-bad-header': 'not read: the header of this input could not be used',
};

/** The user agent of a line, or why it has none (an object, so the common case allocates nothing). */
export type Extracted = string | { bad: BadLineReason };

/** Finds the user agent in a non-blank line of a line-per-request format. */
export function extractUserAgent(line: string, format: 'ua' | 'combined' | 'jsonl'): Extracted {
  switch (format) {
    case 'ua':
      return nonEmpty(line.trim());
    case 'combined':
      return fromCombined(line);
    case 'jsonl':
      return fromJsonLine(line);
  }
}

/** `"-"` is how nginx and Apache log a missing header. */
export function nonEmpty(userAgent: string): Extracted {
  return userAgent === '' || userAgent === '-' ? { bad: 'empty-user-agent' } : userAgent;
}

/**
 * Combined log format: the user agent is the last quoted field. Inside it nginx writes `"` and `\`
 * and non-ASCII bytes as `\xHH`; Apache writes `\"` and `\\`.
 */
function fromCombined(line: string): Extracted {
  const end = trimmedEnd(line);
  if (end < 2 || line.charCodeAt(end - 1) !== 0x22 /* " */) return { bad: 'not-combined' };
  let open = line.lastIndexOf('"', end - 2);
  while (open > 0 && isEscaped(line, open)) open = line.lastIndexOf('"', open - 1);
  if (open < 0) return { bad: 'not-combined' };
  const field = line.slice(open + 1, end - 1);
  return nonEmpty(field.includes('\\') ? unescapeLogField(field).trim() : field.trim());
}

function trimmedEnd(line: string): number {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end;
}

/** A quote preceded by an odd number of backslashes is part of the field. */
function isEscaped(line: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && line.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

const ESCAPES = /((?:\\x[0-9A-Fa-f]{2})+)|\\(.)/g;

/** Runs of `\xHH` are bytes (UTF-8 text, as nginx escapes it); `\c` is `c`. */
export function unescapeLogField(field: string): string {
  return field.replace(ESCAPES, (_, hex: string | undefined, char: string | undefined) =>
    hex === undefined ? (char ?? '') : Buffer.from(hex.replaceAll('\\x', ''), 'hex').toString('utf8'),
  );
}

function fromJsonLine(line: string): Extracted {
  const record = jsonObject(line);
  if (record === undefined) return { bad: 'invalid-json' };
  for (const field of userAgentFields) {
    const userAgent = record[field];
    if (typeof userAgent === 'string') return nonEmpty(userAgent.trim());
  }
  return { bad: 'no-user-agent-field' };
}

export function jsonObject(line: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `host ident user [time] "request" …` — the head of a Common / Combined Log Format line. */
const COMBINED_HEAD = /^\S+ \S+ \S+ \[[^\]]+\] "/;

/** How many non-blank lines {@link detectFormat} looks at. */
export const DETECTION_SAMPLE = 10;

/**
 * Guesses the format from the first non-blank lines: csv or tsv when the first one is a header that
 * names a user-agent column, tsv when most are `ua<TAB>count` or `count<TAB>ua`, JSON lines when most
 * are JSON objects, combined when most look like a combined log line, csv when the first line is
 * shaped like a header with a count column or most look like counted CSV records (line 1 is then a
 * bad header, not a user agent), otherwise one user agent per line. With `countsOnly`, only the
 * layouts of counted input (tsv, csv, jsonl) are candidates.
 */
export function detectFormat(sample: readonly string[], countsOnly = false): InputFormat {
  const first = sample[0]?.trim() ?? '';
  if (!first.startsWith('{') && headerColumns(first) !== undefined) return first.includes('\t') ? 'tsv' : 'csv';
  let json = 0;
  let combined = 0;
  let tabbed = 0;
  for (const line of sample) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{') && jsonObject(trimmed) !== undefined) json++;
    else if (COMBINED_HEAD.test(trimmed) && trimmed.endsWith('"')) combined++;
    else if (tabOrder(line) !== undefined) tabbed++;
  }
  const majority = sample.length / 2;
  if (sample.length > 0 && tabbed > majority) return 'tsv';
  if (sample.length > 0 && json > majority) return 'jsonl';
  if (countsOnly) return first.includes('\t') || !first.includes(',') ? 'tsv' : 'csv';
  if (sample.length > 0 && combined > majority) return 'combined';
  // CSV whose header names no user-agent column we know (or that has no header) is still CSV: read
  // a user agent a line, its report would look plausible and be wrong. As CSV, line 1 is a bad header.
  if (namesCountColumn(first) || sample.filter(isCountedCsvRecord).length > majority) return 'csv';
  return 'ua';
}

/** A header's field: a short name (a user agent has `/` and `;`, and runs longer). */
const HEADER_FIELD = /^[\w .()*-]{1,40}$/;

/** A first line like `agent,count`: a header's shape, one of its fields a count column's name. */
function namesCountColumn(line: string): boolean {
  const fields = line.includes('\t') ? undefined : splitCsv(line);
  if (!Array.isArray(fields) || fields.length < 2 || !fields.every((f) => HEADER_FIELD.test(f.trim()))) return false;
  return fields.some((f) => (countColumns as readonly string[]).includes(f.trim().toLowerCase()));
}

/**
 * A CSV record of two fields or more with a quoted first field or a count at either end (`"…",5`,
 * `…,5`, `5,…`): a user agent's own commas (`KHTML, like Gecko`) give neither.
 */
function isCountedCsvRecord(line: string): boolean {
  const trimmed = line.trim();
  const fields = splitCsv(trimmed);
  if (!Array.isArray(fields) || fields.length < 2) return false;
  return trimmed.startsWith('"') || WHOLE_COUNT.test(fields[0]!) || WHOLE_COUNT.test(fields[fields.length - 1]!);
}

/** A count that is a whole number as parseCount (./records.ts) reads it (`12`, ` 12 `, `12.0`): detection and reading agree. */
export const WHOLE_COUNT = /^\s*\d+(?:\.0*)?\s*$/;

/** Which side of `a<TAB>b` is the count, when exactly one is a number. */
export function tabOrder(line: string): 'ua-count' | 'count-ua' | undefined {
  const tab = line.indexOf('\t');
  if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) return undefined;
  const left = WHOLE_COUNT.test(line.slice(0, tab));
  const right = WHOLE_COUNT.test(line.slice(tab + 1));
  return left === right ? undefined : right ? 'ua-count' : 'count-ua';
}

/** The names they give a count: ours, then the defaults of BigQuery, ClickHouse, Spark, DuckDB, Hive, Trino. */
export const countColumns = [
  'count',
  'requests',
  'hits',
  'cnt',
  'n',
  'f0_',
  'count()',
  'count(*)',
  'count(1)',
  'count_star()',
  '_c1',
  '_col1',
] as const;

/** A header's columns: where the user agent is and where the count is (-1: none). */
export interface HeaderColumns {
  userAgent: number;
  count: number;
  fields: number;
  /** Two user-agent or two count columns: which to read is a guess, so none is. */
  ambiguous: boolean;
}

/** The columns of a header row (fields already split), or undefined when none names a user agent. */
export function columnsOf(fields: readonly string[]): HeaderColumns | undefined {
  const names = fields.map((f) => f.trim().toLowerCase());
  const ua = names.flatMap((n, i) => ((userAgentColumns as readonly string[]).includes(n) ? [i] : []));
  const count = names.flatMap((n, i) => ((countColumns as readonly string[]).includes(n) ? [i] : []));
  if (ua.length === 0) return undefined;
  return { userAgent: ua[0]!, count: count[0] ?? -1, fields: fields.length, ambiguous: ua.length > 1 || count.length > 1 };
}

/** A first line read as a header (tab- or comma-separated). */
export function headerColumns(line: string): HeaderColumns | undefined {
  const fields = line.includes('\t') ? line.split('\t') : splitCsv(line);
  return Array.isArray(fields) ? columnsOf(fields) : undefined;
}

/**
 * One CSV record (RFC 4180): fields split on commas, `"…"` quoted with `""` for a quote. `open` when
 * a quoted field runs past the end of the line (it goes on on the next line), `malformed` for a quote
 * inside an unquoted field or text after a closing quote.
 */
export function splitCsv(line: string): string[] | 'open' | 'malformed' {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 0x22 /* " */) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return 'open';
        value += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === 0x22) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line.charCodeAt(i) !== 0x2c /* , */) return 'malformed';
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const value = comma < 0 ? line.slice(i) : line.slice(i, comma);
      if (value.includes('"')) return 'malformed';
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

/** The JSON fields that may hold the count, in the order they are tried: the column names, as exported. */
export const countFields = countColumns;

/** True when most JSON lines of the sample carry a count field: counted input. */
export function hasCounts(sample: readonly string[]): boolean {
  let counted = 0;
  for (const line of sample) {
    const record = jsonObject(line.trim());
    if (record !== undefined && countFields.some((f) => f in record)) counted++;
  }
  return sample.length > 0 && counted > sample.length / 2;
}
