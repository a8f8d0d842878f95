/**
 * The sandbox's BizTokens: issued by ApplyWebVerificationBizTokenIntl, completed on the stand-in
 * page, read by GetWebVerificationResultIntl. In memory and bounded (oldest dropped first).
 */
import { randomUUID } from 'node:crypto';
import type { StandInOutcome } from './outcomes.js';

/** A token can be used on the verification page for 10 minutes (Tencent's figure). */
export const TOKEN_LIFETIME_MS = 10 * 60 * 1000;
/** A finished verification's result can be read for 3 days. */
export const RESULT_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
const MAX_TOKENS = 10_000;

export interface IssuedToken {
  bizToken: string;
  issuedAt: number;
  redirectUrl: string;
  extra: string | null;
  config: Record<string, unknown>;
  finished?: { outcome: StandInOutcome; at: number };
}

export type TokenLookup =
  { status: 'live'; token: IssuedToken } | { status: 'finished'; token: IssuedToken } | { status: 'expired' } | { status: 'unknown' };

export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly now: () => number,
    private readonly lifetimeMs: number = TOKEN_LIFETIME_MS,
  ) {}

  issue(fields: Omit<IssuedToken, 'bizToken' | 'issuedAt'>): IssuedToken {
    const token: IssuedToken = { ...fields, bizToken: randomUUID().toUpperCase(), issuedAt: this.now() };
    this.#tokens.set(token.bizToken, token);
    if (this.#tokens.size > MAX_TOKENS) this.#tokens.delete(this.#tokens.keys().next().value!);
    return token;
  }

  lookup(bizToken: string): TokenLookup {
    const token = this.#tokens.get(bizToken);
    if (!token) return { status: 'unknown' };
    const age = this.now() - token.issuedAt;
    if (token.finished) return this.now() - token.finished.at > RESULT_LIFETIME_MS ? { status: 'expired' } : { status: 'finished', token };
    return age > this.lifetimeMs ? { status: 'expired' } : { status: 'live', token };
  }

  /** Records the outcome of a live, unfinished token; false otherwise. */
  finish(bizToken: string, outcome: StandInOutcome): IssuedToken | null {
    const found = this.lookup(bizToken);
    if (found.status !== 'live') return null;
    found.token.finished = { outcome, at: this.now() };
    return found.token;
  }
}
