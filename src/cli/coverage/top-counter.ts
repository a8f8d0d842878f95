/**
 * The most frequent keys of a stream in bounded memory: the Space-Saving algorithm (Metwally,
 * Agrawal, El Abbadi, 2005). At most `capacity` keys are tracked; a new key replaces the least
 * counted one and inherits its count as a possible over-count. Every key seen more than
 * total / capacity times is kept, and its count is exact when `overcount` is 0.
 */

export interface Counted<T> {
  key: string;
  /** Times seen, possibly over-counted by at most `overcount`. */
  count: number;
  overcount: number;
  /** What was attached when the key (last) entered the counter. */
  data: T;
}

interface Entry<T> extends Counted<T> {
  /** Position in the heap. */
  at: number;
}

export class TopCounter<T> {
  readonly #entries = new Map<string, Entry<T>>();
  /** A min-heap on count: the root is the entry to replace. */
  readonly #heap: Entry<T>[] = [];

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
  }

  add(key: string, data: T): void {
    const entry = this.#entries.get(key);
    if (entry) {
      entry.count++;
      this.#siftDown(entry.at);
      return;
    }
    if (this.#heap.length < this.capacity) {
      const fresh: Entry<T> = { key, count: 1, overcount: 0, data, at: this.#heap.length };
      this.#heap.push(fresh);
      this.#entries.set(key, fresh);
      this.#siftUp(fresh.at);
      return;
    }
    const least = this.#heap[0]!;
    this.#entries.delete(least.key);
    const replacement: Entry<T> = { key, count: least.count + 1, overcount: least.count, data, at: 0 };
    this.#heap[0] = replacement;
    this.#entries.set(key, replacement);
    this.#siftDown(0);
  }

  /** The `n` most counted keys, most first (ties by key, for a stable report). */
  top(n: number): Array<Counted<T>> {
    return [...this.#heap]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, n)
      .map(({ key, count, overcount, data }) => ({ key, count, overcount, data }));
  }

  get size(): number {
    return this.#heap.length;
  }

  #siftUp(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.count <= heap[i]!.count) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #siftDown(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && heap[left]!.count < heap[least]!.count) least = left;
      if (right < heap.length && heap[right]!.count < heap[least]!.count) least = right;
      if (least === i) return;
      this.#swap(i, least);
      i = least;
    }
  }

  #swap(i: number, j: number): void {
    const heap = this.#heap;
    const a = heap[i]!;
    const b = heap[j]!;
    heap[i] = b;
    heap[j] = a;
    a.at = j;
    b.at = i;
  }
}
