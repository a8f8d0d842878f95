import type { Prediction } from './predict.js';
import { reflectionProbes, type ProbeReport, type ProbeResult, type ReflectionProbe } from './probe-report.js';

export interface FinalPrediction {
  /** What the hosted page is expected to use here. The probes settle `undetermined`. */
  mode: 'reflection' | 'video';
  /** Confidence that reflection mode works: the table's likelihood is kept (probes are necessary, not sufficient). */
  likelihood: number;
  /** The table rule behind the user-agent part of the decision. */
  rule: string;
  /** The probe that ruled reflection out, when one did. */
  failedProbe: ReflectionProbe | null;
  /** The user-agent prediction's reasons, then the probe evidence. */
  reasons: string[];
  /** What the user agent alone predicted. */
  uaPrediction: Prediction;
  probes: ProbeReport;
}

const PROBE_REASONS: Record<ReflectionProbe, string> = {
  secureContext: 'The page is not a secure context (HTTPS), so the camera cannot be used.',
  getUserMedia: 'This browser has no camera API (getUserMedia).',
  cameraPolicy: "The embedding page's permissions policy blocks the camera.",
  peerConnection: 'This browser has no real-time communication (RTCPeerConnection).',
  h264: 'This browser cannot send H.264 video for real-time communication.',
};

/**
 * The final mode: reflection needs the user-agent prediction not to exclude it and every
 * reflection probe to pass (an `unknown` probe does not exclude it: the browser could not say);
 * otherwise video. Pure.
 */
export function finalMode(uaPrediction: Prediction, probes: ProbeReport): FinalPrediction {
  const failedProbe = reflectionProbes.find((name) => probes[name].status === 'fail') ?? null;
  const evidence = reflectionProbes.map((name) => describe(name, probes[name]));
  const base = { rule: uaPrediction.rule, failedProbe, uaPrediction, probes };

  if (uaPrediction.mode === 'video') {
    return { ...base, mode: 'video', likelihood: 0, reasons: [...uaPrediction.reasons, ...evidence] };
  }
  if (failedProbe) {
    return { ...base, mode: 'video', likelihood: 0, reasons: [PROBE_REASONS[failedProbe], ...uaPrediction.reasons, ...evidence] };
  }
  const reasons = [...uaPrediction.reasons, ...evidence];
  if (uaPrediction.mode === 'undetermined') {
    reasons.unshift('Every runtime check for reflection mode passed; the table alone could not decide.');
  }
  return { ...base, mode: 'reflection', likelihood: uaPrediction.likelihood, reasons };
}

function describe(name: ReflectionProbe, result: ProbeResult): string {
  return `${name}: ${result.status} — ${result.detail}`;
}
