/**
 * The element's `token-endpoint`: classifies the requesting browser from its own headers, asks
 * Tencent for a BizToken and a VerificationURL, hands the BizToken to the customer for session
 * binding, and answers `{ "VerificationURL": … }` with `Cache-Control: no-store`.
 */
import { predictFromUserAgent, type Prediction } from '../core/predict.js';
import { readClientHints } from './client-hints.js';
import { FaceidApiError, type ServerErrorCode } from './api-failure.js';
import { FaceidSetupError, isLoopbackHostname, type TencentCloudOptions } from './credentials.js';
import { createFaceidClient, type ApplyParameters, type FaceidClient, type WebVerificationConfig } from './faceid-client.js';
import {
  defaultLog,
  errorResponse,
  json,
  methodNotAllowed,
  readJsonObject,
  refused,
  withHeaders,
  type FetchHandler,
  type ServerLog,
} from './http.js';
import { faceidLanguageFromAcceptLanguage, faceidLanguageOf, type FaceidLanguage } from './language.js';

/** What the element says it predicted: a hint for analytics, never trusted. */
export interface PredictionHint {
  mode: string;
  likelihood: number;
  rule: string;
}

/** What the start handler knows about one request, for the customer's callbacks. */
export interface StartContext {
  request: Request;
  /** The engine's prediction from this request's own User-Agent and Sec-CH-UA-* headers. */
  prediction: Prediction;
  /** The element's own prediction from the body (`prediction`), unverified; `null` when absent. */
  hint: PredictionHint | null;
  /** FaceID's page language: the body's `language` (the element's), else Accept-Language, else `en`. */
  language: FaceidLanguage;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
}

/** What the customer binds to the user's session. */
export interface TokenBinding extends StartContext {
  bizToken: string;
  /** Tencent's RequestId of the call that issued the token (for support tickets). */
  requestId: string;
}

type PerRequest<T> = T | ((context: StartContext) => T | Promise<T>);

export interface StartHandlerOptions extends TencentCloudOptions {
  /**
   * Where FaceID sends the user back (`?token=<BizToken>` appended): an absolute https URL
   * (http only for a loopback host, for development).
   */
  redirectUrl: PerRequest<string>;
  /**
   * Binds the BizToken to the user's session (a session store, a signed cookie, …): required, so
   * that the result handler can tell the token was issued to this user. May return headers for
   * the response (a `Set-Cookie`). If it throws, the user gets a 500 and no URL.
   */
  bindToken: (binding: TokenBinding) => void | HeadersInit | Promise<void | HeadersInit>;
  /**
   * `Config` overrides, merged over the defaults (`AutoDowngrade: 1`, `SecurityLevel: 3`,
   * `Language` from the request). Set `AutoDowngrade: 2` together with the element's `no-downgrade`.
   */
  config?: PerRequest<WebVerificationConfig>;
  /** `Extra` (at most 1,000 characters), echoed in the result. */
  extra?: PerRequest<string | undefined>;
  ruleId?: string;
  /** Largest request body accepted. Default 16 KiB (the element sends about 100 bytes). */
  maxBodyBytes?: number;
  /** Where failures are reported. Default: one `console.warn` line each. */
  log?: ServerLog;
  /** A client to share with the result handler; default one made from these options. */
  client?: FaceidClient;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
const MAX_EXTRA_LENGTH = 1000;

/** Checks a RedirectURL: absolute https, or http on a loopback host. `null` when fine. */
export function redirectUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'redirectUrl must be a string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'redirectUrl must be an absolute URL';
  }
  if (url.username || url.password) return 'redirectUrl must not carry credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return null;
  return 'redirectUrl must be https (http only for a loopback host, in development)';
}

function readHint(value: unknown): PredictionHint | null {
  if (typeof value !== 'object' || value === null) return null;
  const { mode, likelihood, rule } = value as Record<string, unknown>;
  if (typeof mode !== 'string' || typeof likelihood !== 'number' || typeof rule !== 'string') return null;
  return { mode: mode.slice(0, 32), likelihood, rule: rule.slice(0, 64) };
}

const resolve = async <T>(value: PerRequest<T>, context: StartContext): Promise<T> =>
  typeof value === 'function' ? await (value as (c: StartContext) => T | Promise<T>)(context) : value;

/**
 * The token-endpoint handler. Throws a `FaceidSetupError` at once when the credentials, the
 * endpoint or a fixed `redirectUrl` are wrong; the handler itself never throws.
 */
