import { parseArgs } from 'node:util';
import type { ProfileId } from '../../core/table/types.js';
import type { CliIO } from '../io.js';
import { checkedProfile, commonOptions } from '../options.js';
import { UsageError, withUsage } from '../usage.js';
import { type BadLine, CoverageTally, type InputSummary, summarize } from './aggregate.js';
import { type Recipe, probe } from './chunks.js';
import { CachedClassifier } from './classifier.js';
import { badLineText, formatChoices, isFormatChoice, type FormatChoice } from './formats.js';
import { coverageUsage } from './help.js';
import { InputLines } from './input-lines.js';
import { InputError, contentOf, describeFailure, openInputs, type OpenInput } from './inputs.js';
import { LineSplitter } from './lines.js';
import { mergeCommand } from './merge.js';
import { startProgress, type Progress } from './progress.js';
import { type OutputFormat, counted, printable, renderReport } from './report.js';
import { PARALLEL_AFTER, ParallelSink, autoThreads } from './worker-pool.js';

export const MAX_TOP = 1000;
const MAX_THREADS = 64;

/** Files at least this large (in all) are read with worker threads from the start. */
const PARALLEL_BYTES = 32 * 1024 * 1024;

interface CoverageOptions {
  profile: ProfileId;
  format: FormatChoice | undefined;
  output: OutputFormat;
  top: number;
  threads: number;
  /** `--threads N` was given: use them from the first line (auto waits for a large input). */
  threadsGiven: boolean;
  files: string[];
}

/** `faceid-preflight coverage`: how the user agents of logs split between FaceID's modes. */
export async function coverage(args: readonly string[], io: CliIO): Promise<number> {
  if (args[0] === 'merge') return mergeCommand(args.slice(1), io);
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
  const sink = new ParallelSink(tally, classifier, options.threads);
  const summaries: InputSummary[] = [];
  const totalBytes = inputs.every((i) => i.bytes !== undefined) ? inputs.reduce((sum, i) => sum + i.bytes!, 0) : undefined;
  if (options.threadsGiven || (totalBytes ?? 0) >= PARALLEL_BYTES) sink.start();
  const progress = startProgress(io.stderr, totalBytes);
  const run = new Run(progress, sink);

  let failure: string | undefined;
  /** Inputs that gave bad lines and nothing classified (the wrong --format, a header we cannot read). */
  const unusable: Array<{ name: string; bad: number; first: BadLine | undefined }> = [];
  try {
    for (const input of inputs) {
      if (run.interrupted) break;
      const before = { classified: tally.classified, bad: tally.badCount };
      tally.firstBadOfInput = undefined;
      const format = options.format === 'counts' ? 'counts' : options.format;
      const summary: InputSummary = {
        name: input.name,
        format: format === 'counts' ? null : (format ?? null),
        counted: false,
        gzip: false,
        lines: 0,
      };
      summaries.push(summary);
      try {
        const recipe = rangesOf(input, format, sink, options.threadsGiven || (totalBytes ?? 0) >= PARALLEL_BYTES);
        if (recipe !== undefined) await run.readRanges(input, recipe, summary);
        else await run.read(input, new InputLines(summary, tally, sink, format));
        await sink.settle(); // (records still in a batch for the workers are this input's too)
        if (tally.classified === before.classified && tally.badCount > before.bad)
          unusable.push({ name: input.name, bad: tally.badCount - before.bad, first: tally.firstBadOfInput });
      } catch (error) {
        if (!run.interrupted) failure = error instanceof InputError ? error.message : describeFailure(input.name, error);
        break;
      }
    }
  } finally {
    await sink.finish();
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
  if (run.interrupted) return 130;
  // An input that gave nothing but bad lines is a failure a script must see, even beside good ones.
  for (const { name, bad, first } of unusable) {
    const where = first ? `, the first at line ${first.line} — ${badLineText[first.reason]}` : '';
    io.stderr.write(`faceid-preflight coverage: nothing was classified in ${printable(name)}: ${counted(bad, 'bad line')}${where}\n`);
  }
  return unusable.length > 0 ? 1 : 0;
}

/**
 * How to read a file in ranges on worker threads (./chunks.ts), or `undefined` to read it as a
 * stream: standard input, gzip, one thread, a small log of one request a line with auto threads
 * (a long one starts the workers as it goes), or a head that does not settle the format.
 */
function rangesOf(input: OpenInput, format: FormatChoice | undefined, sink: ParallelSink, large: boolean): Recipe | undefined {
  if (!sink.canReadRanges || input.fd === undefined || !input.bytes) return undefined;
  const recipe = probe(input.fd, input.name, format);
  if (recipe === undefined || recipe === 'gzip') return undefined;
  return large || recipe.counted ? recipe : undefined;
}

/** One pass over the inputs: progress, and Ctrl-C stopping the read where it is. */
class Run {
  interrupted = false;
  #bytes = 0;
  #lines = 0;
  #current: NodeJS.ReadableStream | undefined;

  constructor(
    private readonly progress: Progress,
    private readonly sink: ParallelSink,
  ) {
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
        // Counted input is all distinct user agents; a long line-per-request input has a long tail.
        if (!this.sink.parallel && (lines.summary.counted || this.#lines > PARALLEL_AFTER)) this.sink.start();
        await this.sink.drain();
        this.progress.update(this.#bytes, this.#lines);
        if (this.interrupted) break;
      }
      if (!this.interrupted) splitter.end(); // a cut-off last line is not a line
    } finally {
      lines.end();
    }
  }

  /** A file read in ranges on the workers. */
  async readRanges(input: OpenInput, recipe: Recipe, summary: InputSummary): Promise<void> {
    this.#current = undefined;
    const before = { bytes: this.#bytes, lines: this.#lines };
    await this.sink.readRanges(input.fd!, input.bytes!, recipe, summary, {
      stop: () => this.interrupted,
      progress: (bytes, lines) => {
        this.#bytes = before.bytes + bytes;
        this.#lines = before.lines + lines;
        this.progress.update(this.#bytes, this.#lines);
      },
    });
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
          threads: { type: 'string', default: 'auto' },
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
  const { format, top, threads } = values;
  const profile = checkedProfile(values.profile, coverageUsage);
  if (format !== undefined && !isFormatChoice(format)) fail(`--format must be ${formatChoices.join(', ')}, not "${format}"`);
  if (!/^\d+$/.test(top) || Number(top) > MAX_TOP) fail(`--top must be a whole number from 0 to ${MAX_TOP}, not "${top}"`);
  if (threads !== 'auto' && (!/^\d+$/.test(threads) || Number(threads) > MAX_THREADS))
    fail(`--threads must be auto or a number from 0 to ${MAX_THREADS}, not "${threads}"`);
  if (values.json && values.csv) fail('choose one of --json and --csv');
  if (positionals.filter((p) => p === '-').length > 1) fail('standard input ("-") can be read only once');
  if (positionals.length === 0 && io.stdin.isTTY) fail('give log files (or "-"), or pipe a log in');
  return {
    profile,
    format: format as FormatChoice | undefined,
    output: values.json ? 'json' : values.csv ? 'csv' : 'table',
    top: Number(top),
    // 1 is "one thread": the main one. N > 1 is N workers beside it.
    threads: threads === 'auto' ? autoThreads() : Number(threads) <= 1 ? 0 : Number(threads),
    threadsGiven: threads !== 'auto',
    files: positionals.length > 0 ? positionals : ['-'],
  };
}
