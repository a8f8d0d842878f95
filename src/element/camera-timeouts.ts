/**
 * The element's camera-prompt attributes (seconds, as integrators write them) as the camera
 * check's milliseconds. Here rather than in the camera stage: the element reads them before that
 * stage has loaded.
 */

/** `prompt-timeout`: seconds before `waiting`, 0–600; anything else the default, 5. */
const PROMPT_SECONDS = { min: 0, max: 600, fallback: 5 } as const;

/** `no-answer-timeout`: seconds before `no-answer`, by default and at most. */
const NO_ANSWER_SECONDS = { fallback: 30, max: 600 } as const;

export function promptTimeoutMs(seconds: unknown): number {
  // (A removed attribute is null, which Number() would read as 0.)
  const n = seconds === null || seconds === '' ? NaN : Number(seconds);
  const { min, max, fallback } = PROMPT_SECONDS;
  return (Number.isFinite(n) && n >= min && n <= max ? n : fallback) * 1000;
}

/**
 * More than 0 and at most 600, anything else (0 included: "never" would be a path without a way
 * forward) the default.
 */
export function noAnswerAfterMs(seconds: unknown): number {
  const n = typeof seconds === 'string' && seconds.trim() !== '' ? Number(seconds) : seconds;
  const { fallback, max } = NO_ANSWER_SECONDS;
  return (typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= max ? n : fallback) * 1000;
}
