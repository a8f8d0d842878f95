/** The coverage table's filters and grouping, as pure functions of the classified corpus. */
import type { Mode } from '../../src/core/index.js';
import type { ClassifiedEntry } from './corpus.js';

export interface CoverageFilter {
  mode: Mode | '';
  rule: string;
  os: string;
  browser: string;
  /** Free text: every word must appear in the label, the user agent, the model, the rule or the browser. */
  text: string;
}

export const noFilter: CoverageFilter = { mode: '', rule: '', os: '', browser: '', text: '' };

export type GroupBy = 'os' | 'browser' | 'vendor' | 'none';

export const groupByLabels: Record<GroupBy, string> = { os: 'OS', browser: 'Browser family', vendor: 'Maker', none: 'No grouping' };

export const modes: readonly Mode[] = ['reflection', 'video', 'undetermined'];

function haystack(e: ClassifiedEntry): string {
  const env = e.prediction.environment;
  return [e.label, e.ua, env.model, env.vendor, env.os, env.browser, env.app, e.prediction.rule].join(' ').toLowerCase();
}

/** The entries that pass every filter; `except` leaves one out (the mode counts ignore the mode filter). */
export function applyFilter(entries: readonly ClassifiedEntry[], f: CoverageFilter, except?: keyof CoverageFilter): ClassifiedEntry[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    const p = e.prediction;
    if (except !== 'mode' && f.mode && p.mode !== f.mode) return false;
    if (except !== 'rule' && f.rule && p.rule !== f.rule) return false;
    if (except !== 'os' && f.os && p.environment.os !== f.os) return false;
    if (except !== 'browser' && f.browser && p.environment.browser !== f.browser) return false;
    if (except !== 'text' && words.length) {
      const text = haystack(e);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

export function countByMode(entries: readonly ClassifiedEntry[]): Record<Mode, number> {
  const counts: Record<Mode, number> = { reflection: 0, video: 0, undetermined: 0 };
  for (const e of entries) counts[e.prediction.mode] += 1;
  return counts;
}

export function countByRule(entries: readonly ClassifiedEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.prediction.rule, (counts.get(e.prediction.rule) ?? 0) + 1);
  return counts;
}

function groupKey(e: ClassifiedEntry, by: GroupBy): string {
  const env = e.prediction.environment;
  if (by === 'os') return env.os;
  if (by === 'browser') return env.browser;
  if (by === 'vendor') return env.vendor ?? 'maker not shown';
  return '';
}

/** Groups in alphabetical order, entries by label inside each. */
export function groupEntries(entries: readonly ClassifiedEntry[], by: GroupBy): Array<{ key: string; entries: ClassifiedEntry[] }> {
  const groups = new Map<string, ClassifiedEntry[]>();
  for (const e of entries) {
    const key = groupKey(e, by);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => ({ key, entries: list.sort((a, b) => a.label.localeCompare(b.label)) }));
}

/** The distinct values of one environment field, for a filter's options. */
export function distinct(entries: readonly ClassifiedEntry[], field: 'os' | 'browser'): string[] {
  return [...new Set(entries.map((e) => e.prediction.environment[field]))].sort();
}
