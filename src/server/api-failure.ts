/**
 * A Tencent call that did not answer with data — an API error in the envelope, an HTTP error, a
 * timeout, a network failure — as one error type, with the HTTP status the server module answers
 * the browser with. The element shows its retry for every non-2xx and never navigates.
 */
import { redactTokens } from '../handoff/redact.js';

export const apiFailureKinds = ['api', 'http', 'timeout', 'network'] as const;
export type ApiFailureKind = (typeof apiFailureKinds)[number];

/** The `error.code` in the server module's JSON error bodies. */
export const serverErrorCodes = [
  'method-not-allowed',
  'unsupported-media-type',
  'body-too-large',
  'malformed-json',
  'bad-token',
  'token-not-yours',
  'upstream-refused',
  'upstream-unavailable',
  'upstream-timeout',
  'upstream-unreachable',
  'server-setup',
  'internal',
] as const;
export type ServerErrorCode = (typeof serverErrorCodes)[number];

export class FaceidApiError extends Error {
  override name = 'FaceidApiError';
  constructor(
    readonly kind: ApiFailureKind,
    readonly action: string,
    message: string,
    /** Tencent's `Error.Code` (`AuthFailure.SignatureFailure`, …), for `kind: 'api'`. */
    readonly tencentCode: string | null = null,
    readonly requestId: string | null = null,
    /** The HTTP status Tencent's endpoint answered with, for `kind: 'http'`. */
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }

  /** What the browser is told: status, code and a sentence (no Tencent message: it is for the log). */
  get answer(): { status: number; code: ServerErrorCode; message: string } {
    if (this.kind === 'timeout')
      return { status: 504, code: 'upstream-timeout', message: 'Tencent Cloud did not answer in time. Try again.' };
    if (this.kind === 'network' || this.kind === 'http') {
      return { status: 502, code: 'upstream-unreachable', message: 'Tencent Cloud could not be reached. Try again.' };
    }
    const code = this.tencentCode ?? '';
    if (/^(ResourceUnavailable|ResourceInsufficient|RequestLimitExceeded|InternalError|ServiceUnavailable)/.test(code)) {
      return { status: 503, code: 'upstream-unavailable', message: `Tencent Cloud is unavailable for now (${code}). Try again later.` };
    }
    const named = code === '' ? '' : ` (${code})`; // an answer without an Error names no code
    return { status: 502, code: 'upstream-refused', message: `Tencent Cloud refused the request${named}; the server log says why.` };
  }
}

/** How much of an SDK exception's message is kept (after redaction). */
const KEPT_CHARACTERS = 500;

/**
 * The words of an SDK exception, with tokens and the given secrets taken out, then cut to
 * {@link KEPT_CHARACTERS}: cut first, a secret or a token across the cut would keep its head. Only
 * a head is redacted, long enough that whatever starts inside the kept part ends inside it.
 */
export function scrub(text: unknown, secrets: readonly string[]): string {
  if (typeof text !== 'string') return '';
  const longest = Math.max(256, ...secrets.map((s) => s?.length ?? 0));
  let result = redactTokens(text.slice(0, KEPT_CHARACTERS + longest));
  for (const secret of secrets) if (secret) result = result.split(secret).join('[redacted]');
  return result.slice(0, KEPT_CHARACTERS);
}
