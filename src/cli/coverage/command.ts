import { parseArgs } from 'node:util';
import { checkedProfile, commonOptions } from '../options.js';
import type { ProfileId } from '../../core/table/types.js';
import type { CliIO } from '../main.js';
import { withUsage } from '../main.js';
import { UsageError } from '../usage.js';
import { CoverageTally, type InputSummary, summarize } from './aggregate.js';
import { CachedClassifier } from './classifier.js';
import { isInputFormat, type InputFormat } from './formats.js';
import { coverageUsage } from './help.js';
import { InputLines } from './input-lines.js';
import { InputError, contentOf, describeFailure, openInputs, type OpenInput } from './inputs.js';
import { LineSplitter } from './lines.js';
import { startProgress, type Progress } from './progress.js';
import { type OutputFormat, renderReport } from './report.js';

const MAX_TOP = 1000;

interface CoverageOptions {
  profile: ProfileId;
  format: InputFormat | undefined;
  output: OutputFormat;
  top: number;
  files: string[];
}

/** `faceid-preflight coverage`: how the user agents of logs split between FaceID's modes. */
export async function coverage(args: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(args, io);
  if (options === 'help') {
    io.stdout.write(coverageUsage);
    return 0;
  }
  let inputs: OpenInput[];
  try {
    inputs = await openInputs(options.files, io.stdin);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`faceid-preflight coverage: ${error.message}\n`);
    return 1;
  }

  const tally = new CoverageTally(options.top);
  const classifier = new CachedClassifier(options.profile);
  const summaries: InputSummary[] = [];
  const totalBytes = inputs.every((i) => i.bytes !== undefined) ? inputs.reduce((sum, i) => sum + i.bytes!, 0) : undefined;
  const progress = startProgress(io.stderr, totalBytes);
  const run = new Run(progress);

  let failure: string | undefined;
  try {
    for (const input of inputs) {
      if (run.interrupted) break;
      const summary: InputSummary = { name: input.name, format: options.format ?? null, gzip: false, lines: 0 };
      summaries.push(summary);
      try {
        await run.read(input, new InputLines(summary, tally, classifier));
      } catch (error) {
        if (!run.interrupted) failure = describeFailure(input.name, error);
        break;
      }
    }
  } finally {
    run.finish();
    for (const input of inputs) input.close();
  }

  const complete = !run.interrupted && failure === undefined;
  const cache = { hits: classifier.hits, misses: classifier.misses };
  io.stdout.write(renderReport(summarize(tally, { profile: options.profile, complete, inputs: summaries, cache }), options.output));
  if (failure !== undefined) {
    io.stderr.write(`faceid-preflight coverage: ${failure} (the report covers the lines read before)\n`);
    return 1;
  }
  return run.interrupted ? 130 : 0;
}

/** One pass over the inputs: progress, and Ctrl-C stopping the read where it is. */
class Run {
  interrupted = false;
  #bytes = 0;
  #lines = 0;
  #current: NodeJS.ReadableStream | undefined;

  constructor(private readonly progress: Progress) {
    process.on('SIGINT', this.#onSigint);
  }

  readonly #onSigint = () => {
    if (this.interrupted) process.exit(130); // a second Ctrl-C: no report, just stop
    this.interrupted = true;
    (this.#current as { destroy?: () => void } | undefined)?.destroy?.();
  };

  async read(input: OpenInput, lines: InputLines): Promise<void> {
    this.#current = input.stream;
    const splitter = new LineSplitter(lines.line);
    const before = this.#lines;
    const onRead = (n: number) => (this.#bytes += n);
    try {
      for await (const chunk of contentOf(input.stream, onRead, () => (lines.summary.gzip = true))) {
        splitter.push(chunk);
        this.#lines = before + splitter.lines;
        this.progress.update(this.#bytes, this.#lines);
        if (this.interrupted) break;
      }
      if (!this.interrupted) splitter.end(); // a cut-off last line is not a line
    } finally {
      lines.end();
    }
  }

  finish(): void {
    process.off('SIGINT', this.#onSigint);
    this.progress.stop();
  }
}

function parseOptions(args: readonly string[], io: CliIO): CoverageOptions | 'help' {
  const { values, positionals } = withUsage(
    () =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          ...commonOptions,
          format: { type: 'string', short: 'f' },
          top: { type: 'string', short: 'n', default: '10' },
          json: { type: 'boolean', default: false },
          csv: { type: 'boolean', default: false },
        },
      }),
    coverageUsage,
  );
  if (values.help) return 'help';
  const fail = (message: string): never => {
    throw new UsageError(message, coverageUsage);
  };
  const { format, top } = values;
  const profile = checkedProfile(values.profile, coverageUsage);
  if (format !== undefined && !isInputFormat(format)) fail(`--format must be ua, combined or jsonl, not "${format}"`);
  if (!/^\d+$/.test(top) || Number(top) > MAX_TOP) fail(`--top must be a whole number from 0 to ${MAX_TOP}, not "${top}"`);
  if (values.json && values.csv) fail('choose one of --json and --csv');
  if (positionals.filter((p) => p === '-').length > 1) fail('standard input ("-") can be read only once');
  if (positionals.length === 0 && io.stdin.isTTY) fail('give log files (or "-"), or pipe a log in');
  return {
    profile,
    format: format as InputFormat | undefined,
    output: values.json ? 'json' : values.csv ? 'csv' : 'table',
    top: Number(top),
    files: positionals.length > 0 ? positionals : ['-'],
  };
}
