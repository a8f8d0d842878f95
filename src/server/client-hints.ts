/**
 * User-Agent Client Hints on the server: the `Accept-CH` / `Critical-CH` headers for the customer's
 * H5 page (so that later requests from it, the token-endpoint POST included, carry the hints a
 * reduced Chrome UA hides), and the reading of the `Sec-CH-UA-*` request headers for the engine.
 */
import type { ClientHints } from '../core/environment/types.js';

/** The hints the engine reads. */
export const requestedClientHints = [
  'Sec-CH-UA-Model',
  'Sec-CH-UA-Platform-Version',
  'Sec-CH-UA-Full-Version-List',
  'Sec-CH-UA-Platform',
  'Sec-CH-UA-Mobile',
] as const;

/** The two that decide most Android rows: without them a reduced UA says "Android 10; K". */
export const criticalClientHints = ['Sec-CH-UA-Model', 'Sec-CH-UA-Platform-Version'] as const;

/**
 * The response headers for the H5 page that hosts `<faceid-preflight>`: `Accept-CH` (send these
 * hints on the next requests to this origin) and `Critical-CH` (retry this navigation at once with
 * them, so even the first request has them). For a token endpoint on another origin, also delegate
 * them with `Permissions-Policy: ch-ua-model=(self "https://api.example")`, etc.
 */
export function clientHintsHeaders(): Record<'Accept-CH' | 'Critical-CH', string> {
  return { 'Accept-CH': requestedClientHints.join(', '), 'Critical-CH': criticalClientHints.join(', ') };
}

const MAX_HINT_LENGTH = 512;

/** A structured-field string (`"SM-S911B"`) → its value; `undefined` for anything else. */
function sfString(value: string | null): string | undefined {
  if (value === null || value.length > MAX_HINT_LENGTH) return undefined;
  const match = /^\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(value);
  return match ? match[1]!.replace(/\\(.)/g, '$1') : undefined;
}

/** `"Chromium";v="124.0.6367.82", "Google Chrome";v="124.0.6367.82"` → brand/version pairs. */
function sfBrandList(value: string | null): Array<{ brand: string; version: string }> | undefined {
  if (value === null || value.length > MAX_HINT_LENGTH) return undefined;
  const list: Array<{ brand: string; version: string }> = [];
  for (const match of value.matchAll(/"((?:[^"\\]|\\.)*)"\s*;\s*v\s*=\s*"((?:[^"\\]|\\.)*)"/g)) {
    list.push({ brand: match[1]!.replace(/\\(.)/g, '$1'), version: match[2]!.replace(/\\(.)/g, '$1') });
  }
  return list.length ? list : undefined;
}

/** The `Sec-CH-UA-*` request headers as the engine's {@link ClientHints}; absent or malformed ones are left out. */
export function readClientHints(headers: Headers): ClientHints {
  const hints: ClientHints = {};
  const model = sfString(headers.get('sec-ch-ua-model'));
  const platformVersion = sfString(headers.get('sec-ch-ua-platform-version'));
  const platform = sfString(headers.get('sec-ch-ua-platform'));
  const fullVersionList = sfBrandList(headers.get('sec-ch-ua-full-version-list'));
  const mobile = headers.get('sec-ch-ua-mobile')?.trim();
  if (model !== undefined) hints.model = model;
  if (platformVersion !== undefined) hints.platformVersion = platformVersion;
  if (platform !== undefined) hints.platform = platform;
  if (fullVersionList) hints.fullVersionList = fullVersionList;
  if (mobile === '?1' || mobile === '?0') hints.mobile = mobile === '?1';
  return hints;
}
