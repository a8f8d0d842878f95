// faceid-preflight/server (dist/server) against the local sandbox, through Tencent's official SDK:
// the start and result handlers behind a real Node http server (toNodeListener), every bad input
// answered with its documented status while the server keeps serving, every Tencent failure turned
// into a JSON error the element retries on — and no secret, no BizToken in any log line or error body.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { once } from 'node:events';
import { startSandbox } from '../../dist/sandbox/index.js';
import {
  clientHintsHeaders,
  createFaceidClient,
  createResultHandler,
  createStartHandler,
  FaceidSetupError,
  outcomeOf,
  readClientHints,
  toNodeListener,
  verificationOutcomes,
  faceidLanguageOf,
  cookieBinding,
  nodeRequestOf,
} from '../../dist/server/index.js';

const ID = 'AKIDservertest000000000000000000';
const KEY = 'server-test-secret-key-00000000';
const TOKEN_SHAPE = /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/i;
const huaweiChrome = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const iphoneSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/604.1';

/** Everything written to the console or the process's stdout/stderr while `fn` runs. */
async function captureOutput(fn) {
  const written = [];
  const saved = {
    warn: console.warn,
    error: console.error,
    log: console.log,
    info: console.info,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  const keep = (...args) => written.push(args.map(String).join(' '));
  console.warn = console.error = console.log = console.info = keep;
  process.stdout.write = function (chunk, ...rest) {
    written.push(String(chunk));
    return saved.out.call(this, chunk, ...rest);
  };
  process.stderr.write = function (chunk, ...rest) {
    written.push(String(chunk));
    return saved.err.call(this, chunk, ...rest);
  };
  try {
    return { value: await fn(), written };
  } finally {
    Object.assign(console, { warn: saved.warn, error: saved.error, log: saved.log, info: saved.info });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
}

async function listen(listener) {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

describe('faceid-preflight/server', () => {
  let sandbox;
  let app;
  const sessions = new Map(); // session id → BizToken: the customer's session store
  const issued = []; // every BizToken handed out, to look for in logs and bodies
  const bindings = [];

  const settings = () => ({ secretId: ID, secretKey: KEY, endpoint: sandbox.endpoint });
  const startOptions = (over = {}) => ({
    ...settings(),
    redirectUrl: 'http://127.0.0.1:8000/flow/return',
    bindToken: ({ bizToken, request, prediction, language, hint }) => {
      issued.push(bizToken);
      bindings.push({ rule: prediction.rule, mode: prediction.mode, language, hint, ua: request.headers.get('user-agent') });
      const session = `s${sessions.size + 1}`;
      sessions.set(session, bizToken);
      return { 'set-cookie': `sid=${session}; HttpOnly; SameSite=Lax; Path=/` };
    },
    ...over,
  });
  const sessionOf = (request) => /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const resultOptions = (over = {}) => ({
    ...settings(),
    verifyToken: (token, request) => sessions.get(sessionOf(request)) === token,
    ...over,
  });

  before(async () => {
    sandbox = await startSandbox({ secretId: ID, secretKey: KEY });
    const start = createStartHandler(startOptions());
    const result = createResultHandler(resultOptions());
    const routes = { '/api/faceid/start': toNodeListener(start), '/api/faceid/result': toNodeListener(result) };
    app = await listen((req, res) => (routes[new URL(req.url, 'http://x').pathname] ?? ((_, r) => r.writeHead(404).end()))(req, res));
  });
  after(async () => {
    app?.server.close();
    await sandbox?.close();
  });

  const post = (path, body, headers = {}) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** Starts a verification as the element does; returns the URL, the token and the session cookie. */
  async function startVerification(headers = {}) {
    const response = await post(
      '/api/faceid/start',
      { prediction: { mode: 'reflection', likelihood: 0.9, rule: 'x' }, language: 'th' },
      headers,
    );
    assert.equal(response.status, 200);
    const body = await response.json();
    const cookie = response.headers.get('set-cookie').split(';')[0];
    return { response, body, bizToken: new URL(body.VerificationURL).searchParams.get('token'), cookie };
  }

  const finish = (bizToken, outcome) =>
    fetch(`${sandbox.endpoint}/verify/finish`, {
      method: 'POST',
      body: new URLSearchParams({ token: bizToken, outcome }),
      redirect: 'manual',
    });

  describe('start (the token endpoint)', () => {
    it('answers { VerificationURL } with no-store, and binds the BizToken with the session cookie', async () => {
      const { response, body, bizToken, cookie } = await startVerification({ 'user-agent': iphoneSafari });
      assert.deepEqual(Object.keys(body), ['VerificationURL']);
      assert.equal(body.VerificationURL, `${sandbox.endpoint}/verify/?token=${bizToken}`);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(response.headers.get('content-type'), /^application\/json/);
      assert.equal(sessions.get(cookie.split('=')[1]), bizToken);
    });

    it("classifies the request's own User-Agent and Sec-CH-UA-* headers (the element's hint is kept apart)", async () => {
      bindings.length = 0;
      await startVerification({ 'user-agent': iphoneSafari });
      await startVerification({
        'user-agent': huaweiChrome,
        'sec-ch-ua-model': '"ELS-NX9"',
        'sec-ch-ua-platform-version': '"10.0.0"',
        'sec-ch-ua-platform': '"Android"',
        'sec-ch-ua-mobile': '?1',
      });
      const [iphone, huawei] = bindings;
      assert.equal(iphone.mode, 'reflection');
      assert.notEqual(huawei.rule, iphone.rule);
      assert.equal(huawei.mode, 'video', `a Huawei phone's Chrome, told by Sec-CH-UA-Model (rule ${huawei.rule})`);
      assert.deepEqual(iphone.hint, { mode: 'reflection', likelihood: 0.9, rule: 'x' });
      assert.equal(iphone.language, 'th');
    });

    it('sends Config with AutoDowngrade, SecurityLevel, Language and the customer overrides', async () => {
      let seen;
      const client = createFaceidClient(settings());
      const spyClient = {
        ...client,
        applyWebVerificationBizToken: (params) => ((seen = params), client.applyWebVerificationBizToken(params)),
      };
      const start = createStartHandler(
        startOptions({
          client: spyClient,
          config: ({ prediction }) => ({ AutoDowngrade: 2, ThemeColor: '#112233', SecurityLevel: prediction.mode === 'video' ? 1 : 3 }),
          extra: 'order-7',
        }),
      );
      const response = await start(
        new Request('http://x/', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'zh-TW,zh;q=0.9', 'user-agent': iphoneSafari },
          body: '{}',
        }),
      );
      assert.equal(response.status, 200);
      assert.deepEqual(seen.Config, { AutoDowngrade: 2, SecurityLevel: 3, Language: 'zh-tc', ThemeColor: '#112233' });
      assert.equal(seen.Extra, 'order-7');
      assert.equal(seen.RedirectURL, 'http://127.0.0.1:8000/flow/return');
    });

    it('answers each bad request with its documented 4xx, and keeps serving', async () => {
      const cases = [
        ['GET', () => fetch(`${app.url}/api/faceid/start`), 405],
        ['PUT', () => fetch(`${app.url}/api/faceid/start`, { method: 'PUT', body: '{}' }), 405],
        ['text/plain', () => post('/api/faceid/start', '{}', { 'content-type': 'text/plain' }), 415],
        ['no content-type', () => fetch(`${app.url}/api/faceid/start`, { method: 'POST', body: new Uint8Array([123, 125]) }), 415],
        ['oversized', () => post('/api/faceid/start', JSON.stringify({ pad: 'x'.repeat(20_000) })), 413],
        ['not JSON', () => post('/api/faceid/start', '{"prediction":'), 400],
        ['a JSON array', () => post('/api/faceid/start', '[]'), 400],
        [
          'invalid UTF-8',
          () =>
            fetch(`${app.url}/api/faceid/start`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: new Uint8Array([0x7b, 0xff, 0x7d]),
            }),
          400,
        ],
      ];
      const { written } = await captureOutput(async () => {
        for (const [name, send, status] of cases) {
          const response = await send();
          assert.equal(response.status, status, name);
          const body = await response.json();
          assert.equal(typeof body.error.code, 'string', name);
          assert.equal(typeof body.error.message, 'string', name);
          if (status === 405) assert.equal(response.headers.get('allow'), 'POST');
        }
      });
      assert.ok(written.length >= cases.length, 'each bad request is logged');
      await startVerification(); // still serving
    });

    it('logs one bad-request line for each request either handler refuses (405, 415, 413, 400)', async () => {
      const entries = [];
      const log = (e) => entries.push(e);
      const start = createStartHandler(startOptions({ log }));
      const result = createResultHandler({ ...settings(), verifyToken: () => true, log });
      const json = (method, body) => new Request('http://x/', { method, headers: { 'content-type': 'application/json' }, body });
      const cases = [
        ['start', start, new Request('http://x/'), 405],
        ['start', start, new Request('http://x/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }), 415],
        ['start', start, json('POST', JSON.stringify({ pad: 'x'.repeat(20_000) })), 413],
        ['start', start, json('POST', '{"prediction":'), 400],
        ['result', result, new Request('http://x/', { method: 'DELETE' }), 405],
        ['result', result, new Request('http://x/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }), 415],
        ['result', result, json('POST', JSON.stringify({ token: 'x'.repeat(5000) })), 413],
        ['result', result, json('POST', '{"token":'), 400],
      ];
      for (const [handler, handle, request, status] of cases) {
        const before = entries.length;
        const response = await handle(request);
        assert.equal(response.status, status, `${handler} ${request.method} → ${status}`);
        assert.equal(entries.length, before + 1, `${handler} ${status}: one log line`);
        assert.equal(entries.at(-1).event, 'bad-request');
        assert.equal(entries.at(-1).handler, handler);
      }
    });

    it('refuses at creation a maxBodyBytes that is not a whole number of bytes (NaN would lift the limit)', async () => {
      for (const bad of [Number(undefined), Number('abc'), -1, 0, 1.5, Infinity, '16384']) {
        assert.throws(
          () => createStartHandler(startOptions({ maxBodyBytes: bad })),
          (e) => e instanceof FaceidSetupError && /maxBodyBytes/.test(e.message),
          String(bad),
        );
      }
      const small = createStartHandler(startOptions({ maxBodyBytes: 8 }));
      const response = await captureOutput(() =>
        small(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":12345}' })),
      );
      assert.equal(response.value.status, 413);
    });

    it('survives a client that disconnects halfway through its body', async () => {
      const { port } = new URL(app.url);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      socket.write(
        'POST /api/faceid/start HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"predic',
      );
      socket.destroy();
      await new Promise((r) => setTimeout(r, 100));
      await startVerification();
    });

    it('fails at creation without credentials, a valid redirectUrl or bindToken — without quoting a key', () => {
      const saved = { id: process.env.TENCENTCLOUD_SECRET_ID, key: process.env.TENCENTCLOUD_SECRET_KEY };
      delete process.env.TENCENTCLOUD_SECRET_ID;
      delete process.env.TENCENTCLOUD_SECRET_KEY;
      try {
        assert.throws(
          () => createStartHandler({ redirectUrl: 'https://a.example/', bindToken() {} }),
          (e) => e instanceof FaceidSetupError && /TENCENTCLOUD_SECRET_ID/.test(e.message) && /TENCENTCLOUD_SECRET_KEY/.test(e.message),
        );
        assert.throws(
          () => createStartHandler({ secretId: ID, redirectUrl: 'https://a.example/', bindToken() {} }),
          (e) => /TENCENTCLOUD_SECRET_KEY/.test(e.message) && !e.message.includes(ID),
        );
        assert.throws(
          () => createResultHandler({ secretKey: KEY, verifyToken: () => true }),
          (e) => /secretId/.test(e.message) && !e.message.includes(KEY),
        );
        assert.throws(() => createStartHandler({ ...settings(), redirectUrl: 'http://customer.example/back', bindToken() {} }), /https/);
        assert.throws(() => createStartHandler({ ...settings(), redirectUrl: '/back', bindToken() {} }), /absolute/);
        assert.throws(() => createStartHandler({ ...settings(), bindToken() {} }), /^FaceidSetupError: redirectUrl is required: /);
        assert.throws(() => createStartHandler({ ...settings(), redirectUrl: 'https://a.example/' }), /bindToken/);
        assert.throws(() => createResultHandler(settings()), /verifyToken/);
        assert.throws(() => createFaceidClient({ ...settings(), endpoint: 'http://faceid.example.com' }), /loopback/);
      } finally {
        if (saved.id !== undefined) process.env.TENCENTCLOUD_SECRET_ID = saved.id;
        if (saved.key !== undefined) process.env.TENCENTCLOUD_SECRET_KEY = saved.key;
      }
    });

    it('reads the credentials from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY', async () => {
      const saved = { id: process.env.TENCENTCLOUD_SECRET_ID, key: process.env.TENCENTCLOUD_SECRET_KEY };
      process.env.TENCENTCLOUD_SECRET_ID = ID;
      process.env.TENCENTCLOUD_SECRET_KEY = KEY;
      try {
        const start = createStartHandler({
          endpoint: sandbox.endpoint,
          redirectUrl: 'https://customer.example/back',
          bindToken: ({ bizToken }) => void issued.push(bizToken),
        });
        const response = await start(
          new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
        );
        assert.equal(response.status, 200);
      } finally {
        for (const [name, value] of [
          ['TENCENTCLOUD_SECRET_ID', saved.id],
          ['TENCENTCLOUD_SECRET_KEY', saved.key],
        ]) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    });
  });

  describe('Tencent failures become JSON errors the element retries on', () => {
    const ask = (start) => start(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));

    async function failure(options) {
      const entries = [];
      const start = createStartHandler(startOptions({ ...options, log: (e) => entries.push(e) }));
      const { value: response, written } = await captureOutput(() => ask(start));
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text), text, entries, written };
    }

    /** A stand-in for Tencent that answers every call with `response` (JSON), on 127.0.0.1. */
    async function upstreamAnswering(response) {
      const upstream = await listen((req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: response })));
      });
      return { endpoint: upstream.url, close: () => new Promise((r) => upstream.server.close(r)) };
    }

    it('an answer with neither a URL nor an Error → 502 whose message names no empty code', async () => {
      const upstream = await upstreamAnswering({ RequestId: 'req-1' });
      try {
        const f = await failure({ endpoint: upstream.endpoint });
        assert.equal(f.status, 502);
        assert.equal(f.body.error.code, 'upstream-refused');
        assert.equal(f.body.error.message, 'Tencent Cloud refused the request; the server log says why.');
      } finally {
        await upstream.close();
      }
    });

    it('a Tencent message that quotes the SecretId across the log line’s cut still loses all of it', async () => {
      // The message is kept to 500 characters: the id starts at 492, so a cut made first would keep its first 8.
      const upstream = await upstreamAnswering({
        Error: { Code: 'AuthFailure.SignatureFailure', Message: `${'x'.repeat(492)}${ID}/2026-12-02/faceid/tc3_request` },
        RequestId: 'req-2',
      });
      try {
        const f = await failure({ endpoint: upstream.endpoint });
        assert.equal(f.body.error.tencentCode, 'AuthFailure.SignatureFailure');
        const logged = JSON.stringify(f.entries) + f.written.join('\n') + f.text;
        assert.ok(f.entries.length > 0, 'the failure is logged');
        assert.ok(!logged.includes(ID.slice(0, 8)), `no part of the SecretId is logged: ${logged.slice(-200)}`);
      } finally {
        await upstream.close();
      }
    });

    it('a wrong SecretKey → 502 upstream-refused (AuthFailure.SignatureFailure)', async () => {
      const f = await failure({ secretKey: 'wrong-key-wrong-key' });
      assert.equal(f.status, 502);
      assert.equal(f.body.error.code, 'upstream-refused');
      assert.equal(f.body.error.tencentCode, 'AuthFailure.SignatureFailure');
      assert.equal(f.entries[0].tencentCode, 'AuthFailure.SignatureFailure');
      assert.ok(!f.text.includes('wrong-key-wrong-key') && !JSON.stringify(f.entries).includes('wrong-key-wrong-key'));
    });

    it('an unknown SecretId → 502 (AuthFailure.SecretIdNotFound), the id quoted nowhere', async () => {
      const f = await failure({ secretId: 'AKIDnobodyhasthisone' });
      assert.equal(f.status, 502);
      assert.equal(f.body.error.tencentCode, 'AuthFailure.SecretIdNotFound');
      assert.ok(!f.text.includes('AKIDnobodyhasthisone') && !JSON.stringify(f.entries).includes('AKIDnobodyhasthisone'));
    });

    it('a parameter Tencent refuses → 502 (InvalidParameterValue)', async () => {
      const f = await failure({ extra: 'x'.repeat(1000), config: { AutoDowngrade: 3 } });
      assert.equal(f.status, 502);
      assert.equal(f.body.error.tencentCode, 'InvalidParameterValue');
    });

    it('an unsupported region → 502 (UnsupportedRegion)', async () => {
      const f = await failure({ region: 'ap-mars' });
      assert.equal(f.status, 502);
      assert.equal(f.body.error.tencentCode, 'UnsupportedRegion');
    });

    it('a network failure → 502 upstream-unreachable', async () => {
      const closed = await listen(() => {});
      const endpoint = closed.url;
      await new Promise((r) => closed.server.close(r));
      const f = await failure({ endpoint });
      assert.equal(f.status, 502);
      assert.equal(f.body.error.code, 'upstream-unreachable');
    });

    it('no answer in time → 504 upstream-timeout', async () => {
      const silent = await listen(() => {}); // accepts, never answers
      try {
        const f = await failure({ endpoint: silent.url, timeoutSeconds: 0.3 });
        assert.equal(f.status, 504);
        assert.equal(f.body.error.code, 'upstream-timeout');
      } finally {
        silent.server.closeAllConnections();
        silent.server.close();
      }
    });

    it('Tencent unavailable (ResourceUnavailable.*, InternalError) → 503 with Retry-After', async () => {
      const busy = await listen((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ Response: { Error: { Code: 'ResourceUnavailable.InArrears', Message: 'in arrears' }, RequestId: 'r-1' } }),
        );
      });
      try {
        const entries = [];
        const start = createStartHandler(startOptions({ endpoint: busy.url, log: (e) => entries.push(e) }));
        const response = await ask(start);
        assert.equal(response.status, 503);
        assert.equal(response.headers.get('retry-after'), '5');
        assert.equal((await response.json()).error.code, 'upstream-unavailable');
      } finally {
        busy.server.close();
      }
    });

    it('a Tencent message quoting a token is logged with the token redacted', async () => {
      const leaky = await listen((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            Response: {
              Error: {
                Code: 'FailedOperation.Unknown',
                Message: `bad https://sg.faceid.qq.com/?token=CE661F1A-0F1E-45BD-BE13-34C05CEA7681 key ${KEY}`,
              },
              RequestId: 'r-2',
            },
          }),
        );
      });
      try {
        const entries = [];
        const start = createStartHandler(startOptions({ endpoint: leaky.url, log: (e) => entries.push(e) }));
        const response = await ask(start);
        const text = await response.text();
        const logged = JSON.stringify(entries);
        assert.equal(response.status, 502);
        assert.match(logged, /FailedOperation\.Unknown/);
        for (const s of [text, logged]) {
          assert.doesNotMatch(s, /CE661F1A/);
          assert.ok(!s.includes(KEY));
        }
      } finally {
        leaky.server.close();
      }
    });

    it('a bindToken that throws → 500, and no URL handed out', async () => {
      const f = await failure({
        bindToken: () => {
          throw new Error('session store down');
        },
      });
      assert.equal(f.status, 500);
      assert.equal(f.body.VerificationURL, undefined);
      assert.doesNotMatch(f.text, TOKEN_SHAPE);
    });
  });

  describe('result (the return page)', () => {
    const getResult = (bizToken, cookie) => fetch(`${app.url}/api/faceid/result?token=${bizToken}`, { headers: cookie ? { cookie } : {} });

    const expected = {
      success: ['success', 0],
      'reflection-liveness-failed': ['liveness-failed', 1401],
      'comparison-failed': ['comparison-failed', 2016],
      'user-exited': ['user-exited', 1410],
      'timed-out': ['timed-out', 1409],
    };
    for (const [picked, [outcome, code]] of Object.entries(expected)) {
      it(`reports "${outcome}" (${code}) for a verification that ended in ${picked}`, async () => {
        const { bizToken, cookie } = await startVerification();
        assert.equal((await finish(bizToken, picked)).status, 303);
        const response = await getResult(bizToken, cookie);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const body = await response.json();
        assert.equal(body.outcome, outcome);
        assert.equal(body.errorCode, code);
        assert.equal(typeof body.errorMessage, 'string');
        assert.equal(body.attempts.length, 1);
        assert.ok(!JSON.stringify(body).includes(bizToken), 'the token is not echoed');
        assert.ok(!('VideoBase64' in body) && !('BestFrameBase64' in body), 'no personal media');
      });
    }

    it('reports "not-finished" before the stand-in page was used; POST {token} works too', async () => {
      const { bizToken, cookie } = await startVerification();
      const response = await post('/api/faceid/result', { token: bizToken }, { cookie });
      assert.equal(response.status, 200);
      assert.equal((await response.json()).outcome, 'not-finished');
    });

    it("refuses another session's token (403), a missing or malformed one (400), and a wrong method (405)", async () => {
      const mine = await startVerification();
      const theirs = await startVerification();
      await captureOutput(async () => {
        assert.equal((await getResult(theirs.bizToken, mine.cookie)).status, 403);
        assert.equal((await getResult(mine.bizToken)).status, 403);
        assert.equal((await fetch(`${app.url}/api/faceid/result`, { headers: { cookie: mine.cookie } })).status, 400);
        assert.equal((await fetch(`${app.url}/api/faceid/result?token=%3Cscript%3E`, { headers: { cookie: mine.cookie } })).status, 400);
        assert.equal(
          (await fetch(`${app.url}/api/faceid/result?token=${mine.bizToken}&token=${mine.bizToken}`, { headers: { cookie: mine.cookie } }))
            .status,
          400,
        );
        assert.equal((await post('/api/faceid/result', { token: 42 }, { cookie: mine.cookie })).status, 400);
        assert.equal((await fetch(`${app.url}/api/faceid/result`, { method: 'DELETE' })).status, 405);
      });
      assert.equal((await getResult(mine.bizToken, mine.cookie)).status, 200, 'still serving');
    });

    it('reports "expired" for a token past its lifetime (InvalidParameterValue.BizTokenExpired)', async () => {
      const quick = await startSandbox({ secretId: ID, secretKey: KEY, tokenLifetimeMs: 300 });
      try {
        const client = createFaceidClient({ ...settings(), endpoint: quick.endpoint });
        const { bizToken } = await client.applyWebVerificationBizToken({ RedirectURL: 'https://customer.example/back' });
        await new Promise((r) => setTimeout(r, 400));
        const result = await client.getWebVerificationResult(bizToken);
        assert.equal(result.outcome, 'expired');
        assert.equal(result.errorMessage, 'InvalidParameterValue.BizTokenExpired');
      } finally {
        await quick.close();
      }
    });
  });

  it('never wrote a secret or a BizToken to the console, stdout or stderr', async () => {
    // A whole round with the default log (console.warn), failures included, captured.
    const { written } = await captureOutput(async () => {
      const start = createStartHandler(startOptions());
      const wrong = createStartHandler(startOptions({ secretKey: 'x-wrong-key' }));
      const result = createResultHandler(resultOptions({ verifyToken: () => true }));
      const ok = await start(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
      const { VerificationURL } = await ok.json();
      const token = new URL(VerificationURL).searchParams.get('token');
      issued.push(token);
      await wrong(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
      await start(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }));
      await result(new Request(`http://x/?token=${token}`));
      await createResultHandler(resultOptions({ verifyToken: () => false }))(new Request(`http://x/?token=${token}`));
    });
    assert.ok(
      written.some((line) => /AuthFailure\.SignatureFailure/.test(line)),
      'the failure was logged',
    );
    const all = written.join('\n');
    for (const secret of [KEY, 'x-wrong-key', ID]) assert.ok(!all.includes(secret), `a credential in the output: ${secret.slice(0, 4)}…`);
    for (const token of issued) assert.ok(!all.includes(token), 'a BizToken in the output');
  });
});

