/**
 * The error simulator: every state of <faceid-preflight> side by side, in one language or all,
 * without a camera (`preview-state`). Tencent's three documented camera messages come first.
 * Built from `viewStates`, so a state added to the element shows up here by itself.
 */
import { html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../src/faceid-preflight.js';
import { documentedCameraErrors, type CameraErrorCode } from '../../src/camera/error-codes.js';
import { viewStates, type ViewState } from '../../src/element/view-state.js';
import { languageNames, languages, type Language } from '../lib/languages.js';
import { previewDevices, type PreviewDevice } from '../lib/preview-devices.js';
import { LightElement } from '../parts/light-element.js';

interface Preview {
  id: string;
  state: ViewState;
  error?: CameraErrorCode;
  device: PreviewDevice;
  documented: boolean;
}

const { iphone, huaweiChrome, androidWeChat } = previewDevices;

/** Each state once, with the device that shows its copy; `ready` twice (reflection / video). */
function expand(state: ViewState): Preview[] {
  if (state === 'camera-error') {
    return documentedCameraErrors.map((error) => ({ id: `camera-error:${error}`, state, error, device: iphone, documented: true }));
  }
  if (state === 'ready') {
    return [
      { id: 'ready:reflection', state, device: iphone, documented: false },
      { id: 'ready:video', state, device: huaweiChrome, documented: false },
    ];
  }
  return [{ id: state, state, device: state === 'in-app' ? androidWeChat : iphone, documented: false }];
}

export const previews: readonly Preview[] = [...expand('camera-error'), ...viewStates.filter((s) => s !== 'camera-error').flatMap(expand)];

type Choice = Language | 'all';

@customElement('demo-simulator')
export class DemoSimulator extends LightElement {
  @state() private choice: Choice = 'en';

  private card(p: Preview, lang: Language, caption: TemplateResult): TemplateResult {
    return html`<figure class="preview" data-preview=${p.id} data-lang=${lang}>
      <figcaption>${caption}</figcaption>
      <faceid-preflight lang=${lang} preview-state=${p.state} preview-error=${p.error ?? 'camera-busy'} .probeGlobals=${p.device.globals}></faceid-preflight>
    </figure>`;
  }

  private caption(p: Preview): TemplateResult {
    return html`<code>${p.id}</code>${p.documented ? html` <span class="tag">Tencent's documented message</span>` : ''}
      <br /><small class="muted">slot <code>state-${p.state}</code> · as in ${p.device.name}</small>`;
  }

  private grid(): TemplateResult {
    if (this.choice !== 'all') {
      const lang = this.choice;
      return html`<div class="sim-grid">${previews.map((p) => this.card(p, lang, this.caption(p)))}</div>`;
    }
    return html`${previews.map(
      (p) => html`<section class="sim-state" data-preview-group=${p.id}>
        <h3>${this.caption(p)}</h3>
        <div class="sim-grid">${languages.map((lang) => this.card(p, lang, html`${languageNames[lang]}`))}</div>
      </section>`,
    )}`;
  }

  protected override render(): TemplateResult {
    return html`<div class="controls">
        <label
          >Language
          <select id="sim-lang" @change=${(e: Event) => (this.choice = (e.target as HTMLSelectElement).value as Choice)}>
            ${languages.map((l) => html`<option value=${l} ?selected=${l === this.choice}>${languageNames[l]}</option>`)}
            <option value="all" ?selected=${this.choice === 'all'}>All languages, side by side</option>
          </select>
        </label>
        <span class="muted">${previews.length} states${this.choice === 'all' ? ` × ${languages.length} languages` : ''}</span>
      </div>
      ${this.grid()}`;
  }
}
