/**
 * What the sections share: the profile chosen at the top of the page, and what this device's
 * element reported (prediction, camera outcome, events) — the report is built from it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FinalPrediction, ProfileId } from '../src/core/index.js';
import type { CameraSummary } from '../src/camera/camera-check.js';
import type { CameraErrorCode } from '../src/camera/error-codes.js';

export type CameraOutcome =
  | { status: 'not-run' }
  | { status: 'ready'; camera: CameraSummary }
  | { status: 'error'; code: CameraErrorCode; name: string; message: string };

export interface LoggedEvent {
  type: string;
  /** Milliseconds since the page loaded. */
  at: number;
  summary: string;
}

class DemoState extends EventTarget {
  profile: ProfileId = 'intl';
  prediction: FinalPrediction | null = null;
  camera: CameraOutcome = { status: 'not-run' };
  events: LoggedEvent[] = [];

  update(changes: Partial<Pick<DemoState, 'profile' | 'prediction' | 'camera'>>): void {
    Object.assign(this, changes);
    this.dispatchEvent(new Event('change'));
  }

  log(type: string, summary: string): void {
    this.events = [...this.events, { type, at: Math.round(performance.now()), summary }];
    this.dispatchEvent(new Event('change'));
  }
}

export const demoState = new DemoState();

/** Re-renders a Lit host whenever the shared state changes. */
export class DemoStateController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    demoState.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    demoState.removeEventListener('change', this.#onChange);
  }
}
