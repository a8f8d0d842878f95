import { LitElement, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { CameraCheckSettings, CameraCheckState } from '../camera/camera-check.js';
import { isCameraErrorCode, type CameraErrorCode } from '../camera/error-codes.js';
import type { FinalPrediction } from '../core/final-mode.js';
import type { ProfileId } from '../core/table/types.js';
import { leaveAppPhrase } from '../i18n/keys.js';
import { Localize } from '../i18n/localize.js';
import { loadLanguage } from '../i18n/register.js';
import type { ProbeGlobals } from '../probes/probes.js';
import { adviceFor } from './advice.js';
import { noAnswerAfterMs, promptTimeoutMs } from './camera-timeouts.js';
import { emit } from './events.js';
import { styles } from './faceid-preflight.styles.js';
import type { CameraController } from './camera-controller.js';
import type { HandoffConfig, HandoffController, VerificationUrlProvider } from './handoff-controller.js';
import { PredictionController } from './prediction-controller.js';
import { StageController } from './stage-controller.js';
import { actions, isViewState, offersTap, stateRecords, type Action, type ViewState } from './states.js';
import { renderCard } from './template.js';
import { viewState, type AwaitingStage } from './view-state.js';
import { stringsConverter, Words, type StringOverrides } from './words.js';

export type { StringOverrides, VerificationUrlProvider };

/** What the element builds from its second stage. */
interface LoadedStage {
  camera: CameraController;
  handoff: HandoffController;
}

/** The camera's state before the stage that checks it has loaded. */
const IDLE_CAMERA: CameraCheckState = { status: 'idle' };

/**
 * How long a live check stays quiet before its spinner shows: most checks answer sooner, and their
 * answer is then the first thing shown (a delayed spinner; see `Card.quiet`).
 */
const QUIET_CHECK_MS = 150;

/** The camera error a `camera-error` preview shows: `preview-error`, or camera-busy (the first one Tencent documents) when it names none we know. */
const previewCameraError = (code: unknown): CameraErrorCode => (isCameraErrorCode(code) ? code : 'camera-busy');

/**
 * Before a user leaves for Tencent FaceID's hosted verification: predicts the mode the page will
 * use (reflection, or the video-recording fallback), checks the camera from a tap, and hands off
 * to the verification URL once it is checked and the camera is released.
 *
 * Each state (src/element/states.ts) also has a slot, `state-<state>`, that replaces its message;
 * custom-elements-manifest.config.mjs lists them in the manifest from the state records, each with
 * its summary (src/element/state-docs.ts).
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
 * @slot - Fallback: shown only where the element cannot run (no JavaScript, a browser older than the build); hidden once it runs.
 * @slot intro - Your own content above the status (e.g. an introduction).
 * @slot actions - Extra actions, after the element's own buttons.
 *
 * @csspart base - The whole card.
 * @csspart message - The status area (an ARIA live region); `data-tone` is neutral, success, warning or error.
 * @csspart title - The status title.
 * @csspart detail - The status detail.
 * @csspart spinner - The progress indicator (still when reduced motion is asked for).
 * @csspart actions - The button row.
 * @csspart button - The primary button.
 * @csspart button-busy - The primary button while a prompt is open (`aria-disabled`: `::part(button):disabled` cannot match it).
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
  // Assigned after the class: a static field compiles to a static block, which Safari < 16.4
  // cannot run (and a getter would stop a subclass from assigning its own styles).
  static override styles: CSSResultGroup;

  /** Which published compatibility table to follow: `intl` (default) or `mainland`. */
  @property({ reflect: true }) profile: ProfileId = 'intl';

  /** Set when the backend issued the token with `Config.AutoDowngrade = 2`: video mode then means "cannot verify here". */
  @property({ type: Boolean, attribute: 'no-downgrade' }) noDowngrade = false;

  /** Also ask for the microphone in the camera check. */
  @property({ type: Boolean }) microphone = false;

  /** Seconds without an answer to the camera prompt before the element says it is still waiting (0–600; otherwise 5). */
  @property({ type: Number, attribute: 'prompt-timeout' }) promptTimeout = 5;

  /** Seconds without an answer to the camera prompt before the element says what to do and offers its button again (above 0, up to 600; otherwise 30). */
  @property({ type: Number, attribute: 'no-answer-timeout' }) noAnswerTimeout = 30;

  /** Hand off as soon as the camera works, without a second tap. */
  @property({ type: Boolean, attribute: 'auto-handoff' }) autoHandoff = false;

  /** Hosts the hand-off may go to, comma or space separated; `*.example.com` = any subdomain. */
  @property({ attribute: 'allowed-hosts' }) allowedHosts = '*.faceid.qq.com';

  /** The verification URL your backend obtained (`VerificationURL`), when you already have it. */
  @property({ attribute: 'verification-url' }) verificationUrl = '';

  /** An endpoint of yours the element POSTs to (JSON with the prediction and its language) for the verification URL. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';

  /** Milliseconds to wait for the token endpoint or the `urlProvider`. */
  @property({ type: Number, attribute: 'token-timeout' }) tokenTimeout = 10_000;

  /** Headers for the token-endpoint request, e.g. your CSRF header: `{ 'x-csrf-token': token }`. */
  @property({ attribute: false }) tokenHeaders: Record<string, string> = {};

  /** The token-endpoint request's `credentials`: `same-origin` (default), `include` (a cross-origin API with a session) or `omit`. */
  @property({ attribute: 'token-credentials' }) tokenCredentials: RequestCredentials = 'same-origin';

  /** Milliseconds after navigating, with this page still showing, before the button is offered again (a beforeunload "Stay"). */
  @property({ type: Number, attribute: 'navigation-timeout' }) navigationTimeout = 8_000;

  /** `en`, `zh-CN`, `zh-TW`, `th`, `id`; empty = the page's `<html lang>`, then the browser's. Reactive: a change loads that language. */
  @property() override lang = '';

  /** String overrides (property, or a JSON object in the `strings` attribute). */
  @property({ converter: stringsConverter }) strings: StringOverrides = {};

  /** An async function returning the verification URL (takes precedence over the attributes). */
  @property({ attribute: false }) urlProvider: VerificationUrlProvider | null = null;

  /** How the hand-off navigates. Defaults to `location.assign`. */
  @property({ attribute: false }) navigate: (url: string) => void = (url) => window.location.assign(url);

  /** Shows one state as it would look, without a camera, for reviewing copy and styling. Buttons do nothing; no faceid-prediction is fired. */
  @property({ attribute: 'preview-state', reflect: true }) previewState: ViewState | null = null;

  /** The camera error a `camera-error` preview shows. */
  @property({ attribute: 'preview-error' }) previewError: CameraErrorCode = 'camera-busy';

  /** Globals the probes read; a test or the demo's simulator may pass stand-ins. The camera check always uses the real `navigator`. */
  @property({ attribute: false }) probeGlobals: ProbeGlobals = window as unknown as ProbeGlobals;

  readonly #words = new Words(new Localize(this), () => this.strings);
  /**
   * A valid `preview-state` is set: the element shows it, its buttons do nothing, and it announces
   * nothing. The probes still run (on `probeGlobals`: the demo passes a simulated phone's), for the
   * words that follow the prediction (the mode, the app to leave, the advice).
   */
  readonly #previewing = (): boolean => isViewState(this.previewState);
  readonly #prediction = new PredictionController(this, () => [this.profile, this.probeGlobals] as const);
  /** The camera check and the hand-off: loaded once a shown decision offers a tap (see stage.ts). */
  readonly #stage = new StageController<LoadedStage>(
    this,
    () => import('./stage.js'),
    ({ CameraController, HandoffController }) => {
      const camera = new CameraController(this);
      camera.configure(this.#cameraSettings());
      return { camera, handoff: new HandoffController(this, () => this.#handoffConfig(camera)) };
    },
  );
  /** A tap that waits for the stage to load, or found that it did not. */
  #awaiting: AwaitingStage | null = null;

  readonly #handoffConfig = (camera: { cancel(): void }): HandoffConfig => {
    return {
      urlProvider: this.urlProvider,
      tokenEndpoint: this.tokenEndpoint,
      tokenTimeout: this.tokenTimeout,
      tokenHeaders: this.tokenHeaders,
      tokenCredentials: this.tokenCredentials,
      verificationUrl: this.verificationUrl,
      allowedHosts: this.allowedHosts,
      navigationTimeout: this.navigationTimeout,
      language: this.#words.language(),
      prediction: this.finalPrediction,
      navigate: this.navigate,
      announce: (url) => !emit(this, 'faceid-handoff', { url, prediction: this.finalPrediction }, { cancelable: true }).defaultPrevented,
      fail: (detail) => emit(this, 'faceid-error', detail),
      releaseCamera: () => camera.cancel(),
    };
  };

  /** What the camera check reads from the element; the probes' findings settle its refusals (one place decides each). */
  readonly #cameraSettings = (): CameraCheckSettings => {
    const probes = this.finalPrediction?.probes;
    return {
      audio: this.microphone,
      promptTimeoutMs: promptTimeoutMs(this.promptTimeout),
      noAnswerAfterMs: noAnswerAfterMs(this.noAnswerTimeout),
      cameraPolicy: probes?.cameraPolicy.status,
      ...(probes ? { isSecureContext: probes.secureContext.status !== 'fail' } : {}),
    };
  };

  /** The state shown now. */
  get view(): ViewState {
    if (isViewState(this.previewState)) return this.previewState; // (#previewing, narrowed)
    const stage = this.#stage.value;
    return viewState({
      prediction: this.finalPrediction,
      camera: stage?.camera.check.state ?? IDLE_CAMERA,
      handoff: stage?.handoff.status ?? 'idle',
      awaiting: stage ? null : this.#awaiting, // once the stage is here, nothing waits for it (even after a late arrival)
      noDowngrade: this.noDowngrade,
    });
  }

  /** The final prediction, once known. */
  get finalPrediction(): FinalPrediction | null {
    return this.#prediction.value;
  }

  /** The language last asked for: the `lang` attribute's, or else the page's, which can change too. */
  #languageAsked: string | null = null;

  protected override willUpdate(): void {
    this.#stage.value?.camera.configure(this.#cameraSettings());
    // (The words follow <html lang> as it changes, Localize updating the element; their pack must follow too.)
    const language = this.#words.language();
    if (language !== this.#languageAsked) {
      this.#languageAsked = language;
      void loadLanguage(language);
    }
  }

  #announced: FinalPrediction | null = null;
  #stageAsked = false;

  protected override updated(): void {
    // Announced once rendered, so a listener reading the element sees the prediction's state.
    const prediction = this.finalPrediction;
    if (prediction && prediction !== this.#announced && !this.#previewing()) {
      this.#announced = prediction;
      emit(this, 'faceid-prediction', prediction);
    }
    // The decision is shown: now the code a tap needs, before the tap — once a state offers one (a
    // browser that cannot verify here, or an insecure page, never fetches it). A tap loads it anyway.
    if (this.#announced && !this.#stageAsked && !this.#previewing() && offersTap(this.view)) {
      this.#stageAsked = true;
      void this.#stage.load();
    }
  }

  /**
   * The stage, loading it first if a tap came before it (the state says so meanwhile). Null if it
   * did not load, or if the tap was dropped meanwhile: the element left the page (as a hand-off
   * does when removed mid-request), or a later tap took over.
   */
  readonly #stageFor = async (does: AwaitingStage['does']): Promise<LoadedStage | null> => {
    if (this.#stage.value) return this.#stage.value;
    const awaiting: AwaitingStage = { does, failed: false };
    this.#awaiting = awaiting;
    this.requestUpdate();
    const stage = await this.#stage.load();
    if (this.#awaiting !== awaiting) return null;
    this.#awaiting = stage ? null : { does, failed: true };
    this.requestUpdate();
    if (!stage) {
      emit(this, 'faceid-error', {
        reason: 'stage-load-failed',
        detail: 'The camera and hand-off code did not load (no connection, or a file that failed its integrity check).',
      });
    }
    return stage;
  };

  /** Until this is true, a live check shows the quiet card (see `Card.quiet`); then its spinner. */
  #spinnerDue = false;
  #spinnerScheduled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#spinnerScheduled) return; // once per element: a check that runs again shows its spinner at once
    this.#spinnerScheduled = true;
    setTimeout(() => {
      this.#spinnerDue = true;
      this.requestUpdate();
    }, QUIET_CHECK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (!this.#awaiting) return;
    this.#awaiting = null; // a tap still waiting for the stage is dropped, as a hand-off in flight is
    this.requestUpdate(); // (Lit renders while disconnected: the element comes back showing it)
  }

  /**
   * Starts the camera check (call from a user gesture; the button does). After a denial it asks
   * again only after a new, real click inside the element (see CameraController).
   */
  async checkCamera(): Promise<void> {
    const stage = await this.#stageFor('check-camera');
    if (!stage) return;
    stage.handoff.reset();
    const result = await stage.camera.start();
    if (result.status === 'needs-gesture') {
      emit(this, 'faceid-error', {
        reason: 'needs-gesture',
        detail: 'After a denial, the camera is asked for again only after a new click in the element.',
      });
    } else if (result.status === 'ready') {
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
    const stage = await this.#stageFor('hand-off');
    if (stage) await stage.handoff.start();
  }

  /** What a button does. */
  readonly #run = (action: Action): (() => void) | null => {
    const does = actions[action].does;
    if (does === 'retry-load') return this.#awaiting?.does === 'hand-off' ? () => void this.handOff() : () => void this.checkCamera();
    if (does === 'check-camera') return () => void this.checkCamera();
    if (does === 'hand-off') return () => void this.handOff();
    return null;
  };

  protected override render(): TemplateResult {
    const view = this.view;
    const record = stateRecords[view];
    const prediction = this.finalPrediction;
    const camera = this.#stage.value?.camera.check.state ?? IDLE_CAMERA;
    const message = record.message({
      mode: prediction?.mode ?? 'reflection',
      cameraError: this.#previewing()
        ? previewCameraError(this.previewError)
        : camera.status === 'error'
          ? camera.code
          : 'camera-unavailable',
      leaveApp: leaveAppPhrase(prediction?.uaPrediction.environment.app),
      advice: adviceFor(prediction),
    });
    // (With auto-handoff, camera-ready shows its button only when a hand-off came back: a "Stay", the back button.)
    const action = record.action ? actions[record.action] : null;
    const run = record.action ? this.#run(record.action) : null;
    return renderCard({
      view,
      title: this.#words.phrase(message.title),
      detail: message.detail.map((p) => this.#words.phrase(p)).join(' '),
      tone: record.tone,
      busy: record.busy,
      button: action && {
        label: this.#words.text(action.label),
        disabled: run === null,
        onClick: this.#previewing() || !run ? () => {} : run,
      },
      whyLabel: this.#words.text('why'),
      // (A preview shows no reasons: those of a real check would not be the previewed state's.)
      reasons: view === 'checking' || this.#previewing() ? [] : this.#words.reasons((prediction?.reasonCodes ?? []).slice(0, 3)),
      quiet: view === 'checking' && !this.#previewing() && !this.#spinnerDue,
    });
  }
}
FaceidPreflight.styles = styles;
