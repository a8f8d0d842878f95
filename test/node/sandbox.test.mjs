// The local FaceID sandbox (dist/sandbox), spoken to through Tencent's official SDK
// (tencentcloud-sdk-nodejs-common's CommonClient, unchanged): it must verify TC3 signatures,
// the timestamp window and the SecretId, and refuse exactly as Tencent's API does — in the
// envelope, with Tencent's error codes. Plus the signature vector from Tencent's guide and the
// `faceid-preflight sandbox` command.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { startSandbox } from '../../dist/sandbox/index.js';
import { originOf } from '../../dist/sandbox/sandbox.js';
import { canonicalRequest, sha256Hex, tc3Signature } from '../../dist/sandbox/tc3.js';
import { TokenStore, TOKEN_LIFETIME_MS, RESULT_LIFETIME_MS } from '../../dist/sandbox/token-store.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ID = 'AKIDsandboxtest0000000000000000';
const KEY = 'sandbox-test-secret-key-000000';

/** The official SDK pointed at a local endpoint, as a customer would configure it. */
function sdk(endpoint, { secretId = ID, secretKey = KEY, region = 'ap-singapore' } = {}) {
  const host = new URL(endpoint).host;
  return new CommonClient(host, '2018-03-01', {
    credential: { secretId, secretKey },
    region,
    profile: { httpProfile: { endpoint: host, protocol: 'http://', reqTimeout: 10 } },
  });
}

/** The SDK's rejection: Tencent's error code and message, from the envelope. */
async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    return { code: error.code, message: error.message, requestId: error.requestId };
  }
  assert.fail('expected the sandbox to refuse the request');
}

const apply = {
  RedirectURL: 'https://customer.example/kyc/done',
  Config: { AutoDowngrade: 1, SecurityLevel: 3, Language: 'en' },
  Extra: 'order-42',
};

