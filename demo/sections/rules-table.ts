/**
 * The compatibility table itself, rendered from `profiles` (the data the engine decides with):
 * each rule with its source text, what it matches, its minimum and verdict, and a button that
 * filters the corpus to the user agents it decides.
 */
import { html, type TemplateResult } from 'lit';
import { describeReason, profileDocs, sourceOf, type Profile, type Rule, type RuleId } from '../../src/core/index.js';
import { modeBadge, percent } from '../parts/verdict.js';

function matchText(rule: Rule): string {
  const parts = Object.entries(rule.match).map(([field, values]) =>
    Array.isArray(values) ? `${field}: ${values.join(', ')}` : `${field}: ${String(values)}`,
  );
  return parts.length ? parts.join('; ') : 'anything (catch-all)';
}

function minimumText(rule: Rule): string {
  const m = rule.minimum;
  if (!m) return '—';
  return [m.osVersion && `OS ${m.osVersion}+`, m.browserVersion && `browser ${m.browserVersion}+`].filter(Boolean).join(', ');
}

export function rulesTable(profile: Profile, decided: ReadonlyMap<string, number>, showRule: (id: string) => void): TemplateResult {
  return html`<p class="muted">${profile.title} — ${profileDocs[profile.id]}. First match wins.</p>
    <table class="rules cards" id="rules-table">
      <thead>
        <tr><th>#</th><th>Rule</th><th>Source</th><th>Matches</th><th>Minimum</th><th>Verdict</th><th>Reason</th><th>UAs</th></tr>
      </thead>
      <tbody>
        ${profile.rules.map((rule, i) => {
          const n = decided.get(rule.id) ?? 0;
          return html`<tr id=${`rule-${rule.id}`} data-rule=${rule.id} data-kind=${rule.kind}>
            <td data-label="#">${i + 1}</td>
            <td data-label="Rule"><code>${rule.id}</code> <small class="muted">${rule.kind}</small></td>
            <td data-label="Source"><q>${sourceOf(rule.id)?.text ?? ''}</q></td>
            <td data-label="Matches">${matchText(rule)}</td>
            <td data-label="Minimum">${minimumText(rule)}</td>
            <td data-label="Verdict">
              ${modeBadge(rule.verdict)}
              <small class="muted">${percent(rule.likelihood)}${rule.documentedLikelihood ? '' : ' (assumed)'}</small>
            </td>
            <td data-label="Reason">${describeReason({ code: 'rule', rule: rule.id as RuleId })}</td>
            <td data-label="UAs">
              <button type="button" class="show-rule" data-rule=${rule.id} ?disabled=${n === 0} @click=${() => showRule(rule.id)}>
                ${n} UA${n === 1 ? '' : 's'}
              </button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
