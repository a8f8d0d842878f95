import type { ClientHints } from './environment/types.js';

/** What a runtime probe found: `unknown` when the browser cannot say, never a guess. */
export type ProbeStatus = 'pass' | 'fail' | 'unknown';

export interface ProbeResult {
  status: ProbeStatus;
  /** One line a developer can act on: what was checked and what was seen. */
  detail: string;
}

/** The probes that must all pass for reflection mode, in the order their failures are reported. */
export const reflectionProbes = ['secureContext', 'getUserMedia', 'cameraPolicy', 'peerConnection', 'h264'] as const;
export type ReflectionProbe = (typeof reflectionProbes)[number];

/**
 * The probes that wait on the browser — a promise that may never settle (a hung createOffer, a
 * Permissions API or Client Hints call that never answers) — and so run against a deadline.
 */
export const asyncProbes = ['h264', 'cameraPermission', 'clientHints'] as const;
export type AsyncProbe = (typeof asyncProbes)[number];

/** The asynchronous probes whose answer bears on the mode: when one is missing, users are told. */
export const modeAsyncProbes = ['h264', 'clientHints'] as const satisfies readonly AsyncProbe[];
export type ModeAsyncProbe = (typeof modeAsyncProbes)[number];

/** Everything the browser told us without prompting. A plain data object: JSON-safe, Node-safe. */
export interface ProbeReport extends Record<ReflectionProbe, ProbeResult> {
  /** For video mode: whether MediaRecorder exists, and the container/codec types it accepts. */
  mediaRecorder: ProbeResult & { types: string[] };
  /** The Permissions API's answer for the camera, when it has one (never prompts). */
  cameraPermission: ProbeResult & { state: 'granted' | 'denied' | 'prompt' | null };
  /** UA Client Hints high-entropy values (Chromium on secure pages only). */
  clientHints: ClientHints | null;
  /** `navigator.maxTouchPoints` (tells iPadOS from a Mac). */
  maxTouchPoints: number | null;
  /**
   * The probes that did not answer before the deadline, in {@link asyncProbes} order; each is
   * reported as `unknown` (Client Hints as `null`). Absent or empty: every probe answered.
   */
  unanswered?: AsyncProbe[];
}
