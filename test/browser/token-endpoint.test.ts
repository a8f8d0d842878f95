// The token endpoint client against a real local endpoint (test/harness/token-endpoint-plugin.mjs,
// served by the test server on the page's own origin): every failure reason, the request's shape,
// and that a timeout or an abort really ends the request instead of leaving it open.
import { expect } from '@esm-bundle/chai';
import { fetchVerificationUrl, MAX_RESPONSE_BYTES, type TokenEndpointOptions } from '../../src/handoff/token-endpoint.js';
import { readVerificationResponse } from '../../src/handoff/verification-response.js';
import { checkVerificationUrl } from '../../src/handoff/url-check.js';
import { engine, nextTick } from './engine.js';

const VERIFICATION_URL = 'https://sg.faceid.qq.com/reflect/?token=CE661F1A-0F1E-45BD-BE13-34C05CEA7681';
const BIZ_TOKEN = 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681';

let counter = 0;
/** A tag unique to this request, so the server's counts are ours alone (all engines share it). */
const newId = () => `${engine}-${Date.now()}-${counter++}`;
const endpoint = (name: string, id = newId(), query = '') => `/__token/${name}?id=${id}${query}`;

interface ServerStats {
  requests: number;
  inFlight: number;
  aborted: number;
}
async function stats(id: string): Promise<ServerStats> {
  return (await fetch(`/__token/stats?id=${id}`)).json();
}
/** The server's counts once nothing tagged `id` is in flight any more (or after `ms`). */
async function settledStats(id: string, ms = 3000): Promise<ServerStats> {
  const until = Date.now() + ms;
  let s = await stats(id);
  while (s.inFlight > 0 && Date.now() < until) {
    await nextTick(50);
    s = await stats(id);
  }
  return s;
}

/** The real fetch, recording what it was called with. */
/**
 * A fetch that answers at once, without the network: for the timer tests, which must finish well
 * inside a short timeout even on a loaded CI machine (a real loopback round trip cannot promise that).
 */
function instantFetch(status: number, body: unknown) {
  const calls: Array<{ input: string; init: RequestInit }> = [];
  const answer: typeof fetch = async (input, init) => {
    calls.push({ input: String(input), init: init ?? {} });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: answer, calls };
}

function recordingFetch() {
  const calls: Array<{ input: string; init: RequestInit }> = [];
  const wrapped: typeof fetch = (input, init) => {
    calls.push({ input: String(input), init: init ?? {} });
    return fetch(input, init);
  };
  return { fetch: wrapped, calls };
}

const get = (name: string, options: TokenEndpointOptions = {}, query = '') =>
  fetchVerificationUrl(endpoint(name, newId(), query), { prediction: { mode: 'reflection' } }, options);

