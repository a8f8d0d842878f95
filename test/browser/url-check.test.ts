// The hand-off URL check, in every engine: the URL parser differs between them, so the table of
// hostile URLs must give the same verdict (and the same reason) in each. The parser facts at the
// end record what each engine really does with the tricky ones, i.e. why the raw string is
// checked before it is parsed.
import { expect } from '@esm-bundle/chai';
import { checkVerificationUrl, type HandoffUrlProblem } from '../../src/handoff/url-check.js';
import { parseAllowedHosts } from '../../src/handoff/host-patterns.js';
import { engine, type Engine } from './engine.js';

const TOKEN = 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681';

type Rejected = [label: string, input: unknown, reason: HandoffUrlProblem, allowedHosts?: string[]];

const rejected: Rejected[] = [
  // schemes
  ['javascript:', 'javascript:alert(1)', 'not-https'],
  ['javascript: in mixed case', 'JaVaScRiPt:alert(1)', 'not-https'],
  ['javascript: with a tab inside the scheme', 'java\tscript:alert(1)', 'control-characters'],
  ['data:', 'data:text/html,<script>alert(1)</script>', 'not-https'],
  ['http:', `http://sg.faceid.qq.com/reflect/?token=${TOKEN}`, 'not-https'],
  ['a scheme-looking host', 'sg.faceid.qq.com:443/reflect/', 'not-https'],
  // look-alike hosts
  ['the real host as a prefix of another', 'https://faceid.qq.com.evil.example/', 'host-not-allowed'],
  ['the domain glued to a prefix', 'https://evilfaceid.qq.com/', 'host-not-allowed'],
  ['the apex (not on the default list)', 'https://faceid.qq.com/', 'host-not-allowed'],
  ['a trailing dot', 'https://sg.faceid.qq.com./', 'host-not-allowed'],
  ['an IPv6 literal', 'https://[::1]/', 'host-not-allowed'],
  // credentials and ports
  ['the real host as a user name', 'https://faceid.qq.com@evil.example/', 'credentials'],
  ['user and password', 'https://user:pw@sg.faceid.qq.com/', 'credentials'],
  ['an empty user name', 'https://@sg.faceid.qq.com/', 'credentials'],
  ['a non-default port', 'https://sg.faceid.qq.com:8443/', 'port'],
  // backslashes and percent-encoding
  ['a backslash before @', 'https://evil.example\\@sg.faceid.qq.com/', 'backslash'],
  ['a backslash after the host', 'https://sg.faceid.qq.com\\.evil.example/', 'backslash'],
  ['%2F in the host', 'https://sg.faceid.qq.com%2F.evil.example/', 'percent-encoded-host'],
  ['%2e in the host', 'https://sg.faceid.qq.com%2e.evil.example/', 'percent-encoded-host'],
  ['%2E that decodes to an allowed host', 'https://sg%2Efaceid.qq.com/', 'percent-encoded-host'],
  ['%20 in the host', 'https://sg.faceid.qq.com%20.evil.example/', 'percent-encoded-host'],
  // internationalised hosts and homographs
  ['Cyrillic а in faceid', 'https://sg.f\u0430ceid.qq.com/', 'idn-host'],
  ['Cyrillic о in com', 'https://sg.faceid.qq.c\u043em/', 'idn-host'],
  ['Cyrillic ԛ in qq', 'https://sg.faceid.q\u051b.com/', 'idn-host'],
  ['Cyrillic ѕ in the subdomain', 'https://\u0455g.faceid.qq.com/', 'idn-host'],
  ['full-width ｑｑ (maps to qq)', 'https://sg.faceid.\uff51\uff51.com/', 'idn-host'],
  ['ideographic full stops (map to dots)', 'https://sg\u3002faceid\u3002qq\u3002com/', 'idn-host'],
  ['a soft hyphen (mapped to nothing)', 'https://sg.face\u00adid.qq.com/', 'idn-host'],
  ['a zero-width space (mapped to nothing)', 'https://sg.face\u200bid.qq.com/', 'idn-host'],
  ['a punycode subdomain', 'https://sg.xn--fceid-4ve.qq.com/', 'idn-host'],
  ['an invalid punycode label', 'https://xn--sg-faceid.faceid.qq.com/', 'idn-host'],
  ['an upper-case punycode label', 'https://XN--SG-FACEID.faceid.qq.com/', 'idn-host'],
  ['a lone xn--', 'https://xn--.faceid.qq.com/', 'idn-host'],
  // not absolute
  ['protocol-relative', '//sg.faceid.qq.com/reflect/', 'not-absolute'],
  ['path-relative', `/reflect/?token=${TOKEN}`, 'not-absolute'],
  ['host without a scheme', 'sg.faceid.qq.com/reflect/', 'not-absolute'],
  ['https: without slashes', 'https:sg.faceid.qq.com/reflect/', 'malformed'],
  ['https: with one slash', 'https:/sg.faceid.qq.com/reflect/', 'malformed'],
  ['https: with three slashes', 'https:///sg.faceid.qq.com/reflect/', 'malformed'],
  ['a port that is not a number', 'https://sg.faceid.qq.com:x/', 'malformed'],
  ['a hex IPv4 host the parser rewrites', 'https://0x7f.1/', 'malformed', ['127.0.0.1']],
  // whitespace and controls
  ['a leading space', ' https://sg.faceid.qq.com/reflect/', 'whitespace'],
  ['a trailing space', 'https://sg.faceid.qq.com/reflect/ ', 'whitespace'],
  ['a no-break space', 'https://sg.faceid.qq.com/\u00a0', 'whitespace'],
  ['an ideographic space', 'https://sg.faceid.qq.com/\u3000', 'whitespace'],
  ['a tab in the host', 'https://sg.faceid\t.qq.com/', 'control-characters'],
  ['a newline in the host', 'https://sg.faceid\n.qq.com/', 'control-characters'],
  ['a carriage return', 'https://sg.faceid.qq.com/\r', 'control-characters'],
  ['a NUL', 'https://sg.faceid.qq.com\u0000.evil.example/', 'control-characters'],
  ['DEL', 'https://sg.faceid.qq.com/\u007f', 'control-characters'],
  ['a C1 control (NEL)', 'https://sg.faceid.qq.com/\u0085', 'control-characters'],
  // not a URL string at all
  ['null', null, 'not-a-string'],
  ['undefined', undefined, 'not-a-string'],
  ['a number', 42, 'not-a-string'],
  ['an object', {}, 'not-a-string'],
  ['a URL object, even a good one', new URL(`https://sg.faceid.qq.com/reflect/?token=${TOKEN}`), 'not-a-string'],
  ['a URL object with a hostile href', new URL('javascript:alert(1)'), 'not-a-string'],
  ['an object whose toString is a good URL', { toString: () => 'https://sg.faceid.qq.com/' }, 'not-a-string'],
  ['the empty string', '', 'empty'],
  // custom allow-lists
  ['another host than the one allowed', 'https://sg.faceid.qq.com/', 'host-not-allowed', ['verify.example.com']],
  ['a subdomain of an exact entry', 'https://a.verify.example.com/', 'host-not-allowed', ['verify.example.com']],
  ['the apex of a wildcard', 'https://example.com/', 'host-not-allowed', ['*.example.com']],
  ['a look-alike of a wildcard', 'https://evilexample.com/', 'host-not-allowed', ['*.example.com']],
  ['an empty label under a wildcard', 'https://a..example.com/', 'host-not-allowed', ['*.example.com']],
  ['a punycode host under a punycode wildcard', 'https://a.xn--fceid-4ve.qq.com/', 'idn-host', ['*.xn--fceid-4ve.qq.com']],
  ['full-width that maps onto an exact ASCII entry', 'https://sg.faceid.\uff51\uff51.com/', 'idn-host', ['sg.faceid.qq.com']],
  // broken allow-lists refuse everything
  ['an empty allow-list', 'https://sg.faceid.qq.com/', 'bad-allow-list', []],
  ['an allow-list of *', 'https://sg.faceid.qq.com/', 'bad-allow-list', ['*']],
  ['an allow-list with a misplaced wildcard', 'https://sg.faceid.qq.com/', 'bad-allow-list', ['sg.*.qq.com']],
  ['an allow-list entry with a scheme', 'https://sg.faceid.qq.com/', 'bad-allow-list', ['https://sg.faceid.qq.com']],
  ['an allow-list entry that cannot become a string', 'https://sg.faceid.qq.com/', 'bad-allow-list', [Object.create(null)]],
  [
    'an allow-list entry whose toString throws',
    'https://sg.faceid.qq.com/',
    'bad-allow-list',
    [
      {
        toString() {
          throw new Error('no');
        },
      },
    ],
  ],
  // the local sandbox: http only for the exact loopback origin the page author wrote
  ['the sandbox by default', 'http://127.0.0.1:9000/verify/?token=x', 'not-https'],
  ['the sandbox on another port', 'http://127.0.0.1:9001/verify/', 'not-https', ['http://127.0.0.1:9000']],
  ['the sandbox over another scheme', 'https://127.0.0.1:9000/verify/', 'port', ['http://127.0.0.1:9000']],
  ['another loopback address', 'http://127.0.0.2:9000/verify/', 'not-https', ['http://127.0.0.1:9000']],
  ['localhost for 127.0.0.1', 'http://localhost:9000/verify/', 'not-https', ['http://127.0.0.1:9000']],
  [
    'a network host over http with a sandbox entry',
    'http://sg.faceid.qq.com/reflect/',
    'not-https',
    ['*.faceid.qq.com', 'http://127.0.0.1:9000'],
  ],
  ['a rewritten loopback address', 'http://127.1:9000/verify/', 'malformed', ['http://127.0.0.1:9000']],
  ['credentials in front of the sandbox', 'http://u@127.0.0.1:9000/', 'credentials', ['http://127.0.0.1:9000']],
  ['a network origin as an entry', 'http://evil.example/', 'bad-allow-list', ['http://evil.example']],
  ['a loopback origin with a path as an entry', 'http://127.0.0.1:9000/verify/', 'bad-allow-list', ['http://127.0.0.1:9000/verify/']],
];