describe('TC3-HMAC-SHA256, as the sandbox verifies it', () => {
  it("hashes the guide's example body to the guide's digest", () => {
    const body = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
    assert.equal(sha256Hex(body), '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
  });

  it("computes the same signature as the official SDK's signer for the same request", async () => {
    // The SDK's own signer (sign.js), called directly: the sandbox must agree with it byte for byte.
    // sign.js is CommonJS with `exports.default = Sign`.
    const {
      default: { default: Sign },
    } = await import('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js');
    const payload = { BizToken: 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681' };
    const timestamp = 1_700_000_000;
    const authorization = Sign.sign3({
      method: 'POST',
      url: 'http://127.0.0.1:9000/',
      payload,
      timestamp,
      service: '127',
      secretId: ID,
      secretKey: KEY,
      headers: { 'Content-Type': 'application/json' },
    });
    const canonical = canonicalRequest({
      method: 'POST',
      path: '/',
      query: '',
      headers: [
        ['content-type', 'application/json'],
        ['host', '127.0.0.1'],
      ],
      payload: JSON.stringify(payload),
    });
    const signature = tc3Signature(KEY, timestamp, '127', canonical);
    assert.match(
      authorization,
      new RegExp(`^TC3-HMAC-SHA256 Credential=${ID}/2023-11-14/127/tc3_request, SignedHeaders=content-type;host, Signature=${signature}$`),
    );
  });
});

describe('sandbox tokens', () => {
  it('can be used for 10 minutes, and a finished result read for 3 days', () => {
    let now = 1_000_000;
    const store = new TokenStore(() => now);
    const a = store.issue({ redirectUrl: 'https://x.example/', extra: null, config: {} });
    const b = store.issue({ redirectUrl: 'https://x.example/', extra: null, config: {} });
    assert.match(a.bizToken, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    assert.notEqual(a.bizToken, b.bizToken);
    now += TOKEN_LIFETIME_MS;
    assert.equal(store.lookup(a.bizToken).status, 'live');
    assert.ok(store.finish(a.bizToken, 'success'));
    assert.equal(store.finish(a.bizToken, 'timed-out'), null, 'a finished token cannot be finished again');
    now += 1;
    assert.equal(store.lookup(b.bizToken).status, 'expired');
    assert.equal(store.finish(b.bizToken, 'success'), null);
    assert.equal(store.lookup(a.bizToken).status, 'finished');
    now += RESULT_LIFETIME_MS + 1;
    assert.equal(store.lookup(a.bizToken).status, 'expired');
    assert.equal(store.lookup('nope').status, 'unknown');
  });
});

describe('the sandbox through the official SDK', () => {
  let sandbox;
  let clockOffset = 0;
  const lines = [];
  before(async () => {
    sandbox = await startSandbox({
      secretId: ID,
      secretKey: KEY,
      now: () => Date.now() + clockOffset,
      tokenLifetimeMs: 1500,
      log: (l) => lines.push(l),
    });
  });
  after(() => sandbox.close());

  it('answers ApplyWebVerificationBizTokenIntl with a BizToken and its stand-in page URL', async () => {
    const data = await sdk(sandbox.endpoint).request('ApplyWebVerificationBizTokenIntl', apply);
    assert.match(data.BizToken, /^[0-9A-F-]{36}$/);
    assert.equal(data.VerificationURL, `${sandbox.endpoint}/verify/?token=${data.BizToken}`);
    assert.equal(typeof data.RequestId, 'string');
    const page = await fetch(data.VerificationURL);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Development stand-in — not Tencent FaceID/);
    assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
  });

  it('reports "not finished", then the outcome picked on the stand-in page, with Extra echoed', async () => {
    const client = sdk(sandbox.endpoint);
    const { BizToken } = await client.request('ApplyWebVerificationBizTokenIntl', apply);
    const before = await client.request('GetWebVerificationResultIntl', { BizToken });
    assert.equal(before.ErrorCode, 17);
    const finish = await fetch(`${sandbox.endpoint}/verify/finish`, {
      method: 'POST',
      body: new URLSearchParams({ token: BizToken, outcome: 'comparison-failed' }),
      redirect: 'manual',
    });
    assert.equal(finish.status, 303);
    assert.equal(finish.headers.get('location'), `https://customer.example/kyc/done?token=${BizToken}`);
    const result = await client.request('GetWebVerificationResultIntl', { BizToken });
    assert.equal(result.ErrorCode, 2016);
    assert.equal(result.Extra, 'order-42');
    assert.equal(result.VerificationDetailList[0].CompareErrorCode, 2016);
    assert.ok(result.VerificationDetailList[0].Similarity < 70);
    const again = await fetch(`${sandbox.endpoint}/verify/?token=${BizToken}`);
    assert.equal(again.status, 409, 'a finished verification cannot be run again');
  });

  it('refuses a wrong SecretKey: AuthFailure.SignatureFailure', async () => {
    const e = await refusal(sdk(sandbox.endpoint, { secretKey: 'not-the-key' }).request('ApplyWebVerificationBizTokenIntl', apply));
    assert.equal(e.code, 'AuthFailure.SignatureFailure');
    assert.ok(e.requestId, 'Tencent errors carry a RequestId');
  });

  it('refuses an unknown SecretId: AuthFailure.SecretIdNotFound', async () => {
    const e = await refusal(sdk(sandbox.endpoint, { secretId: 'AKIDunknown' }).request('ApplyWebVerificationBizTokenIntl', apply));
    assert.equal(e.code, 'AuthFailure.SecretIdNotFound');
    assert.doesNotMatch(e.message, /AKIDunknown/);
  });

  it('refuses a timestamp more than 5 minutes off, either way: AuthFailure.SignatureExpire', async () => {
    try {
      clockOffset = 5 * 60 * 1000 + 5000; // the client's clock is 5 min 5 s behind the server's
      assert.equal(
        (await refusal(sdk(sandbox.endpoint).request('GetWebVerificationResultIntl', { BizToken: 'x' }))).code,
        'AuthFailure.SignatureExpire',
      );
      clockOffset = -(5 * 60 * 1000 + 5000);
      assert.equal(
        (await refusal(sdk(sandbox.endpoint).request('GetWebVerificationResultIntl', { BizToken: 'x' }))).code,
        'AuthFailure.SignatureExpire',
      );
      clockOffset = 4 * 60 * 1000; // within the window
      assert.equal(
        (await refusal(sdk(sandbox.endpoint).request('GetWebVerificationResultIntl', { BizToken: 'x' }))).code,
        'InvalidParameterValue.BizTokenIllegal',
      );
    } finally {
      clockOffset = 0;
    }
  });

  it('refuses a body changed after signing: AuthFailure.SignatureFailure', async () => {
    // A relay on another loopback port that rewrites the RedirectURL and forwards everything else
    // as sent: the signed host (no port) and service ("127") stay the same, the body hash does not.
    const relay = createServer(async (req, res) => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const body = Buffer.from(Buffer.concat(chunks).toString().replace('customer.example', 'attacker.example'));
      const target = new URL(sandbox.endpoint);
      const out = httpRequest(
        { host: target.hostname, port: target.port, method: 'POST', path: '/', headers: { ...req.headers, 'content-length': body.length } },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      out.end(body);
    });
    relay.listen(0, '127.0.0.1');
    await once(relay, 'listening');
    try {
      const e = await refusal(sdk(`http://127.0.0.1:${relay.address().port}`).request('ApplyWebVerificationBizTokenIntl', apply));
      assert.equal(e.code, 'AuthFailure.SignatureFailure');
    } finally {
      relay.close();
    }
  });

  it('refuses an unsigned request, an unknown action and an unsupported region', async () => {
    const unsigned = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tc-action': 'GetWebVerificationResultIntl' },
      body: '{}',
    });
    assert.equal(unsigned.status, 200, 'Tencent answers API errors with HTTP 200 and the envelope');
    const body = await unsigned.json();
    assert.equal(body.Response.Error.Code, 'AuthFailure.InvalidAuthorization');
    assert.ok(body.Response.RequestId);
    assert.equal((await refusal(sdk(sandbox.endpoint).request('DescribeInstances', {}))).code, 'InvalidAction');
    assert.equal(
      (await refusal(sdk(sandbox.endpoint, { region: 'ap-mars' }).request('GetWebVerificationResultIntl', { BizToken: 'x' }))).code,
      'UnsupportedRegion',
    );
  });

  it('checks the parameters as Tencent documents them', async () => {
    const client = sdk(sandbox.endpoint);
    const cases = [
      [{}, 'MissingParameter'],
      [{ RedirectURL: 42 }, 'InvalidParameter'],
      [{ RedirectURL: '/relative' }, 'InvalidParameterValue'],
      [{ ...apply, Extra: 'x'.repeat(1001) }, 'InvalidParameterValue'],
      [{ ...apply, Config: { AutoDowngrade: 3 } }, 'InvalidParameterValue'],
      [{ ...apply, Config: { SecurityLevel: '3' } }, 'InvalidParameter'],
      [{ ...apply, Config: { Language: 'fr' } }, 'InvalidParameterValue'],
      [{ ...apply, Config: { Colour: 'red' } }, 'UnknownParameter'],
      [{ ...apply, CompareImageBase64: 'data:image/png;base64,AAAA' }, 'InvalidParameterValue'],
      [{ ...apply, Surprise: 1 }, 'UnknownParameter'],
    ];
    for (const [params, code] of cases) {
      assert.equal(
        (await refusal(client.request('ApplyWebVerificationBizTokenIntl', params))).code,
        code,
        JSON.stringify(params).slice(0, 80),
      );
    }
    assert.equal((await refusal(client.request('GetWebVerificationResultIntl', {}))).code, 'MissingParameter');
    assert.equal(
      (await refusal(client.request('GetWebVerificationResultIntl', { BizToken: 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681' }))).code,
      'InvalidParameterValue.BizTokenIllegal',
    );
  });

  it('expires an unused token after its lifetime: InvalidParameterValue.BizTokenExpired, and its page says so', async () => {
    const client = sdk(sandbox.endpoint);
    const { BizToken, VerificationURL } = await client.request('ApplyWebVerificationBizTokenIntl', apply);
    await new Promise((r) => setTimeout(r, 1700)); // this sandbox's tokens live 1.5 s (default 10 min)
    assert.equal(
      (await refusal(client.request('GetWebVerificationResultIntl', { BizToken }))).code,
      'InvalidParameterValue.BizTokenExpired',
    );
    const page = await fetch(VerificationURL);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /expired/);
  });

  it('logs the action and the result code, never a key or a token', () => {
    assert.ok(lines.some((l) => /ApplyWebVerificationBizTokenIntl → ok/.test(l)));
    assert.ok(lines.some((l) => /AuthFailure\.SignatureFailure/.test(l)));
    for (const line of lines) {
      assert.doesNotMatch(line, /[0-9A-F]{8}-[0-9A-F]{4}-/i, line);
      assert.ok(!line.includes(KEY) && !line.includes(ID), line);
    }
  });
});

describe('faceid-preflight sandbox (the command)', () => {
  const bin = path.join(root, 'bin/faceid-preflight.js');

  it('prints its endpoint first, serves the SDK, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'sandbox', '--port', '0', '--secret-id', ID, '--secret-key', KEY], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const endpoint = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before printing the endpoint`)));
      });
      assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      const data = await sdk(endpoint).request('ApplyWebVerificationBizTokenIntl', apply);
      assert.ok(data.BizToken);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('bound to every interface, names an endpoint on loopback (the one the server module accepts over http)', () => {
    // (A pure check: no test server binds anything but 127.0.0.1.)
    assert.equal(originOf({ address: '0.0.0.0', family: 'IPv4', port: 9000 }), 'http://127.0.0.1:9000');
    assert.equal(originOf({ address: '::', family: 'IPv6', port: 9000 }), 'http://[::1]:9000');
    assert.equal(originOf({ address: '127.0.0.1', family: 'IPv4', port: 9000 }), 'http://127.0.0.1:9000');
    assert.equal(originOf({ address: '::1', family: 'IPv6', port: 9000 }), 'http://[::1]:9000');
  });

  it('refuses to start without a key pair (exit 2, says what to set)', async () => {
    const env = { ...process.env };
    delete env.TENCENTCLOUD_SECRET_ID;
    delete env.TENCENTCLOUD_SECRET_KEY;
    const child = spawn(process.execPath, [bin, 'sandbox'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(err, /TENCENTCLOUD_SECRET_ID/);
  });
});
