import { finalMode, type FinalPrediction } from '../core/final-mode.js';
import { predictFromUserAgent } from '../core/predict.js';
import type { ProfileId } from '../core/table/types.js';
import { readUserAgent, runProbes, type ProbeGlobals } from './probes.js';

/**
 * This browser's final mode: the probes first (Client Hints and touch points refine the user
 * agent), then the table, then the probe verdict. Never throws, never prompts.
 */
export async function predictHere(
  g: ProbeGlobals = globalThis as ProbeGlobals,
  { profile, signal }: { profile?: ProfileId; signal?: AbortSignal } = {},
): Promise<FinalPrediction> {
  const probes = await runProbes(g, signal);
  const uaPrediction = predictFromUserAgent(readUserAgent(g), {
    ...(profile ? { profile } : {}),
    ...(probes.clientHints ? { clientHints: probes.clientHints } : {}),
    ...(probes.maxTouchPoints !== null ? { maxTouchPoints: probes.maxTouchPoints } : {}),
  });
  return finalMode(uaPrediction, probes);
}
