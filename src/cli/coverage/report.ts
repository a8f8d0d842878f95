/**
 * The three outputs of `coverage`, each a pure function of a {@link CoverageReport}: a table for
 * people, JSON and CSV for dashboards (shapes documented in the README's "Coverage" section).
 */
import { type BreakdownRow, type CoverageReport, modes } from './aggregate.js';
import { badLineText } from './formats.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export function renderReport(report: CoverageReport, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return renderCsv(report);
  return renderTable(report);
}

// ---- table -----------------------------------------------------------------------------------

const count = (n: number) => n.toLocaleString('en-US');
/** `1 line`, `2 lines`: a count with its noun (every noun here takes an s). */
export const counted = (n: number, noun: string): string => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Control characters would drive the terminal: a log is untrusted input. */
export function printable(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

function columns(rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function breakdown(title: string, rows: readonly BreakdownRow[]): string {
  const header = [title, 'count', 'share', ...modes];
  const body = rows.map((row) => [
    row.key,
    count(row.count),
    percent(row.share),
    ...modes.map((m) => (row.modes[m] === 0 ? '–' : percent(row.modes[m] / row.count))),
  ]);
  return columns([header, ...body], (i) => i > 0);
}

function heading(report: CoverageReport): string {
  const inputs = report.inputs
    .map(
      (input) =>
        `${printable(input.name)} (${[input.format ?? 'empty', ...(input.counted ? ['counted'] : []), ...(input.gzip ? ['gzip'] : [])].join(', ')})`,
    )
    .join(', ');
  const what = report.inputs.some((input) => input.counted) ? 'request' : 'user agent';
  const lines = [
    `faceid-preflight coverage · profile ${report.profile} · ${counted(report.lines, 'line')} from ${inputs}`,
    `${counted(report.classified, what)} classified · ${counted(report.blank, 'blank line')} · ${counted(report.badLines.count, 'bad line')}`,
  ];
  if (!report.complete) lines.push('PARTIAL RESULT: the run stopped before the end of the input; the counts cover the lines read.');
  return lines.join('\n');
}

function modeTable(report: CoverageReport): string {
  const rows = modes.map((m) => [m, count(report.modes[m].count), percent(report.modes[m].share)]);
  return columns([['mode', 'count', 'share'], ...rows], (i) => i > 0);
}

function undeterminedList(report: CoverageReport): string {
  const undetermined = report.modes.undetermined.count;
  if (undetermined === 0) return 'No undetermined user agents.';
  if (report.topUndetermined.length === 0) return `${count(undetermined)} undetermined, none listed (--top 0).`;
  const rows = report.topUndetermined.map((u, i) => [
    `${i + 1}.`,
    `${u.overcount > 0 ? '≤ ' : ''}${count(u.count)}`,
    u.rule,
    printable(u.userAgent),
  ]);
  const title = `Top ${counted(report.topUndetermined.length, 'undetermined user agent')}`;
  const rest =
    report.unlistedUndeterminedAtMost > 0 ? `\nAny other was seen at most ${counted(report.unlistedUndeterminedAtMost, 'time')}.` : '';
  return `${title}\n${columns([['#', 'count', 'rule', 'user agent'], ...rows], (i) => i < 2)}${rest}`;
}

function badLines(report: CoverageReport): string {
  const { count: n, byReason, first } = report.badLines;
  if (n === 0) return 'Bad lines: none.';
  const reasons = Object.entries(byReason).map(([reason, k]) => `${badLineText[reason as keyof typeof badLineText]}: ${count(k)}`);
  const shown = first.map((b) => `  ${printable(b.input)}:${b.line}  ${badLineText[b.reason]}`);
  const more = n > first.length ? [`  … and ${count(n - first.length)} more`] : [];
  return [`Bad lines: ${count(n)} (${reasons.join('; ')})`, ...shown, ...more].join('\n');
}

export function renderTable(report: CoverageReport): string {
  const sections = [
    heading(report),
    modeTable(report),
    breakdown('rule', report.rules),
    breakdown('os', report.os),
    breakdown('browser', report.browsers),
    undeterminedList(report),
    badLines(report),
  ];
  return `${sections.join('\n\n')}\n`;
}

// ---- csv -------------------------------------------------------------------------------------

export const csvHeader = ['section', 'key', 'count', 'share', ...modes, 'detail'] as const;

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv(report: CoverageReport): string {
  const rows: Array<Array<string | number>> = [[...csvHeader]];
  const summary = (key: string, n: number | '', detail = '') => rows.push(['summary', key, n, '', '', '', '', detail]);
  summary('profile', '', report.profile);
  summary('complete', '', String(report.complete));
  summary('lines', report.lines);
  summary('classified', report.classified);
  summary('blank', report.blank);
  summary('bad', report.badLines.count);
  for (const m of modes) {
    const { count: n, share } = report.modes[m];
    rows.push(['mode', m, n, share, ...modes.map((other) => (other === m ? n : 0)), '']);
  }
  const breakdownRows = (section: string, list: readonly BreakdownRow[]) => {
    for (const row of list) rows.push([section, row.key, row.count, row.share, ...modes.map((m) => row.modes[m]), '']);
  };
  breakdownRows('rule', report.rules);
  breakdownRows('os', report.os);
  breakdownRows('browser', report.browsers);
  for (const u of report.topUndetermined) {
    const share = report.classified === 0 ? 0 : Math.round((u.count / report.classified) * 1e6) / 1e6;
    rows.push(['undetermined-ua', u.userAgent, u.count, share, 0, 0, u.count, u.rule]);
  }
  for (const [reason, n] of Object.entries(report.badLines.byReason)) {
    const where = report.badLines.first.filter((b) => b.reason === reason).map((b) => `${b.input}:${b.line}`);
    rows.push(['bad-line', reason, n ?? 0, '', '', '', '', where.join(' ')]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}
