import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraCheck, type CameraCheckResult, type CameraCheckSettings } from '../camera/camera-check.js';

/** Why a check was not started: after a denial, only a new real click inside the element may ask again. */
export type CameraRefusal = { status: 'needs-gesture' };

/**
 * A start() that joined the check already in flight: it resolves when that check ends, and its
 * outcome is the first caller's to report (so it is announced once, not once per tap).
 */
export type CameraJoined = { status: 'joined' };

/**
 * Binds one {@link CameraCheck} to an element for the element's whole life: re-renders on each
 * state change, releases the camera when the element leaves the page (a prompt still open then is
 * stopped when it answers), and guards against re-prompt storms.
 *
 * The check is configured, never rebuilt, so neither a denial nor a getUserMedia still waiting on
 * its prompt is forgotten when an option changes.
 */
export class CameraController implements ReactiveController {
  readonly check: CameraCheck;
  /** When the user last really clicked inside the element (its button or slotted content). */
  #lastTrustedClick = -1;
  /** When the camera was last asked for. */
  #lastAttempt = -1;
  /** The user denied the camera and has not granted it since (a cancelled check keeps this). */
  #denied = false;
  /** When the last denial arrived: only a click after it may ask again. */
  #deniedAt = -1;
  readonly #onClick = (event: Event) => {
    if (event.isTrusted) this.#lastTrustedClick = performance.now();
  };

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.check = new CameraCheck({ document: globalThis.document ?? null });
    this.check.addEventListener('statechange', () => host.requestUpdate());
    host.addEventListener('click', this.#onClick, { capture: true });
    host.addController(this);
  }

  /** Settings for the next check (one in flight keeps its own). */
  configure(settings: CameraCheckSettings): void {
    this.check.configure(settings);
  }

  /**
   * Starts the check, or joins the one in flight. After a denial it asks again only after a new,
   * real click inside the element: Chrome embargoes a permission for a site after a few dismissed
   * prompts, so a page that re-asks by itself can lock the user out for a week. (Not
   * `navigator.userActivation`: one unrelated tap would allow any number of retries.)
   */
  start(): Promise<CameraCheckResult | CameraRefusal | CameraJoined> {
    // Joining never asks again: the tap (from `no-answer`) only sends the check back to `waiting`.
    if (this.check.pending) return this.check.start().then(() => ({ status: 'joined' }) as const);
    // A click made while the prompt was still open is not consent to a second prompt after the denial.
    const since = Math.max(this.#lastAttempt, this.#deniedAt);
    if (this.#denied && this.#lastTrustedClick <= since) return Promise.resolve({ status: 'needs-gesture' });
    this.#lastAttempt = performance.now();
    return this.check.start().then((result) => {
      if (result.status === 'ready') this.#denied = false;
      if (result.status === 'error' && result.code === 'camera-denied') {
        this.#denied = true;
        this.#deniedAt = performance.now();
      }
      return result;
    });
  }

  /** Releases a camera still opening (an open one was already stopped). */
  cancel(): void {
    this.check.cancel();
  }

  hostDisconnected(): void {
    this.check.dispose();
  }
}
