import { LocalizeController } from '@shoelace-style/localize';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { documentedCameraErrors, type CameraErrorCode } from '../camera/error-codes.js';
import type { FinalPrediction } from '../core/final-mode.js';
import type { ProfileId } from '../core/table/types.js';
import { checkVerificationUrl, parseAllowedHosts } from '../handoff/url-check.js';
import { fetchVerificationUrl } from '../handoff/token-endpoint.js';
import type { Strings } from '../i18n/en.js';
import { cameraMessageKeys, inAppGuidance, type PlainKey } from '../i18n/keys.js';
import { loadLanguage } from '../i18n/register.js';
import { predictHere } from '../probes/predict-here.js';
import type { ProbeGlobals } from '../probes/probes.js';
import { CameraController } from './camera-controller.js';
import { emit } from './events.js';
import { styles } from './faceid-preflight.styles.js';
import { viewState, viewStates, type ViewState } from './view-state.js';

/** Where the verification URL comes from when it is not an attribute: the customer's code. */
export type VerificationUrlProvider = (prediction: FinalPrediction | null) => string | Promise<string>;

/** String overrides: any subset of the translation keys, per element. */
export type StringOverrides = Partial<Strings>;

const stringsConverter = {
  fromAttribute(value: string | null): StringOverrides {
    if (!value) return {};
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as StringOverrides;
    } catch {
      // fall through: a typo in the attribute must not break the page
    }
    console.warn('<faceid-preflight>: the strings attribute is not a JSON object; ignored.');
    return {};
  },
};

type Tone = 'neutral' | 'success' | 'warning' | 'error';

/**
 * Before a user leaves for Tencent FaceID's hosted verification: predicts the mode the page will
 * use (reflection, or the video-recording fallback), checks the camera from a tap, and hands off
 * to the verification URL once it is checked and the camera is released.
 *
 * @summary FaceID web verification preflight: mode prediction, camera check, safe hand-off.
 * @tag faceid-preflight
 *
 * @fires faceid-prediction - The final mode is known (runtime probes done, no prompt). Detail: `FinalPrediction`.
 * @fires faceid-camera-ready - The camera opened and was released. Detail: `{ camera }`.
 * @fires faceid-camera-error - The camera check failed. Detail: `{ code, name, message }` (`name` is the DOMException's).
 * @fires faceid-handoff - Cancelable; about to navigate. Detail: `{ url, prediction }`. `preventDefault()` to take over.
 * @fires faceid-error - The hand-off failed or the configuration is wrong. Detail: `{ reason, detail, status? }`.
 *
 * @slot - Your own content above the status (e.g. an introduction).
 * @slot state-checking - Replaces the message while the browser is checked.
 * @slot state-ready - Replaces the message when the check can start.
 * @slot state-requesting - Replaces the message while the camera opens.
 * @slot state-waiting - Replaces the message while the permission prompt waits for an answer.
 * @slot state-camera-ready - Replaces the message once the camera worked.
 * @slot state-camera-error - Replaces the message when the camera failed (busy, denied, not working).
 * @slot state-insecure - Replaces the message on a non-HTTPS page.
 * @slot state-blocked-by-policy - Replaces the message when the embedding page's policy blocks the camera.
 * @slot state-no-camera-api - Replaces the message in a browser without getUserMedia.
 * @slot state-in-app - Replaces the message in an in-app browser that should be left.
 * @slot state-cannot-verify - Replaces the message when video mode is predicted but downgrade is off.
 * @slot state-handing-off - Replaces the message while the verification page opens.
 * @slot state-handoff-failed - Replaces the message when the verification URL could not be obtained.
 * @slot actions - Extra actions, after the element's own buttons.
 *
 * @csspart base - The whole card.
 * @csspart message - The status area (an ARIA live region); `data-tone` is neutral, success, warning or error.
 * @csspart title - The status title.
 * @csspart detail - The status detail.
 * @csspart spinner - The progress indicator (still when reduced motion is asked for).
 * @csspart actions - The button row.
 * @csspart button - The primary button.
 * @csspart reasons - The "Why?" disclosure with the prediction's reasons.
 *
 * @cssprop --faceid-accent - Button and focus colour.
 * @cssprop --faceid-accent-contrast - Text on the accent colour.
 * @cssprop --faceid-fg - Text colour.
 * @cssprop --faceid-muted - Secondary text and neutral border.
 * @cssprop --faceid-bg - Card background.
 * @cssprop --faceid-surface - Spinner track.
 * @cssprop --faceid-success - Border of success states.
 * @cssprop --faceid-warning - Border of warning states.
 * @cssprop --faceid-error - Border of error states.
 * @cssprop --faceid-radius - Corner radius.
 * @cssprop --faceid-font - Font stack.
 */
