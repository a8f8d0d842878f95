/**
 * The most frequent keys of a stream in bounded memory: the Space-Saving algorithm (Metwally,
 * Agrawal, El Abbadi, 2005). At most `capacity` keys are tracked; a new key replaces the least
 * counted one and inherits its count as a possible over-count. Every key seen more than
 * total / capacity times is kept, and its count is exact when `overcount` is 0. Weighted adds (a key
 * seen `weight` times at once, as counted input gives) keep the same guarantees.
 */
import { detached } from './strings.js';

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
  private readonly entries = new Map<string, Entry<T>>();
  /** A min-heap on count: the root is the entry to replace. */
  private readonly heap: Entry<T>[] = [];

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
  }

  private evicted = false;

  add(key: string, data: T, weight = 1): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.count += weight;
      this.siftDown(entry.at);
      return;
    }
    key = detached(key);
    if (this.heap.length < this.capacity) {
      const fresh: Entry<T> = { key, count: weight, overcount: 0, data, at: this.heap.length };
      this.heap.push(fresh);
      this.entries.set(key, fresh);
      this.siftUp(fresh.at);
      return;
    }
    // The least counted entry becomes the new key's, in place: no allocation on the hot path.
    const least = this.heap[0]!;
    this.entries.delete(least.key);
    this.evicted = true;
    least.key = key;
    least.overcount = least.count;
    least.count += weight;
    least.data = data;
    this.entries.set(key, least);
    this.siftDown(0);
  }

  /** The `n` most counted keys, most first (ties by key, for a stable report). */
  top(n: number): Array<Counted<T>> {
    return [...this.heap]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, n)
      .map(({ key, count, overcount, data }) => ({ key, count, overcount, data }));
  }

  /**
   * The most times a key that {@link top}(n) does not list can have been seen: the next entry's count
   * (every tracked key below the n-th counts no more), or the least count once keys were evicted
   * (an untracked key was seen at most that often); 0 when every key seen is listed.
   */
  unlistedAtMost(n: number): number {
    const sorted = this.top(n + 1);
    if (sorted.length > n) return sorted[n]!.count;
    return this.evicted ? (this.heap[0]?.count ?? 0) : 0;
  }

  get size(): number {
    return this.heap.length;
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.count <= heap[i]!.count) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && heap[left]!.count < heap[least]!.count) least = left;
      if (right < heap.length && heap[right]!.count < heap[least]!.count) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  private swap(i: number, j: number): void {
    const heap = this.heap;
    const a = heap[i]!;
    const b = heap[j]!;
    heap[i] = b;
    heap[j] = a;
    a.at = j;
    b.at = i;
  }
}

/** One shard's top list, with the bound its unlisted keys keep (see {@link TopCounter.unlistedAtMost}). */
export interface TopList<T> {
  entries: Array<Counted<T>>;
  unlistedAtMost: number;
}

/**
 * Merges the top lists of shards into the top `n` of their union (Agarwal et al., "Mergeable
 * summaries", 2012, for Space-Saving): a key's merged count adds its count where it is listed and
 * the shard's `unlistedAtMost` where it is not (that part joins its `overcount`). So, as in each
 * shard, a listed count is never below the truth and at most `overcount` above it; and a key the
 * merged list leaves out was seen at most the merged `unlistedAtMost` times — the sum of the shards'
 * bounds, or the highest merged count left out, whichever is more. `data` is the first shard's.
 */
export function mergeTopLists<T>(lists: ReadonlyArray<TopList<T>>, n: number): TopList<T> {
  const merged = new Map<string, Counted<T>>();
  const restAtMost = lists.reduce((sum, l) => sum + l.unlistedAtMost, 0);
  for (const list of lists) {
    for (const e of list.entries) {
      const m = merged.get(e.key);
      // Counted as unlisted in every shard first; each shard that lists it then swaps its bound for its count.
      if (m === undefined) merged.set(e.key, { key: e.key, count: restAtMost, overcount: restAtMost, data: e.data });
      const entry = merged.get(e.key)!;
      entry.count += e.count - list.unlistedAtMost;
      entry.overcount += e.overcount - list.unlistedAtMost;
    }
  }
  const sorted = [...merged.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const kept = sorted.slice(0, n).map(({ key, count, overcount, data }) => ({ key, count, overcount, data }));
  return { entries: kept, unlistedAtMost: Math.max(restAtMost, sorted[n]?.count ?? 0) };
}
