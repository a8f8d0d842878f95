/**
 * Asks the customer's token endpoint for the verification URL: one JSON POST, bounded in time
 * and size, that never throws. The endpoint is the customer's own server, which calls Tencent's
 * ApplyWebVerificationBizTokenIntl (or the legacy ApplyWebVerificationToken) with its secret key;
 * the browser never talks to Tencent's API.
 *
 * The URL it returns is *not* checked here: the caller runs `checkVerificationUrl` on it, as it
 * does on a URL from any other source.
 */
import { readTextUpTo } from './bounded-body.js';
import { redactTokens } from './redact.js';
import { readVerificationResponse } from './verification-response.js';
import { timerDelay } from '../core/timer-delay.js';

/**
 * Why no verification URL came back:
 *
 * - `bad-endpoint` — the endpoint is not a URL, carries credentials, or is neither same-origin
 *   nor https (a cross-origin `http:` endpoint would expose the request; a local dev backend on
 *   another port is reached through the dev server's proxy, same-origin). No request is made.
 * - `bad-options` — `headers` or `credentials` cannot be used (an invalid header name or value, a
 *   header the element sets itself, an unknown credentials mode). No request is made.
 * - `bad-body` — the request body cannot be turned into JSON (a cycle, a BigInt, a function).
 * - `network` — the request failed: offline, DNS, TLS, CORS refused, connection reset.
 * - `timeout` — no complete answer within `timeoutMs` (the request is aborted).
 * - `aborted` — the caller's signal aborted.
 * - `http-status` — a non-2xx status (in `status`), or a redirect, which is never followed.
 * - `too-large` — the body is larger than {@link MAX_RESPONSE_BYTES}.
 * - `malformed` — the body is not UTF-8 JSON, or not a JSON object.
 * - `no-url` — JSON, but without a usable URL field (a relayed Tencent error is quoted in `detail`).
 */
export type TokenEndpointProblem =
  'bad-endpoint' | 'bad-options' | 'bad-body' | 'network' | 'timeout' | 'aborted' | 'http-status' | 'too-large' | 'malformed' | 'no-url';

export type TokenEndpointResult =
  { ok: true; url: string; bizToken?: string } | { ok: false; reason: TokenEndpointProblem; status?: number; detail: string };

export interface TokenEndpointOptions {
  /** Give up after this long, aborting the request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Aborts the request (e.g. the element was removed); the result is then `aborted`. */
  signal?: AbortSignal | undefined;
  /** Default `globalThis.fetch`; for Node, or a wrapper that adds headers. */
  fetch?: typeof globalThis.fetch;
  /**
   * The page the endpoint is resolved against and compared with. Default `location.href`; `null`
   * for none (as in Node): the endpoint must then be an absolute https URL.
   */
  pageUrl?: string | null | undefined;
  /**
   * Extra request headers, e.g. the customer's CSRF header (`{ 'X-CSRF-Token': … }`). They cannot
   * replace `content-type` or `accept`.
   */
  headers?: HeadersInit | undefined;
  /**
   * `fetch`'s credentials mode. Default `'same-origin'`; `'include'` sends the session cookie to a
   * cross-origin (https) API too (its CORS answer must allow credentials); `'omit'` sends none.
   */
  credentials?: RequestCredentials | undefined;
}

const CREDENTIALS_MODES: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];
const OWN_HEADERS = ['content-type', 'accept'];

/** A verification-URL answer is a few hundred bytes; this leaves room for a verbose envelope. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

const fail = (reason: TokenEndpointProblem, detail: string, status?: number): TokenEndpointResult =>
  status === undefined ? { ok: false, reason, detail } : { ok: false, reason, status, detail };

/** The endpoint as an absolute URL, if the request may go there. */
function resolveEndpoint(endpoint: unknown, pageUrl: string | null): URL | string {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') return 'no endpoint given';
  let url: URL;
  try {
    url = new URL(endpoint, pageUrl ?? undefined);
  } catch {
    return 'the endpoint is not a URL (a relative one needs a page to resolve against)';
  }
  if (url.username !== '' || url.password !== '') return 'the endpoint URL carries credentials';
  let pageOrigin: string | undefined;
  try {
    pageOrigin = pageUrl === null ? undefined : new URL(pageUrl).origin;
  } catch {
    pageOrigin = undefined;
  }
  const httpLike = url.protocol === 'https:' || url.protocol === 'http:';
  if (httpLike && url.origin === pageOrigin) return url;
  if (url.protocol === 'https:') return url;
  return `the endpoint must be same-origin or https, not ${url.protocol}//${url.host}`;
}