describe(`fetchVerificationUrl in ${engine}`, () => {
  describe('reads the URL from each response shape', () => {
    it('VerificationURL and BizToken (ApplyWebVerificationBizTokenIntl)', async () => {
      expect(await get('ok')).to.deep.equal({ ok: true, url: VERIFICATION_URL, bizToken: BIZ_TOKEN });
    });
    it('VerificationUrl (the legacy ApplyWebVerificationToken)', async () => {
      expect(await get('legacy')).to.deep.equal({ ok: true, url: VERIFICATION_URL, bizToken: BIZ_TOKEN });
    });
    it("Tencent's raw Response envelope", async () => {
      expect(await get('envelope')).to.deep.equal({ ok: true, url: VERIFICATION_URL, bizToken: BIZ_TOKEN });
    });
    it('a plain url, without a BizToken', async () => {
      expect(await get('plain-url')).to.deep.equal({ ok: true, url: VERIFICATION_URL });
    });
    it('a hostile URL comes back as is: the caller must still check it', async () => {
      const result = await get('hostile');
      expect(result).to.deep.equal({ ok: true, url: 'javascript:alert(document.domain)', bizToken: BIZ_TOKEN });
      if (result.ok) expect(checkVerificationUrl(result.url)).to.include({ ok: false, reason: 'not-https' });
    });
  });

  describe('reports each failure', () => {
    it('a 500 → http-status 500', async () => {
      const result = await get('500');
      expect(result).to.include({ ok: false, reason: 'http-status', status: 500 });
    });

    it('an unknown path (404) → http-status 404', async () => {
      expect(await get('nope')).to.include({ ok: false, reason: 'http-status', status: 404 });
    });

    it('a redirect → http-status, and it is not followed', async () => {
      const id = newId();
      const result = await fetchVerificationUrl(endpoint('redirect', id), {});
      expect(result).to.include({ ok: false, reason: 'http-status' });
      if (!result.ok) expect(result.detail).to.match(/redirect/);
      // The redirect's target (/__token/ok, same tag) was never requested.
      expect((await settledStats(id)).requests).to.equal(1);
    });

    it('malformed JSON → malformed', async () => {
      expect(await get('malformed')).to.include({ ok: false, reason: 'malformed' });
    });

    it('an HTML page (a login page, a proxy error) → malformed, naming the content type', async () => {
      const result = await get('html');
      expect(result).to.include({ ok: false, reason: 'malformed' });
      if (!result.ok) expect(result.detail).to.contain('text/html');
    });

    it('an object without a URL → no-url', async () => {
      expect(await get('no-url')).to.include({ ok: false, reason: 'no-url' });
    });

    it("a relayed Tencent error → no-url, quoting Tencent's code", async () => {
      const result = await get('tencent-error');
      expect(result).to.include({ ok: false, reason: 'no-url' });
      if (!result.ok) expect(result.detail).to.contain('AuthFailure.SignatureExpire');
    });

    it('a relayed Tencent error quoting a BizToken → the detail has the token redacted', async () => {
      const result = await get('tencent-error-token');
      expect(result).to.include({ ok: false, reason: 'no-url' });
      if (!result.ok) {
        expect(result.detail).to.contain('FailedOperation.Unknown').and.contain('[redacted]');
        expect(result.detail).not.to.contain(BIZ_TOKEN);
        expect(result.detail).not.to.contain(BIZ_TOKEN.slice(0, 8));
      }
    });

    it(`a 5 MB body streamed without content-length → too-large, at once`, async () => {
      const started = performance.now();
      expect(await get('huge')).to.include({ ok: false, reason: 'too-large' });
      expect(performance.now() - started).to.be.below(5000);
    });

    it(`stops reading a long body after ${MAX_RESPONSE_BYTES} bytes and hangs up`, async () => {
      const id = newId();
      // 64 KB every 20 ms: the whole 5 MB would take 1.6 s.
      const result = await fetchVerificationUrl(endpoint('huge', id, '&pace=20'), {});
      expect(result).to.include({ ok: false, reason: 'too-large' });
      expect(await settledStats(id)).to.deep.equal({ requests: 1, inFlight: 0, aborted: 1 });
    });

    it('a 5 MB body with its content-length → too-large', async () => {
      expect(await get('huge', {}, '&declared=1')).to.include({ ok: false, reason: 'too-large' });
    });

    it('a connection refused → network', async () => {
      // https and cross-origin, so allowed; nothing listens on port 9 (discard).
      const result = await fetchVerificationUrl('https://127.0.0.1:9/token', {});
      expect(result).to.include({ ok: false, reason: 'network' });
    });

    it('a body JSON cannot encode → bad-body, without a request', async () => {
      const id = newId();
      const cyclic: Record<string, unknown> = {};
      cyclic['self'] = cyclic;
      expect(await fetchVerificationUrl(endpoint('ok', id), cyclic)).to.include({ ok: false, reason: 'bad-body' });
      expect(await fetchVerificationUrl(endpoint('ok', id), { n: 1n })).to.include({ ok: false, reason: 'bad-body' });
      expect((await stats(id)).requests).to.equal(0);
    });
  });

  describe('the endpoint itself', () => {
    it('refuses a cross-origin http: endpoint before any request', async () => {
      const id = newId();
      // Same server, other origin: a request would reach the plugin (a CORS preflight at least).
      const crossOrigin = `http://localhost:${location.port}${endpoint('ok', id)}`;
      const result = await fetchVerificationUrl(crossOrigin, {});
      expect(result).to.include({ ok: false, reason: 'bad-endpoint' });
      await nextTick(100);
      expect((await stats(id)).requests).to.equal(0);
    });

    it('accepts a same-origin http: endpoint, relative or absolute', async () => {
      expect(location.protocol).to.equal('http:');
      expect(await fetchVerificationUrl(`${location.origin}${endpoint('ok')}`, {})).to.include({ ok: true });
      expect(await fetchVerificationUrl(endpoint('ok'), {})).to.include({ ok: true });
    });

    const refused: Array<[string, unknown]> = [
      ['an empty string', ''],
      ['not a string', 42],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a data: URL', 'data:application/json,{"url":"x"}'],
      ['credentials', `${location.protocol}//user:pw@${location.host}/__token/ok`],
    ];
    for (const [label, value] of refused) {
      it(`refuses ${label} → bad-endpoint`, async () => {
        expect(await fetchVerificationUrl(value as string, {})).to.include({ ok: false, reason: 'bad-endpoint' });
      });
    }

    it('refuses a relative endpoint when there is no page to resolve it against', async () => {
      expect(await fetchVerificationUrl('/__token/ok', {}, { pageUrl: null })).to.include({ ok: false, reason: 'bad-endpoint' });
    });
  });

  describe('the request', () => {
    it('is a JSON POST with the session cookie, uncached, not following redirects', async () => {
      document.cookie = 'handoff-test=session-42; path=/';
      try {
        const { fetch, calls } = recordingFetch();
        const body = { prediction: { mode: 'video', likelihood: 0.3, rule: 'intl/android-xiaomi' } };
        const result = await fetchVerificationUrl(endpoint('echo'), body, { fetch });
        // The echo endpoint answers what it received, and has no URL field: no-url is expected.
        expect(result).to.include({ ok: false, reason: 'no-url' });
        const init = calls[0]!.init;
        expect(init).to.include({ method: 'POST', credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });

        const echoed = await (await fetch(endpoint('echo'), init)).json();
        expect(echoed.method).to.equal('POST');
        expect(JSON.parse(echoed.body)).to.deep.equal(body);
        expect(echoed.headers['content-type']).to.equal('application/json');
        expect(echoed.headers['accept']).to.equal('application/json');
        expect(echoed.headers['cookie']).to.contain('handoff-test=session-42');
      } finally {
        document.cookie = 'handoff-test=; path=/; max-age=0';
      }
    });

    it("carries the caller's headers (a CSRF header), but never in place of content-type or accept", async () => {
      const { fetch, calls } = recordingFetch();
      await fetchVerificationUrl(endpoint('echo'), {}, { fetch, headers: { 'X-CSRF-Token': 'csrf-123' } });
      const echoed = await (await fetch(endpoint('echo'), calls[0]!.init)).json();
      expect(echoed.headers['x-csrf-token']).to.equal('csrf-123');
      expect(echoed.headers['content-type']).to.equal('application/json');
      const replaced = await fetchVerificationUrl(endpoint('ok'), {}, { headers: { 'Content-Type': 'text/plain' } });
      expect(replaced).to.include({ ok: false, reason: 'bad-options' });
      const invalid = await fetchVerificationUrl(endpoint('ok'), {}, { headers: { 'bad header': 'x' } });
      expect(invalid).to.include({ ok: false, reason: 'bad-options' });
      const hostile = await fetchVerificationUrl(endpoint('ok'), {}, { headers: Object.create(null) as HeadersInit });
      expect(hostile.ok).to.equal(true);
    });

    it('uses the credentials mode it is given: omit sends no cookie, include and same-origin do', async () => {
      document.cookie = 'handoff-cred=yes; path=/';
      try {
        for (const [mode, cookie] of [
          ['omit', false],
          ['include', true],
          ['same-origin', true],
        ] as const) {
          const { fetch, calls } = recordingFetch();
          await fetchVerificationUrl(endpoint('echo'), {}, { fetch, credentials: mode });
          expect(calls[0]!.init.credentials).to.equal(mode);
          const echoed = await (await fetch(endpoint('echo'), calls[0]!.init)).json();
          expect(String(echoed.headers['cookie'] ?? '').includes('handoff-cred=yes'), mode).to.equal(cookie);
        }
        const bad = await fetchVerificationUrl(endpoint('ok'), {}, { credentials: 'always' as RequestCredentials });
        expect(bad).to.include({ ok: false, reason: 'bad-options' });
      } finally {
        document.cookie = 'handoff-cred=; path=/; max-age=0';
      }
    });

    it('sends {} for an undefined body', async () => {
      const { fetch, calls } = recordingFetch();
      await fetchVerificationUrl(endpoint('ok'), undefined, { fetch });
      expect(calls[0]!.init.body).to.equal('{}');
    });
  });

  describe('time and cancellation', () => {
    it('times out on a slow endpoint, and the request is really ended', async () => {
      const id = newId();
      const started = performance.now();
      const result = await fetchVerificationUrl(endpoint('slow', id, '&ms=4000'), {}, { timeoutMs: 200 });
      const elapsed = performance.now() - started;
      expect(result).to.include({ ok: false, reason: 'timeout' });
      expect(elapsed).to.be.within(150, 2000);
      // The server saw the client go away before it answered: nothing is left pending.
      expect(await settledStats(id)).to.deep.equal({ requests: 1, inFlight: 0, aborted: 1 });
    });

    it('answers in time from a slow endpoint that is fast enough', async () => {
      const result = await get('slow', { timeoutMs: 3000 }, '&ms=100');
      expect(result).to.include({ ok: true, url: VERIFICATION_URL });
    });

    it('clears its timer and unlinks the caller signal once done', async () => {
      const { fetch, calls } = instantFetch(200, { VerificationURL: VERIFICATION_URL });
      const caller = new AbortController();
      const result = await fetchVerificationUrl(endpoint('ok'), {}, { fetch, timeoutMs: 150, signal: caller.signal });
      expect(result.ok).to.equal(true);
      const requestSignal = calls[0]!.init.signal!;
      await nextTick(300); // past timeoutMs: a timer left running would abort the request's signal
      expect(requestSignal.aborted, 'the timeout timer was not cleared').to.equal(false);
      caller.abort();
      expect(requestSignal.aborted, 'the caller signal is still linked').to.equal(false);
    });

    it('clears its timer after a failure too', async () => {
      const { fetch, calls } = instantFetch(500, {});
      expect(await fetchVerificationUrl(endpoint('500'), {}, { fetch, timeoutMs: 150 })).to.include({ reason: 'http-status' });
      await nextTick(300);
      expect(calls[0]!.init.signal!.aborted).to.equal(false);
    });

    it("stops when the caller's signal aborts, and the request is really ended", async () => {
      const id = newId();
      const caller = new AbortController();
      const pending = fetchVerificationUrl(endpoint('slow', id, '&ms=4000'), {}, { signal: caller.signal });
      // Abort once the server has the request, so the abort has a connection to close.
      const until = Date.now() + 3000;
      while ((await stats(id)).inFlight === 0 && Date.now() < until) await nextTick(20);
      caller.abort();
      expect(await pending).to.include({ ok: false, reason: 'aborted' });
      expect(await settledStats(id)).to.deep.equal({ requests: 1, inFlight: 0, aborted: 1 });
    });

    it('does not send anything when the signal is already aborted', async () => {
      const id = newId();
      const result = await fetchVerificationUrl(endpoint('ok', id), {}, { signal: AbortSignal.abort() });
      expect(result).to.include({ ok: false, reason: 'aborted' });
      expect((await stats(id)).requests).to.equal(0);
    });

    it('times out even when a custom fetch ignores its signal', async () => {
      const never: typeof fetch = () => new Promise(() => {});
      const result = await fetchVerificationUrl(endpoint('ok'), {}, { fetch: never, timeoutMs: 100 });
      expect(result).to.include({ ok: false, reason: 'timeout' });
    });

    it('uses the default timeout for a nonsensical timeoutMs, and never throws', async () => {
      for (const timeoutMs of [Number.NaN, -1, 0, Infinity]) {
        expect(await get('ok', { timeoutMs })).to.include({ ok: true });
      }
    });
  });
});

