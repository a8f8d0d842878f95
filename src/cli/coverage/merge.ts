/**
 * `faceid-preflight coverage merge a.json b.json …`: the report of the union of the shards whose
 * `coverage --json` reports are given, as `coverage` would have made it reading them all in that
 * order. Exact counts add; the top undetermined lists merge with the bound of {@link mergeTopLists}.
 * Reports of different profiles or report versions are refused: their figures do not add up.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isProfileId } from '../../core/table/profiles.js';
import type { CliIO } from '../io.js';
import { UsageError, withUsage } from '../usage.js';
import { CoverageTally, FIRST_BAD_LINES, REPORT_VERSION, type CoverageReport, type ModeCounts, modes, summarize } from './aggregate.js';
import { badLineReasons } from './formats.js';
import { describeFailure } from './inputs.js';
import { type OutputFormat, renderReport } from './report.js';
import { mergeTopLists } from './top-counter.js';

export const mergeUsage = `Usage: faceid-preflight coverage merge [options] <report.json ...>

Merges reports made by "faceid-preflight coverage --json" on shards of the traffic into the report
of all of it: every count adds up exactly; the top undetermined user agents merge with a bound (each
count is at most "overcount" too high; one not listed was seen at most "unlistedUndeterminedAtMost"
times). Reports of different profiles or report versions are refused.

Options:
  -n, --top <N>   How many undetermined user agents to list (default: the most any report asked for)
      --json      Print the merged report as JSON (it can be merged again)
      --csv       Print it as CSV
  -h, --help      Show this help

Exit codes: 0 done, 1 a report could not be read or merged, 2 usage error.
`;

/** A report that cannot be merged, said plainly. */
class MergeError extends Error {}

export async function mergeCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = withUsage(
    () =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          top: { type: 'string', short: 'n' },
          json: { type: 'boolean', default: false },
          csv: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      }),
    mergeUsage,
  );
  if (values.help) {
    io.stdout.write(mergeUsage);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give the --json reports to merge', mergeUsage);
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv', mergeUsage);
  if (values.top !== undefined && (!/^\d+$/.test(values.top) || Number(values.top) > 1000)) {
    throw new UsageError(`--top must be a whole number from 0 to 1000, not "${values.top}"`, mergeUsage);
  }
  const output: OutputFormat = values.json ? 'json' : values.csv ? 'csv' : 'table';
  try {
    const reports: Array<[string, CoverageReport]> = [];
    for (const name of positionals) reports.push([name, await readReport(name)]);
    const top = values.top === undefined ? Math.max(...reports.map(([, r]) => r.top)) : Number(values.top);
    io.stdout.write(renderReport(mergeReports(reports, top), output));
    return 0;
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    io.stderr.write(`faceid-preflight coverage merge: ${error.message}\n`);
    return 1;
  }
}