/** The request headers: the customer's, then ours; or why they cannot be used. */
function requestHeaders(extra: HeadersInit | undefined): Headers | string {
  let headers: Headers;
  try {
    headers = new Headers(extra);
  } catch {
    return 'headers: an invalid header name or value';
  }
  const own = OWN_HEADERS.find((name) => headers.has(name));
  if (own) return `headers: ${own} is set by the element and cannot be replaced`;
  headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  return headers;
}

function serialize(body: unknown): string | undefined {
  try {
    const json = JSON.stringify(body === undefined ? {} : body);
    return typeof json === 'string' ? json : undefined;
  } catch {
    return undefined;
  }
}

const describe = (error: unknown): string => {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an error that cannot be described';
  }
};

/**
 * POSTs `body` as JSON to the customer's token endpoint and returns the verification URL it
 * answers with (`VerificationURL`, `VerificationUrl` or `url`, at the top level or under
 * `Response`) and the `BizToken` if present. Never throws, never hangs past `timeoutMs`.
 *
 * Request: `content-type: application/json` (plus the caller's `headers`, e.g. a CSRF header),
 * `credentials: 'same-origin'` by default (the customer's session cookie reaches its own endpoint,
 * never a third party; `credentials: 'include'` for a cross-origin API), `cache: 'no-store'` (each token is
 * single-use), and `redirect: 'manual'`: a redirect is refused rather than followed, because a
 * 307/308 would re-send the body to wherever it points and the URL would come from a server the
 * page did not choose; `'manual'` rather than `'error'` so that it can be reported as a redirect
 * (`'error'` looks exactly like a network failure).
 *
 * Error details never carry a BizToken: a relayed Tencent message is redacted.
 *
 * @param endpoint same-origin (relative is fine) or https.
 * @param body anything JSON can encode; `undefined` sends `{}`.
 */
export async function fetchVerificationUrl(
  endpoint: string,
  body: unknown,
  {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    signal,
    fetch: fetchImpl = globalThis.fetch,
    pageUrl = globalThis.location?.href ?? null,
    headers: extraHeaders,
    credentials = 'same-origin',
  }: TokenEndpointOptions = {},
): Promise<TokenEndpointResult> {
  const target = resolveEndpoint(endpoint, pageUrl);
  if (typeof target === 'string') return fail('bad-endpoint', target);
  const headers = requestHeaders(extraHeaders);
  if (typeof headers === 'string') return fail('bad-options', headers);
  if (!CREDENTIALS_MODES.includes(credentials)) return fail('bad-options', 'credentials must be omit, same-origin or include');
  const json = serialize(body);
  if (json === undefined) return fail('bad-body', 'the request body cannot be encoded as JSON');
  if (typeof fetchImpl !== 'function') return fail('network', 'no fetch() in this environment');
  if (signal?.aborted) return fail('aborted', 'aborted before the request was sent');

  const waitMs = timeoutMs > 0 ? timerDelay(timeoutMs, DEFAULT_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS; // 0 or NaN: the default
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, waitMs);
  const onCallerAbort = () => controller.abort();
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  // Settles the race below even if a custom fetch ignores its signal.
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
  });
  stopped.catch(() => {});

  try {
    return await Promise.race([exchange(fetchImpl, target, json, { headers, credentials, signal: controller.signal }), stopped]);
  } catch (error) {
    if (timedOut) return fail('timeout', `no answer within ${waitMs} ms`);
    if (signal?.aborted) return fail('aborted', 'the request was aborted');
    return fail('network', `the request failed (${redactTokens(describe(error))})`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The request and the reading of its answer; rejects only on network failure or abort. */
async function exchange(
  fetchImpl: typeof globalThis.fetch,
  target: URL,
  json: string,
  { headers, credentials, signal }: { headers: Headers; credentials: RequestCredentials; signal: AbortSignal },
): Promise<TokenEndpointResult> {
  const response = await fetchImpl(target.href, {
    method: 'POST',
    headers,
    body: json,
    credentials,
    cache: 'no-store',
    redirect: 'manual',
    signal,
  });
  const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
  if (redirected || !response.ok) {
    response.body?.cancel().catch(() => {});
    const status = response.status === 0 ? undefined : response.status;
    const detail = redirected ? 'the endpoint answered with a redirect, which is not followed' : `HTTP ${response.status}`;
    return fail('http-status', detail, status);
  }

  const read = await readTextUpTo(response, MAX_RESPONSE_BYTES);
  if (!read.ok) return fail(read.reason === 'too-large' ? 'too-large' : 'malformed', read.detail);
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content-type';
    return fail('malformed', `the response is not JSON (${type.slice(0, 100)})`);
  }
  return readVerificationResponse(parsed);
}
