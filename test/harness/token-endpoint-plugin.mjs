// A @web/test-runner plugin that serves a fake customer token endpoint under /__token/, so the
// hand-off tests talk to a real HTTP server (same origin as the test page) instead of a stubbed
// fetch. Each path is one behaviour:
//
//   POST /__token/ok         200 {"VerificationURL": "https://sg.faceid.qq.com/reflect/?token=…", "BizToken": …}
//        /__token/legacy     200 {"VerificationUrl": …}        (ApplyWebVerificationToken)
//        /__token/envelope   200 {"Response": {…, "RequestId"}} (Tencent's raw API envelope)
//        /__token/plain-url  200 {"url": …}
//        /__token/tencent-error 200 {"Response": {"Error": {"Code", "Message"}}}
//        /__token/tencent-error-token  the same, its Message quoting a verification URL and a BizToken
//        /__token/500        500 {"error": …}
//        /__token/redirect   302 → /__token/ok (must not be followed)
//        /__token/slow?ms=N  answers `ok` after N ms, or never if the client goes away first
//        /__token/malformed  200 `{not json`
//        /__token/html       200 text/html
//        /__token/no-url     200 {}
//        /__token/hostile    200 {"VerificationURL": "javascript:alert(document.domain)"}
//        /__token/huge       200, 5 MB, streamed without content-length
//        /__token/huge?declared=1  the same, with its content-length
//        /__token/huge?pace=N      64 KB every N ms: the end is seconds away, so a client that
//                                  stops reading is seen hanging up (a flood can be swallowed
//                                  whole by the browser's network process before it cancels)
//        /__token/echo       200 {"method", "headers", "body"}: what the server received
//   GET  /__token/stats?id=X {"requests", "inFlight", "aborted"} for the requests tagged ?id=X
//        ("aborted": the client went away before the whole answer was written)
//
// Tag requests with ?id=<unique> so that tests running at the same time in different browsers
// (one server for all) do not see each other's counts. These requests never reach the dev
// server's middleware (transforms, etags, static files), which would buffer or rewrite them.
const VERIFICATION_URL = 'https://sg.faceid.qq.com/reflect/?token=CE661F1A-0F1E-45BD-BE13-34C05CEA7681';
const BIZ_TOKEN = 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681';
const HUGE_BYTES = 5 * 1024 * 1024;

const json = (status, value) => ({ status, type: 'application/json', body: JSON.stringify(value) });

const fixed = {
  ok: () => json(200, { VerificationURL: VERIFICATION_URL, BizToken: BIZ_TOKEN }),
  legacy: () => json(200, { VerificationUrl: VERIFICATION_URL, BizToken: BIZ_TOKEN }),
  envelope: () => json(200, { Response: { VerificationURL: VERIFICATION_URL, BizToken: BIZ_TOKEN, RequestId: 'f00d' } }),
  'plain-url': () => json(200, { url: VERIFICATION_URL }),
  'tencent-error': () =>
    json(200, { Response: { Error: { Code: 'AuthFailure.SignatureExpire', Message: 'signature expired' }, RequestId: 'f00d' } }),
  'tencent-error-token': () =>
    json(200, {
      Response: {
        Error: { Code: 'FailedOperation.Unknown', Message: `could not open ${VERIFICATION_URL} (BizToken ${BIZ_TOKEN})` },
        RequestId: 'f00d',
      },
    }),
  500: () => json(500, { error: 'internal' }),
  malformed: () => ({ status: 200, type: 'application/json', body: '{not json' }),
  html: () => ({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>Login</title><p>Please sign in' }),
  'no-url': () => json(200, {}),
  hostile: () => json(200, { VerificationURL: 'javascript:alert(document.domain)', BizToken: BIZ_TOKEN }),
};

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
    req.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(res, { status, type, body, headers = {} }) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function drainedOrClosed(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Streams `bytes` of JSON-ish filler, respecting back-pressure, until done or the client leaves. */
async function streamHuge(res, bytes, declared, paceMs) {
  res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  while (sent < bytes && !res.destroyed) {
    const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
    sent += piece.length;
    if (!res.write(piece)) await drainedOrClosed(res);
    if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
  }
  res.end();
}

export function tokenEndpointPlugin() {
  /** Per ?id= tag: requests seen, still open, and closed by the client before an answer. */
  const stats = new Map();
  const statsFor = (id) => {
    if (!stats.has(id)) stats.set(id, { requests: 0, inFlight: 0, aborted: 0 });
    return stats.get(id);
  };

  async function handle(req, res) {
    const url = new URL(req.url, 'http://test.invalid');
    const name = url.pathname.slice('/__token/'.length);
    const id = url.searchParams.get('id') ?? '';

    if (name === 'stats') return send(res, json(200, statsFor(id)));

    const counts = statsFor(id);
    counts.requests++;
    counts.inFlight++;
    let answered = false;
    res.on('close', () => {
      counts.inFlight--;
      if (!answered && !res.writableFinished) counts.aborted++;
    });
    const answer = (reply) => {
      answered = true;
      send(res, reply);
    };

    const body = await readBody(req);
    if (name === 'echo') return answer(json(200, { method: req.method, headers: req.headers, body }));
    if (name === 'redirect') return answer({ status: 302, type: 'text/plain', body: '', headers: { location: `/__token/ok?id=${id}` } });
    // Not `answered` until the last byte is written: a client that stops reading counts as aborted.
    if (name === 'huge') return streamHuge(res, HUGE_BYTES, url.searchParams.has('declared'), Number(url.searchParams.get('pace') ?? 0));
    if (name === 'slow') {
      const ms = Number(url.searchParams.get('ms') ?? 5000);
      let timer;
      const gone = new Promise((r) => res.once('close', () => r('gone')));
      const late = new Promise((r) => {
        timer = setTimeout(() => r('late'), ms);
      });
      const first = await Promise.race([gone, late]);
      clearTimeout(timer);
      if (first === 'gone') return;
      return answer(fixed.ok());
    }
    const reply = fixed[name];
    if (!reply) return answer(json(404, { error: `no such fake endpoint: ${name}` }));
    return answer(reply());
  }

  return {
    name: 'token-endpoint',
    // A front door on the Node server itself, ahead of the dev server's koa app: koa composes its
    // middleware once, when the server is created, so an app.use() here would never be reached,
    // and a plugin's serve() hook can only answer 200.
    serverStart({ server }) {
      const devServer = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        if (req.url?.startsWith('/__token/')) return void handle(req, res);
        for (const listener of devServer) listener.call(server, req, res);
      });
    },
  };
}
