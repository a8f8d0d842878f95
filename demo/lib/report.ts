/**
 * The report QA attaches to a bug: everything this page learned about the device, as one JSON
 * document. Built from the shared state, i.e. from what the real element reported in its events.
 */
import type { ClientHints, Environment, FinalPrediction, Prediction, ProbeReport, ProfileId } from '../../src/core/index.js';
import { demoState, type CameraOutcome, type LoggedEvent } from '../state.js';

export const REPORT_SCHEMA = 'faceid-preflight-demo-report/1';

export interface DemoReport {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  elementVersion: string;
  page: { url: string; secureContext: boolean; language: string; viewport: { width: number; height: number }; darkMode: boolean };
  userAgent: string;
  profile: ProfileId;
  environment: Environment | null;
  clientHints: ClientHints | null;
  probes: ProbeReport | null;
  prediction: Pick<FinalPrediction, 'mode' | 'likelihood' | 'rule' | 'failedProbe' | 'reasons'> | null;
  uaPrediction: Omit<Prediction, 'environment'> | null;
  camera: CameraOutcome;
  events: LoggedEvent[];
}

export function buildReport(version: string, now = new Date()): DemoReport {
  const p = demoState.prediction;
  let uaPrediction: DemoReport['uaPrediction'] = null;
  if (p) {
    const { environment: _, ...rest } = p.uaPrediction;
    uaPrediction = rest;
  }
  return {
    schema: REPORT_SCHEMA,
    generatedAt: now.toISOString(),
    elementVersion: version,
    page: {
      url: location.origin + location.pathname,
      secureContext: window.isSecureContext,
      language: navigator.language,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      darkMode: matchMedia('(prefers-color-scheme: dark)').matches,
    },
    userAgent: navigator.userAgent,
    profile: demoState.profile,
    environment: p?.uaPrediction.environment ?? null,
    clientHints: p?.probes.clientHints ?? null,
    probes: p?.probes ?? null,
    prediction: p && { mode: p.mode, likelihood: p.likelihood, rule: p.rule, failedProbe: p.failedProbe, reasons: p.reasons },
    uaPrediction,
    camera: demoState.camera,
    events: demoState.events,
  };
}

export function reportFileName(report: DemoReport): string {
  return `faceid-preflight-report-${report.generatedAt.replace(/[:.]/g, '-')}.json`;
}

/** Saves the report as a file (a download; nothing is sent anywhere). */
export function downloadReport(report: DemoReport): void {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: reportFileName(report) });
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the object URL after the click returns: keep it a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
