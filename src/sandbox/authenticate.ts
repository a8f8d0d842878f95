/**
 * Checks an API request the way Tencent Cloud does, in this order: the Authorization header's
 * form, the timestamp window (5 minutes), the SecretId, the credential scope, the signature.
 * Every refusal is an `AuthFailure.*` error in Tencent's words.
 */
import { apiError, type ApiAnswer } from './envelope.js';
import { canonicalRequest, parseAuthorization, sameSignature, tc3Signature, utcDate } from './tc3.js';

export const SIGNATURE_WINDOW_SECONDS = 300;

export interface SignedRequest {
  method: string;
  /** The request target, e.g. `/` or `/?a=b`. */
  target: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array;
}

/** The host a client connected to, without its port: what Tencent's SDKs sign. */
export function hostWithoutPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** `null` when the request is authentic, else the error to answer with. */
export function authenticate(request: SignedRequest, secrets: ReadonlyMap<string, string>, nowMs: number): ApiAnswer | null {
  const { headers } = request;
  const auth = parseAuthorization(headers['authorization']);
  if (!auth) {
    return apiError('AuthFailure.InvalidAuthorization', 'The Authorization header is missing or is not a TC3-HMAC-SHA256 authorization.');
  }
  const timestampText = headers['x-tc-timestamp'] ?? '';
  if (!/^\d{1,12}$/.test(timestampText)) return apiError('MissingParameter', 'The X-TC-Timestamp header is missing or not a number.');
  const timestamp = Number(timestampText);
  const now = Math.floor(nowMs / 1000);
  if (Math.abs(now - timestamp) > SIGNATURE_WINDOW_SECONDS) {
    return apiError(
      'AuthFailure.SignatureExpire',
      `The signature has expired: the request's timestamp ${timestamp} and the server time ${now} differ by more than 5 minutes.`,
    );
  }
  const secretKey = secrets.get(auth.secretId);
  if (secretKey === undefined)
    return apiError('AuthFailure.SecretIdNotFound', 'The SecretId was not found; check that the key exists and is enabled.');

  const hostname = hostWithoutPort(headers['host'] ?? '').toLowerCase();
  const derivedService = hostname.split('.')[0] ?? '';
  const scopeProblem =
    auth.date !== utcDate(timestamp)
      ? 'the credential date is not the date of the timestamp'
      : auth.service !== 'faceid' && auth.service !== derivedService
        ? 'the credential scope names another service'
        : !auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('content-type')
          ? 'content-type and host must be signed'
          : null;
  if (scopeProblem) return apiError('AuthFailure.SignatureFailure', `The signature is invalid: ${scopeProblem}.`);

  const [path = '/', query = ''] = request.target.split('?', 2);
  const signed = auth.signedHeaders.map((name) => [name, name === 'host' ? hostname : (headers[name] ?? '')] as const);
  const canonical = canonicalRequest({ method: request.method, path, query, headers: signed, payload: request.body });
  const expected = tc3Signature(secretKey, timestamp, auth.service, canonical);
  if (!sameSignature(expected, auth.signature)) {
    return apiError('AuthFailure.SignatureFailure', 'The signature is invalid: check the SecretKey and how the request was signed.');
  }
  return null;
}