type Accepted = [label: string, input: string, href: string, allowedHosts?: string[]];

const accepted: Accepted[] = [
  ['the documented sg form', `https://sg.faceid.qq.com/reflect/?token=${TOKEN}`, `https://sg.faceid.qq.com/reflect/?token=${TOKEN}`],
  ['the documented intl form', `https://intl.faceid.qq.com/reflect/?token=${TOKEN}`, `https://intl.faceid.qq.com/reflect/?token=${TOKEN}`],
  ['upper-case scheme and host', 'HTTPS://SG.FACEID.QQ.COM/reflect/?token=x', 'https://sg.faceid.qq.com/reflect/?token=x'],
  ['a fragment', `https://sg.faceid.qq.com/reflect/?token=${TOKEN}#step=2`, `https://sg.faceid.qq.com/reflect/?token=${TOKEN}#step=2`],
  ['an @ in the fragment only', 'https://sg.faceid.qq.com#@evil.example/', 'https://sg.faceid.qq.com/#@evil.example/'],
  ['an @ in the query only', 'https://sg.faceid.qq.com?u=@evil.example', 'https://sg.faceid.qq.com/?u=@evil.example'],
  ['the default port written out', 'https://sg.faceid.qq.com:443/reflect/', 'https://sg.faceid.qq.com/reflect/'],
  ['a deeper subdomain', 'https://a.b.faceid.qq.com/', 'https://a.b.faceid.qq.com/'],
  [
    'non-ASCII in the query (not the host)',
    'https://sg.faceid.qq.com/reflect/?name=张三',
    'https://sg.faceid.qq.com/reflect/?name=%E5%BC%A0%E4%B8%89',
  ],
  ['a custom exact host', 'https://verify.example.com/start', 'https://verify.example.com/start', ['verify.example.com']],
  ['a custom wildcard, any depth', 'https://a.b.example.com/', 'https://a.b.example.com/', ['*.example.com']],
  [
    'an exact punycode entry, as punycode',
    'https://sg.xn--fceid-4ve.qq.com/',
    'https://sg.xn--fceid-4ve.qq.com/',
    ['sg.xn--fceid-4ve.qq.com'],
  ],
  [
    'an exact punycode entry, written in Unicode',
    'https://sg.f\u0430ceid.qq.com/',
    'https://sg.xn--fceid-4ve.qq.com/',
    ['sg.xn--fceid-4ve.qq.com'],
  ],
  [
    'the sandbox, allowed by its origin',
    `http://127.0.0.1:9000/verify/?token=${TOKEN}`,
    `http://127.0.0.1:9000/verify/?token=${TOKEN}`,
    ['*.faceid.qq.com', 'http://127.0.0.1:9000'],
  ],
  ['the sandbox on localhost', 'http://LOCALHOST:8001/verify/', 'http://localhost:8001/verify/', ['http://localhost:8001/']],
  ['the sandbox on IPv6 loopback', 'http://[::1]:9000/verify/', 'http://[::1]:9000/verify/', ['http://[::1]:9000']],
  ['a default port written in the entry', 'http://127.0.0.1/verify/', 'http://127.0.0.1/verify/', ['http://127.0.0.1:80']],
  [
    'FaceID itself, next to a sandbox entry',
    `https://sg.faceid.qq.com/reflect/?token=${TOKEN}`,
    `https://sg.faceid.qq.com/reflect/?token=${TOKEN}`,
    ['*.faceid.qq.com', 'http://127.0.0.1:9000'],
  ],
];

