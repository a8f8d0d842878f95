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
import type { CoverageTally } from './aggregate.js';
import type { CachedClassifier, Verdict } from './classifier.js';
import type { RecordSink } from './input-lines.js';

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
export const workerStats = { batches: 0, userAgents: 0 };

class Pool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (verdicts: Verdict[]) => void; reject: (error: Error) => void }>();
  private next = 0;
  private failed: Error | undefined;

  constructor(size: number, profile: ProfileId) {
    const script = new URL('./predict-worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: { profile } });
      worker.on('message', ({ id, verdicts }: { id: number; verdicts: Verdict[] }) => {
        this.waiting.get(id)?.resolve(verdicts);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => {
        this.failed = error;
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  /** The verdicts of `userAgents`, spread over the workers. */
  async predict(userAgents: string[]): Promise<Map<string, Verdict>> {
    if (this.failed) throw this.failed;
    const share = Math.ceil(userAgents.length / this.workers.length);
    const parts = this.workers.map((worker, i) => {
      const slice = userAgents.slice(i * share, (i + 1) * share);
      if (slice.length === 0) return Promise.resolve([] as Verdict[]);
      const id = this.next++;
      return new Promise<Verdict[]>((resolve, reject) => {
        this.waiting.set(id, { resolve, reject });
        worker.postMessage({ id, userAgents: slice });
      });
    });
    const verdicts = (await Promise.all(parts)).flat();
    workerStats.batches++;
    workerStats.userAgents += userAgents.length;
    return new Map(userAgents.map((ua, i) => [ua, verdicts[i]!]));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
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
      if ((distinct[i] || !this.classifier.has(ua)) && !this.requested.has(ua)) requested.add(ua);
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
