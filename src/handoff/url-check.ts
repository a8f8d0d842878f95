/**
 * Is this verification URL safe to send the user to? A pure check, run on whatever the
 * customer's backend (or anything pretending to be it) handed over, just before navigating.
 *
 * The raw string is inspected before the WHATWG URL parser sees it, because the parser is
 * forgiving in ways that hide an attack: it strips tabs, newlines and surrounding spaces, reads `\`
 * as `/`, percent-decodes the host (`sg%2Efaceid.qq.com` → `sg.faceid.qq.com`), maps full-width
 * and other look-alike characters (`ｑｑ`, `。`) to ASCII, and accepts `https:host` without
 * slashes. Engines also disagree on invalid punycode (`xn--…`) and on `%20` in a host: Chromium
 * parses them, Firefox and WebKit throw. So the string must already look like a plain
 * `https://host/…`; the parser then confirms it, and the host it reports is the one compared.
 */
import { checkAllowList, defaultAllowedHosts, hasPunycodeLabel, hostMatches, type HostPattern } from './host-patterns.js';

type LoopbackOrigin = Extract<HostPattern, { kind: 'loopback-origin' }>;

/**
 * Why a verification URL was refused. Checked in this order, so each input has one reason:
 *
 * - `bad-allow-list` — the allow-list itself is empty or has an invalid entry (a setup error).
 * - `not-a-string` — not a string (a `URL` object too: its raw form is already lost).
 * - `empty` — the empty string.
 * - `control-characters` — a C0 control (tab, CR, LF, NUL, …), DEL or a C1 control, anywhere.
 * - `whitespace` — any other whitespace (space, no-break space, ideographic space, …), anywhere.
 * - `backslash` — a `\` anywhere (the parser reads it as `/` in https URLs).
 * - `not-absolute` — no scheme: relative (`/reflect/…`) or protocol-relative (`//host/…`).
 * - `not-https` — any scheme but https (`http:`, `javascript:`, `data:`, …); `http:` passes only
 *   for a loopback origin written on the allow-list (`http://127.0.0.1:9000`, the local sandbox).
 * - `malformed` — not `https://host…` as written (`https:host`, `https:///host`), refused by the
 *   parser, or the parser read a different host than the one written.
 * - `credentials` — a `@` in the authority (user name, password, or an empty one).
 * - `percent-encoded-host` — a `%` in the authority (the parser decodes it inside the host).
 * - `port` — an explicit port other than 443 (except a loopback origin on the allow-list).
 * - `idn-host` — the host is internationalised (non-ASCII as written, or a `xn--` label) and is
 *   not an exact punycode entry of the allow-list: homographs such as a Cyrillic `а` in `faceid`.
 * - `host-not-allowed` — the host is not on the allow-list.
 */
export type HandoffUrlProblem =
  | 'bad-allow-list'
  | 'not-a-string'
  | 'empty'
  | 'control-characters'
  | 'whitespace'
  | 'backslash'
  | 'not-absolute'
  | 'not-https'
  | 'malformed'
  | 'credentials'
  | 'percent-encoded-host'
  | 'port'
  | 'idn-host'
  | 'host-not-allowed';

/** The verdict: the parsed URL to navigate to, or the reason and a developer-facing sentence. */
export type HandoffUrlCheck = { ok: true; url: URL } | { ok: false; reason: HandoffUrlProblem; detail: string };

// C0 controls, DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// What JavaScript calls whitespace: space, no-break space, U+2000–U+200A, U+2028/9, U+3000, BOM, …
const WHITESPACE = /\s/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const NON_ASCII = /[^\u0000-\u007f]/;

const refuse = (reason: HandoffUrlProblem, detail: string): HandoffUrlCheck => ({ ok: false, reason, detail });

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The host as written: the authority without its port (an IPv6 literal keeps its brackets). */
function writtenHost(authority: string): string {
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1) || authority;
  const colon = authority.lastIndexOf(':');
  return colon === -1 ? authority : authority.slice(0, colon);
}

/**
 * Checks a verification URL before hand-off: https, no credentials, no explicit port but 443, and
 * a host on the allow-list (default `*.faceid.qq.com`: any subdomain, not the apex). The raw string
 * must be exactly what it appears to be (no whitespace, controls, backslashes, percent-encoded or
 * internationalised host). Returns the parsed URL to navigate to; never throws.
 *
 * @param input whatever the backend produced; only a string can pass.
 * @param allowedHosts allow-list entries (see {@link parseAllowedHosts}); a bad list refuses everything.
 */
