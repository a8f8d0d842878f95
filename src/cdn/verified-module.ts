/**
 * How the CDN build imports its second stage, checked against the SHA-384 the entry carries
 * (build/verified-stage.mjs), so Subresource Integrity on the one script tag covers the stage too:
 *
 * 1. `<link rel="modulepreload" integrity>`: Chromium and Firefox check the bytes and put the module
 *    in the page's module map, where the `import()` below finds it — a tampered file never runs.
 *    WebKit fires `load` for a modulepreload whose integrity does not match (measured on WebKitGTK
 *    here; web-platform-tests show the same for Safari), and Safari < 17 and Firefox < 115 have no
 *    modulepreload, so:
 * 2. a `fetch` with the same integrity must succeed before anything is imported. In those browsers
 *    that checks what the CDN serves (the import normally reads the same response from the HTTP
 *    cache), not a server that answers two requests differently; SECURITY.md says so.
 */
import type { PinnedFile } from './verified-language.js';

/**
 * A load after this long without an answer is joined by a fresh attempt (a stalled request fires no
 * event): shorter than the element's 15 s give-up (src/element/stage-controller.ts), so its retry starts one.
 */
const STALLED_MS = 10_000;

interface Load {
  promise: Promise<unknown>;
  started: number;
  loaded: boolean;
}

/** One load per file for the page (every element shares it); a failed one is forgotten, to be tried again. */
const loads = new Map<string, Load>();
/** Attempts per file: each needs a new URL, as the module map keeps a failure for the page's life. */
const attempts = new Map<string, number>();

export function importVerified<T>(pinned: PinnedFile, base: string): Promise<T> {
  const now = performance.now();
  const current = loads.get(pinned.file);
  if (current && (current.loaded || now - current.started < STALLED_MS)) return current.promise as Promise<T>;
  const attempt = attempts.get(pinned.file) ?? 0;
  attempts.set(pinned.file, attempt + 1);
  const fresh = preloadAndImport(pinned, base, attempt);
  // A stalled load still counts if it answers first.
  const promise = current ? Promise.any([current.promise, fresh]) : fresh;
  const load: Load = { promise, started: now, loaded: false };
  promise.then(
    () => (load.loaded = true),
    () => {
      if (loads.get(pinned.file) === load) loads.delete(pinned.file);
    },
  );
  loads.set(pinned.file, load);
  return promise as Promise<T>;
}

async function preloadAndImport({ file, integrity }: PinnedFile, base: string, attempt: number): Promise<unknown> {
  const url = new URL(file, base);
  if (attempt > 0) url.searchParams.set('attempt', String(attempt));
  const link = document.createElement('link');
  if (link.relList?.supports?.('modulepreload')) {
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = integrity;
    link.href = url.href;
    await new Promise<void>((resolve, reject) => {
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => reject(new Error(`${file}: not loaded, or it failed its integrity check`)), { once: true });
      (document.head ?? document.documentElement).append(link);
    }).finally(() => link.remove());
  }
  // The same request mode as a module script's, so the HTTP cache can answer it.
  const response = await fetch(url, { integrity, mode: 'cors', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return import(url.href);
}
