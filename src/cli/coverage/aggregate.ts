/**
 * The counting behind `coverage`, apart from any I/O: verdicts and bad lines go in, a
 * {@link CoverageReport} (plain data, what every output format prints) comes out. Memory is bounded:
 * the breakdowns are keyed by the engine's closed vocabularies (rule ids, OS, browser families), the
 * undetermined user agents by a {@link TopCounter}, the bad lines by a count and the first few.
 */
import type { Mode, ProfileId } from '../../core/table/types.js';
import type { Verdict } from './classifier.js';
import type { BadLineReason, InputFormat } from './formats.js';
import { TopCounter } from './top-counter.js';

export type ModeCounts = Record<Mode, number>;

export const modes: readonly Mode[] = ['reflection', 'video', 'undetermined'];

/** One line of a breakdown: a rule, an OS or a browser family. */
export interface BreakdownRow {
  key: string;
  count: number;
  /** count / classified, 0..1 */
  share: number;
  /** How this row's lines split between the modes. */
  modes: ModeCounts;
}

export interface BadLine {
  input: string;
  line: number;
  reason: BadLineReason;
}

export interface InputSummary {
  /** The path as given, or `-` for standard input. */
  name: string;
  /** `null` when the input had no line to tell from. */
  format: InputFormat | null;
  gzip: boolean;
  lines: number;
}

export interface CoverageReport {
  profile: ProfileId;
  /** False when Ctrl-C or a read error stopped the run: the counts cover what was read. */
  complete: boolean;
  inputs: InputSummary[];
  /** Lines read, blank lines and bad lines included. */
  lines: number;
  blank: number;
  /** Lines that gave a user agent, and so a prediction: the denominator of every share. */
  classified: number;
  modes: Record<Mode, { count: number; share: number }>;
  rules: BreakdownRow[];
  os: BreakdownRow[];
  browsers: BreakdownRow[];
  topUndetermined: Array<{ userAgent: string; count: number; overcount: number; rule: string }>;
  badLines: { count: number; byReason: Partial<Record<BadLineReason, number>>; first: BadLine[] };
  cache: { hits: number; misses: number };
}

/** Bad lines reported one by one; the rest are only counted. */
export const FIRST_BAD_LINES = 5;

export class CoverageTally {
  classified = 0;
  blank = 0;
  readonly modes: ModeCounts = zero();
  readonly rules = new Map<string, ModeCounts>();
  readonly os = new Map<string, ModeCounts>();
  readonly browsers = new Map<string, ModeCounts>();
  readonly undetermined: TopCounter<string>;
  readonly badByReason = new Map<BadLineReason, number>();
  readonly firstBad: BadLine[] = [];
  badCount = 0;

  /** @param top how many undetermined user agents the report will list */
  constructor(readonly top: number) {
    // Ten times the slots asked for keeps the listed ones' counts exact on any realistic log.
    this.undetermined = new TopCounter(Math.max(1000, top * 10));
  }

  add(verdict: Verdict, userAgent: string): void {
    this.classified++;
    this.modes[verdict.mode]++;
    bump(this.rules, verdict.rule, verdict.mode);
    bump(this.os, verdict.os, verdict.mode);
    bump(this.browsers, verdict.browser, verdict.mode);
    if (verdict.mode === 'undetermined') this.undetermined.add(userAgent, verdict.rule);
  }

  addBlank(): void {
    this.blank++;
  }

  addBad(input: string, line: number, reason: BadLineReason): void {
    this.badCount++;
    this.badByReason.set(reason, (this.badByReason.get(reason) ?? 0) + 1);
    if (this.firstBad.length < FIRST_BAD_LINES) this.firstBad.push({ input, line, reason });
  }
}

function zero(): ModeCounts {
  return { reflection: 0, video: 0, undetermined: 0 };
}

function bump(map: Map<string, ModeCounts>, key: string, mode: Mode): void {
  let counts = map.get(key);
  if (counts === undefined) map.set(key, (counts = zero()));
  counts[mode]++;
}

export interface RunFacts {
  profile: ProfileId;
  complete: boolean;
  inputs: InputSummary[];
  cache: { hits: number; misses: number };
}

/** The report of a tally: sorted, with shares. */
export function summarize(tally: CoverageTally, facts: RunFacts): CoverageReport {
  const share = (count: number) => (tally.classified === 0 ? 0 : round(count / tally.classified));
  const rows = (map: Map<string, ModeCounts>): BreakdownRow[] =>
    [...map]
      .map(([key, counts]) => {
        const count = counts.reflection + counts.video + counts.undetermined;
        return { key, count, share: share(count), modes: { ...counts } };
      })
      .sort((a, b) => b.count - a.count || compare(a.key, b.key));
  const lines = facts.inputs.reduce((sum, input) => sum + input.lines, 0);
  return {
    profile: facts.profile,
    complete: facts.complete,
    inputs: facts.inputs,
    lines,
    blank: tally.blank,
    classified: tally.classified,
    modes: Object.fromEntries(modes.map((m) => [m, { count: tally.modes[m], share: share(tally.modes[m]) }])) as CoverageReport['modes'],
    rules: rows(tally.rules),
    os: rows(tally.os),
    browsers: rows(tally.browsers),
    topUndetermined: tally.undetermined
      .top(tally.top)
      .map(({ key, count, overcount, data }) => ({ userAgent: key, count, overcount, rule: data })),
    badLines: { count: tally.badCount, byReason: Object.fromEntries(tally.badByReason), first: [...tally.firstBad] },
    cache: facts.cache,
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
