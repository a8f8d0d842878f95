/**
 * The counting behind `coverage`, apart from any I/O: verdicts and bad lines go in, a
 * {@link CoverageReport} (plain data, what every output format prints) comes out. Memory is bounded:
 * the breakdowns are keyed by the engine's closed vocabularies (rule ids, OS, browser families), the
 * undetermined user agents by a {@link TopCounter}, the bad lines by a count and the first few.
 * Every count is of requests: a line of counted input adds its count.
 */
import { createHash } from 'node:crypto';
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
  /** Counted input: each line carries how many requests it stands for. */
  counted: boolean;
  gzip: boolean;
  lines: number;
}

/** The version of the report's shape: reports merge only with reports of the same version. */
export const REPORT_VERSION = 1;

export interface CoverageReport {
  version: typeof REPORT_VERSION;
  profile: ProfileId;
  /** False when Ctrl-C or a read error stopped the run: the counts cover what was read. */
  complete: boolean;
  inputs: InputSummary[];
  /** Lines read, blank lines and bad lines included. */
  lines: number;
  blank: number;
  /** Requests that gave a user agent, and so a prediction: the denominator of every share. */
  classified: number;
  modes: Record<Mode, { count: number; share: number }>;
  rules: BreakdownRow[];
  os: BreakdownRow[];
  browsers: BreakdownRow[];
  /** How many undetermined user agents were asked for (`--top`): what a merge lists by default. */
  top: number;
  topUndetermined: Array<{ userAgent: string; count: number; overcount: number; rule: string }>;
  /** An undetermined user agent not in `topUndetermined` was seen at most this many times (0: all are listed). */
  unlistedUndeterminedAtMost: number;
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
  /** The first bad line of the input being read, however many came before (the command clears it between inputs). */
  firstBadOfInput: BadLine | undefined;
  badCount = 0;

  /** @param top how many undetermined user agents the report will list */
  constructor(readonly top: number) {
    // Ten times the slots asked for keeps the listed ones' counts exact on any realistic log.
    this.undetermined = new TopCounter(Math.max(1000, top * 10));
  }

  /**
   * The requests taken so far, added when a line is read (before its prediction, which may come
   * later from a worker): what the 2^53 check of the next count is made against.
   */
  admitted = 0;

  /** Takes `count` more requests, unless the total would no longer be exact. */
  admit(count: number): boolean {
    if (this.admitted + count > Number.MAX_SAFE_INTEGER) return false;
    this.admitted += count;
    return true;
  }

  add(verdict: Verdict, userAgent: string, count = 1): void {
    this.classified += count;
    this.modes[verdict.mode] += count;
    bump(this.rules, verdict.rule, verdict.mode, count);
    bump(this.os, verdict.os, verdict.mode, count);
    bump(this.browsers, verdict.browser, verdict.mode, count);
    if (verdict.mode === 'undetermined') this.countUndetermined(topKey(userAgent), verdict.rule, count);
  }

  /** An undetermined user agent (under its {@link topKey}) into the Space-Saving counter. */
  countUndetermined(key: string, rule: string, count: number): void {
    this.undetermined.add(key, rule, count);
  }

  addBlank(): void {
    this.blank++;
  }

  addBad(input: string, line: number, reason: BadLineReason): void {
    this.badCount++;
    this.badByReason.set(reason, (this.badByReason.get(reason) ?? 0) + 1);
    const bad = { input, line, reason };
    if (this.firstBad.length < FIRST_BAD_LINES) this.firstBad.push(bad);
    this.firstBadOfInput ??= bad;
  }
}

function zero(): ModeCounts {
  return { reflection: 0, video: 0, undetermined: 0 };
}

function bump(map: Map<string, ModeCounts>, key: string, mode: Mode, count: number): void {
  let counts = map.get(key);
  if (counts === undefined) map.set(key, (counts = zero()));
  counts[mode] += count;
}

/** User agents longer than this are listed by their start and a digest, so the counter's memory is bounded by bytes. */
export const LISTED_USER_AGENT_MAX = 1024;

/**
 * The key a user agent is counted under among the undetermined: itself, or for one longer than
 * {@link LISTED_USER_AGENT_MAX} its first 960 characters, its length and a SHA-256 prefix (distinct
 * long user agents stay distinct). Always a fresh string: a slice would keep its whole line alive.
 */
export function topKey(userAgent: string): string {
  if (userAgent.length <= LISTED_USER_AGENT_MAX) return userAgent;
  const digest = createHash('sha256').update(userAgent).digest('hex').slice(0, 16);
  return `${userAgent.slice(0, 960)}… [${userAgent.length} characters, sha256 ${digest}]`;
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
    version: REPORT_VERSION,
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
    top: tally.top,
    topUndetermined: tally.undetermined
      .top(tally.top)
      .map(({ key, count, overcount, data }) => ({ userAgent: key, count, overcount, rule: data })),
    unlistedUndeterminedAtMost: tally.undetermined.unlistedAtMost(tally.top),
    badLines: { count: tally.badCount, byReason: Object.fromEntries(tally.badByReason), first: [...tally.firstBad] },
    cache: facts.cache,
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
