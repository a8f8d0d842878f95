/**
 * A worker thread of `coverage`. Sent user agents, it answers with their verdicts, in order (the
 * main thread reads, splits and tallies); sent a file cut into ranges, it claims ranges (see
 * ./range-claims.ts) until none is left, and reads, predicts and sums each, answering with what the
 * main thread needs to take it in order (see ./chunks.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProfileId } from '../../core/table/types.js';
import { CachedClassifier, verdictOf } from './classifier.js';
import { jobOf, processChunk } from './chunks.js';
import { RangeClaims, type RangeReading } from './range-claims.js';

const profile = (workerData as { profile: ProfileId }).profile;
/** This worker's own cache, kept from range to range: it saves predictions, and counts nothing. */
const classifier = new CachedClassifier(profile);

parentPort!.on('message', ({ id, userAgents, reading }: { id: number; userAgents?: string[]; reading?: RangeReading }) => {
  if (reading === undefined) {
    parentPort!.postMessage({ id, verdicts: userAgents!.map((ua) => verdictOf(ua, profile)) });
    return;
  }
  const claims = new RangeClaims(reading.claims, reading.plan.ranges.length, reading.window);
  for (let index = claims.claim(reading.slot); index !== undefined; index = claims.claim(reading.slot))
    parentPort!.postMessage({ id, index, result: processChunk(jobOf(reading.plan, index), classifier) });
  parentPort!.postMessage({ id, done: true });
});
