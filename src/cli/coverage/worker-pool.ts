/**
 * Predicting on worker threads with the same output, byte for byte, as on one thread. A file is read
 * in ranges by the main thread and `threads` − 1 workers, each claiming the next range as it is free
 * ({@link ParallelSink.readRanges}); the main thread takes the results in file order. Standard input
 * and gzip are batched instead: for each batch the distinct user agents the cache does not hold are
 * predicted by `threads` workers while the main thread reads the next batch; the batch is then
 * tallied in order by the same cached classifier, which takes a worker's verdict where it would have
 * predicted. The cache sees the same calls in the same order, so its counts, the Space-Saving list
 * and every figure are the same.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProfileId } from '../../core/table/types.js';
import type { CoverageTally, InputSummary } from './aggregate.js';
import { CachedClassifier, type Verdict } from './classifier.js';
import {
  type Carry,
  type ChunkResult,
  type RangePlan,
  type Recipe,
  addChunk,
  carryAfter,
  freshCarry,
  holdsAfter,
  jobOf,
  planRanges,
  processChunk,
} from './chunks.js';
import { RangeClaims, type RangeReading } from './range-claims.js';
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

/**
 * What the threads did in this process, for tests and benchmarks that must know they ran: batches
 * predicted on workers, user agents predicted in parallel (by the workers, or by the main thread
 * reading ranges beside them), ranges taken (and of those, read afresh by a worker or by the main
 * thread; the rest were read again from the state the range before left), workers lost.
 */
export const workerStats = { batches: 0, userAgents: 0, ranges: 0, rangesOnWorkers: 0, rangesOnMain: 0, lost: 0 };

/**
 * The bytes of a range of a file: about {@link RANGES_PER_THREAD} per thread (so the last one to end
 * holds up little), at least {@link rangeBytes.min} (a message per range stays cheap), at most 4 MB
 * (the results waiting to be taken in order stay small). Tests lower `min` to cut small files.
 */
export const rangeBytes = { min: 64 * 1024, max: 4 * 1024 * 1024 };
const RANGES_PER_THREAD = 16;

/**
 * How the threads are set up. Tests turn `mainThreadReads` off to see the workers read every range,
 * and point `script` at a worker that fails, to see the main thread do its work.
 */
export const threadSetup = { mainThreadReads: true, script: new URL('./predict-worker.js', import.meta.url) };

type Reply = { id: number; verdicts?: Verdict[]; index?: number; result?: ChunkResult; done?: true };

interface Listener {
  worker: Worker;
  reply: (reply: Reply) => void;
  fail: (error: Error) => void;
}

class Pool {
  private readonly workers: Worker[] = [];
  private readonly listeners = new Map<number, Listener>();
  private spawned = 0;
  private next = 0;

  constructor(private readonly profile: ProfileId) {}

  get size(): number {
    return this.workers.length;
  }

  /** Starts workers until `size` have been started (one that failed is not replaced). */
  grow(size: number): void {
    for (; this.spawned < size; this.spawned++) {
      const worker = new Worker(threadSetup.script, { workerData: { profile: this.profile } });
      worker.on('message', (reply: Reply) => this.listeners.get(reply.id)?.reply(reply));
      worker.on('error', (error) => this.lose(worker, error));
      worker.on('exit', () => this.lose(worker, new Error('a worker thread stopped')));
      this.workers.push(worker);
    }
  }