export function createStartHandler(options: StartHandlerOptions): FetchHandler {
  if (typeof options?.bindToken !== 'function') throw new FaceidSetupError('bindToken is required: bind the BizToken to the user session');
  if (options.redirectUrl === undefined)
    throw new FaceidSetupError("redirectUrl is required: your return page's absolute URL, or a function of the request that gives it");
  if (typeof options.redirectUrl !== 'function') {
    const problem = redirectUrlProblem(options.redirectUrl);
    if (problem) throw new FaceidSetupError(problem);
  }
  const client = options.client ?? createFaceidClient(options);
  const log = options.log ?? defaultLog;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // NaN (an unset environment variable through Number()) would otherwise lift the limit altogether.
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1)
    throw new FaceidSetupError(
      `maxBodyBytes must be a whole number of bytes, at least 1 (not ${typeof maxBodyBytes === 'number' ? maxBodyBytes : `a ${typeof maxBodyBytes}`})`,
    );

  const fail = (status: number, code: ServerErrorCode, message: string, logMessage = message): Response => {
    log({ event: 'callback-failed', handler: 'start', message: logMessage });
    return errorResponse(status, code, message);
  };

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'POST') return refused(log, 'start', methodNotAllowed(request.method, 'POST'));
    const body = await readJsonObject(request, maxBodyBytes);
    if (!body.ok) return refused(log, 'start', body);
    const context: StartContext = {
      request,
      prediction: predictFromUserAgent(request.headers.get('user-agent') ?? '', { clientHints: readClientHints(request.headers) }),
      hint: readHint(body.value['prediction']),
      language:
        faceidLanguageOf(body.value['language']) ?? faceidLanguageFromAcceptLanguage(request.headers.get('accept-language')) ?? 'en',
      body: body.value,
    };

    let parameters: ApplyParameters;
    try {
      const redirectUrl = await resolve(options.redirectUrl, context);
      const problem = redirectUrlProblem(redirectUrl);
      if (problem) return fail(500, 'server-setup', 'The server is not set up correctly.', problem);
      const overrides = (await resolve(options.config ?? {}, context)) ?? {};
      const extra = options.extra === undefined ? undefined : await resolve(options.extra, context);
      if (extra !== undefined && (typeof extra !== 'string' || extra.length > MAX_EXTRA_LENGTH)) {
        return fail(
          500,
          'server-setup',
          'The server is not set up correctly.',
          `extra must be a string of at most ${MAX_EXTRA_LENGTH} characters`,
        );
      }
      parameters = {
        RedirectURL: redirectUrl,
        Config: { AutoDowngrade: 1, SecurityLevel: 3, Language: context.language, ...overrides },
        ...(extra !== undefined ? { Extra: extra } : {}),
        ...(options.ruleId !== undefined ? { RuleId: options.ruleId } : {}),
      };
    } catch {
      return fail(500, 'server-setup', 'The server is not set up correctly.', 'a redirectUrl, config or extra callback threw');
    }

    let applied;
    try {
      applied = await client.applyWebVerificationBizToken(parameters);
    } catch (error) {
      return apiFailure(error, 'start', log);
    }

    let extraHeaders: void | HeadersInit;
    try {
      extraHeaders = await options.bindToken({ ...context, bizToken: applied.bizToken, requestId: applied.requestId });
    } catch {
      return fail(500, 'internal', 'The verification could not be started. Try again.', 'bindToken threw: the token was not handed out');
    }
    return withHeaders(json(200, { VerificationURL: applied.verificationUrl }), extraHeaders);
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch {
      return fail(500, 'internal', 'The verification could not be started. Try again.', 'unexpected failure in the start handler');
    }
  };
}

/** A failed Tencent call → the JSON error and the log line (both without keys or tokens). */
export function apiFailure(error: unknown, handler: 'start' | 'result', log: ServerLog): Response {
  if (!(error instanceof FaceidApiError)) {
    log({ event: 'tencent-error', handler, message: 'unexpected failure calling Tencent Cloud' });
    return errorResponse(502, 'upstream-unreachable', 'Tencent Cloud could not be reached. Try again.');
  }
  const { status, code, message } = error.answer;
  log({
    event: 'tencent-error',
    handler,
    action: error.action,
    message: `${error.kind}: ${error.message}`,
    ...(error.tencentCode ? { tencentCode: error.tencentCode } : {}),
    ...(error.requestId ? { requestId: error.requestId } : {}),
  });
  const extra = {
    ...(error.tencentCode ? { tencentCode: error.tencentCode } : {}),
    ...(error.requestId ? { requestId: error.requestId } : {}),
  };
  return errorResponse(status, code, message, extra, status === 503 ? { 'retry-after': '5' } : undefined);
}
