import type { ReactiveControllerHost } from 'lit';

export type Stage = typeof import('./stage.js');

/** How long a stage load may take before the element offers a retry (it is a few KB). */
const STAGE_TIMEOUT_MS = 15_000;

/**
 * Loads the second stage (src/element/stage.ts) once and builds what the element needs from it.
 * Never throws: a load that fails or takes longer than 15 s resolves `null`, and the next `load()`
 * tries again (a load that answers after its time is still used).
 */
export class StageController<T> {
  #value: T | null = null;
  #pending: Promise<T | null> | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #importStage: () => Promise<Stage>;
  readonly #build: (stage: Stage) => T;

  constructor(host: ReactiveControllerHost, importStage: () => Promise<Stage>, build: (stage: Stage) => T) {
    this.#host = host;
    this.#importStage = importStage;
    this.#build = build;
  }

  /** What was built from the stage, once it loaded. */
  get value(): T | null {
    return this.#value;
  }

  load(): Promise<T | null> {
    if (this.#value) return Promise.resolve(this.#value);
    if (this.#pending) return this.#pending;
    let importing: Promise<Stage>;
    try {
      importing = this.#importStage();
    } catch (error) {
      importing = Promise.reject(error);
    }
    const arrived = importing.then((stage) => {
      this.#value ??= this.#build(stage);
      this.#host.requestUpdate();
      return this.#value;
    });
    arrived.catch(() => {}); // a late failure after the timeout is nobody's to handle
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), STAGE_TIMEOUT_MS);
    });
    const pending = Promise.race([arrived, timedOut])
      .catch(() => null)
      .finally(() => {
        clearTimeout(timer);
        if (this.#pending === pending) this.#pending = null;
      });
    this.#pending = pending;
    return pending;
  }
}
