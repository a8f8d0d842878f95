/**
 * For the return page: FaceID sends the user back to the RedirectURL with `?token=<BizToken>`.
 * The page (or the RedirectURL itself) asks this handler with that token — `GET …?token=` or
 * `POST {"token": …}` — which checks the token is one issued to this session (the customer's
 * callback), asks Tencent for the result and answers with the outcome: a closed set, the raw code
 * and message beside it. Never images or video, never the token.
 */
import { readReturnToken } from '../handoff/return-page.js';
import { FaceidSetupError, type TencentCloudOptions } from './credentials.js';
import { createFaceidClient, type FaceidClient, type VerificationResult } from './faceid-client.js';
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
import { apiFailure } from './start-handler.js';

export interface ResultHandlerOptions extends TencentCloudOptions {
  /**
   * True when this BizToken was issued to the requesting session (see `bindToken`). Required: a
   * BizToken alone proves nothing about who holds it.
   */
  verifyToken: (bizToken: string, request: Request) => boolean | Promise<boolean>;
  /** Sees each result (mark the session verified, …); may return headers for the response. */
  onResult?: (result: VerificationResult, request: Request) => void | HeadersInit | Promise<void | HeadersInit>;
  log?: ServerLog;
  /** A client to share with the start handler; default one made from these options. */
  client?: FaceidClient;
}

/** The JSON the result handler answers with (200). */
export type ResultBody = Omit<VerificationResult, 'requestId'> & { requestId: string };

const MAX_BODY_BYTES = 4 * 1024;

async function tokenOf(request: Request): Promise<{ ok: true; token: string | null } | { ok: false; response: Response; why: string }> {
  if (request.method === 'GET') return { ok: true, token: readReturnToken(request.url) };
  const body = await readJsonObject(request, MAX_BODY_BYTES);
  if (!body.ok) return body;
  const raw = body.value['token'];
  if (typeof raw !== 'string') return { ok: true, token: null };
  const probe = new URL('http://token.invalid/');
  probe.searchParams.set('token', raw);
  return { ok: true, token: readReturnToken(probe.href) };
}

/** The return-page handler. Throws a `FaceidSetupError` at once for missing settings; the handler never throws. */
export function createResultHandler(options: ResultHandlerOptions): FetchHandler {
  if (typeof options?.verifyToken !== 'function')
    throw new FaceidSetupError('verifyToken is required: check the BizToken belongs to the user session');
  const client = options.client ?? createFaceidClient(options);
  const log = options.log ?? defaultLog;

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST') return refused(log, 'result', methodNotAllowed(request.method, 'GET, POST'));
    const read = await tokenOf(request);
    if (!read.ok) return refused(log, 'result', read);
    if (read.token === null) {
      return refused(log, 'result', {
        response: errorResponse(400, 'bad-token', 'No verification token (?token=) was given, or it is not a token.'),
        why: 'no token-like ?token= (or "token" in the body)',
      });
    }
    let mine: boolean;
    try {
      mine = (await options.verifyToken(read.token, request)) === true;
    } catch {
      log({ event: 'callback-failed', handler: 'result', message: 'verifyToken threw' });
      return errorResponse(500, 'internal', 'The result could not be checked. Try again.');
    }
    if (!mine) {
      log({ event: 'token-not-yours', handler: 'result', message: 'the token was not issued to this session' });
      return errorResponse(403, 'token-not-yours', 'This verification was not started in this session.');
    }
    let result: VerificationResult;
    try {
      result = await client.getWebVerificationResult(read.token);
    } catch (error) {
      return apiFailure(error, 'result', log);
    }
    let extraHeaders: void | HeadersInit;
    try {
      extraHeaders = await options.onResult?.(result, request);
    } catch {
      log({ event: 'callback-failed', handler: 'result', message: 'onResult threw' });
      return errorResponse(500, 'internal', 'The result could not be recorded. Try again.');
    }
    const body: ResultBody = result;
    return withHeaders(json(200, body), extraHeaders);
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch {
      log({ event: 'callback-failed', handler: 'result', message: 'unexpected failure in the result handler' });
      return errorResponse(500, 'internal', 'The result could not be read. Try again.');
    }
  };
}
