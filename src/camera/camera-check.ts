import type { ProbeStatus } from '../core/probe-report.js';
import { timerDelay } from '../core/timer-delay.js';
import { cameraErrorCode, errorMessage, errorName, type CameraErrorCode } from './error-codes.js';

/** What the camera turned out to be, from the track's settings (no device ids: they identify the user). */
export interface CameraSummary {
  label: string;
  facingMode: string | null;
  width: number | null;
  height: number | null;
  audio: boolean;
}

export type CancelReason = 'cancelled' | 'page-hidden' | 'disconnected' | 'timeout';

export type CameraCheckState =
  | { status: 'idle' }
  /** getUserMedia is in flight; the browser may be showing its prompt. */
  | { status: 'requesting' }
  /** Still in flight after `promptTimeoutMs`: the prompt is probably waiting for the user. */
  | { status: 'waiting' }
  /**
   * Still in flight after `noAnswerAfterMs`: the prompt went unnoticed, or the browser will never
   * answer (some in-app WebViews). The check keeps waiting on the same request; start() goes back
   * to `waiting` and counts again, and never asks a second time.
   */
  | { status: 'no-answer' }
  | { status: 'ready'; camera: CameraSummary }
  | { status: 'error'; code: CameraErrorCode; name: string; message: string }
  | { status: 'cancelled'; reason: CancelReason };

export type CameraCheckResult = Extract<CameraCheckState, { status: 'ready' | 'error' | 'cancelled' }>;

/** What {@link CameraCheck.configure} may change between checks. */
export type CameraCheckSettings = Pick<
  CameraCheckOptions,
  'isSecureContext' | 'cameraPolicy' | 'audio' | 'promptTimeoutMs' | 'noAnswerAfterMs' | 'giveUpAfterMs'
>;

export interface CameraCheckOptions {
  /** Default `navigator.mediaDevices` of the given globals. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'> | null | undefined;
  /** Default the globals' `isSecureContext`. */
  isSecureContext?: boolean | undefined;
  /** The camera-policy probe's status: `fail` means getUserMedia would be refused, so it is not called. */
  cameraPolicy?: ProbeStatus | undefined;
  /** Ask for the microphone too (FaceID's video mode records sound). Default false. */
  audio?: boolean;
  /** After this long without an answer, the state becomes `waiting` (the check keeps waiting). Default 5 s. */
  promptTimeoutMs?: number;
  /**
   * After this long without an answer, the state becomes `no-answer` (0 = never, the default): the
   * check still waits, so a late answer is used, but a UI can now offer a way forward. start()
   * during `no-answer` goes back to `waiting` and counts again, on the same request.
   */
  noAnswerAfterMs?: number;
  /** Give up after this long (0 = never, the default): the user may still be reading the prompt. */
  giveUpAfterMs?: number;
  /** Cancel when this document becomes hidden. */
  document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> | null;
}

/** The globals the check reads when its options do not say: a `window`, or a stand-in. */
export interface CameraGlobals {
  navigator?: { mediaDevices?: Pick<MediaDevices, 'getUserMedia'> };
  isSecureContext?: boolean;
  document?: CameraCheckOptions['document'];
}

type Answer = { stream: MediaStream } | { error: unknown };

/** A getUserMedia call that has not answered yet, possibly outliving the check that made it. */
interface OpenRequest {
  readonly answer: Promise<Answer>;
  /** A check is waiting on it; otherwise whatever stream it brings is stopped on arrival. */
  claimed: boolean;
}

/**
 * The camera preflight: one getUserMedia for the front camera, every track stopped as soon as it
 * answers. A plain EventTarget (`statechange`), so it works with or without Lit.
 *
 * At most one getUserMedia is ever in flight: a check cancelled while the prompt is still open
 * (page hidden, element removed) leaves that request open, and the next start() waits on it again
 * rather than asking a second time — the user is still looking at the first prompt.
 *
 * Not @lit/task: a Task supersedes the running call when run again, while a second tap here must
 * join the one getUserMedia already in flight (a second prompt would be worse than none), and the
 * check needs a `waiting` state between pending and done.
 */
