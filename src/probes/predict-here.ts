import { finalMode, type FinalPrediction } from '../core/final-mode.js';
import { predictFromUserAgent } from '../core/predict.js';
import type { ProfileId } from '../core/table/types.js';
import { readUserAgent, runProbes, type ProbeGlobals, type RunProbesOptions } from './probes.js';

/**
 * This browser's final mode: the probes first (Client Hints and touch points refine the user
 * agent), then the table, then the probe verdict. Never throws, never prompts, and settles
 * within the probes' deadline: a probe that does not answer leaves the decision to the table.
 */
export async function predictHere(
  g: ProbeGlobals = globalThis as ProbeGlobals,
  { profile, signal, deadlineMs }: { profile?: ProfileId | undefined; signal?: AbortSignal | undefined } & RunProbesOptions = {},
): Promise<FinalPrediction> {
  const probes = await runProbes(g, signal, { deadlineMs });
  const uaPrediction = predictFromUserAgent(readUserAgent(g), {
    ...(profile ? { profile } : {}),
    ...(probes.clientHints ? { clientHints: probes.clientHints } : {}),
    ...(probes.maxTouchPoints !== null ? { maxTouchPoints: probes.maxTouchPoints } : {}),
  });
  return finalMode(uaPrediction, probes);
}
