import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { predictFromUserAgent } from '../core/predict.js';
import { MAX_LINE_BYTES, LineSplitter } from './coverage/lines.js';
import { checkedStdin, describeFailure } from './coverage/inputs.js';
import type { CliIO } from './io.js';
import { checkedProfile, commonOptions } from './options.js';
import type { ProfileId } from '../core/table/types.js';
import { UsageError, usage, withUsage } from './usage.js';

/**
 * `faceid-preflight classify`: one JSON line per user agent — for standard input, exactly one output
 * line for every input line, whatever it holds (blank, invalid UTF-8, too long), so the output pairs
 * with the input row by row (`paste`, `cut -f3 log | classify`).
 */
export async function classify(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = withUsage(
    () =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          ...commonOptions,
          'no-environment': { type: 'boolean', default: false },
        },
      }),
    usage.classify,
  );
  if (values.help) {
    io.stdout.write(usage.classify);
    return 0;
  }
  const profile = checkedProfile(values.profile, usage.classify);
  if (positionals.length === 0 && io.stdin.isTTY) {
    throw new UsageError('give user agents as arguments, or pipe them in one per line', usage.classify);
  }
  const lineOf = lineWriter(profile, !values['no-environment']);

  if (positionals.length > 0) {
    for (const userAgent of positionals) await write(io.stdout, lineOf(userAgent));
    return 0;
  }
  let out = '';
  const splitter = new LineSplitter((line, lineNumber) => (out += line === null ? tooLongLine(lineNumber) : lineOf(line)));
  try {
    for await (const chunk of checkedStdin(io.stdin)) {
      splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      // One write per chunk read, respecting back-pressure: a slow consumer must not make us buffer the input.
      if (out !== '') await write(io.stdout, out);
      out = '';
    }
    splitter.end();
    if (out !== '') await write(io.stdout, out);
  } catch (error) {
    if (out !== '') await write(io.stdout, out);
    io.stderr.write(`faceid-preflight classify: ${describeFailure('-', error)} (the lines before it were classified)\n`);
    return 1;
  }
  return 0;
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * JSON.stringify leaves U+2028, U+2029 and U+0085 raw: valid JSON, but line breaks to JavaScript
 * (before ES2019), Python's splitlines and many editors. Escaped, one JSON line stays one line.
 */
const LINE_BREAKS = /[\u2028\u2029\u0085]/g;
const jsonLine = (value: unknown) =>
  `${JSON.stringify(value).replace(LINE_BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;

function lineWriter(profile: ProfileId, withEnvironment: boolean): (userAgent: string) => string {
  return (userAgent) => {
    const { mode, likelihood, rule, reasons, environment } = predictFromUserAgent(userAgent, { profile });
    return jsonLine(
      withEnvironment ? { userAgent, mode, likelihood, rule, reasons, environment } : { userAgent, mode, likelihood, rule, reasons },
    );
  };
}

/** A line over {@link MAX_LINE_BYTES}: not read, so no user agent, and said so in its place. */
function tooLongLine(lineNumber: number): string {
  return jsonLine({
    userAgent: null,
    mode: 'undetermined',
    likelihood: null,
    rule: null,
    reasons: [`Line ${lineNumber} is longer than ${MAX_LINE_BYTES / 1024} KB: not read as a user agent.`],
    tooLong: true,
  });
}
