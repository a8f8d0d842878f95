/**
 * The device-coverage corpus: the project's own test fixtures (real user agents, each with a
 * human label), fetched from the repository the dev server serves — one source of truth, so the
 * demo never drifts from what the tests check. Classified in the browser with the live engine.
 */
import { predictFromUserAgent, type ClientHints, type Prediction, type ProfileId } from '../../src/core/index.js';

/** What the demo reads from a fixture entry (both fixture files share these fields). */
interface FixtureEntry {
  ua: string;
  label: string;
  note?: string | null;
  clientHints?: ClientHints;
  maxTouchPoints?: number;
}

export interface CorpusEntry {
  ua: string;
  label: string;
  note: string | null;
  clientHints?: ClientHints;
  maxTouchPoints?: number;
}

export interface ClassifiedEntry extends CorpusEntry {
  prediction: Prediction;
}

const FIXTURES = ['user-agents.json', 'extra-user-agents.json'];

/** The same user agent with the same hints is one device, however many fixtures name it. */
function identity(e: FixtureEntry): string {
  return JSON.stringify([e.ua, e.clientHints ?? null, e.maxTouchPoints ?? null]);
}

export async function loadCorpus(): Promise<CorpusEntry[]> {
  const lists = await Promise.all(
    FIXTURES.map(async (name) => {
      const url = new URL(`../../test/fixtures/${name}`, import.meta.url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      return (await response.json()) as FixtureEntry[];
    }),
  );
  const seen = new Set<string>();
  const corpus: CorpusEntry[] = [];
  for (const e of lists.flat()) {
    const key = identity(e);
    if (seen.has(key)) continue;
    seen.add(key);
    const entry: CorpusEntry = { ua: e.ua, label: e.label, note: e.note ?? null };
    if (e.clientHints) entry.clientHints = e.clientHints;
    if (e.maxTouchPoints !== undefined) entry.maxTouchPoints = e.maxTouchPoints;
    corpus.push(entry);
  }
  return corpus;
}

export function classify(corpus: readonly CorpusEntry[], profile: ProfileId): ClassifiedEntry[] {
  return corpus.map((entry) => ({
    ...entry,
    prediction: predictFromUserAgent(entry.ua, {
      profile,
      ...(entry.clientHints ? { clientHints: entry.clientHints } : {}),
      ...(entry.maxTouchPoints !== undefined ? { maxTouchPoints: entry.maxTouchPoints } : {}),
    }),
  }));
}
