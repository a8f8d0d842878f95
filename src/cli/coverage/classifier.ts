import QuickLRU from 'quick-lru';
import type { BrowserFamily, OS } from '../../core/environment/types.js';
import { predictFromUserAgent } from '../../core/predict.js';
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

/** The engine behind a bounded LRU cache: each distinct user agent is predicted once while it stays hot. */
export class CachedClassifier {
  private readonly cache: QuickLRU<string, Verdict>;
  hits = 0;
  misses = 0;

  constructor(
    readonly profile: ProfileId,
    cacheSize = CACHE_SIZE,
  ) {
    this.cache = new QuickLRU({ maxSize: cacheSize });
  }

  classify(userAgent: string): Verdict {
    const cached = this.cache.get(userAgent);
    if (cached !== undefined) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const verdict = this.predict(userAgent);
    if (userAgent.length <= CACHED_USER_AGENT_MAX) this.cache.set(detached(userAgent), verdict);
    return verdict;
  }

  /** A user agent that will not come again (a line of counted input): predicted, not cached. */
  classifyOnce(userAgent: string): Verdict {
    this.misses++;
    return this.predict(userAgent);
  }

  /** True when {@link classify} would answer from the cache (without touching its order). */
  has(userAgent: string): boolean {
    return this.cache.has(userAgent);
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
  const { mode, rule, environment } = predictFromUserAgent(userAgent, { profile });
  return { mode, rule, os: environment.os, browser: environment.browser };
}
