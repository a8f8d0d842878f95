/** The corpus table: one row per user agent, grouped, with what the engine reads and decides. */
import { html, type TemplateResult } from 'lit';
import type { ClassifiedEntry } from '../lib/corpus.js';
import { groupEntries, type GroupBy } from '../lib/coverage-filter.js';
import { modeBadge, percent, ruleLink } from '../parts/verdict.js';

const version = (v: string | null) => (v ? ` ${v}` : '');
/** A hidden OS version with a known floor (a reduced Chrome UA implies Android 7+). */
const osVersion = (v: string | null, floor: string | null) => version(v ?? (floor ? `${floor}+` : null));

function row(e: ClassifiedEntry): TemplateResult {
  const p = e.prediction;
  const env = p.environment;
  // The inputs ride along as data, so a test can classify the row again elsewhere.
  return html`<tr
    class="ua-row"
    data-mode=${p.mode}
    data-rule=${p.rule}
    data-os=${env.os}
    data-browser=${env.browser}
    data-client-hints=${e.clientHints ? JSON.stringify(e.clientHints) : ''}
    data-max-touch-points=${e.maxTouchPoints ?? ''}
  >
    <td data-label="Device">
      <strong>${e.label}</strong>
      <details>
        <summary>user agent</summary>
        <code class="ua">${e.ua}</code>
        ${e.clientHints ? html`<p class="muted">with Client Hints ${JSON.stringify(e.clientHints)}</p>` : ''}
        ${e.note ? html`<p class="muted">${e.note}</p>` : ''}
      </details>
    </td>
    <td data-label="OS">${env.os}${osVersion(env.osVersion, env.osVersionFloor)}</td>
    <td data-label="Browser">${env.browser}${version(env.browserVersion)}${env.app ? html` <small class="muted">in-app</small>` : ''}</td>
    <td data-label="Maker">${env.vendor ?? '—'}${env.model ? html` <small class="muted">${env.model}</small>` : ''}</td>
    <td data-label="Rule">${ruleLink(p.rule)}</td>
    <td data-label="Mode">${modeBadge(p.mode)} <small class="muted">${percent(p.likelihood)}</small></td>
  </tr>`;
}

export function corpusTable(entries: readonly ClassifiedEntry[], groupBy: GroupBy): TemplateResult {
  if (!entries.length) return html`<p class="muted" id="corpus-empty">No user agent matches these filters.</p>`;
  const groups = groupEntries(entries, groupBy);
  return html`<table class="corpus cards" id="corpus-table">
    <thead>
      <tr><th>Device</th><th>OS</th><th>Browser</th><th>Maker / model</th><th>Rule</th><th>Mode</th></tr>
    </thead>
    ${groups.map(
      (g) => html`<tbody>
        ${
          groupBy === 'none'
            ? ''
            : html`<tr class="group-row">
              <th colspan="6" scope="rowgroup">${g.key} <small class="muted">${g.entries.length}</small></th>
            </tr>`
        }
        ${g.entries.map(row)}
      </tbody>`,
    )}
  </table>`;
}