describe(`readVerificationResponse in ${engine}`, () => {
  const rows: Array<[string, unknown, ReturnType<typeof readVerificationResponse>]> = [
    ['top level wins over Response', { url: 'a', Response: { VerificationURL: 'b' } }, { ok: true, url: 'a' }],
    ['VerificationURL wins over url', { url: 'a', VerificationURL: 'b' }, { ok: true, url: 'b' }],
    ['an empty field is skipped', { VerificationURL: '', url: 'a' }, { ok: true, url: 'a' }],
    [
      'a BizToken under Response goes with a top-level URL',
      { url: 'a', Response: { BizToken: 't' } },
      { ok: true, url: 'a', bizToken: 't' },
    ],
    ['a non-string BizToken is dropped', { url: 'a', BizToken: 42 }, { ok: true, url: 'a' }],
    [
      "the mainland DetectAuth's Url",
      { Response: { Url: 'https://faceid.qq.com/api/auth/x', BizToken: 't', RequestId: 'r' } },
      { ok: true, url: 'https://faceid.qq.com/api/auth/x', bizToken: 't' },
    ],
    ['VerificationUrl wins over Url', { Url: 'b', VerificationUrl: 'a' }, { ok: true, url: 'a' }],
  ];
  for (const [label, json, expected] of rows) {
    it(label, () => expect(readVerificationResponse(json)).to.deep.equal(expected));
  }
  const failing: Array<[string, unknown, string]> = [
    ['null', null, 'malformed'],
    ['an array', [{ url: 'a' }], 'malformed'],
    ['a string', 'https://sg.faceid.qq.com/', 'malformed'],
    ['a non-string url', { url: { href: 'https://sg.faceid.qq.com/' } }, 'no-url'],
    ['a URL field under some other key', { Data: { url: 'a' } }, 'no-url'],
  ];
  for (const [label, json, reason] of failing) {
    it(`${label} → ${reason}`, () => expect(readVerificationResponse(json)).to.include({ ok: false, reason }));
  }
});
