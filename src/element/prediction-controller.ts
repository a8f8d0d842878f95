import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FinalPrediction } from '../core/final-mode.js';
import type { ProfileId } from '../core/table/types.js';
import { predictHere } from '../probes/predict-here.js';
import type { ProbeGlobals } from '../probes/probes.js';

/**
 * The browser check as a @lit/task Task: reruns when the profile or the probe globals change,
 * stops when the element leaves the page, and starts again when it comes back before the check
 * finished (portals, teleports and modal libraries move elements mid-check).
 */
export class PredictionController implements ReactiveController {
  readonly #task: Task<readonly [ProfileId, ProbeGlobals], FinalPrediction>;
  #interrupted = false;

  constructor(host: ReactiveControllerHost, args: () => readonly [ProfileId, ProbeGlobals]) {
    this.#task = new Task(host, {
      task: async ([profile, globals], { signal }) => {
        const result = await predictHere(globals, { profile, signal });
        if (signal.aborted) throw signal.reason; // (throwIfAborted needs Safari 15.4)
        return result;
      },
      args,
    });
    host.addController(this);
  }

  /** The final prediction, once known. */
  get value(): FinalPrediction | null {
    return this.#task.status === TaskStatus.COMPLETE ? (this.#task.value ?? null) : null;
  }

  hostConnected(): void {
    if (!this.#interrupted) return;
    this.#interrupted = false;
    void this.#task.run();
  }

  hostDisconnected(): void {
    if (this.#task.status === TaskStatus.PENDING) {
      this.#interrupted = true;
      this.#task.abort();
    }
  }
}
