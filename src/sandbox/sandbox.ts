/**
 * A local FaceID sandbox: Tencent Cloud's two international web-verification actions, answered the
 * way Tencent answers them (TC3 signature, 5-minute timestamp window, SecretId, envelope, error
 * codes), plus a stand-in for the hosted verification page. For development and tests only: it
 * binds to loopback by default and verifies nobody.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { API_VERSION, applyWebVerificationBizToken, getWebVerificationResult, isSandboxAction, regions } from './actions.js';
import { authenticate } from './authenticate.js';
import { apiError, envelope, type ApiAnswer } from './envelope.js';
import { isStandInOutcome } from './outcomes.js';
import { indexPage, standInCss, standInScript, unusablePage, verificationPage } from './stand-in-page.js';
import { TokenStore } from './token-store.js';

export interface SandboxOptions {
  /** The key pair the sandbox accepts (one pair; Tencent keys are per account). */
  secretId: string;
  secretKey: string;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** The clock, in ms since the epoch (tests move it). Default `Date.now`. */
  now?: () => number;
  /** How long a token can be used on the stand-in page. Default 10 minutes, as at Tencent. */
  tokenLifetimeMs?: number;
  /** One line per API call (action and result code; never a key or a token). Default: none. */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** The API endpoint, e.g. `http://127.0.0.1:9000` (the stand-in pages are under `/verify/`). */
  endpoint: string;
  /** `http://host:port` — the origin a page author allows for the hand-off in development. */
  origin: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** API bodies: CompareImageBase64 may be 8 MB. */
const MAX_API_BODY = 10 * 1024 * 1024;
const MAX_FORM_BODY = 4 * 1024;
const CDN_FILE = /^[A-Za-z0-9_-]+(?:-[A-Za-z0-9_-]+)*\.min\.js$/;
const cdnFolder = new URL('../cdn/', import.meta.url);

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  response.end(body);
}

