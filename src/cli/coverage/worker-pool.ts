/**
 * Predicting on worker threads with the same output, byte for byte, as on one thread. Records are
 * batched; for each batch the distinct user agents the cache does not hold are predicted by the
 * workers while the main thread reads the next batch; the batch is then tallied in order by the same
 * cached classifier, which takes a worker's verdict where it would have predicted. The cache sees the
 * same calls in the same order, so its counts, the Space-Saving list and every figure are the same.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProfileId } from '../../core/table/types.js';
import type { CoverageTally, InputSummary } from './aggregate.js';
import { CachedClassifier, type Verdict } from './classifier.js';
import {
  type Carry,
  type ChunkJob,
  type ChunkResult,
  type Recipe,
  addChunk,
  carryAfter,
  holdsAfter,
  planRanges,
  processChunk,
} from './chunks.js';
import { InputError, describeFailure } from './inputs.js';
import { type RecordSink, blankRunMessage } from './input-lines.js';

/** Records per batch: big enough to amortise a message, small next to the cache (no eviction inside one). */
const BATCH = 8192;
/** Characters per batch, at most (plus one chunk's worth): long lines make small batches, so memory stays bounded by bytes. */
const BATCH_CHARS = 2 * 1024 * 1024;

/** Records read on one thread before the workers start, when the input's size is not known ahead. */
export const PARALLEL_AFTER = 100_000;