describe(`checkVerificationUrl in ${engine}`, () => {
  describe('refuses', () => {
    for (const [label, input, reason, hosts] of rejected) {
      it(`${label} → ${reason}`, () => {
        const result = hosts ? checkVerificationUrl(input, hosts) : checkVerificationUrl(input);
        expect(result, JSON.stringify(result)).to.include({ ok: false, reason });
        if (!result.ok) expect(result.detail).to.be.a('string').and.not.equal('');
      });
    }
  });

  describe('accepts', () => {
    for (const [label, input, href, hosts] of accepted) {
      it(label, () => {
        const result = hosts ? checkVerificationUrl(input, hosts) : checkVerificationUrl(input);
        expect(result.ok, JSON.stringify(result)).to.equal(true);
        if (result.ok) expect(result.url.href).to.equal(href);
      });
    }
  });

  it('never puts the URL (and its token) into the detail', () => {
    const result = checkVerificationUrl(`https://evil.example/reflect/?token=${TOKEN}`);
    expect(result).to.include({ ok: false, reason: 'host-not-allowed' });
    if (!result.ok) expect(result.detail).to.contain('evil.example').and.not.contain(TOKEN);
  });
});

describe(`parseAllowedHosts in ${engine}`, () => {
  it('gives the default list for an absent attribute', () => {
    expect(parseAllowedHosts(null)).to.deep.equal({ ok: true, hosts: ['*.faceid.qq.com'], problems: [], rejected: [] });
    expect(parseAllowedHosts(undefined).hosts).to.deep.equal(['*.faceid.qq.com']);
  });

  it('splits on commas and whitespace, and lower-cases', () => {
    const parsed = parseAllowedHosts(' *.FaceID.qq.com,verify.example.com\n\tB.Example.COM ,, ');
    expect(parsed).to.deep.equal({
      ok: true,
      hosts: ['*.faceid.qq.com', 'verify.example.com', 'b.example.com'],
      problems: [],
      rejected: [],
    });
    expect(checkVerificationUrl('https://b.example.com/', parsed.hosts).ok).to.equal(true);
  });

  const bad: Array<[string, string]> = [
    ['*', 'wildcard-too-broad'],
    ['*.com', 'wildcard-too-broad'],
    ['evil*.example.com', 'bad-wildcard'],
    ['*.*.example.com', 'bad-wildcard'],
    ['sg.*.qq.com', 'bad-wildcard'],
    ['https://sg.faceid.qq.com', 'origin-not-loopback'],
    ['http://10.0.0.1:9000', 'origin-not-loopback'],
    ['http://127.0.0.1:9000/verify', 'not-an-origin'],
    ['http://127.0.0.1:99999', 'not-an-origin'],
    ['ftp://127.0.0.1:9000', 'not-a-hostname'],
    ['sg.faceid.qq.com:443', 'not-a-hostname'],
    ['sg.faceid.qq.com/reflect', 'not-a-hostname'],
    ['sg..faceid.qq.com', 'not-a-hostname'],
    ['sg.faceid.qq.com.', 'not-a-hostname'],
    ['-sg.faceid.qq.com', 'not-a-hostname'],
    ['sg-.faceid.qq.com', 'not-a-hostname'],
    ['a_b.example.com', 'not-a-hostname'],
    [`${'a'.repeat(64)}.example.com`, 'not-a-hostname'],
    ['f\u0430ceid.qq.com', 'not-ascii'],
  ];
  for (const [entry, problem] of bad) {
    it(`reports ${JSON.stringify(entry)} as ${problem}, and gives no hosts at all`, () => {
      const parsed = parseAllowedHosts(`*.faceid.qq.com, ${entry}`);
      expect(parsed.ok).to.equal(false);
      expect(parsed.rejected).to.deep.equal([{ entry, problem }]);
      expect(parsed.problems).to.have.length(1);
      expect(parsed.problems[0]).to.contain(entry);
      // Fails closed even for a caller who ignores `ok`.
      expect(parsed.hosts).to.deep.equal([]);
      expect(checkVerificationUrl('https://sg.faceid.qq.com/', parsed.hosts)).to.include({ reason: 'bad-allow-list' });
    });
  }

  it('reports a present but empty attribute', () => {
    const parsed = parseAllowedHosts(' , ');
    expect(parsed).to.include({ ok: false });
    expect(parsed.hosts).to.deep.equal([]);
    expect(parsed.problems[0]).to.match(/empty/);
  });

  it('never throws for an attribute that cannot become a string', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const attr of [
      Object.create(null),
      {
        toString() {
          throw new Error('no');
        },
      },
      revoked.proxy,
    ]) {
      const parsed = parseAllowedHosts(attr as unknown as string);
      expect(parsed.ok).to.equal(false);
      expect(parsed.hosts).to.deep.equal([]);
      expect(parsed.problems[0]).to.match(/not a string/);
    }
    expect(checkVerificationUrl('https://sg.faceid.qq.com/', revoked.proxy as unknown as string[])).to.include({
      ok: false,
      reason: 'bad-allow-list',
    });
  });

  it('keeps a loopback origin entry as written (lower case), for checkVerificationUrl', () => {
    const parsed = parseAllowedHosts('*.faceid.qq.com HTTP://127.0.0.1:9000');
    expect(parsed).to.deep.include({ ok: true, hosts: ['*.faceid.qq.com', 'http://127.0.0.1:9000'] });
    expect(checkVerificationUrl('http://127.0.0.1:9000/verify/', parsed.hosts).ok).to.equal(true);
  });

  it('accepts a 63-character label and a punycode entry', () => {
    expect(parseAllowedHosts(`${'a'.repeat(63)}.example.com sg.xn--fceid-4ve.qq.com`).ok).to.equal(true);
  });
});

