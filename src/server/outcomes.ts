/**
 * What a verification ended in: GetWebVerificationResultIntl's `ErrorCode`, mapped to a closed set
 * a return page can branch on. The raw code and message are always kept beside it.
 */
export const verificationOutcomes = [
  /** 0: verified. */
  'success',
  /** 1001–1005, 1201–1210, 1301–1303 and 1401 (reflection liveness failed). */
  'liveness-failed',
  /** 2001–2016: the face did not match (2016: similarity below the threshold). */
  'comparison-failed',
  /** 15, or the API's InvalidParameterValue.BizTokenExpired: the token is no longer valid. */
  'expired',
  /** 16: the user used up the attempts. */
  'too-many-attempts',
  /** 17, or no code yet: the user has not finished (or not started). */
  'not-finished',
  /** 1410: the user left the verification. */
  'user-exited',
  /** 1409: the verification timed out. */
  'timed-out',
  /** Anything else (14 already finished, new codes): look at the raw code. */
  'other',
] as const;
export type VerificationOutcome = (typeof verificationOutcomes)[number];

const inRange = (code: number, low: number, high: number) => code >= low && code <= high;

/** The outcome for a result `ErrorCode` (`null`/`undefined`: none yet). Pure. */
export function outcomeOf(errorCode: number | null | undefined): VerificationOutcome {
  if (errorCode === null || errorCode === undefined) return 'not-finished';
  if (errorCode === 0) return 'success';
  if (errorCode === 15) return 'expired';
  if (errorCode === 16) return 'too-many-attempts';
  if (errorCode === 17) return 'not-finished';
  if (errorCode === 1409) return 'timed-out';
  if (errorCode === 1410) return 'user-exited';
  if (inRange(errorCode, 1001, 1005) || inRange(errorCode, 1201, 1210) || inRange(errorCode, 1301, 1303) || errorCode === 1401) {
    return 'liveness-failed';
  }
  if (inRange(errorCode, 2001, 2016)) return 'comparison-failed';
  return 'other';
}
