/**
 * The server side of Tencent Cloud's API 3.0 signature (TC3-HMAC-SHA256), as the sandbox checks
 * it. Only the sandbox signs or verifies by hand: the server module leaves signing to Tencent's SDK.
 *
 * What a client signs for a local endpoint (as Tencent's SDKs do): the `host` header *without* the
 * port (the request's Host has it), and the service taken from the endpoint's first DNS label
 * (`127.0.0.1:9000` → `127`). The verifier accepts the service the client derived from the host it
 * connected to, or `faceid`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** `YYYY-MM-DD` (UTC) of a Unix timestamp in seconds: the date in the credential scope. */
export function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

export interface CanonicalRequestParts {
  method: string;
  path: string;
  query: string;
  /** Signed header names (lower case) → values, in the order signed. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  payload: string | Uint8Array;
}

/** Step 1 of the guide: the canonical request. */
export function canonicalRequest({ method, path, query, headers, payload }: CanonicalRequestParts): string {
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value.trim()}\n`).join('');
  const signedHeaders = headers.map(([name]) => name).join(';');
  return [method.toUpperCase(), path, query, canonicalHeaders, signedHeaders, sha256Hex(payload)].join('\n');
}

/** Steps 2–3: the hex signature of a canonical request. */
export function tc3Signature(secretKey: string, timestampSeconds: number, service: string, canonical: string): string {
  const date = utcDate(timestampSeconds);
  const stringToSign = [TC3_ALGORITHM, String(timestampSeconds), `${date}/${service}/tc3_request`, sha256Hex(canonical)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}

/** The parts of an `Authorization: TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header. */
export interface Tc3Authorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** The header parsed, or `null` when it is absent or not a TC3 authorization. */
export function parseAuthorization(header: string | undefined): Tc3Authorization | null {
  const match = header === undefined ? null : AUTHORIZATION.exec(header.trim());
  if (!match) return null;
  const [, secretId, date, service, signed, signature] = match as unknown as [string, string, string, string, string, string];
  return { secretId, date, service, signedHeaders: signed.split(';'), signature };
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
