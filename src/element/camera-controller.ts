import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraCheck, type CameraCheckOptions, type CameraCheckResult } from '../camera/camera-check.js';

/**
 * Binds a {@link CameraCheck} to an element: re-renders on each state change, and releases the
 * camera when the element leaves the page (a prompt still open then is stopped when it answers).
 * The check itself cancels when the page is hidden.
 */
export class CameraController implements ReactiveController {
  check: CameraCheck;
  readonly #host: ReactiveControllerHost;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost, options: CameraCheckOptions = {}) {
    this.#host = host;
    this.check = new CameraCheck(options);
    this.check.addEventListener('statechange', this.#onChange);
    host.addController(this);
  }

  /** A fresh check with new options (e.g. microphone turned on); the old one is cancelled. */
  reconfigure(options: CameraCheckOptions): void {
    this.check.removeEventListener('statechange', this.#onChange);
    this.check.dispose();
    this.check = new CameraCheck(options);
    this.check.addEventListener('statechange', this.#onChange);
  }

  start(): Promise<CameraCheckResult> {
    return this.check.start();
  }

  hostDisconnected(): void {
    this.check.dispose();
  }
}
