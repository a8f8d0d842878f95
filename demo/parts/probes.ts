/** Every runtime probe with its result: the five reflection mode needs, then the informative ones. */
import { html, type TemplateResult } from 'lit';
import { reflectionProbes, type ProbeReport, type ProbeStatus } from '../../src/core/index.js';

interface ProbeRow {
  name: string;
  status: ProbeStatus | 'info';
  detail: string;
  needed: boolean;
}

function rows(probes: ProbeReport): ProbeRow[] {
  return [
    ...reflectionProbes.map((name) => ({ name, ...probes[name], needed: true })),
    { name: 'mediaRecorder', status: probes.mediaRecorder.status, detail: probes.mediaRecorder.detail, needed: false },
    { name: 'cameraPermission', status: probes.cameraPermission.status, detail: probes.cameraPermission.detail, needed: false },
    { name: 'maxTouchPoints', status: 'info', detail: String(probes.maxTouchPoints ?? 'not reported'), needed: false },
  ];
}

export function probesView(probes: ProbeReport): TemplateResult {
  return html`<table class="probes cards">
    <thead>
      <tr><th>Probe</th><th>Result</th><th>What was seen</th></tr>
    </thead>
    <tbody>
      ${rows(probes).map(
        (r) => html`<tr data-probe=${r.name} data-status=${r.status}>
          <td data-label="Probe"><code>${r.name}</code>${r.needed ? html` <small class="muted">reflection</small>` : ''}</td>
          <td data-label="Result"><span class="status" data-status=${r.status}>${r.status}</span></td>
          <td data-label="Seen">${r.detail}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
