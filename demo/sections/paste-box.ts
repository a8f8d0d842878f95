/** Paste any user agent: the verdict, its reasons and what the engine read, with the chosen profile. */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { predictFromUserAgent } from '../../src/core/index.js';
import { environmentView } from '../parts/environment.js';
import { LightElement } from '../parts/light-element.js';
import { verdictView } from '../parts/verdict.js';
import { demoState, DemoStateController } from '../state.js';

@customElement('demo-paste-box')
export class DemoPasteBox extends LightElement {
  @state() private ua = '';

  constructor() {
    super();
    new DemoStateController(this);
  }

  private result(): TemplateResult | typeof nothing {
    const ua = this.ua.trim();
    if (!ua) return nothing;
    const p = predictFromUserAgent(ua, { profile: demoState.profile });
    return html`${verdictView(p, `Verdict (${p.profile})`)} ${environmentView(p.environment)}`;
  }

  protected override render(): TemplateResult {
    return html`<label class="paste"
        >User agent
        <textarea
          id="paste-ua"
          rows="3"
          spellcheck="false"
          placeholder="Mozilla/5.0 (Linux; Android 13; …) …"
          .value=${this.ua}
          @input=${(e: Event) => (this.ua = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <div id="paste-result" aria-live="polite">${this.result()}</div>`;
  }
}