describe('server helpers', () => {
  it('names the Accept-CH and Critical-CH hints the engine reads', () => {
    const headers = clientHintsHeaders();
    assert.match(headers['Accept-CH'], /Sec-CH-UA-Model/);
    assert.match(headers['Accept-CH'], /Sec-CH-UA-Platform-Version/);
    assert.equal(headers['Critical-CH'], 'Sec-CH-UA-Model, Sec-CH-UA-Platform-Version');
  });

  it('reads Sec-CH-UA-* structured fields, and leaves out malformed or oversized ones', () => {
    const hints = readClientHints(
      new Headers({
        'sec-ch-ua-model': '"SM-S911B"',
        'sec-ch-ua-platform-version': '"14.0.0"',
        'sec-ch-ua-mobile': '?1',
        'sec-ch-ua-full-version-list': '"Chromium";v="124.0.6367.82", "Google Chrome";v="124.0.6367.82", "Not-A.Brand";v="99.0.0.0"',
      }),
    );
    assert.deepEqual(hints, {
      model: 'SM-S911B',
      platformVersion: '14.0.0',
      mobile: true,
      fullVersionList: [
        { brand: 'Chromium', version: '124.0.6367.82' },
        { brand: 'Google Chrome', version: '124.0.6367.82' },
        { brand: 'Not-A.Brand', version: '99.0.0.0' },
      ],
    });
    assert.deepEqual(
      readClientHints(
        new Headers({ 'sec-ch-ua-model': 'SM-S911B', 'sec-ch-ua-platform': `"${'x'.repeat(600)}"`, 'sec-ch-ua-mobile': 'yes' }),
      ),
      {},
    );
  });

  it('maps every documented ErrorCode to the closed outcome set', () => {
    const table = {
      0: 'success',
      14: 'other',
      15: 'expired',
      16: 'too-many-attempts',
      17: 'not-finished',
      1001: 'liveness-failed',
      1005: 'liveness-failed',
      1201: 'liveness-failed',
      1210: 'liveness-failed',
      1301: 'liveness-failed',
      1303: 'liveness-failed',
      1401: 'liveness-failed',
      1409: 'timed-out',
      1410: 'user-exited',
      2001: 'comparison-failed',
      2016: 'comparison-failed',
      1006: 'other',
      2017: 'other',
      9999: 'other',
    };
    for (const [code, outcome] of Object.entries(table)) assert.equal(outcomeOf(Number(code)), outcome, code);
    assert.equal(outcomeOf(null), 'not-finished');
    for (const outcome of Object.values(table)) assert.ok(verificationOutcomes.includes(outcome));
    assert.equal(new Set(verificationOutcomes).size, 9);
  });

  it("maps the element's language to FaceID's", () => {
    const table = {
      en: 'en',
      'zh-CN': 'zh-cn',
      zh: 'zh-cn',
      'zh-TW': 'zh-tc',
      'zh-HK': 'zh-tc',
      'zh-Hant': 'zh-tc',
      'zh-Hant-HK': 'zh-tc',
      'zh-MO': 'zh-tc',
      'zh-Hans': 'zh-cn',
      'zh-Hans-HK': 'zh-cn',
      th: 'th',
      'th-TH': 'th',
      id: 'id',
      'in-ID': 'id',
      fr: 'en',
    };
    for (const [tag, language] of Object.entries(table)) assert.equal(faceidLanguageOf(tag), language, tag);
    for (const bad of [undefined, 42, '', '--', 'x'.repeat(9)]) assert.equal(faceidLanguageOf(bad), undefined);
  });
});

