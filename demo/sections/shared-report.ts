/**
 * A report opened from its short link (`#report?…`): what the reporting device said, and the
 * explanation recomputed here from the same inputs — flagged when the two disagree (another
 * engine version, or a bug worth filing).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { agrees, readShortLink, recompute, type SharedReport } from '../lib/short-link.js';
import { environmentView } from '../parts/environment.js';
import { LightElement } from '../parts/light-element.js';
import { verdictView } from '../parts/verdict.js';

@customElement('demo-shared-report')
export class DemoSharedReport extends LightElement {
  @state() private shared: SharedReport | null = readShortLink(location.hash);

  private readonly onHashChange = () => {
    const shared = readShortLink(location.hash);
    if (shared) this.shared = shared; // a rule link (#rule-…) keeps the report on screen
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private camera(c: SharedReport['camera']): string {
    if (c.status === 'error') return `${c.code ?? 'error'}: ${c.name ?? ''} — ${c.message ?? ''}`;
    return c.status === 'ready' ? 'works' : 'not checked';
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.shared;
    if (!s) return nothing;
    const here = recompute(s);
    return html`<section class="shared-report" id="shared-report" aria-labelledby="shared-h">
      <h2 id="shared-h">Shared report</h2>
      <dl class="facts">
        <div><dt>Reported</dt><dd id="shared-reported">${s.reported ? `${s.reported.mode} (${s.reported.rule})` : 'no prediction yet'}</dd></div>
        <div><dt>Camera</dt><dd id="shared-camera">${this.camera(s.camera)}</dd></div>
        <div><dt>Element</dt><dd>${s.elementVersion} · ${s.profile} · ${s.generatedAt.replace('T', ' ')} UTC</dd></div>
      </dl>
      ${
        agrees(s, here)
          ? nothing
          : html`<p class="warning" role="alert">This page's engine decides differently from the reporting device: compare the versions.</p>`
      }
      ${verdictView(here, 'Recomputed here')}
      ${environmentView(here.uaPrediction.environment)}
      <p class="ua"><code id="shared-ua">${s.userAgent}</code></p>
      <p><a href=${location.pathname} @click=${() => (this.shared = null)}>Close the shared report</a></p>
    </section>`;
  }
}
