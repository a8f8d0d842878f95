/** The coverage filters: counts per mode (which also filter), rule, OS, browser, free text, grouping. */
import { html, type TemplateResult } from 'lit';
import type { Mode, Profile } from '../../src/core/index.js';
import { groupByLabels, modes, type CoverageFilter, type GroupBy } from '../lib/coverage-filter.js';

export interface FilterView {
  filter: CoverageFilter;
  groupBy: GroupBy;
  profile: Profile;
  /** Per mode, among the entries every other filter lets through. */
  counts: Record<Mode, number>;
  shown: number;
  total: number;
  oses: readonly string[];
  browsers: readonly string[];
  onFilter: (change: Partial<CoverageFilter>) => void;
  onGroup: (by: GroupBy) => void;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

function select(id: string, label: string, current: string, options: readonly string[], onChange: (v: string) => void): TemplateResult {
  return html`<label
    >${label}
    <select id=${id} @change=${(e: Event) => onChange(value(e))}>
      <option value="" ?selected=${current === ''}>any</option>
      ${options.map((o) => html`<option value=${o} ?selected=${o === current}>${o}</option>`)}
    </select>
  </label>`;
}

export function coverageFilters(v: FilterView): TemplateResult {
  const f = v.filter;
  return html`<div class="mode-counts" role="group" aria-label="Counts per mode (click to filter)">
      ${modes.map(
        (m) => html`<button
          type="button"
          class="mode-count"
          data-mode=${m}
          aria-pressed=${f.mode === m ? 'true' : 'false'}
          @click=${() => v.onFilter({ mode: f.mode === m ? '' : m })}
        >
          ${m} <strong>${v.counts[m]}</strong>
        </button>`,
      )}
      <span class="muted" id="corpus-shown">${v.shown} of ${v.total} user agents shown</span>
    </div>
    <div class="filters">
      <label class="search"
        >Search
        <input
          id="corpus-search"
          type="search"
          placeholder="label, model, user agent…"
          .value=${f.text}
          @input=${(e: Event) => v.onFilter({ text: value(e) })}
        />
      </label>
      ${select('filter-mode', 'Mode', f.mode, modes, (mode) => v.onFilter({ mode: mode as Mode | '' }))}
      ${select(
        'filter-rule',
        'Rule',
        f.rule,
        v.profile.rules.map((r) => r.id),
        (rule) => v.onFilter({ rule }),
      )}
      ${select('filter-os', 'OS', f.os, v.oses, (os) => v.onFilter({ os }))}
      ${select('filter-browser', 'Browser', f.browser, v.browsers, (browser) => v.onFilter({ browser }))}
      <label
        >Group by
        <select id="group-by" @change=${(e: Event) => v.onGroup(value(e) as GroupBy)}>
          ${(Object.keys(groupByLabels) as GroupBy[]).map(
            (g) => html`<option value=${g} ?selected=${g === v.groupBy}>${groupByLabels[g]}</option>`,
          )}
        </select>
      </label>
      <button type="button" id="filter-reset" @click=${() => v.onFilter({ mode: '', rule: '', os: '', browser: '', text: '' })}>Reset</button>
    </div>`;
}
