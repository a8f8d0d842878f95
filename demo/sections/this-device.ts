/**
 * This device: the real <faceid-preflight> on this page, and everything it found out — the parsed
 * environment, Client Hints, every probe, the user-agent prediction and the final mode. The camera
 * check is real; the hand-off is not: the element is given a fake verification URL, its
 * `faceid-handoff` event is cancelled, and its `navigate` refuses, so nothing leaves the machine.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../src/faceid-preflight.js';
import type { FaceidPreflightEventMap } from '../../src/element/events.js';
import { LightElement } from '../parts/light-element.js';
import { clientHintsView, environmentView } from '../parts/environment.js';
import { probesView } from '../parts/probes.js';
import { verdictView } from '../parts/verdict.js';
import { languageNames, languages, type Language } from '../lib/languages.js';
import { demoState, DemoStateController } from '../state.js';

/** Looks like what a backend returns, on an allowed host; the hand-off to it is always cancelled. */
export const FAKE_VERIFICATION_URL = 'https://sg.faceid.qq.com/reflect/?token=DEMO-NOT-A-REAL-TOKEN';

type Detail<K extends keyof FaceidPreflightEventMap> = FaceidPreflightEventMap[K]['detail'];

@customElement('demo-this-device')
export class DemoThisDevice extends LightElement {
  @state() private language: Language = 'en';
  @state() private microphone = false;
  @state() private noDowngrade = false;
  /** The URL the element would have opened, once it tried. */
  @state() private wouldNavigateTo = '';

  constructor() {
    super();
    new DemoStateController(this);
  }

  private readonly onPrediction = (e: CustomEvent<Detail<'faceid-prediction'>>) => {
    demoState.update({ prediction: e.detail });
    demoState.log(e.type, `${e.detail.mode} (${e.detail.rule})`);
  };

  private readonly onCameraReady = (e: CustomEvent<Detail<'faceid-camera-ready'>>) => {
    const c = e.detail.camera;
    demoState.update({ camera: { status: 'ready', camera: c } });
    demoState.log(e.type, `${c.label || 'camera'} ${c.width ?? '?'}×${c.height ?? '?'}, facing ${c.facingMode ?? 'not reported'}`);
  };

  private readonly onCameraError = (e: CustomEvent<Detail<'faceid-camera-error'>>) => {
    const { code, name, message } = e.detail;
    demoState.update({ camera: { status: 'error', code, name, message } });
    demoState.log(e.type, `${code}: ${name} — ${message}`);
  };

  private readonly onHandoff = (e: CustomEvent<Detail<'faceid-handoff'>>) => {
    e.preventDefault(); // the demo never leaves the page
    this.wouldNavigateTo = e.detail.url;
    demoState.log(e.type, `would navigate to ${e.detail.url} (cancelled by the demo)`);
  };

  private readonly onError = (e: CustomEvent<Detail<'faceid-error'>>) => {
    demoState.log(e.type, `${e.detail.reason}: ${e.detail.detail}`);
  };

  /** Only reached if a hand-off event were not cancelled: still no navigation. */
  private readonly refuseNavigation = (url: string) => {
    demoState.log('navigate', `refused by the demo: ${url}`);
  };

  private element(): TemplateResult {
    // One element for the page's life: a new `lang` re-renders it in that language (loaded on first
    // use), and keeps what it found and the camera check's outcome.
    return html`<faceid-preflight
      profile=${demoState.profile}
      lang=${this.language}
      ?microphone=${this.microphone}
      ?no-downgrade=${this.noDowngrade}
      verification-url=${FAKE_VERIFICATION_URL}
      .navigate=${this.refuseNavigation}
      @faceid-prediction=${this.onPrediction}
      @faceid-camera-ready=${this.onCameraReady}
      @faceid-camera-error=${this.onCameraError}
      @faceid-handoff=${this.onHandoff}
      @faceid-error=${this.onError}
    ></faceid-preflight>`;
  }

  private controls(): TemplateResult {
    return html`<div class="controls">
      <label
        >Language
        <select id="device-lang" @change=${(e: Event) => (this.language = (e.target as HTMLSelectElement).value as Language)}>
          ${languages.map((l) => html`<option value=${l} ?selected=${l === this.language}>${languageNames[l]}</option>`)}
        </select>
      </label>
      <label><input type="checkbox" .checked=${this.microphone} @change=${(e: Event) => (this.microphone = (e.target as HTMLInputElement).checked)} /> microphone</label>
      <label
        ><input type="checkbox" .checked=${this.noDowngrade} @change=${(e: Event) => (this.noDowngrade = (e.target as HTMLInputElement).checked)} />
        no-downgrade</label
      >
    </div>`;
  }

  private eventLog(): TemplateResult {
    const events = demoState.events;
    if (!events.length) return html`<p class="muted">No event yet.</p>`;
    return html`<ol class="event-log">
      ${events.map((e) => html`<li data-type=${e.type}><code>${e.type}</code> <small class="muted">${(e.at / 1000).toFixed(1)} s</small> ${e.summary}</li>`)}
    </ol>`;
  }

  private findings(): TemplateResult {
    const p = demoState.prediction;
    if (!p) return html`<p class="muted" id="device-pending">Running the probes…</p>`;
    return html`
      ${verdictView(p, 'Final mode')}
      <h3>User-agent prediction</h3>
      ${verdictView(p.uaPrediction, 'From the user agent alone')}
      <h3>Parsed environment</h3>
      ${environmentView(p.uaPrediction.environment)}
      <h3>Client Hints</h3>
      ${clientHintsView(p.probes.clientHints)}
      <h3>Runtime probes</h3>
      ${probesView(p.probes)}
    `;
  }

  protected override render(): TemplateResult {
    return html`
      <div class="split">
        <div class="live">
          ${this.controls()} ${this.element()}
          ${
            this.wouldNavigateTo
              ? html`<p class="would-navigate" role="status">Hand-off intercepted — would navigate to <code>${this.wouldNavigateTo}</code></p>`
              : nothing
          }
          <h3>Events</h3>
          ${this.eventLog()}
          <h3>User agent</h3>
          <p class="ua"><code id="device-ua">${navigator.userAgent}</code></p>
        </div>
        <div class="findings" id="device-findings">${this.findings()}</div>
      </div>
    `;
  }
}
