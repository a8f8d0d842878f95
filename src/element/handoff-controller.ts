import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timerDelay } from '../core/timer-delay.js';
import type { FinalPrediction } from '../core/final-mode.js';
import { redactTokens, safeString } from '../handoff/redact.js';
import { fetchVerificationUrl } from '../handoff/token-endpoint.js';
import { checkVerificationUrl, parseAllowedHosts } from '../handoff/url-check.js';
import type { ErrorEventDetail } from './events.js';

/** Where the verification URL comes from when it is not an attribute: the customer's code. */
export type VerificationUrlProvider = (prediction: FinalPrediction | null) => string | Promise<string>;

/** `done`: navigated, and the page has not left yet. */
export type HandoffStatus = 'idle' | 'pending' | 'failed' | 'done';

/** What the hand-off reads from the element when it starts. */
export interface HandoffConfig {
  urlProvider: VerificationUrlProvider | null;
  tokenEndpoint: string;
  tokenTimeout: number;
  tokenHeaders: Record<string, string>;
  tokenCredentials: RequestCredentials;
  verificationUrl: string;
  allowedHosts: string;
  navigationTimeout: number;
  /** The element's language, for the hosted page's (`Config.Language`). */
  language: string;
  prediction: FinalPrediction | null;
  navigate: (url: string) => void;
  /** The cancelable `faceid-handoff` event; false = a listener took over. */
  announce: (url: string) => boolean;
  fail: (detail: ErrorEventDetail) => void;
  /** Releases the camera before the page is left. */
  releaseCamera: () => void;
}

type Obtained = { ok: true; url: string } | ({ ok: false } & ErrorEventDetail);

const DEFAULT_TOKEN_TIMEOUT_MS = 10_000;
const DEFAULT_NAVIGATION_TIMEOUT_MS = 8_000;

/**
 * The hand-off pipeline: URL from the provider, the token endpoint or the attribute → checked
 * against https + the allow-list → camera released → cancelable event → navigate. Every path ends
 * where the user can act: a failure shows a retry; a provider that never settles times out; an
 * element removed mid-request goes back to idle; a navigation that did not leave (a beforeunload
 * "Stay", a navigate that did nothing) or a page restored from the back/forward cache offers the
 * button again.
 */
export class HandoffController implements ReactiveController {
  #status: HandoffStatus = 'idle';
  #abort: AbortController | null = null;
  #stallTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #read: () => HandoffConfig;
  readonly #onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) this.#settle('idle'); // back from the hosted page
  };
  readonly #onPageHide = () => clearTimeout(this.#stallTimer); // the page is really leaving

  constructor(host: ReactiveControllerHost, read: () => HandoffConfig) {
    this.#host = host;
    this.#read = read;
    host.addController(this);
  }

  get status(): HandoffStatus {
    return this.#status;
  }

  async start(): Promise<void> {
    const config = this.#read();
    config.releaseCamera();
    clearTimeout(this.#stallTimer); // an earlier hand-off's stall timer must not end this one
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#set('pending');
    const url = await obtainUrl(config, abort.signal);
    if (abort.signal.aborted) return;
    this.#abort = null;
    if (!url.ok) return this.#fail(config, url);

    const hosts = parseAllowedHosts(config.allowedHosts);
    if (hosts.problems.length) return this.#fail(config, { reason: 'allowed-hosts', detail: hosts.problems.join('; ') });
    const checked = checkVerificationUrl(url.url, hosts.hosts);
    if (!checked.ok) return this.#fail(config, { reason: `url-${checked.reason}`, detail: checked.detail });

    config.releaseCamera();
    if (!config.announce(checked.url.href)) return this.#set('idle');
    this.#set('done');
    this.#stallTimer = setTimeout(() => this.#settle('idle'), timerDelay(config.navigationTimeout, DEFAULT_NAVIGATION_TIMEOUT_MS));
    try {
      config.navigate(checked.url.href);
    } catch (error) {
      this.#fail(config, { reason: 'navigate', detail: `navigate failed: ${describeThrown(error)}` });
    }
  }

  /** Back to idle from wherever the hand-off is (an aborted request is forgotten). */
  reset(): void {
    this.#settle('idle');
    if (this.#status === 'failed') this.#set('idle');
  }

  hostConnected(): void {
    globalThis.addEventListener?.('pageshow', this.#onPageShow);
    globalThis.addEventListener?.('pagehide', this.#onPageHide);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('pageshow', this.#onPageShow);
    globalThis.removeEventListener?.('pagehide', this.#onPageHide);
    this.#settle('idle');
  }

  readonly #fail = (config: HandoffConfig, { reason, detail, status }: ErrorEventDetail): void => {
    clearTimeout(this.#stallTimer);
    this.#set('failed'); // the detail is for the integrator (the event), not for the user
    const safe = redactTokens(detail);
    config.fail(status === undefined ? { reason, detail: safe } : { reason, detail: safe, status });
  };

  readonly #settle = (status: HandoffStatus): void => {
    this.#abort?.abort();
    this.#abort = null;
    clearTimeout(this.#stallTimer);
    if (this.#status === 'pending' || this.#status === 'done') this.#set(status);
  };

  readonly #set = (status: HandoffStatus): void => {
    this.#status = status;
    this.#host.requestUpdate();
  };
}

async function obtainUrl(config: HandoffConfig, signal: AbortSignal): Promise<Obtained> {
  const timeoutMs = timerDelay(config.tokenTimeout, DEFAULT_TOKEN_TIMEOUT_MS);
  if (config.urlProvider) {
    const provider = config.urlProvider;
    return withTimeout(
      (async (): Promise<Obtained> => {
        try {
          const url = await provider(config.prediction);
          return typeof url === 'string'
            ? { ok: true, url }
            : { ok: false, reason: 'provider', detail: 'urlProvider did not return a string.' };
        } catch (error) {
          return { ok: false, reason: 'provider', detail: `urlProvider failed: ${describeThrown(error)}` };
        }
      })(),
      timeoutMs,
      signal,
      { ok: false, reason: 'provider-timeout', detail: `urlProvider did not answer within ${timeoutMs} ms.` },
    );
  }
  if (config.tokenEndpoint) {
    const prediction = config.prediction;
    const body = {
      language: config.language,
      prediction: prediction && { mode: prediction.mode, likelihood: prediction.likelihood, rule: prediction.rule },
    };
    const result = await fetchVerificationUrl(config.tokenEndpoint, body, {
      timeoutMs,
      signal,
      headers: config.tokenHeaders,
      credentials: config.tokenCredentials,
    });
    return result.ok
      ? { ok: true, url: result.url }
      : { ok: false, reason: result.reason, detail: result.detail, ...(result.status === undefined ? {} : { status: result.status }) };
  }
  if (config.verificationUrl) return { ok: true, url: config.verificationUrl };
  return { ok: false, reason: 'no-url', detail: 'Set verification-url, token-endpoint or urlProvider.' };
}

function withTimeout<T>(work: Promise<T>, ms: number, signal: AbortSignal, late: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(late), ms);
    const done = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    signal.addEventListener('abort', () => done(late), { once: true });
    void work.then(done);
  });
}

/** Words for whatever a provider threw, even a value that cannot become a string. */
function describeThrown(error: unknown): string {
  try {
    return safeString(error !== null && typeof error === 'object' && 'message' in error ? (error as { message: unknown }).message : error);
  } catch {
    return safeString(error); // a throwing `message` getter, a revoked Proxy
  }
}