/** What `new URL(input).hostname` is in this engine, or 'throws'. */
function parsedHost(input: string): string {
  try {
    return new URL(input).hostname;
  } catch {
    return 'throws';
  }
}

// Not assertions about our code: the engine behaviour the raw checks exist for. If an engine
// changes, this fails and the comment in url-check.ts needs a look.
const parserFacts: Array<[string, string, Record<Engine, string>]> = [
  [
    'strips tabs and newlines',
    'https://sg.faceid\t.qq\n.com/',
    { chromium: 'sg.faceid.qq.com', firefox: 'sg.faceid.qq.com', webkit: 'sg.faceid.qq.com' },
  ],
  [
    'strips leading spaces',
    ' https://sg.faceid.qq.com/',
    { chromium: 'sg.faceid.qq.com', firefox: 'sg.faceid.qq.com', webkit: 'sg.faceid.qq.com' },
  ],
  [
    'reads \\ as / (the userinfo vanishes)',
    'https://evil.example\\@sg.faceid.qq.com/',
    { chromium: 'evil.example', firefox: 'evil.example', webkit: 'evil.example' },
  ],
  [
    'percent-decodes the host',
    'https://sg%2Efaceid.qq.com/',
    { chromium: 'sg.faceid.qq.com', firefox: 'sg.faceid.qq.com', webkit: 'sg.faceid.qq.com' },
  ],
  [
    'maps full-width letters to ASCII',
    'https://sg.faceid.\uff51\uff51.com/',
    { chromium: 'sg.faceid.qq.com', firefox: 'sg.faceid.qq.com', webkit: 'sg.faceid.qq.com' },
  ],
  [
    'maps ideographic full stops to dots',
    'https://sg\u3002faceid\u3002qq\u3002com/',
    { chromium: 'sg.faceid.qq.com', firefox: 'sg.faceid.qq.com', webkit: 'sg.faceid.qq.com' },
  ],
  [
    'drops a soft hyphen',
    'https://sg.face\u00adid.qq.com/',
    { chromium: 'sg.faceid.qq.com', firefox: 'sg.faceid.qq.com', webkit: 'sg.faceid.qq.com' },
  ],
  [
    'reads https: without slashes',
    'https:sg.faceid.qq.com/',
    { chromium: 'sg.faceid.qq.com', firefox: 'sg.faceid.qq.com', webkit: 'sg.faceid.qq.com' },
  ],
  ['refuses %2F in the host', 'https://sg.faceid.qq.com%2F.evil.example/', { chromium: 'throws', firefox: 'throws', webkit: 'throws' }],
  [
    '(engines differ) %20 in the host',
    'https://sg.faceid.qq.com%20.evil.example/',
    { chromium: 'sg.faceid.qq.com%20.evil.example', firefox: 'throws', webkit: 'throws' },
  ],
  [
    '(engines differ) invalid punycode',
    'https://xn--sg-faceid.faceid.qq.com/',
    { chromium: 'xn--sg-faceid.faceid.qq.com', firefox: 'throws', webkit: 'throws' },
  ],
  ['(engines differ) a lone xn--', 'https://xn--.faceid.qq.com/', { chromium: 'xn--.faceid.qq.com', firefox: 'throws', webkit: 'throws' }],
  ['keeps an empty label', 'https://a..example.com/', { chromium: 'a..example.com', firefox: 'a..example.com', webkit: 'a..example.com' }],
];

describe(`what ${engine}'s URL parser does with hostile input`, () => {
  for (const [label, input, byEngine] of parserFacts) {
    it(label, () => {
      expect(parsedHost(input)).to.equal(byEngine[engine]);
    });
  }
});
