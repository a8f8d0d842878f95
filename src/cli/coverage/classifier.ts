import QuickLRU from 'quick-lru';
import type { BrowserFamily, OS } from '../../core/environment/types.js';
import { rulingFromUserAgent } from '../../core/predict.js';
import type { Mode, ProfileId } from '../../core/table/types.js';
import { detached } from './strings.js';

/** What `coverage` keeps of a prediction. */
export interface Verdict {
  mode: Mode;
  rule: string;
  os: OS;
  browser: BrowserFamily;
}

/**
 * User agents kept classified. Real traffic repeats a few thousand user agents; the rest is a long
 * tail that passes through. quick-lru holds between this and twice this many.
 */
export const CACHE_SIZE = 20_000;

/**
 * The longest user agent cached, in UTF-16 code units. With {@link CACHE_SIZE} this bounds the cache
 * by bytes: at most 40,000 keys × 640 characters × 2 bytes ≈ 51 MB, ~26 MB for ASCII; real user
 * agents are 100–400 characters. Longer ones (junk, attacks) are predicted every time they come.
 */
export const CACHED_USER_AGENT_MAX = 640;

/**
 * A cache entry: the verdict, or none yet for a user agent a worker thread predicted (the cache here
 * only took note of it, see {@link CachedClassifier.account}); the first call that needs it fills it.
 */
interface Slot {
  verdict: Verdict | undefined;
}

/** The engine behind a bounded LRU cache: each distinct user agent is predicted once while it stays hot. */
export class CachedClassifier {
  private readonly cache: QuickLRU<string, Slot>;
  hits = 0;
  misses = 0;

  constructor(
    readonly profile: ProfileId,
    cacheSize = CACHE_SIZE,
  ) {
    this.cache = new QuickLRU({ maxSize: cacheSize });
  }

  classify(userAgent: string): Verdict {
    const slot = this.cache.get(userAgent);
    if (slot !== undefined) {
      this.hits++;
      return (slot.verdict ??= this.predict(userAgent));
    }
    this.misses++;
    const verdict = this.predict(userAgent);
    if (userAgent.length <= CACHED_USER_AGENT_MAX) this.cache.set(detached(userAgent), { verdict });
    return verdict;
  }

  /**
   * What {@link classify} does to the cache and its counts, for a user agent a worker thread
   * classified: the same hit or miss, the same entries in the same order, without a verdict.
   * `userAgent` must be a string of its own (one a worker sent is), not a slice of a longer one.
   */
  account(userAgent: string): void {
    if (this.cache.get(userAgent) !== undefined) {
      this.hits++;
      return;
    }
    this.misses++;
    if (userAgent.length <= CACHED_USER_AGENT_MAX) this.cache.set(userAgent, { verdict: undefined });
  }

  /** A user agent that will not come again (a line of counted input): predicted, not cached. */
  classifyOnce(userAgent: string): Verdict {
    this.misses++;
    return this.predict(userAgent);
  }

  /** True when {@link classify} would have to predict (without touching the cache's order). */
  needsPrediction(userAgent: string): boolean {
    return this.cache.peek(userAgent)?.verdict === undefined;
  }

  /** The engine's prediction, uncached; a worker's answer when one was prepared for this user agent. */
  predict(userAgent: string): Verdict {
    const prepared = this.prepared?.get(userAgent);
    if (prepared !== undefined) return prepared;
    return verdictOf(userAgent, this.profile);
  }

  /** Verdicts computed ahead (on worker threads) for the user agents about to come. */
  prepared: Map<string, Verdict> | undefined;
}

export function verdictOf(userAgent: string, profile: ProfileId): Verdict {
  const { mode, rule, environment } = rulingFromUserAgent(userAgent, { profile });
  return { mode, rule: rule.id, os: environment.os, browser: environment.browser };
}