const pageSecurity = (formTarget = ''): Record<string, string> => ({
  'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'${formTarget}; base-uri 'none'; frame-ancestors 'none'`,
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), microphone=()',
});

function headerMap(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** Starts the sandbox; resolves once it listens. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { secretId, secretKey, host = '127.0.0.1', port = 0, now = Date.now, tokenLifetimeMs, log = () => {} } = options;
  if (typeof secretId !== 'string' || secretId === '' || typeof secretKey !== 'string' || secretKey === '') {
    throw new Error(
      'The sandbox needs a SecretId and a SecretKey (--secret-id/--secret-key or TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY).',
    );
  }
  const secrets = new Map([[secretId, secretKey]]);
  const store = new TokenStore(now, tokenLifetimeMs);
  let origin = '';

  async function api(request: IncomingMessage): Promise<ApiAnswer> {
    let body: Buffer;
    try {
      body = await readBody(request, MAX_API_BODY);
    } catch (error) {
      if (error instanceof BodyTooLarge) return apiError('InvalidParameter', 'The request body is too large.');
      throw error;
    }
    const headers = headerMap(request);
    const refused = authenticate({ method: request.method ?? 'POST', target: request.url ?? '/', headers, body }, secrets, now());
    if (refused) return refused;
    const action = headers['x-tc-action'];
    if (!action) return apiError('MissingParameter', 'The X-TC-Action header is missing.');
    if (!isSandboxAction(action))
      return apiError(
        'InvalidAction',
        `The action ${action.slice(0, 64)} does not exist (the sandbox has the two web-verification actions).`,
      );
    if (headers['x-tc-version'] !== API_VERSION) return apiError('NoSuchVersion', `The version must be ${API_VERSION}.`);
    const region = headers['x-tc-region'];
    if (!region) return apiError('MissingParameter', 'The X-TC-Region header is missing.');
    if (!(regions as readonly string[]).includes(region))
      return apiError('UnsupportedRegion', `FaceID's international API is not offered in ${region.slice(0, 32)}.`);
    if (!/^application\/json\b/i.test(headers['content-type'] ?? ''))
      return apiError('InvalidParameter', 'The body must be JSON (Content-Type: application/json).');
    let params: unknown;
    try {
      params = JSON.parse(body.toString('utf8'));
    } catch {
      return apiError('InvalidParameter', 'The body is not valid JSON.');
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params))
      return apiError('InvalidParameter', 'The body must be a JSON object.');
    const record = params as Record<string, unknown>;
    return action === 'ApplyWebVerificationBizTokenIntl'
      ? applyWebVerificationBizToken(record, store, `${origin}/verify/`)
      : getWebVerificationResult(record, store);
  }

  async function verifyPage(url: URL, response: ServerResponse): Promise<void> {
    const bizToken = url.searchParams.get('token') ?? '';
    const found = store.lookup(bizToken);
    if (found.status === 'live') {
      const target = new URL(found.token.redirectUrl).origin;
      return send(response, 200, 'text/html; charset=utf-8', verificationPage(bizToken), pageSecurity(` ${target}`));
    }
    const what =
      found.status === 'finished'
        ? 'This verification is already finished.'
        : found.status === 'expired'
          ? 'This verification link has expired (links are valid for 10 minutes).'
          : 'This verification link is not valid.';
    return send(response, found.status === 'finished' ? 409 : 410, 'text/html; charset=utf-8', unusablePage(what), pageSecurity());
  }

  async function finish(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await readBody(request, MAX_FORM_BODY)).toString('utf8'));
    const outcome = form.get('outcome');
    if (!isStandInOutcome(outcome))
      return send(response, 400, 'text/html; charset=utf-8', unusablePage('Pick one of the outcomes.'), pageSecurity());
    const token = store.finish(form.get('token') ?? '', outcome);
    if (!token)
      return send(response, 410, 'text/html; charset=utf-8', unusablePage('This verification link is no longer usable.'), pageSecurity());
    log(`stand-in page: outcome ${outcome}`);
    // FaceID appends the token, and only the token, to the RedirectURL.
    const back = new URL(token.redirectUrl);
    back.searchParams.append('token', token.bizToken);
    response.writeHead(303, { location: back.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    response.end();
  }

  async function asset(name: string, response: ServerResponse): Promise<void> {
    if (!CDN_FILE.test(name)) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    try {
      const file = await readFile(new URL(name, cdnFolder));
      return send(response, 200, 'text/javascript; charset=utf-8', file, { 'cache-control': 'no-cache' });
    } catch {
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found (is the package built? npm run build)');
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';
    if (url.pathname === '/' && method === 'POST') {
      const answer = await api(request);
      log(`${request.headers['x-tc-action'] ?? '(no action)'} → ${answer.ok ? 'ok' : answer.error.code}`);
      return send(response, 200, 'application/json; charset=utf-8', envelope(answer));
    }
    if (method === 'GET' || method === 'HEAD') {
      if (url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', indexPage(origin), pageSecurity());
      if (url.pathname === '/favicon.ico') return void response.writeHead(204, { 'cache-control': 'max-age=86400' }).end();
      if (url.pathname === '/verify/' || url.pathname === '/verify') return verifyPage(url, response);
      if (url.pathname === '/verify/stand-in.js') return send(response, 200, 'text/javascript; charset=utf-8', standInScript);
      if (url.pathname === '/verify/stand-in.css') return send(response, 200, 'text/css; charset=utf-8', standInCss);
      if (url.pathname.startsWith('/verify/assets/')) return asset(url.pathname.slice('/verify/assets/'.length), response);
    }
    if (url.pathname === '/verify/finish' && method === 'POST') return finish(request, response);
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof BodyTooLarge ? 413 : 500;
      if (!response.headersSent) send(response, status, 'text/plain; charset=utf-8', status === 413 ? 'Too large' : 'Sandbox error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = originOf(server.address() as AddressInfo);
  return {
    endpoint: origin,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The origin to name for the address the sandbox listens on. Bound to every interface (0.0.0.0, ::),
 * it is reached from this machine on loopback, the one address the server module accepts over http.
 */
export function originOf({ address, family, port }: Pick<AddressInfo, 'address' | 'family' | 'port'>): string {
  const reachable = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `http://${family === 'IPv6' ? `[${reachable}]` : reachable}:${port}`;
}
