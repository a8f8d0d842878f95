/**
 * A worker thread of `coverage`. Sent user agents, it answers with their verdicts, in order (the
 * main thread reads, splits and tallies); sent a range of a file, it reads, predicts and sums the
 * range, and answers with what the main thread needs to take it in order (see ./chunks.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProfileId } from '../../core/table/types.js';
import { CachedClassifier, verdictOf } from './classifier.js';
import { type ChunkJob, processChunk } from './chunks.js';

const profile = (workerData as { profile: ProfileId }).profile;
/** This worker's own cache, kept from range to range: it saves predictions, and counts nothing. */
const classifier = new CachedClassifier(profile);

parentPort!.on('message', ({ id, userAgents, job }: { id: number; userAgents?: string[]; job?: ChunkJob }) => {
  if (job !== undefined) parentPort!.postMessage({ id, result: processChunk(job, classifier) });
  else parentPort!.postMessage({ id, verdicts: userAgents!.map((ua) => verdictOf(ua, profile)) });
});