  /** A worker that failed is dropped; what it had in hand fails, to be done on the main thread. */
  private lose(worker: Worker, error: Error): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    for (const [id, listener] of this.listeners) {
      if (listener.worker !== worker) continue;
      this.listeners.delete(id);
      listener.fail(error);
    }
    workerStats.lost++;
  }

  private listen(worker: Worker, message: object, reply: Listener['reply'], fail: Listener['fail']): number {
    const id = this.next++;
    this.listeners.set(id, { worker, reply, fail });
    worker.postMessage({ id, ...message });
    return id;
  }

  /** The verdicts of `userAgents`, spread over the workers. */
  async predict(userAgents: string[]): Promise<Map<string, Verdict>> {
    const workers = [...this.workers];
    if (workers.length === 0) throw new Error('no worker thread left');
    const share = Math.ceil(userAgents.length / workers.length);
    const parts = workers.map((worker, i) => {
      const slice = userAgents.slice(i * share, (i + 1) * share);
      if (slice.length === 0) return Promise.resolve([] as Verdict[]);
      return new Promise<Verdict[]>((resolve, reject) => {
        const id = this.listen(
          worker,
          { userAgents: slice },
          (reply) => {
            this.listeners.delete(id);
            resolve(reply.verdicts!);
          },
          reject,
        );
      });
    });
    const verdicts = (await Promise.all(parts)).flat();
    workerStats.batches++;
    workerStats.userAgents += userAgents.length;
    return new Map(userAgents.map((ua, i) => [ua, verdicts[i]!]));
  }

  /**
   * The first `count` workers read ranges of `reading` as they claim them, each in its slot (0, 1,
   * …), handing each result to `onResult`; `onLost` hears of a worker that failed (the range its
   * slot holds will not come). Call the function returned when the reading is over: what comes
   * after is dropped.
   */
  readAlong(
    reading: Omit<RangeReading, 'slot'>,
    count: number,
    onResult: (index: number, result: ChunkResult) => void,
    onLost: (slot: number) => void,
  ): () => void {
    const ids = this.workers.slice(0, count).map((worker, slot) => {
      const id = this.listen(
        worker,
        { reading: { ...reading, slot } },
        (reply) => {
          if (reply.done) this.listeners.delete(id);
          else onResult(reply.index!, reply.result!);
        },
        () => onLost(slot),
      );
      return id;
    });
    return () => ids.forEach((id) => this.listeners.delete(id));
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

  /**
   * From now on, predict on worker threads (when there are any to use): `threads` − 1 of them start
   * now, the number that reads ranges beside the main thread; batches start the last one.
   */
  start(): void {
    if (this.threads === 0) return;
    this.pool ??= new Pool(this.classifier.profile);
    this.pool.grow(this.threads - 1);
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
    pool.grow(this.threads); // the main thread reads, splits and tallies: every core's worth predicts
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

  /** The main thread's own cache for the ranges it reads (a worker's is its own too): it counts nothing. */
  private here: CachedClassifier | undefined;

  /**
   * Reads a file in ranges (see ./chunks.ts) into the tally, as reading it whole would: the main
   * thread and the workers claim ranges as they go (./range-claims.ts), and the main thread takes
   * the results in file order. `summary` gets its format and lines; a range that cannot be read
   * throws an {@link InputError} after the lines before it are tallied. `stop` is asked between ranges.
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
    const name = summary.name;
    summary.format = recipe.format;
    summary.counted = recipe.counted;
    const per = Math.ceil(size / (this.threads * RANGES_PER_THREAD));
    const plan: RangePlan = {
      fd,
      name,
      recipe,
      ranges: planRanges(size, recipe.headEnd, Math.min(rangeBytes.max, Math.max(rangeBytes.min, per))),
    };
    const workers = Math.min(pool.size, this.threads - 1);
    const claims = RangeClaims.create(plan.ranges.length, this.threads * 2, workers);
    const here = (this.here ??= new CachedClassifier(this.classifier.profile));
    /** Results read afresh, not taken yet, and whether a worker read them. */
    const arrived = new Map<number, { result: ChunkResult; onWorker: boolean }>();
    const lostSlots = new Set<number>();
    let taken = 0;
    let wake: (() => void) | undefined;
    const woken = () => {
      wake?.();
      wake = undefined;
    };
    /** Whether a worker still running holds range `k` (claimed it, and will send it). */
    const heldByLive = (k: number) => {
      for (let slot = 0; slot < workers; slot++) if (!lostSlots.has(slot) && claims.heldBy(slot) === k) return true;
      return false;
    };
    /**
     * Range `k` read afresh: a worker's result, or the main thread's, which reads ranges while it
     * waits; `undefined` once `stop` says so.
     */
    const afreshResult = async (k: number): Promise<{ result: ChunkResult; onWorker: boolean } | undefined> => {
      for (;;) {
        if (hooks.stop()) return undefined;
        const ready = arrived.get(k);
        if (ready !== undefined) {
          arrived.delete(k);
          return ready;
        }
        const index = threadSetup.mainThreadReads ? claims.claimIfRoom() : undefined;
        if (index !== undefined) {
          arrived.set(index, { result: processChunk(jobOf(plan, index), here), onWorker: false });
          await new Promise(setImmediate); // for the workers' results that came meanwhile
        } else if (workers === 0 || (lostSlots.size > 0 && !heldByLive(k))) {
          // A worker that failed costs speed, not the run: the range it held is read here.
          return { result: processChunk(jobOf(plan, k), here), onWorker: false };
        } else await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    let carry: Carry = { ...freshCarry(), admitted: this.tally.admitted };
    let lineOffset = 0;
    let bytes = 0;
    let stopListening = () => {};
    try {
      stopListening = pool.readAlong(
        { plan, claims: claims.buffer, window: claims.window },
        workers,
        (index, result) => {
          // (a range read here after a worker failed may come again: the first is kept, the same)
          if (index >= taken && !arrived.has(index)) arrived.set(index, { result, onWorker: true });
          woken();
        },
        (slot) => {
          lostSlots.add(slot);
          woken();
        },
      );
      for (let k = 0; k < plan.ranges.length; k++) {
        const first = await afreshResult(k);
        if (first === undefined) break; // (stopped: afreshResult asks `stop` before it answers)
        let result = first.result;
        let afresh = true;
        if (!holdsAfter(result, carry)) {
          const open = carry.openRecord;
          result = processChunk(jobOf(plan, k, { ...carry, openRecord: open && { text: open.text, line: open.line - lineOffset } }), here);
          afresh = false;
        }
        taken = k + 1;
        claims.took(taken);
        addChunk(this.tally, this.classifier, result, name, lineOffset);
        workerStats.ranges++;
        if (afresh) workerStats[first.onWorker ? 'rangesOnWorkers' : 'rangesOnMain']++;
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
    } finally {
      claims.cancel();
      stopListening();
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
