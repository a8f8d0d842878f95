/**
 * The report: one click saves the JSON for a bug; the short link (and its QR code) carries the
 * essentials to another device. Both are built from what this device's element reported.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buildReport, downloadReport, reportFileName } from '../lib/report.js';
import { qrCode } from '../lib/qr.js';
import { shortLink } from '../lib/short-link.js';
import { elementVersion } from '../lib/version.js';
import { LightElement } from '../parts/light-element.js';
import { demoState, DemoStateController } from '../state.js';

@customElement('demo-report')
export class DemoReportSection extends LightElement {
  @state() private version = '…';
  @state() private saved = '';
  @state() private copied = false;

  constructor() {
    super();
    new DemoStateController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void elementVersion().then((v) => (this.version = v));
  }

  private save(): void {
    const report = buildReport(this.version);
    downloadReport(report);
    this.saved = reportFileName(report);
  }

  private async copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      this.copied = true;
    } catch {
      // No clipboard here (an insecure page, a refused permission): the field is selectable.
    }
  }

  private camera(): string {
    const c = demoState.camera;
    if (c.status === 'not-run') return 'not checked yet — tap “Check my camera” above';
    if (c.status === 'ready') return `works (${c.camera.label || 'camera'})`;
    return `${c.code}: ${c.name} — ${c.message}`;
  }

  protected override render(): TemplateResult {
    const p = demoState.prediction;
    const link = shortLink(buildReport(this.version), location.origin + location.pathname);
    return html`<dl class="facts">
        <div><dt>Element version</dt><dd id="report-version">${this.version}</dd></div>
        <div><dt>Profile</dt><dd>${demoState.profile}</dd></div>
        <div><dt>Final mode</dt><dd>${p ? `${p.mode} (${p.rule})` : 'probes still running'}</dd></div>
        <div><dt>Camera</dt><dd id="report-camera">${this.camera()}</dd></div>
      </dl>
      <p>
        <button type="button" class="primary" id="report-download" ?disabled=${!p} @click=${() => this.save()}>Download the JSON report</button>
        ${this.saved ? html`<span class="muted" role="status">Saved <code>${this.saved}</code></span>` : nothing}
      </p>
      <h3>Short link</h3>
      <p class="muted">Open it on another device (same network) to see this report there; the report stays in the link's <code>#</code> part and is sent to no server.</p>
      <div class="share">
        ${qrCode(link, 'QR code of the short report link')}
        <div class="share-link">
          <input id="report-link" type="text" readonly .value=${link} aria-label="Short report link" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          <p>
            <button type="button" @click=${() => void this.copy(link)}>${this.copied ? 'Copied' : 'Copy link'}</button>
            <a id="report-link-open" href=${link} target="_blank" rel="noopener">Open</a>
            <span class="muted">${link.length} characters</span>
          </p>
        </div>
      </div>`;
  }
}
