/** How every section shows a verdict: the mode, its likelihood, the deciding rule and the reasons. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Mode } from '../../src/core/index.js';

export interface VerdictLike {
  mode: Mode;
  likelihood: number;
  rule: string;
  reasons: readonly string[];
  failedProbe?: string | null;
}

export const percent = (likelihood: number): string => `${Math.round(likelihood * 100)} %`;

export function modeBadge(mode: Mode): TemplateResult {
  return html`<span class="mode" data-mode=${mode}>${mode}</span>`;
}

/** The rule id as a link to its row in the compatibility table (rendered in the coverage section). */
export function ruleLink(rule: string): TemplateResult {
  return html`<a class="rule" href=${`#rule-${rule}`}><code>${rule}</code></a>`;
}

export function verdictView(v: VerdictLike, title: string): TemplateResult {
  return html`<div class="verdict" data-mode=${v.mode} data-rule=${v.rule}>
    <p class="verdict-head">
      <strong>${title}:</strong> ${modeBadge(v.mode)} <span class="likelihood">likelihood ${percent(v.likelihood)}</span>
    </p>
    <p class="verdict-rule">rule ${ruleLink(v.rule)}${v.failedProbe ? html` · failed probe <code>${v.failedProbe}</code>` : nothing}</p>
    <ul class="reasons">
      ${v.reasons.map((r) => html`<li>${r}</li>`)}
    </ul>
  </div>`;
}