export class FaceidPreflight extends LitElement {
  static override styles = styles;

  /** Which published compatibility table to follow: `intl` (default) or `mainland`. */
  @property({ reflect: true }) profile: ProfileId = 'intl';

  /** Set when the backend issued the token with `Config.AutoDowngrade = 2`: video mode then means "cannot verify here". */
  @property({ type: Boolean, attribute: 'no-downgrade' }) noDowngrade = false;

  /** Also ask for the microphone in the camera check. */
  @property({ type: Boolean }) microphone = false;

  /** Seconds without an answer to the camera prompt before the element says it is still waiting. */
  @property({ type: Number, attribute: 'prompt-timeout' }) promptTimeout = 5;

  /** Hand off as soon as the camera works, without a second tap. */
  @property({ type: Boolean, attribute: 'auto-handoff' }) autoHandoff = false;

  /** Hosts the hand-off may go to, comma or space separated; `*.example.com` = any subdomain. */
  @property({ attribute: 'allowed-hosts' }) allowedHosts = '*.faceid.qq.com';

  /** The verification URL your backend obtained (`VerificationURL`), when you already have it. */
  @property({ attribute: 'verification-url' }) verificationUrl = '';

  /** An endpoint of yours the element POSTs to (JSON with the prediction) for the verification URL. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';

  /** Milliseconds to wait for the token endpoint. */
  @property({ type: Number, attribute: 'token-timeout' }) tokenTimeout = 10_000;

  /**
   * The language (`en`, `zh-CN`, `zh-TW`, `th`, `id`); empty = the page's `<html lang>`, then the
   * browser's. Declared so that changing it re-renders and loads that language.
   */
  @property() override lang = '';

  /** String overrides (property, or a JSON object in the `strings` attribute). */
  @property({ converter: stringsConverter }) strings: StringOverrides = {};

  /** An async function returning the verification URL (takes precedence over the attributes). */
  @property({ attribute: false }) urlProvider: VerificationUrlProvider | null = null;

  /** How the hand-off navigates. Defaults to `location.assign`. */
  @property({ attribute: false }) navigate: (url: string) => void = (url) => window.location.assign(url);

  /**
   * Shows one state as it would look, without probes or a camera: for reviewing copy and styling
   * (the demo's error simulator). Buttons do nothing in a preview.
   */
  @property({ attribute: 'preview-state', reflect: true }) previewState: ViewState | null = null;

  /** The camera error a `camera-error` preview shows. */
  @property({ attribute: 'preview-error' }) previewError: CameraErrorCode = 'camera-busy';

  /** Globals the probes read; a test or the demo's simulator may pass stand-ins. The camera check always uses the real `navigator`. */
  @property({ attribute: false }) probeGlobals: ProbeGlobals = window as unknown as ProbeGlobals;

  @state() private handoff: 'idle' | 'pending' | 'failed' | 'done' = 'idle';

  private readonly localize = new LocalizeController(this);
  private readonly camera = new CameraController(this);
  private handoffAbort: AbortController | null = null;

  private readonly prediction = new Task(this, {
    task: async ([profile, globals], { signal }) => {
      const result = await predictHere(globals, { profile, signal });
      if (signal.aborted) throw signal.reason; // (throwIfAborted needs Safari 15.4)
      return result;
    },
    args: () => [this.profile, this.probeGlobals] as const,
  });

  /** The state shown now. */
  get view(): ViewState {
    if (this.previewState && viewStates.includes(this.previewState)) return this.previewState;
    return viewState({
      prediction: this.prediction.value ?? null,
      camera: this.camera.check.state,
      handoff: this.handoff,
      noDowngrade: this.noDowngrade,
    });
  }

  /** The final prediction, once known. */
  get finalPrediction(): FinalPrediction | null {
    return this.prediction.value ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.prediction.abort();
    this.handoffAbort?.abort();
  }

  private cameraConfig = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The camera check follows the configuration and what the probes learnt (a policy block means
    // not asking at all); it is rebuilt only between checks, never under a pending prompt.
    const options = {
      audio: this.microphone,
      promptTimeoutMs: Math.max(0, this.promptTimeout) * 1000,
      cameraPolicy: this.prediction.value?.probes.cameraPolicy.status,
    };
    const config = JSON.stringify(options);
    if (config !== this.cameraConfig && !this.camera.check.pending) {
      this.cameraConfig = config;
      this.camera.reconfigure(options);
    }
    if (changed.has('lang') || !this.hasUpdated) void loadLanguage(this.localize.lang());
  }

