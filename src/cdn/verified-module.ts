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

/** One load per file for the page (every element shares it); a failed one is forgotten, to be tried again. */
const loads = new Map<string, Promise<unknown>>();
/** Failed loads per file: a retry needs a new URL, as the module map keeps a failure for the page's life. */
const failures = new Map<string, number>();

export function importVerified<T>(pinned: PinnedFile, base: string): Promise<T> {
  let load = loads.get(pinned.file);
  if (!load) {
    load = preloadAndImport(pinned, base, failures.get(pinned.file) ?? 0);
    load.catch(() => {
      loads.delete(pinned.file);
      failures.set(pinned.file, (failures.get(pinned.file) ?? 0) + 1);
    });
    loads.set(pinned.file, load);
  }
  return load as Promise<T>;
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
      document.head.append(link);
    }).finally(() => link.remove());
  }
  // The same request mode as a module script's, so the HTTP cache can answer it.
  const response = await fetch(url, { integrity, mode: 'cors', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return import(url.href);
}
