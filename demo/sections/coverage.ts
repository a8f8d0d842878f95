/**
 * Device coverage: the fixtures' real user agents, classified with the chosen profile, filtered
 * and grouped; the compatibility table those outcomes come from; and a box for any other UA.
 */
import { html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { profiles } from '../../src/core/index.js';
import { classify, loadCorpus, type ClassifiedEntry, type CorpusEntry } from '../lib/corpus.js';
import { applyFilter, countByMode, countByRule, distinct, noFilter, type CoverageFilter, type GroupBy } from '../lib/coverage-filter.js';
import { LightElement } from '../parts/light-element.js';
import { demoState, DemoStateController } from '../state.js';
import { corpusTable } from './corpus-table.js';
import { coverageFilters } from './coverage-filters.js';
import { rulesTable } from './rules-table.js';
import './paste-box.js';

@customElement('demo-coverage')
export class DemoCoverage extends LightElement {
  @state() private corpus: CorpusEntry[] | null = null;
  @state() private loadError = '';
  @state() private filter: CoverageFilter = noFilter;
  @state() private groupBy: GroupBy = 'os';

  /** Classified once per profile. */
  private readonly classified = new Map<string, ClassifiedEntry[]>();

  constructor() {
    super();
    new DemoStateController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadCorpus().then(
      (corpus) => (this.corpus = corpus),
      (error: unknown) => (this.loadError = String(error)),
    );
  }

  /** A rule filter from the other profile would hide everything: a profile switch clears it. */
  private filteredProfile = demoState.profile;

  protected override willUpdate(): void {
    if (this.filteredProfile !== demoState.profile) {
      this.filteredProfile = demoState.profile;
      if (this.filter.rule) this.filter = { ...this.filter, rule: '' };
    }
  }

  private entries(): ClassifiedEntry[] {
    const profile = demoState.profile;
    let list = this.classified.get(profile);
    if (!list) {
      list = classify(this.corpus ?? [], profile);
      this.classified.set(profile, list);
    }
    return list;
  }

  private readonly onFilter = (change: Partial<CoverageFilter>) => {
    this.filter = { ...this.filter, ...change };
  };

  /** From the compatibility table: only this rule's user agents, every other filter cleared. */
  private readonly showRule = (rule: string) => {
    this.filter = { ...noFilter, rule };
    this.querySelector('#corpus-heading')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  protected override render(): TemplateResult {
    if (this.loadError) return html`<p class="error" role="alert">Could not load the corpus: ${this.loadError}</p>`;
    if (!this.corpus) return html`<p class="muted">Loading the corpus…</p>`;
    const all = this.entries();
    const profile = profiles[demoState.profile];
    const shown = applyFilter(all, this.filter);
    return html`
      <h3 id="corpus-heading">Real user agents <small class="muted">(the test fixtures, ${profile.id} profile)</small></h3>
      ${coverageFilters({
        filter: this.filter,
        groupBy: this.groupBy,
        profile,
        counts: countByMode(applyFilter(all, this.filter, 'mode')),
        shown: shown.length,
        total: all.length,
        oses: distinct(all, 'os'),
        browsers: distinct(all, 'browser'),
        onFilter: this.onFilter,
        onGroup: (by) => (this.groupBy = by),
      })}
      <div class="table-wrap">${corpusTable(shown, this.groupBy)}</div>
      <h3 id="paste-heading">Try any user agent</h3>
      <demo-paste-box></demo-paste-box>
      <h3 id="rules-heading">The compatibility table (${profile.id})</h3>
      <div class="table-wrap">${rulesTable(profile, countByRule(all), this.showRule)}</div>
    `;
  }
}