export function checkVerificationUrl(input: unknown, allowedHosts: readonly string[] = defaultAllowedHosts): HandoffUrlCheck {
  const allowList = checkAllowList(allowedHosts);
  if (!allowList.ok) return refuse('bad-allow-list', allowList.detail);

  if (typeof input !== 'string') {
    const what = input === null ? 'null' : input instanceof URL ? 'a URL object' : typeof input;
    return refuse('not-a-string', `expected the URL as a string, got ${what}`);
  }
  if (input === '') return refuse('empty', 'the URL is empty');

  const control = CONTROL.exec(input);
  if (control) return refuse('control-characters', `control character ${codePoint(control[0])} at position ${control.index}`);
  const space = WHITESPACE.exec(input);
  if (space) return refuse('whitespace', `whitespace ${codePoint(space[0])} at position ${space.index}`);
  const backslash = input.indexOf('\\');
  if (backslash !== -1) return refuse('backslash', `backslash at position ${backslash}`);

  const origins = allowList.patterns.filter((p): p is LoopbackOrigin => p.kind === 'loopback-origin');
  const scheme = SCHEME.exec(input)?.[1];
  if (scheme === undefined) return refuse('not-absolute', 'the URL has no scheme (relative or protocol-relative)');
  const httpAllowed = origins.some((o) => o.scheme === 'http');
  if (scheme.toLowerCase() !== 'https' && !(httpAllowed && scheme.toLowerCase() === 'http')) {
    return refuse('not-https', `scheme "${scheme.slice(0, 32)}:" is not https:`);
  }

  const rest = input.slice(scheme.length + 1);
  if (!rest.startsWith('//')) return refuse('malformed', 'expected "https://" followed by the host');
  const authority = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
  if (authority === '') return refuse('malformed', 'no host after "https://"');
  if (authority.includes('@')) return refuse('credentials', 'the URL carries a user name or password ("@" before the host)');
  if (authority.includes('%')) return refuse('percent-encoded-host', 'the host is percent-encoded');

  const host = writtenHost(authority);
  const writtenAsIdn = NON_ASCII.test(host) || hasPunycodeLabel(host.toLowerCase());
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    // Engines disagree on invalid punycode: Chromium parses it, Firefox and WebKit throw.
    return writtenAsIdn
      ? refuse('idn-host', 'the host is internationalised and not a valid hostname')
      : refuse('malformed', 'the URL parser refused the URL');
  }
  // Defence in depth: the raw checks above already rule these out.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('not-https', `the parser read scheme ${url.protocol}`);
  if (url.username !== '' || url.password !== '') return refuse('credentials', 'the URL carries a user name or password');

  const hostname = url.hostname;
  if (!writtenAsIdn && hostname !== host.toLowerCase()) {
    return refuse('malformed', `the parser read host ${hostname}, not the host as written`);
  }
  // A loopback origin the page author allowed (the local sandbox): exactly that scheme, host and port.
  if (origins.some((o) => o.origin === url.origin)) return { ok: true, url };
  if (url.protocol !== 'https:') {
    return refuse('not-https', `http: is accepted only for a loopback origin on the allow-list, not ${url.origin}`);
  }
  // The parser drops a written :443 (and reads :0443 as 443), so only another port remains here.
  if (url.port !== '') return refuse('port', `explicit port ${url.port}`);

  return checkHost(hostname, writtenAsIdn || hasPunycodeLabel(hostname), allowList.patterns) ?? { ok: true, url };
}

/** The allow-list decision for a parsed host; `undefined` when it is admitted. */
function checkHost(hostname: string, internationalised: boolean, patterns: readonly HostPattern[]): HandoffUrlCheck | undefined {
  const match = patterns.find((p) => hostMatches(hostname, p));
  if (internationalised) {
    // Only a punycode host the customer wrote out in full is trusted: a wildcard cannot tell
    // `sg` from a Cyrillic look-alike, and a non-ASCII spelling that maps onto an ASCII entry
    // (`ｑｑ` → `qq`) is a disguise, not a typo.
    const exactPunycode = match?.kind === 'exact' && hasPunycodeLabel(hostname);
    if (!exactPunycode) return refuse('idn-host', `internationalised host ${hostname} is not an exact allow-list entry`);
  }
  if (!match) return refuse('host-not-allowed', `host ${hostname} is not on the allow-list (${patterns.map(describePattern).join(', ')})`);
  return undefined;
}

const describePattern = (p: HostPattern): string => (p.kind === 'exact' ? p.host : p.kind === 'subdomains' ? `*.${p.domain}` : p.origin);

export { parseAllowedHosts, defaultAllowedHosts } from './host-patterns.js';
