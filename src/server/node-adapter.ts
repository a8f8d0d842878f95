/**
 * Node's `http` (and Express, Connect, Fastify's raw mode) ↔ fetch-standard handlers:
 * IncomingMessage → Request, Response → ServerResponse.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FetchHandler } from './http.js';

export interface NodeAdapterOptions {
  /**
   * Take the scheme and host from `X-Forwarded-Proto` / `X-Forwarded-Host` (behind a proxy you
   * trust). Default false: the socket's TLS state and the `Host` header.
   */
  trustProxy?: boolean;
}

/** A Node listener: `(req, res)`, also usable as Express/Connect middleware (`next` receives unexpected errors). */
export type NodeListener = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void;

const nodeRequests = new WeakMap<Request, IncomingMessage>();

/**
 * The Node request a fetch `Request` was made from by this adapter (for `req.session` of
 * express-session, `req.user` of Passport, …), or `undefined`.
 */
export function nodeRequestOf(request: Request): IncomingMessage | undefined {
  return nodeRequests.get(request);
}

const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/** The request as a fetch `Request`. A body some middleware already parsed (`req.body`) is re-encoded as JSON. */
export function toFetchRequest(request: IncomingMessage, { trustProxy = false }: NodeAdapterOptions = {}): Request {
  const encrypted = (request.socket as { encrypted?: boolean } | null)?.encrypted === true;
  const scheme = (trustProxy ? first(request.headers['x-forwarded-proto']) : undefined) ?? (encrypted ? 'https' : 'http');
  const host = (trustProxy ? first(request.headers['x-forwarded-host']) : undefined) ?? request.headers.host ?? 'localhost';
  let url: URL;
  try {
    url = new URL(request.url ?? '/', `${scheme === 'https' ? 'https' : 'http'}://${host}`);
  } catch {
    url = new URL(request.url?.startsWith('/') ? request.url : '/', 'http://localhost');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, v);
      } catch {
        // a header value fetch refuses: leave it out
      }
    }
  }
  const method = request.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = (request as { body?: unknown }).body;
    if (parsed !== undefined) {
      init.body =
        typeof parsed === 'string' ? parsed : parsed instanceof Uint8Array ? Buffer.from(parsed).toString('utf8') : JSON.stringify(parsed);
      headers.delete('content-length');
    } else {
      init.body = Readable.toWeb(request) as unknown as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  const fetchRequest = new Request(url, init);
  nodeRequests.set(fetchRequest, request);
  return fetchRequest;
}

/** Writes a fetch `Response` to Node's response (status, headers incl. several `Set-Cookie`, body). */
export async function sendFetchResponse(fetchResponse: Response, response: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of fetchResponse.headers) if (name !== 'set-cookie') headers[name] = value;
  const cookies = fetchResponse.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  response.writeHead(fetchResponse.status, headers);
  if (!fetchResponse.body) return void response.end();
  const body = Buffer.from(await fetchResponse.arrayBuffer());
  response.end(body);
}

/** A fetch-standard handler as a Node listener. Never throws; an unexpected error is a 500 (or `next(error)`). */
export function toNodeListener(handler: FetchHandler, options: NodeAdapterOptions = {}): NodeListener {
  return (request, response, next) => {
    (async () => {
      const fetchResponse = await handler(toFetchRequest(request, options));
      await sendFetchResponse(fetchResponse, response);
    })().catch((error: unknown) => {
      if (next) return next(error);
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ error: { code: 'internal', message: 'Internal error.' } }));
      } else {
        response.destroy();
      }
    });
  };
}
