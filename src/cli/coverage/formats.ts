/**
 * Input formats of `coverage`: how to find the user agent in one line of a log. Pure functions; the
 * line reader has already split the input, dropped a trailing `\r` and set aside over-long lines.
 */

export const inputFormats = ['ua', 'combined', 'jsonl'] as const;
export type InputFormat = (typeof inputFormats)[number];

export function isInputFormat(value: unknown): value is InputFormat {
  return (inputFormats as readonly unknown[]).includes(value);
}

/** Why a line gave no user agent. Stable codes: they appear in `--json` and `--csv`. */
export type BadLineReason = 'too-long' | 'empty-user-agent' | 'not-combined' | 'invalid-json' | 'no-user-agent-field';

export const badLineText: Record<BadLineReason, string> = {
  'too-long': 'line longer than 8 KB',
  'empty-user-agent': 'empty user agent',
  'not-combined': 'not a combined log line (no quoted user agent last)',
  'invalid-json': 'not a JSON object',
  'no-user-agent-field': 'no userAgent / ua / user_agent / http_user_agent string',
};

/** The user agent of a line, or why it has none (an object, so the common case allocates nothing). */
export type Extracted = string | { bad: BadLineReason };

/** The JSON fields that may hold the user agent, in the order they are tried. */
export const userAgentFields = ['userAgent', 'ua', 'user_agent', 'http_user_agent'] as const;

/** Finds the user agent in a non-blank line. */
export function extractUserAgent(line: string, format: InputFormat): Extracted {
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
function nonEmpty(userAgent: string): Extracted {
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

function jsonObject(line: string): Record<string, unknown> | undefined {
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
 * Guesses the format from the first non-blank lines: JSON lines when most are JSON objects, combined
 * when most look like a combined log line, otherwise one user agent per line.
 */
export function detectFormat(sample: readonly string[]): InputFormat {
  let json = 0;
  let combined = 0;
  for (const line of sample) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{') && jsonObject(trimmed) !== undefined) json++;
    else if (COMBINED_HEAD.test(trimmed) && trimmed.endsWith('"')) combined++;
  }
  const majority = sample.length / 2;
  if (sample.length > 0 && json > majority) return 'jsonl';
  if (sample.length > 0 && combined > majority) return 'combined';
  return 'ua';
}
