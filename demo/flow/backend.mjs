// The example customer backend of the whole-flow demo (`npm start` → /demo/flow/): what a customer
// writes with faceid-preflight/server — the token endpoint and the result endpoint, the BizToken
// bound to a session cookie — pointed at the local FaceID sandbox instead of Tencent. Plain Node
// listeners (toNodeListener), as an Express or Node http app would mount them.
import { randomBytes, randomUUID } from 'node:crypto';
import { clientHintsHeaders, createFaceidClient, createResultHandler, createStartHandler, toNodeListener } from 'faceid-preflight/server';
import { startSandbox } from 'faceid-preflight/sandbox';

const SESSION_COOKIE = 'faceid_demo_session';

const readCookie = (request, name) =>
  (request.headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/**
 * Starts the sandbox (with a key pair made up for this run) and returns the routes of the example
 * backend: `{ '/api/faceid/start': listener, '/api/faceid/result': listener }`.
 */
export async function startFlowBackend({ log = () => {} } = {}) {
  const secretId = `AKIDdemo${randomBytes(12).toString('hex')}`;
  const secretKey = randomBytes(24).toString('base64url');
  const sandbox = await startSandbox({ secretId, secretKey, log });

  // One client for both handlers; in production: createFaceidClient() with the environment's keys.
  const client = createFaceidClient({ secretId, secretKey, endpoint: sandbox.endpoint });
  const sessions = new Map(); // session id → the BizToken issued to it (a real app: its session store)

  const start = createStartHandler({
    client,
    // Back to this dev server's return page (Tencent requires https; the sandbox takes loopback http).
    redirectUrl: ({ request }) => new URL('/demo/flow/return.html', request.url).href,
    extra: ({ prediction }) => `server-predicted:${prediction.mode}`,
    bindToken: ({ bizToken }) => {
      const session = randomUUID();
      sessions.set(session, bizToken);
      return { 'set-cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Lax; Path=/` };
    },
  });
  const result = createResultHandler({
    client,
    verifyToken: (bizToken, request) => sessions.get(readCookie(request, SESSION_COOKIE)) === bizToken,
  });

  return {
    sandbox,
    routes: { '/api/faceid/start': toNodeListener(start), '/api/faceid/result': toNodeListener(result) },
    /** Headers for the example H5 page: ask for the Client Hints the server-side prediction reads. */
    pageHeaders: clientHintsHeaders(),
    close: () => sandbox.close(),
  };
}