/** How many workers `--threads auto` uses: one per core, none on one core. */
export function autoThreads(): number {
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

/** What the workers did in this process: for tests and benchmarks that must know they ran. */
export const workerStats = { batches: 0, userAgents: 0, ranges: 0 };

/**
 * The bytes of a range of a file read by one worker: about eight per worker (so a slow one holds up
 * little), at least {@link rangeBytes.min} (a message per range stays cheap), at most 4 MB (the
 * results waiting to be taken in order stay small). Tests lower `min` to cut small files.
 */
export const rangeBytes = { min: 64 * 1024, max: 4 * 1024 * 1024 };

type Reply = { id: number; verdicts?: Verdict[]; result?: ChunkResult };

interface Task {
  job: ChunkJob;
  resolve: (result: ChunkResult) => void;
  reject: (error: Error) => void;
}

class Pool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void; worker: Worker }>();
  /** Ranges waiting for a worker; a worker reads one range at a time. */
  private readonly queue: Task[] = [];
  private readonly reading = new Set<Worker>();
  private next = 0;

  constructor(size: number, profile: ProfileId) {
    const script = new URL('./predict-worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: { profile } });
      worker.on('message', (reply: Reply) => {
        this.waiting.get(reply.id)?.resolve(reply);
        this.waiting.delete(reply.id);
      });
      worker.on('error', (error) => this.lose(worker, error));
      worker.on('exit', () => this.lose(worker, new Error('a worker thread stopped')));
      return worker;
    });
  }

  /** A worker that failed is dropped; what it had in hand fails, to be done on the main thread. */
  private lose(worker: Worker, error: Error): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    this.reading.delete(worker);
    for (const [id, waiting] of this.waiting) {
      if (waiting.worker !== worker) continue;
      waiting.reject(error);
      this.waiting.delete(id);
    }
    if (this.workers.length === 0) for (const task of this.queue.splice(0)) task.reject(error);
    else this.pump();
  }

  private send(worker: Worker, message: object): Promise<Reply> {
    const id = this.next++;
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker });
      worker.postMessage({ id, ...message });
    });
  }

  /** The verdicts of `userAgents`, spread over the workers. */
  async predict(userAgents: string[]): Promise<Map<string, Verdict>> {
    const workers = [...this.workers];
    if (workers.length === 0) throw new Error('no worker thread left');
    const share = Math.ceil(userAgents.length / workers.length);
    const parts = workers.map((worker, i) => {
      const slice = userAgents.slice(i * share, (i + 1) * share);
      if (slice.length === 0) return Promise.resolve([] as Verdict[]);
      return this.send(worker, { userAgents: slice }).then((reply) => reply.verdicts!);
    });
    const verdicts = (await Promise.all(parts)).flat();
    workerStats.batches++;
    workerStats.userAgents += userAgents.length;
    return new Map(userAgents.map((ua, i) => [ua, verdicts[i]!]));
  }

  /** Reads a range on the next free worker; `urgent` ranges go before the ones queued. */
  readRange(job: ChunkJob, urgent = false): Promise<ChunkResult> {
    if (this.workers.length === 0) return Promise.reject(new Error('no worker thread left'));
    return new Promise<ChunkResult>((resolve, reject) => {
      const task = { job, resolve, reject };
      if (urgent) this.queue.unshift(task);
      else this.queue.push(task);
      this.pump();
    });
  }

  private pump(): void {
    for (const worker of this.workers) {
      if (this.queue.length === 0) return;
      if (this.reading.has(worker)) continue;
      const task = this.queue.shift()!;
      this.reading.add(worker);
      this.send(worker, { job: task.job }).then(
        (reply) => {
          this.reading.delete(worker);
          task.resolve(reply.result!);
          this.pump();
        },
        (error: Error) => task.reject(error),
      );
    }
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * A {@link RecordSink} that tallies at once until {@link start}, then in batches predicted on
 * workers. {@link drain} between chunks keeps at most one batch in flight; {@link finish} at the end.
 */
export class ParallelSink implements RecordSink {
  private pool: Pool | undefined;
  private userAgents: string[] = [];
  private counts: number[] = [];
  private distinct: boolean[] = [];
  private chars = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private requested = new Set<string>();

  constructor(
    private readonly tally: CoverageTally,
    private readonly classifier: CachedClassifier,
    private readonly threads: number,
  ) {}

  get parallel(): boolean {
    return this.pool !== undefined;
  }

  /** From now on, predict on worker threads (when there are any to use). */
  start(): void {
    if (this.pool === undefined && this.threads > 0) this.pool = new Pool(this.threads, this.classifier.profile);
  }

  record(userAgent: string, count: number, distinct: boolean): void {
    if (this.pool === undefined) {
      this.tally.add(distinct ? this.classifier.classifyOnce(userAgent) : this.classifier.classify(userAgent), userAgent, count);
      return;
    }
    this.userAgents.push(userAgent);
    this.counts.push(count);
    this.distinct.push(distinct);
    this.chars += userAgent.length;
  }

  /** Sends a full batch on its way; waits for the one before, so memory stays at two batches. */
  async drain(): Promise<void> {
    if (this.userAgents.length >= BATCH || this.chars >= BATCH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const pool = this.pool!;
    const userAgents = this.userAgents;
    const counts = this.counts;
    const distinct = this.distinct;
    this.userAgents = [];
    this.counts = [];
    this.distinct = [];
    this.chars = 0;
    const requested = new Set<string>();
    userAgents.forEach((ua, i) => {
      if ((distinct[i] || this.classifier.needsPrediction(ua)) && !this.requested.has(ua)) requested.add(ua);
    });
    // A worker that fails costs speed, not the run: its user agents are predicted here, the same way.
    const predictions = pool.predict([...requested]).catch(() => new Map<string, Verdict>());
    const previous = this.inFlight;
    const current = (async () => {
      await previous;
      this.classifier.prepared = await predictions;
      try {
        for (let i = 0; i < userAgents.length; i++) {
          const ua = userAgents[i]!;
          this.tally.add(distinct[i] ? this.classifier.classifyOnce(ua) : this.classifier.classify(ua), ua, counts[i]!);
        }
      } finally {
        this.classifier.prepared = undefined;
      }
    })();
    this.inFlight = current;
    await previous;
    this.requested = requested;
  }

  /** Tallies every record taken so far (the workers stay). */
  async settle(): Promise<void> {
    if (this.pool !== undefined && this.userAgents.length > 0) await this.flush();
    await this.inFlight;
  }

  /** Whether {@link readRanges} can be used: there are worker threads. */
  get canReadRanges(): boolean {
    return this.threads > 0;
  }

  private fallback: CachedClassifier | undefined;

  /**
   * Reads a file in ranges on the workers (see ./chunks.ts) into the tally, as reading it whole
   * would: `summary` gets its format and lines; a range that cannot be read throws an
   * {@link InputError} after the lines before it are tallied. `stop` is asked between ranges.
   */
  async readRanges(
    fd: number,
    size: number,
    recipe: Recipe,
    summary: InputSummary,
    hooks: { stop: () => boolean; progress: (bytes: number, lines: number) => void },
  ): Promise<void> {
    await this.settle();
    this.start();
    const pool = this.pool!;
    summary.format = recipe.format;
    summary.counted = recipe.counted;
    const per = Math.ceil(size / (this.threads * 8));
    const ranges = planRanges(size, recipe.headEnd, Math.min(rangeBytes.max, Math.max(rangeBytes.min, per)));
    const name = summary.name;
    const jobOf = (index: number, carry: Carry): ChunkJob => {
      const [start, end] = ranges[index]!;
      return { fd, name, index, start, end, recipe, carry };
    };
    // A range a worker could not read (it failed) is read here, with a classifier of its own.
    const read = (job: ChunkJob, urgent = false) =>
      pool.readRange(job, urgent).catch(() => processChunk(job, (this.fallback ??= new CachedClassifier(this.classifier.profile))));
    const window = this.threads * 2;
    const pending: Array<Promise<ChunkResult> | undefined> = [];
    let launched = 0;
    let carry: Carry = { blankRun: 0, openRecord: undefined, admitted: this.tally.admitted };
    let lineOffset = 0;
    let bytes = 0;
    for (let k = 0; k < ranges.length; k++) {
      for (; launched < ranges.length && launched < k + window; launched++)
        pending[launched] = read(jobOf(launched, { blankRun: 0, openRecord: undefined, admitted: 0 }));
      let result = await pending[k]!;
      pending[k] = undefined;
      let afresh = true;
      if (!holdsAfter(result, carry)) {
        const open = carry.openRecord;
        const local = { ...carry, openRecord: open && { text: open.text, line: open.line - lineOffset } };
        result = await read(jobOf(k, local), true);
        afresh = false;
      }
      if (hooks.stop()) break;
      addChunk(this.tally, this.classifier, result, name, lineOffset);
      workerStats.ranges++;
      workerStats.userAgents += result.predicted;
      const next = carryAfter(result, carry, afresh);
      if (next.openRecord !== undefined) next.openRecord = { text: next.openRecord.text, line: lineOffset + next.openRecord.line };
      carry = next;
      this.tally.admitted = carry.admitted;
      const before = lineOffset;
      lineOffset += result.lines;
      summary.lines = lineOffset;
      bytes += result.bytes;
      hooks.progress(bytes, lineOffset);
      const error = result.error;
      if (error !== undefined) {
        throw new InputError('blankRunAt' in error ? blankRunMessage(name, before + error.blankRunAt) : describeFailure(name, error));
      }
      if (result.eof) break;
    }
  }

  /** Tallies what is left; the workers stop. */
  async finish(): Promise<void> {
    try {
      if (this.pool !== undefined && this.userAgents.length > 0) await this.flush();
      await this.inFlight;
    } finally {
      await this.pool?.close();
      this.pool = undefined;
    }
  }
}