export class CameraCheck extends EventTarget {
  #state: CameraCheckState = { status: 'idle' };
  #inFlight: Promise<CameraCheckResult> | null = null;
  #cancel: ((reason: CancelReason) => void) | null = null;
  #open: OpenRequest | null = null;
  /** For a start() that joins the check in flight: back from `no-answer` to `waiting`, counting again. */
  #keepWaiting: (() => void) | null = null;
  readonly #options: Required<Omit<CameraCheckOptions, 'cameraPolicy'>> & { cameraPolicy: ProbeStatus | undefined };

  constructor(options: CameraCheckOptions = {}, globals: CameraGlobals = globalThis as CameraGlobals) {
    super();
    this.#options = {
      mediaDevices: 'mediaDevices' in options ? (options.mediaDevices ?? null) : (globals.navigator?.mediaDevices ?? null),
      isSecureContext: options.isSecureContext ?? globals.isSecureContext ?? true,
      cameraPolicy: options.cameraPolicy,
      audio: false,
      promptTimeoutMs: 5000,
      noAnswerAfterMs: 0,
      giveUpAfterMs: 0,
      document: 'document' in options ? (options.document ?? null) : (globals.document ?? null),
    };
    this.configure(options);
  }

  /** Changes the settings of the next check (a check in flight keeps its own). */
  configure(settings: CameraCheckSettings): void {
    const o = this.#options;
    if (settings.isSecureContext !== undefined) o.isSecureContext = settings.isSecureContext;
    if ('cameraPolicy' in settings) o.cameraPolicy = settings.cameraPolicy;
    if (settings.audio !== undefined) o.audio = settings.audio;
    o.promptTimeoutMs = timerDelay(settings.promptTimeoutMs ?? o.promptTimeoutMs, o.promptTimeoutMs);
    o.noAnswerAfterMs = timerDelay(settings.noAnswerAfterMs ?? o.noAnswerAfterMs, o.noAnswerAfterMs);
    o.giveUpAfterMs = timerDelay(settings.giveUpAfterMs ?? o.giveUpAfterMs, o.giveUpAfterMs);
  }

  get state(): CameraCheckState {
    return this.#state;
  }

  /** True while getUserMedia is in flight. */
  get pending(): boolean {
    return this.#inFlight !== null;
  }

  /**
   * Starts the check, or joins the one in flight (from `no-answer`, back to `waiting`: the user
   * is looking again). Call it from a user gesture. Resolves with the final state; never rejects.
   */
  start(): Promise<CameraCheckResult> {
    if (this.#inFlight) {
      this.#keepWaiting?.();
      return this.#inFlight;
    }
    const run = this.#run().finally(() => {
      this.#inFlight = null;
      this.#cancel = null;
      this.#keepWaiting = null;
    });
    this.#inFlight = run;
    return run;
  }

  /** Stops waiting. A stream that arrives later is stopped the moment it does. */
  cancel(reason: CancelReason = 'cancelled'): void {
    this.#cancel?.(reason);
  }

  /** For the host's disconnect: cancels a pending check (its late stream is still stopped). */
  dispose(): void {
    this.cancel('disconnected');
  }

  readonly #run = async (): Promise<CameraCheckResult> => {
    const refusal = this.#refusalBeforeAsking();
    if (refusal) return this.#finish(refusal);

    const { audio, promptTimeoutMs, noAnswerAfterMs, giveUpAfterMs, document } = this.#options;
    const mediaDevices = this.#options.mediaDevices!;
    this.#set({ status: 'requesting' });

    const open = this.#request(mediaDevices, audio);
    const { answer } = open;

    let cancelWith: (reason: CancelReason) => void = () => {};
    const cancelled = new Promise<{ cancelled: CancelReason }>((resolve) => {
      cancelWith = (reason) => resolve({ cancelled: reason });
    });
    this.#cancel = cancelWith;
    const waitingTimer = setTimeout(() => {
      if (this.#state.status === 'requesting') this.#set({ status: 'waiting' });
    }, promptTimeoutMs);
    let noAnswerTimer: ReturnType<typeof setTimeout> | undefined;
    const countNoAnswer = () => {
      clearTimeout(noAnswerTimer);
      if (noAnswerAfterMs <= 0) return;
      noAnswerTimer = setTimeout(() => {
        if (this.#state.status === 'requesting' || this.#state.status === 'waiting') this.#set({ status: 'no-answer' });
      }, noAnswerAfterMs);
    };
    countNoAnswer();
    this.#keepWaiting = () => {
      if (this.#state.status !== 'no-answer') return;
      this.#set({ status: 'waiting' });
      countNoAnswer();
    };
    const giveUpTimer = giveUpAfterMs > 0 ? setTimeout(() => cancelWith('timeout'), giveUpAfterMs) : undefined;
    const onVisibility = () => {
      if (document?.visibilityState === 'hidden') cancelWith('page-hidden');
    };
    document?.addEventListener('visibilitychange', onVisibility);

    const outcome = await Promise.race([answer, cancelled]);

    clearTimeout(waitingTimer);
    clearTimeout(noAnswerTimer);
    clearTimeout(giveUpTimer);
    this.#keepWaiting = null;
    document?.removeEventListener('visibilitychange', onVisibility);

    if ('cancelled' in outcome) {
      open.claimed = false; // getUserMedia cannot be aborted: a later stream is stopped on arrival
      return this.#finish({ status: 'cancelled', reason: outcome.cancelled });
    }
    if ('stream' in outcome) {
      let camera: CameraSummary;
      try {
        camera = summarize(outcome.stream, audio);
      } catch {
        // The camera opened: that is the answer, even if its settings cannot be read (a shim, a throwing getter).
        camera = { label: '', facingMode: null, width: null, height: null, audio: false };
      } finally {
        stopTracks(outcome.stream); // before anything else happens, even if reading settings threw
      }
      return this.#finish({ status: 'ready', camera });
    }
    const { error } = outcome;
    return this.#finish({ status: 'error', code: cameraErrorCode(error), name: errorName(error), message: errorMessage(error) });
  };

  /** The open getUserMedia if there is one (claimed again, whatever it asked for), else a new one. */
  readonly #request = (mediaDevices: Pick<MediaDevices, 'getUserMedia'>, audio: boolean): OpenRequest => {
    if (this.#open) {
      this.#open.claimed = true;
      return this.#open;
    }
    let request: Promise<MediaStream>;
    try {
      request = mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio });
    } catch (error) {
      request = Promise.reject(error);
    }
    const open: OpenRequest = {
      answer: request.then(
        (stream) => {
          if (this.#open === open) this.#open = null;
          if (!open.claimed) stopTracks(stream);
          return { stream };
        },
        (error: unknown) => {
          if (this.#open === open) this.#open = null;
          return { error };
        },
      ),
      claimed: true,
    };
    this.#open = open;
    return open;
  };

  /** The cases where asking would be pointless or impossible. */
  readonly #refusalBeforeAsking = (): CameraCheckResult | null => {
    const { isSecureContext, mediaDevices, cameraPolicy } = this.#options;
    if (!isSecureContext) {
      return { status: 'error', code: 'insecure-context', name: 'SecurityError', message: 'The page is not a secure context.' };
    }
    if (!mediaDevices || typeof mediaDevices.getUserMedia !== 'function') {
      return {
        status: 'error',
        code: 'no-getusermedia',
        name: 'NotSupportedError',
        message: 'navigator.mediaDevices.getUserMedia is missing.',
      };
    }
    if (cameraPolicy === 'fail') {
      return { status: 'error', code: 'blocked-by-policy', name: 'NotAllowedError', message: 'The permissions policy blocks the camera.' };
    }
    return null;
  };

  readonly #finish = (result: CameraCheckResult): CameraCheckResult => {
    this.#set(result);
    return result;
  };

  readonly #set = (state: CameraCheckState): void => {
    this.#state = state;
    this.dispatchEvent(new Event('statechange'));
  };
}

export function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function summarize(stream: MediaStream, audio: boolean): CameraSummary {
  const video = stream.getVideoTracks()[0];
  const settings: MediaTrackSettings = video?.getSettings?.() ?? {};
  return {
    label: video?.label ?? '',
    facingMode: settings.facingMode ?? null,
    width: settings.width ?? null,
    height: settings.height ?? null,
    audio: audio && stream.getAudioTracks().length > 0,
  };
}