describe('the browser side stays free of the server module', () => {
  it('no browser bundle and no module reachable from the browser entry points pulls in the SDK or node:*', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dist = new URL('../../dist/', import.meta.url);
    for (const file of readdirSync(new URL('cdn/', dist)).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(new URL(`cdn/${file}`, dist), 'utf8');
      assert.doesNotMatch(text, /tencentcloud|CommonClient|node:http|TC3-HMAC/, file);
    }
    // The import graph of the package's browser entries, followed through relative imports.
    const seen = new Set();
    const visit = (url) => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      const text = readFileSync(url, 'utf8');
      for (const match of text.matchAll(
        /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g,
      )) {
        const spec = match[1] ?? match[2] ?? match[3];
        assert.doesNotMatch(spec, /^node:|tencentcloud/, `${url.pathname} imports ${spec}`);
        if (spec.startsWith('.')) visit(new URL(spec, url));
      }
    };
    for (const entry of ['index.js', 'element/index.js', 'react/index.js', 'cdn.js', 'core/index.js']) visit(new URL(entry, dist));
    assert.ok(seen.size > 20, `followed ${seen.size} modules`);
    for (const href of seen) assert.doesNotMatch(href, /\/dist\/(server|sandbox)\//, href);
  });
});

describe('in an Express app', () => {
  it('works as route middleware, with or without express.json() in front, and keeps serving after bad input', async () => {
    const { default: express } = await import('express');
    const sandbox = await startSandbox({ secretId: ID, secretKey: KEY });
    const bound = [];
    const start = createStartHandler({
      secretId: ID,
      secretKey: KEY,
      endpoint: sandbox.endpoint,
      redirectUrl: 'https://customer.example/back',
      bindToken: ({ bizToken }) => void bound.push(bizToken),
      log: () => {},
    });
    const app = express();
    const seenNodeRequests = [];
    const peek = createStartHandler({
      secretId: ID,
      secretKey: KEY,
      endpoint: sandbox.endpoint,
      redirectUrl: 'https://customer.example/back',
      log: () => {},
      bindToken: ({ request }) => void seenNodeRequests.push(nodeRequestOf(request)?.session),
    });
    app.post('/session', (req, _res, next) => ((req.session = { user: 'u1' }), next()), toNodeListener(peek));
    app.post('/raw', toNodeListener(start));
    app.post('/parsed', express.json(), toNodeListener(start));
    const { server, url } = await listen(app);
    try {
      for (const route of ['/raw', '/parsed']) {
        const bad = await fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' });
        assert.equal(bad.status, 400, route);
        const ok = await fetch(`${url}${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"language":"id"}',
        });
        assert.equal(ok.status, 200, route);
        assert.match((await ok.json()).VerificationURL, /\/verify\/\?token=/);
      }
      assert.equal(bound.length, 2);
      assert.equal(
        (await fetch(`${url}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
        200,
      );
      assert.deepEqual(seenNodeRequests, [{ user: 'u1' }], 'bindToken reaches the Node request (express-session and the like)');
    } finally {
      server.close();
      await sandbox.close();
    }
  });
});

describe('cookieBinding', () => {
  it('binds the token to the browser that started the verification, Secure on https', async () => {
    const sandbox = await startSandbox({ secretId: ID, secretKey: KEY });
    try {
      const { bindToken, verifyToken } = cookieBinding();
      const settings = { secretId: ID, secretKey: KEY, endpoint: sandbox.endpoint, log: () => {} };
      const start = createStartHandler({ ...settings, redirectUrl: 'https://customer.example/back', bindToken });
      const result = createResultHandler({ ...settings, verifyToken });
      const started = await start(
        new Request('https://customer.example/api/faceid/start', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      );
      const cookie = started.headers.get('set-cookie');
      assert.match(cookie, /^faceid_token=[0-9A-F-]{36}; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax; Secure$/);
      const token = new URL((await started.json()).VerificationURL).searchParams.get('token');
      const withCookie = await result(
        new Request(`https://customer.example/kyc/done?token=${token}`, { headers: { cookie: `other=1; ${cookie.split(';')[0]}` } }),
      );
      assert.equal(withCookie.status, 200);
      assert.equal((await withCookie.json()).outcome, 'not-finished');
      assert.equal((await result(new Request(`https://customer.example/kyc/done?token=${token}`))).status, 403);
      assert.equal(
        (
          await result(
            new Request(`https://customer.example/kyc/done?token=${token}`, {
              headers: { cookie: 'faceid_token=CE661F1A-0F1E-45BD-BE13-34C05CEA7681' },
            }),
          )
        ).status,
        403,
      );
      assert.throws(() => cookieBinding({ name: 'a;b' }), TypeError);
    } finally {
      await sandbox.close();
    }
  });
});
