/** The fetch-standard plumbing the handlers share: JSON answers and bounded JSON bodies. */
import { readTextUpTo } from '../handoff/bounded-body.js';
import type { ServerErrorCode } from './api-failure.js';

/** A handler as the Fetch standard has it: Node ≥ 18, Next.js route handlers, Hono, Deno, Bun. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Where the handlers report what went wrong: one object per event, never a key or a token. */
export interface ServerLogEntry {
  event: 'tencent-error' | 'bad-request' | 'callback-failed' | 'token-not-yours';
  handler: 'start' | 'result';
  message: string;
  action?: string;
  tencentCode?: string;
  requestId?: string;
}
export type ServerLog = (entry: ServerLogEntry) => void;

/** The default log: one line on stderr (console.warn) per event. */
export const defaultLog: ServerLog = (entry) => console.warn(`faceid-preflight/server: ${JSON.stringify(entry)}`);

export function json(status: number, body: unknown, headers?: HeadersInit): Response {
  const all = new Headers(headers);
  all.set('content-type', 'application/json; charset=utf-8');
  all.set('cache-control', 'no-store');
  all.set('x-content-type-options', 'nosniff');
  return new Response(JSON.stringify(body), { status, headers: all });
}

export const errorResponse = (
  status: number,
  code: ServerErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: HeadersInit,
): Response => json(status, { error: { code, message, ...extra } }, headers);

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response; why: string };

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]*\+)?json\s*(?:;|$)/i;

/**
 * The request's body as a JSON object, at most `maxBytes`: 415 when it is not declared JSON, 413
 * when too large, 400 when not UTF-8 JSON or not an object. An empty body is `{}`.
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  const bad = (status: number, code: ServerErrorCode, why: string): JsonBody => ({
    ok: false,
    response: errorResponse(status, code, why),
    why,
  });
  if (!JSON_TYPE.test(type)) return bad(415, 'unsupported-media-type', 'The body must be JSON (Content-Type: application/json).');
  let read;
  try {
    read = await readTextUpTo(request, maxBytes);
  } catch {
    return bad(400, 'malformed-json', 'The request body could not be read.');
  }
  if (!read.ok) {
    return read.reason === 'too-large'
      ? bad(413, 'body-too-large', `The body is larger than ${maxBytes} bytes.`)
      : bad(400, 'malformed-json', 'The body is not valid UTF-8.');
  }
  if (read.text.trim() === '') return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return bad(400, 'malformed-json', 'The body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return bad(400, 'malformed-json', 'The body must be a JSON object.');
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** 405 with `Allow`, and why (for the log). */
export const methodNotAllowed = (method: string, allow: string): { response: Response; why: string } => ({
  response: errorResponse(405, 'method-not-allowed', `Use ${allow}.`, {}, { allow }),
  why: `method ${method.slice(0, 16)}, not ${allow}`,
});

/** A request refused before any work: its one log line, then its answer. */
export function refused(log: ServerLog, handler: ServerLogEntry['handler'], refusal: { response: Response; why: string }): Response {
  log({ event: 'bad-request', handler, message: refusal.why });
  return refusal.response;
}

/** Extra headers from a customer callback (e.g. `Set-Cookie`) added to a response. */
export function withHeaders(response: Response, extra: HeadersInit | void | undefined): Response {
  if (!extra) return response;
  for (const [name, value] of new Headers(extra)) {
    if (name === 'set-cookie') continue;
    response.headers.set(name, value);
  }
  for (const cookie of new Headers(extra).getSetCookie()) response.headers.append('set-cookie', cookie);
  return response;
}
