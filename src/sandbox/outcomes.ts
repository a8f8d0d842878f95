/**
 * What the stand-in page lets the person (or a test) choose, and what the result call then
 * reports: the ErrorCode and the per-attempt detail Tencent would give for that outcome.
 */
export const standInOutcomes = ['success', 'reflection-liveness-failed', 'comparison-failed', 'user-exited', 'timed-out'] as const;
export type StandInOutcome = (typeof standInOutcomes)[number];

export const isStandInOutcome = (value: unknown): value is StandInOutcome =>
  typeof value === 'string' && (standInOutcomes as readonly string[]).includes(value);

export interface OutcomeFacts {
  /** The button's label on the stand-in page. */
  label: string;
  errorCode: number;
  errorMsg: string;
  livenessErrorCode: number | null;
  compareErrorCode: number | null;
  similarity: number | null;
}

export const outcomeFacts: Readonly<Record<StandInOutcome, OutcomeFacts>> = {
  success: { label: 'Success', errorCode: 0, errorMsg: 'Success', livenessErrorCode: 0, compareErrorCode: 0, similarity: 96.5 },
  'reflection-liveness-failed': {
    label: 'Reflection liveness failed (1401)',
    errorCode: 1401,
    errorMsg: 'Reflection liveness detection failed',
    livenessErrorCode: 1401,
    compareErrorCode: null,
    similarity: null,
  },
  'comparison-failed': {
    label: 'Face comparison failed (2016)',
    errorCode: 2016,
    errorMsg: 'The similarity is below the threshold',
    livenessErrorCode: 0,
    compareErrorCode: 2016,
    similarity: 41.2,
  },
  'user-exited': {
    label: 'User exited (1410)',
    errorCode: 1410,
    errorMsg: 'The user exited the verification',
    livenessErrorCode: 1410,
    compareErrorCode: null,
    similarity: null,
  },
  'timed-out': {
    label: 'Timed out (1409)',
    errorCode: 1409,
    errorMsg: 'The verification timed out',
    livenessErrorCode: 1409,
    compareErrorCode: null,
    similarity: null,
  },
};
