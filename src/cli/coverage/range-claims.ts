/**
 * Who reads which range of a file, decided in shared memory: the main thread and the workers each
 * claim the next range for themselves, so no thread waits for another to hand it work (the main
 * thread, reading a range of its own, could not answer a worker for as long as that takes). The
 * main thread takes the results in file order. A worker that claims a range more than
 * {@link RangeClaims.window} past the last one taken waits before reading it, and the main thread
 * claims none that far, so the results held in memory stay few.
 */
import type { RangePlan } from './chunks.js';

/** What a worker is sent to read ranges of a file beside the main thread. */
export interface RangeReading {
  plan: RangePlan;
  /** {@link RangeClaims.buffer} */
  claims: SharedArrayBuffer;
  window: number;
  /** The worker's own cell, where it keeps the range it holds. */
  slot: number;
}

const NEXT = 0;
const TAKEN = 1;
const CANCELLED = 2;
const SLOTS = 3;
/** A slot holding no range. */
const NONE = -1;

/** How long a waiting worker sleeps before it looks again (a lost wake-up costs no more than this). */
const WAIT_MS = 50;

export class RangeClaims {
  private readonly cells: Int32Array;

  /** `buffer` from {@link RangeClaims.create}, shared with every thread that reads the same file. */
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly count: number,
    readonly window: number,
  ) {
    this.cells = new Int32Array(buffer);
  }

  /** Claims for `count` ranges read by the main thread and up to `workers` workers. */
  static create(count: number, window: number, workers: number): RangeClaims {
    const claims = new RangeClaims(new SharedArrayBuffer((SLOTS + workers) * Int32Array.BYTES_PER_ELEMENT), count, window);
    claims.cells.fill(NONE, SLOTS);
    return claims;
  }

  get cancelled(): boolean {
    return Atomics.load(this.cells, CANCELLED) !== 0;
  }

  /**
   * For the worker of `slot`: the next range, once it is within the window of the ones taken
   * (blocking the worker until then); `undefined` when none is left or the reading was cancelled.
   */
  claim(slot: number): number | undefined {
    Atomics.store(this.cells, SLOTS + slot, NONE);
    if (this.cancelled) return undefined;
    const index = Atomics.add(this.cells, NEXT, 1);
    if (index >= this.count) return undefined;
    Atomics.store(this.cells, SLOTS + slot, index);
    for (;;) {
      const taken = Atomics.load(this.cells, TAKEN);
      if (this.cancelled) return undefined;
      if (index < taken + this.window) return index;
      Atomics.wait(this.cells, TAKEN, taken, WAIT_MS);
    }
  }

  /** The range the worker of `slot` holds (claimed, its result not sent yet), if any. */
  heldBy(slot: number): number | undefined {
    const index = Atomics.load(this.cells, SLOTS + slot);
    return index === NONE ? undefined : index;
  }

  /** For the main thread, which never blocks: the next range if one is left within the window. */
  claimIfRoom(): number | undefined {
    for (;;) {
      const next = Atomics.load(this.cells, NEXT);
      if (next >= this.count || next >= Atomics.load(this.cells, TAKEN) + this.window) return undefined;
      if (Atomics.compareExchange(this.cells, NEXT, next, next + 1) === next) return next;
    }
  }

  /** The main thread has taken the ranges before `taken`: workers waiting on the window go on. */
  took(taken: number): void {
    Atomics.store(this.cells, TAKEN, taken);
    Atomics.notify(this.cells, TAKEN);
  }

  /** No more ranges are wanted (the file ended, a range failed, Ctrl-C): workers stop claiming. */
  cancel(): void {
    Atomics.store(this.cells, CANCELLED, 1);
    Atomics.notify(this.cells, TAKEN);
  }
}
