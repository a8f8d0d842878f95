/**
 * A worker thread of `coverage`: predicts the user agents it is sent and answers with their
 * verdicts, in order. The main thread reads, splits and tallies; this only runs the engine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProfileId } from '../../core/table/types.js';
import { verdictOf } from './classifier.js';

const profile = (workerData as { profile: ProfileId }).profile;

parentPort!.on('message', ({ id, userAgents }: { id: number; userAgents: string[] }) => {
  parentPort!.postMessage({ id, verdicts: userAgents.map((ua) => verdictOf(ua, profile)) });
});
