/**
 * Finds the verification URL in the JSON a token endpoint answered with. Pure.
 *
 * Backends relay Tencent's answer in different shapes, so the usual ones are all accepted:
 * Tencent's field names — `VerificationURL` (ApplyWebVerificationBizTokenIntl) and
 * `VerificationUrl` (the legacy ApplyWebVerificationToken), `Url` (the mainland DetectAuth) — or a
 * plain `url`, either at the top level or inside `Response` (Tencent's raw API envelope, relayed as
 * is). The top level wins over `Response`; within one object the order is `VerificationURL`,
 * `VerificationUrl`, `Url`, `url`.
 */

import { redactTokens } from './redact.js';

export type VerificationResponse =
  { ok: true; url: string; bizToken?: string } | { ok: false; reason: 'malformed' | 'no-url'; detail: string };

const URL_FIELDS = ['VerificationURL', 'VerificationUrl', 'Url', 'url'] as const;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Tencent's error envelope (`Response.Error.{Code,Message}`), in a sentence, when present. */
function tencentError(container: JsonObject): string | undefined {
  const error = container['Error'];
  if (!isObject(error)) return undefined;
  const code = typeof error['Code'] === 'string' ? redactTokens(error['Code']).slice(0, 100) : 'unknown code';
  // Tencent's messages can quote a URL or a BizToken: never let one reach an event detail.
  const message = typeof error['Message'] === 'string' ? `: ${redactTokens(error['Message']).slice(0, 200)}` : '';
  return `the endpoint relayed a Tencent API error (${code}${message})`;
}

/**
 * The verification URL (and `BizToken`, when there is one) from an endpoint's parsed JSON.
 * The URL is returned as found, unchecked: run `checkVerificationUrl` on it before navigating.
 */
export function readVerificationResponse(json: unknown): VerificationResponse {
  if (!isObject(json)) return { ok: false, reason: 'malformed', detail: 'expected a JSON object' };
  const envelope = json['Response'];
  const containers = isObject(envelope) ? [json, envelope] : [json];

  for (const container of containers) {
    const field = URL_FIELDS.find((name) => nonEmptyString(container[name]));
    if (field === undefined) continue;
    const url = container[field] as string;
    const bizToken = containers.map((c) => c['BizToken']).find(nonEmptyString);
    return bizToken === undefined ? { ok: true, url } : { ok: true, url, bizToken };
  }
  const detail =
    containers.map(tencentError).find((d) => d !== undefined) ??
    `no non-empty ${URL_FIELDS.join(', ')} field, at the top level or under Response`;
  return { ok: false, reason: 'no-url', detail };
}
