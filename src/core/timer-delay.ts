/** The longest delay setTimeout honours; a longer one fires at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * A usable timer delay from a value an integrator set (an attribute may hold `1e12`, `NaN` or
 * `abc`): finite, not negative, not past setTimeout's limit; anything else is the fallback.
 */
export function timerDelay(ms: unknown, fallback: number): number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_DELAY_MS) : fallback;
}