  private announcedPrediction: FinalPrediction | undefined;

  protected override updated(): void {
    // Announced once rendered, so a listener reading the element sees the prediction's state.
    const prediction = this.prediction.value;
    if (prediction && prediction !== this.announcedPrediction) {
      this.announcedPrediction = prediction;
      emit(this, 'faceid-prediction', prediction);
    }
  }

  /** When the user last really clicked inside the element (its button or slotted content). */
  private lastTrustedClick = -1;
  /** When the camera was last asked for. */
  private lastAttempt = -1;

  constructor() {
    super();
    this.addEventListener(
      'click',
      (event) => {
        if (event.isTrusted) this.lastTrustedClick = performance.now();
      },
      { capture: true },
    );
  }

  /**
   * Starts the camera check (call from a user gesture; the button does). After a denial it asks
   * again only after a new, real click inside the element: Chrome embargoes a permission for a site
   * after a few dismissed prompts, so a page that re-asks by itself can lock the user out for a
   * week. (Not `navigator.userActivation`: one unrelated tap would allow any number of retries.)
   */
  async checkCamera(): Promise<void> {
    const last = this.camera.check.state;
    if (last.status === 'error' && last.code === 'camera-denied' && this.lastTrustedClick <= this.lastAttempt) {
      emit(this, 'faceid-error', { reason: 'needs-gesture', detail: 'After a denial, the camera is asked for again only after a new click in the element.' });
      return;
    }
    this.lastAttempt = performance.now();
    this.handoff = 'idle';
    const result = await this.camera.start();
    if (result.status === 'ready') {
      emit(this, 'faceid-camera-ready', { camera: result.camera });
      if (this.autoHandoff) await this.handOff();
    } else if (result.status === 'error') {
      emit(this, 'faceid-camera-error', { code: result.code, name: result.name, message: result.message });
    }
  }

  /**
   * Gets the verification URL, checks it, and navigates — unless a `faceid-handoff` listener calls
   * preventDefault(). Every failure ends in the `handoff-failed` state, never in a navigation.
   */
  async handOff(): Promise<void> {
    this.camera.check.cancel(); // releases a camera still opening; an open one was already stopped
    this.handoffAbort?.abort();
    const abort = (this.handoffAbort = new AbortController());
    this.handoff = 'pending';
    const url = await this.obtainUrl(abort.signal);
    if (abort.signal.aborted) return;
    if (!url.ok) return this.failHandoff(url.reason, url.detail, url.status);

    const hosts = parseAllowedHosts(this.allowedHosts);
    if (hosts.problems.length) return this.failHandoff('allowed-hosts', hosts.problems.join('; '));
    const checked = checkVerificationUrl(url.url, hosts.hosts);
    if (!checked.ok) return this.failHandoff(`url-${checked.reason}`, checked.detail);

    const event = emit(this, 'faceid-handoff', { url: checked.url.href, prediction: this.finalPrediction }, { cancelable: true });
    if (event.defaultPrevented) {
      this.handoff = 'idle';
      return;
    }
    this.handoff = 'done';
    this.navigate(checked.url.href);
  }

  private async obtainUrl(signal: AbortSignal): Promise<{ ok: true; url: string } | { ok: false; reason: string; detail: string; status?: number }> {
    const prediction = this.finalPrediction;
    if (this.urlProvider) {
      try {
        const url = await this.urlProvider(prediction);
        return { ok: true, url };
      } catch (error) {
        return { ok: false, reason: 'provider', detail: `urlProvider failed: ${String((error as Error)?.message ?? error)}` };
      }
    }
    if (this.tokenEndpoint) {
      const body = { prediction: prediction && { mode: prediction.mode, likelihood: prediction.likelihood, rule: prediction.rule } };
      const result = await fetchVerificationUrl(this.tokenEndpoint, body, { timeoutMs: this.tokenTimeout, signal });
      return result.ok ? { ok: true, url: result.url } : result;
    }
    if (this.verificationUrl) return { ok: true, url: this.verificationUrl };
    return { ok: false, reason: 'no-url', detail: 'Set verification-url, token-endpoint or urlProvider.' };
  }

  private failHandoff(reason: string, detail: string, status?: number): void {
    this.handoff = 'failed'; // the detail is for the integrator (the event), not for the user
    emit(this, 'faceid-error', status === undefined ? { reason, detail } : { reason, detail, status });
  }