async function readReport(name: string): Promise<CoverageReport> {
  let text: string;
  try {
    text = await readFile(name, 'utf8');
  } catch (error) {
    throw new MergeError(describeFailure(name, error));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MergeError(`"${name}" is not JSON: give the output of "faceid-preflight coverage --json"`);
  }
  const report = value as Partial<CoverageReport> | null;
  if (typeof report !== 'object' || report === null || Array.isArray(report) || !('modes' in report) || !('rules' in report)) {
    throw new MergeError(`"${name}" is not a coverage report: give the output of "faceid-preflight coverage --json"`);
  }
  if (report.version !== REPORT_VERSION) {
    const found = report.version === undefined ? 'none (an older faceid-preflight)' : JSON.stringify(report.version);
    throw new MergeError(
      `"${name}" is a report of version ${found}; this faceid-preflight merges version ${REPORT_VERSION} only: make it again`,
    );
  }
  if (!isProfileId(report.profile)) throw new MergeError(`"${name}" names no known profile`);
  const field = malformedField(report as CoverageReport);
  if (field !== null)
    throw new MergeError(
      `"${name}" is not a well-formed version ${REPORT_VERSION} report: its ${field} is not as coverage --json writes it`,
    );
  return report as CoverageReport;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isModeCounts = (m: unknown): m is ModeCounts =>
  typeof m === 'object' && m !== null && modes.every((k) => isCount((m as Record<string, unknown>)[k]));

/** The first field of a report that is not as `coverage --json` writes it, or null when none is. */
function malformedField(r: CoverageReport): string | null {
  const rows = (list: unknown) =>
    Array.isArray(list) && list.every((row) => typeof row?.key === 'string' && isCount(row.count) && isModeCounts(row.modes));
  const checks: Array<[string, () => boolean]> = [
    ['complete', () => typeof r.complete === 'boolean'],
    ['inputs', () => Array.isArray(r.inputs)],
    ...(['lines', 'blank', 'classified', 'top', 'unlistedUndeterminedAtMost'] as const).map((k): [string, () => boolean] => [
      k,
      () => isCount(r[k]),
    ]),
    ['cache', () => isCount(r.cache?.hits) && isCount(r.cache?.misses)],
    ...modes.map((m): [string, () => boolean] => [`modes.${m}`, () => isCount(r.modes?.[m]?.count)]),
    ['rules', () => rows(r.rules)],
    ['os', () => rows(r.os)],
    ['browsers', () => rows(r.browsers)],
    [
      'topUndetermined',
      () =>
        Array.isArray(r.topUndetermined) &&
        r.topUndetermined.every(
          (u) => typeof u?.userAgent === 'string' && isCount(u.count) && isCount(u.overcount) && typeof u.rule === 'string',
        ),
    ],
    ['badLines.count', () => isCount(r.badLines?.count)],
    [
      'badLines.byReason',
      () =>
        typeof r.badLines.byReason === 'object' &&
        r.badLines.byReason !== null &&
        Object.entries(r.badLines.byReason).every(([k, n]) => (badLineReasons as readonly string[]).includes(k) && isCount(n)),
    ],
    ['badLines.first', () => Array.isArray(r.badLines.first)],
  ];
  return checks.find(([, ok]) => !ok())?.[0] ?? null;
}

/** The report of the union, shards in the order given. */
export function mergeReports(reports: ReadonlyArray<[string, CoverageReport]>, top: number): CoverageReport {
  const [, first] = reports[0]!;
  for (const [name, r] of reports) {
    if (r.profile !== first.profile) {
      throw new MergeError(
        `"${name}" follows the ${r.profile} profile and "${reports[0]![0]}" the ${first.profile} one: their figures do not add up`,
      );
    }
  }
  const tally = new CoverageTally(top);
  let hits = 0;
  let misses = 0;
  const add = (map: Map<string, ModeCounts>, rows: CoverageReport['rules']) => {
    for (const row of rows) {
      const counts = map.get(row.key) ?? { reflection: 0, video: 0, undetermined: 0 };
      for (const m of modes) counts[m] += row.modes[m];
      map.set(row.key, counts);
    }
  };
  for (const [, r] of reports) {
    tally.classified += r.classified;
    tally.blank += r.blank;
    for (const m of modes) tally.modes[m] += r.modes[m].count;
    add(tally.rules, r.rules);
    add(tally.os, r.os);
    add(tally.browsers, r.browsers);
    tally.badCount += r.badLines.count;
    for (const [reason, n] of Object.entries(r.badLines.byReason)) {
      const key = reason as keyof typeof r.badLines.byReason;
      tally.badByReason.set(key, (tally.badByReason.get(key) ?? 0) + (n ?? 0));
    }
    for (const bad of r.badLines.first) if (tally.firstBad.length < FIRST_BAD_LINES) tally.firstBad.push(bad);
    hits += r.cache.hits;
    misses += r.cache.misses;
  }
  if (tally.classified > Number.MAX_SAFE_INTEGER)
    throw new MergeError('the merged total of requests passes 2^53 − 1: it would not be exact');
  const report = summarize(tally, {
    profile: first.profile,
    complete: reports.every(([, r]) => r.complete),
    inputs: reports.flatMap(([, r]) => r.inputs),
    cache: { hits, misses },
  });
  const merged = mergeTopLists(
    reports.map(([, r]) => ({
      entries: r.topUndetermined.map((u) => ({ key: u.userAgent, count: u.count, overcount: u.overcount, data: u.rule })),
      unlistedAtMost: r.unlistedUndeterminedAtMost,
    })),
    top,
  );
  report.topUndetermined = merged.entries.map(({ key, count, overcount, data }) => ({ userAgent: key, count, overcount, rule: data }));
  report.unlistedUndeterminedAtMost = merged.unlistedAtMost;
  return report;
}
