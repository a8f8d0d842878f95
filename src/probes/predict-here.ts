import { finalMode, type FinalPrediction } from '../core/final-mode.js';
import { predictFromUserAgent } from '../core/predict.js';
import type { ClientHints } from '../core/environment/types.js';
import type { ProfileId } from '../core/table/types.js';
import { probeTouchPoints, readUserAgent, runProbes, type ProbeGlobals, type RunProbesOptions } from './probes.js';

/**
 * This browser's final mode: the probes first (Client Hints and touch points refine the user
 * agent), then the table, then the probe verdict. Never throws, never prompts, and settles
 * within the probes' deadline: a probe that does not answer leaves the decision to the table.
 */
export async function predictHere(
  g: ProbeGlobals = globalThis as ProbeGlobals,
  { profile, signal, deadlineMs }: { profile?: ProfileId; signal?: AbortSignal } & RunProbesOptions = {},
): Promise<FinalPrediction> {
  const userAgent = readUserAgent(g);
  const predict = (evidence: { clientHints?: ClientHints | null; maxTouchPoints: number | null }) =>
    predictFromUserAgent(userAgent, {
      ...(profile ? { profile } : {}),
      ...(evidence.clientHints ? { clientHints: evidence.clientHints } : {}),
      ...(evidence.maxTouchPoints !== null ? { maxTouchPoints: evidence.maxTouchPoints } : {}),
    });
  const probing = runProbes(g, signal, { deadlineMs });
  // The user agent's answer is worked out while the asynchronous probes are out (the first parse
  // compiles ua-parser-js's regexes: tens of milliseconds on a phone). Only Client Hints change it,
  // and only Chromium has them; the second parse then finds the regexes compiled.
  const touchPoints = probeTouchPoints(g);
  const early = predict({ maxTouchPoints: touchPoints });
  const probes = await probing;
  const uaPrediction = probes.clientHints || probes.maxTouchPoints !== touchPoints ? predict(probes) : early;
  return finalMode(uaPrediction, probes);
}