  /** A string: the integrator's override, else the translation for the element's language. */
  private t(key: PlainKey): string;
  private t(key: 'openInBrowserMenu' | 'openInBrowserGeneric', app: string): string;
  private t(key: keyof Strings, ...args: string[]): string {
    const override = this.strings?.[key];
    if (typeof override === 'string') return override;
    if (typeof override === 'function') return (override as (...a: string[]) => string)(...args);
    return (this.localize.term as (k: string, ...a: string[]) => string)(key, ...args);
  }

  private inAppLine(): string | null {
    const app = this.finalPrediction?.uaPrediction.environment.app;
    if (!app || app === 'kyc-app') return null;
    const guidance = inAppGuidance[app];
    return this.t(guidance.gesture, this.t(guidance.app));
  }

  private message(view: ViewState): { title: string; detail?: string; tone: Tone; busy?: boolean } {
    const camera = this.camera.check.state;
    const reflection = this.finalPrediction?.mode !== 'video';
    switch (view) {
      case 'checking':
        return { title: this.t('checking'), tone: 'neutral', busy: true };
      case 'ready':
        return reflection
          ? { title: this.t('readyReflection'), detail: this.t('readyReflectionDetail'), tone: 'neutral' }
          : { title: this.t('readyVideo'), detail: this.t('readyVideoDetail'), tone: 'neutral' };
      case 'requesting':
        return { title: this.t('requesting'), tone: 'neutral', busy: true };
      case 'waiting':
        return { title: this.t('promptWaiting'), tone: 'warning', busy: true };
      case 'camera-ready':
        return { title: this.t('cameraReady'), tone: 'success' };
      case 'camera-error': {
        const code = this.previewState ? this.previewError : camera.status === 'error' ? camera.code : documentedCameraErrors[2];
        const inApp = this.inAppLine();
        return { title: this.t('cameraProblem'), detail: [this.t(cameraMessageKeys[code]), inApp].filter(Boolean).join(' '), tone: 'error' };
      }
      case 'insecure':
        return { title: this.t('cameraProblem'), detail: this.t('insecureContext'), tone: 'error' };
      case 'blocked-by-policy':
        return { title: this.t('cameraProblem'), detail: this.t('blockedByPolicy'), tone: 'error' };
      case 'no-camera-api':
        return { title: this.t('cameraProblem'), detail: this.t('noGetUserMedia'), tone: 'error' };
      case 'in-app':
        return { title: this.t('openInBrowserTitle'), detail: this.inAppLine() ?? this.t('cannotVerifyDetail'), tone: 'warning' };
      case 'cannot-verify':
        return { title: this.t('cannotVerify'), detail: this.t('cannotVerifyDetail'), tone: 'warning' };
      case 'handing-off':
        return { title: this.t('handingOff'), tone: 'neutral', busy: true };
      case 'handoff-failed':
        return { title: this.t('handoffFailed'), tone: 'error' };
    }
  }

  private action(view: ViewState): TemplateResult | typeof nothing {
    const button = (label: string, onClick: () => void, disabled = false) =>
      html`<button part="button" type="button" ?disabled=${disabled} @click=${this.previewState ? () => {} : onClick}>${label}</button>`;
    switch (view) {
      case 'ready':
        return button(this.t('checkCamera'), () => void this.checkCamera());
      case 'requesting':
      case 'waiting':
        return button(this.t('checkCamera'), () => {}, true);
      case 'camera-ready':
        return this.autoHandoff ? nothing : button(this.t('startVerification'), () => void this.handOff());
      case 'camera-error':
        return button(this.t('retry'), () => void this.checkCamera());
      case 'handoff-failed':
        return button(this.t('retry'), () => void this.handOff());
      default:
        return nothing;
    }
  }

  protected override render(): TemplateResult {
    const view = this.view;
    const { title, detail, tone, busy } = this.message(view);
    const reasons = this.finalPrediction?.reasons ?? [];
    return html`
      <div part="base" data-state=${view}>
        <slot></slot>
        <div part="message" role="status" aria-live="polite" aria-atomic="true" aria-busy=${busy ? 'true' : 'false'} data-tone=${tone}>
          ${busy ? html`<span part="spinner" aria-hidden="true"></span>` : nothing}
          <slot name=${`state-${view}`}>
            <div>
              <p part="title">${title}</p>
              ${detail ? html`<p part="detail">${detail}</p>` : nothing}
            </div>
          </slot>
        </div>
        <div part="actions">${this.action(view)}<slot name="actions"></slot></div>
        ${reasons.length && view !== 'checking'
          ? html`<details part="reasons">
              <summary>${this.t('why')}</summary>
              <ul>
                ${reasons.slice(0, 3).map((r) => html`<li>${r}</li>`)}
              </ul>
            </details>`
          : nothing}
      </div>
    `;
  }
}
