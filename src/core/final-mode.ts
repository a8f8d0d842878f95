import type { Prediction } from './predict.js';
import { modeAsyncProbes, reflectionProbes, type ProbeReport, type ProbeResult, type ReflectionProbe } from './probe-report.js';
import { describeReason, type Reason } from './reasons.js';

export interface FinalPrediction {
  /** What the hosted page is expected to use here. The probes settle `undetermined`. */
  mode: 'reflection' | 'video';
  /** Confidence that reflection mode works: the table's likelihood is kept (probes are necessary, not sufficient). */
  likelihood: number;
  /** The table rule behind the user-agent part of the decision. */
  rule: string;
  /** The probe that ruled reflection out, when one did. */
  failedProbe: ReflectionProbe | null;
  /** What users read, as codes with parameters: a probe's verdict when one decided, then the user agent's reasons. */
  reasonCodes: Reason[];
  /** The same reasons in English: `describeReason(reasonCodes[i])`. */
  reasons: string[];
  /** For developers, in English: what each reflection probe saw ("h264: fail — …"). Not for users. */
  diagnostics: string[];
  /** What the user agent alone predicted. */
  uaPrediction: Prediction;
  probes: ProbeReport;
}

/**
 * The final mode: reflection needs the user-agent prediction not to exclude it and every
 * reflection probe to pass (an `unknown` probe does not exclude it: the browser could not say);
 * otherwise video. Pure.
 *
 * A probe that bears on the mode and did not answer before the deadline (`probes.unanswered`) is
 * a reason of a reflection verdict, first: that verdict rests on the table and the other probes
 * (and "every check passed" is not claimed then, nor when a probe was `unknown`: that probe is
 * named instead). A video verdict did not depend on it.
 */
export function finalMode(uaPrediction: Prediction, probes: ProbeReport): FinalPrediction {
  const failedProbe = reflectionProbes.find((name) => probes[name].status === 'fail') ?? null;
  const diagnostics = reflectionProbes.map((name) => diagnostic(name, probes[name]));
  const base = { rule: uaPrediction.rule, failedProbe, uaPrediction, probes, diagnostics };
  const fromUserAgent = uaPrediction.reasonCodes;

  if (uaPrediction.mode === 'video') {
    return { ...base, mode: 'video', likelihood: 0, ...described(fromUserAgent) };
  }
  if (failedProbe) {
    return { ...base, mode: 'video', likelihood: 0, ...described([{ code: 'probe-failed', probe: failedProbe }, ...fromUserAgent]) };
  }
  const silent = modeAsyncProbes.filter((name) => probes.unanswered?.includes(name));
  const unanswered: Reason[] = silent.map((probe) => ({ code: 'probe-unanswered', probe }));
  // Where the table could not decide, the probes did, and users read how: every one passed, or
  // which the browser could not answer (no reason against reflection, but not a pass either; one
  // that did not answer in time already has its reason above).
  const unknown = reflectionProbes.filter((name) => probes[name].status === 'unknown');
  const couldNotSay: Reason[] = unknown
    .filter((name) => !silent.some((probe) => probe === name))
    .map((probe) => ({ code: 'probe-unknown', probe }));
  const settled: Reason[] = uaPrediction.mode !== 'undetermined' ? [] : unknown.length === 0 ? [{ code: 'probes-settled' }] : couldNotSay;
  return {
    ...base,
    mode: 'reflection',
    likelihood: uaPrediction.likelihood,
    ...described([...unanswered, ...settled, ...fromUserAgent]),
  };
}

function described(reasonCodes: Reason[]): { reasonCodes: Reason[]; reasons: string[] } {
  return { reasonCodes, reasons: reasonCodes.map((r) => describeReason(r)) };
}

function diagnostic(name: ReflectionProbe, result: ProbeResult): string {
  return `${name}: ${result.status} — ${result.detail}`;
}
