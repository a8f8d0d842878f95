/**
 * The element's camera-prompt attributes (seconds, as integrators write them) as the camera
 * check's milliseconds. Here rather than in the camera stage: the element reads them before that
 * stage has loaded.
 */

interface SecondsRange {
  readonly fallback: number;
  readonly max: number;
  /** 0 is a valid value (else it falls back: "never" would be a path without a way forward). */
  readonly zero: boolean;
}

/** `prompt-timeout`: seconds before `waiting`, 0–600; anything else the default, 5. */
const PROMPT_SECONDS: SecondsRange = { fallback: 5, max: 600, zero: true };

/** `no-answer-timeout`: seconds before `no-answer`, more than 0 and at most 600; else 30. */
const NO_ANSWER_SECONDS: SecondsRange = { fallback: 30, max: 600, zero: false };

/** A number, or a number's text; anything else (a removed attribute is null) falls back. */
function secondsToMs(value: unknown, { fallback, max, zero }: SecondsRange): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const ok = typeof n === 'number' && Number.isFinite(n) && (zero ? n >= 0 : n > 0) && n <= max;
  return (ok ? n : fallback) * 1000;
}

export const promptTimeoutMs = (seconds: unknown): number => secondsToMs(seconds, PROMPT_SECONDS);
export const noAnswerAfterMs = (seconds: unknown): number => secondsToMs(seconds, NO_ANSWER_SECONDS);
