import QuickLRU from 'quick-lru';
import type { BrowserFamily, OS } from '../../core/environment/types.js';
import { predictFromUserAgent } from '../../core/predict.js';
import type { Mode, ProfileId } from '../../core/table/types.js';

/** What `coverage` keeps of a prediction. */
export interface Verdict {
  mode: Mode;
  rule: string;
  os: OS;
  browser: BrowserFamily;
}

/**
 * User agents kept classified. Real traffic repeats a few thousand user agents; the rest is a long
 * tail that passes through. quick-lru holds between this and twice this many: at most ~13 MB.
 */
export const CACHE_SIZE = 20_000;

/** The engine behind a bounded LRU cache: each distinct user agent is predicted once while it stays hot. */
export class CachedClassifier {
  readonly #cache: QuickLRU<string, Verdict>;
  hits = 0;
  misses = 0;

  constructor(
    readonly profile: ProfileId,
    cacheSize = CACHE_SIZE,
  ) {
    this.#cache = new QuickLRU({ maxSize: cacheSize });
  }

  classify(userAgent: string): Verdict {
    const cached = this.#cache.get(userAgent);
    if (cached !== undefined) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const { mode, rule, environment } = predictFromUserAgent(userAgent, { profile: this.profile });
    const verdict: Verdict = { mode, rule, os: environment.os, browser: environment.browser };
    this.#cache.set(userAgent, verdict);
    return verdict;
  }
}
