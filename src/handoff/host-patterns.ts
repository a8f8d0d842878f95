/**
 * The hand-off allow-list: which hosts the widget may send the user to.
 *
 * An entry is either an exact host (`verify.example.com`) or `*.` followed by a domain
 * (`*.faceid.qq.com`), which admits every subdomain at any depth but neither the domain itself
 * nor a look-alike such as `evilfaceid.qq.com`. Entries are ASCII: an internationalised host is
 * written in its punycode (`xn--…`) form, so that what the customer wrote is what is compared.
 * There is no public-suffix list: `*.com` is refused as too broad, `*.co.uk` is not.
 *
 * For development only, an entry can also be a loopback origin — `http://127.0.0.1:9000`,
 * `http://localhost:8001`, `http://[::1]:9000` (https too) — which admits exactly that scheme,
 * host and port: the local FaceID sandbox's stand-in page. Any other host with a scheme is refused,
 * so an allow-list can never admit plain http to the network. The allow-list is the page author's
 * (the attribute or property): nothing a token endpoint answers can add to it.
 */
import { safeString } from './redact.js';

/** What can be wrong with one allow-list entry. */
export type HostPatternProblem =
  /** Not a string at all (only possible from JavaScript). */
  | 'not-a-string'
  /** Characters or a shape no hostname has: a scheme, a path, a port, an empty label, `_`, … */
  | 'not-a-hostname'
  /** Non-ASCII: write the punycode (`xn--`) form instead. */
  | 'not-ascii'
  /** A `*` anywhere but as the whole first label (`*.example.com`). */
  | 'bad-wildcard'
  /** `*` or `*.tld`: would admit a whole top-level domain. */
  | 'wildcard-too-broad'
  /** A scheme with a host that is not loopback: origins are for the local sandbox only. */
  | 'origin-not-loopback'
  /** A loopback origin with a path, query, credentials or a bad port. */
  | 'not-an-origin';

/** A checked allow-list entry. */
export type HostPattern =
  | { kind: 'exact'; host: string }
  /** Any host that ends with `.${domain}`. */
  | { kind: 'subdomains'; domain: string }
  /** Exactly this loopback origin (`http://127.0.0.1:9000`), as `URL.origin` writes it. */
  | { kind: 'loopback-origin'; origin: string; scheme: 'http' | 'https' };

/** The default allow-list: Tencent FaceID's hosted pages (sg., intl., …). */
export const defaultAllowedHosts: readonly string[] = Object.freeze(['*.faceid.qq.com']);

// No lookbehind: it is a syntax error in Safari before 16.4, which would break the whole module.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOST_LENGTH = 253;

/** True for a dot-separated run of DNS labels (letters, digits, inner hyphens). */
export function isHostnameLabels(host: string): boolean {
  return host.length > 0 && host.length <= MAX_HOST_LENGTH && host.split('.').every((label) => LABEL.test(label));
}

/** True when some label of the (lower-case) host is punycode. */
export function hasPunycodeLabel(host: string): boolean {
  return host.split('.').some((label) => label.startsWith('xn--'));
}

type ParsedPattern = { ok: true; pattern: HostPattern } | { ok: false; problem: HostPatternProblem };

const ORIGIN = /^(https?):\/\/([^/?#]*)(.*)$/;
const LOOPBACK_AUTHORITY = /^(localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}|\[::1\])(?::([1-9]\d{0,4}))?$/;

/** `http(s)://<loopback>[:port][/]` → the origin pattern; anything else with a scheme is refused. */
function parseLoopbackOrigin(lower: string): ParsedPattern | null {
  const match = ORIGIN.exec(lower);
  if (!match) return null;
  const [, scheme, authority, rest] = match as unknown as [string, 'http' | 'https', string, string];
  const host = LOOPBACK_AUTHORITY.exec(authority);
  if (!host) {
    const bareHost = authority.replace(/:\d*$/, '');
    return { ok: false, problem: LOOPBACK_AUTHORITY.test(bareHost) ? 'not-an-origin' : 'origin-not-loopback' };
  }
  if (rest !== '' && rest !== '/') return { ok: false, problem: 'not-an-origin' };
  const port = host[2];
  if (port !== undefined && Number(port) > 65535) return { ok: false, problem: 'not-an-origin' };
  const defaultPort = scheme === 'https' ? '443' : '80';
  const origin = `${scheme}://${host[1]}${port === undefined || port === defaultPort ? '' : `:${port}`}`;
  return { ok: true, pattern: { kind: 'loopback-origin', origin, scheme } };
}

/** One allow-list entry → a pattern, or why it is not one. Case-insensitive; never throws. */
export function parseHostPattern(entry: unknown): ParsedPattern {
  if (typeof entry !== 'string') return { ok: false, problem: 'not-a-string' };
  const lower = entry.toLowerCase();
  if (/[^\x00-\x7f]/.test(lower)) return { ok: false, problem: 'not-ascii' };
  const origin = parseLoopbackOrigin(lower);
  if (origin) return origin;
  const wildcard = lower.startsWith('*.');
  const domain = wildcard ? lower.slice(2) : lower;
  if (lower === '*') return { ok: false, problem: 'wildcard-too-broad' };
  if (domain.includes('*')) return { ok: false, problem: 'bad-wildcard' };
  if (!isHostnameLabels(domain)) return { ok: false, problem: 'not-a-hostname' };
  if (!wildcard) return { ok: true, pattern: { kind: 'exact', host: domain } };
  if (!domain.includes('.')) return { ok: false, problem: 'wildcard-too-broad' };
  return { ok: true, pattern: { kind: 'subdomains', domain } };
}

/**
 * Whether a parsed, lower-case `URL.hostname` is admitted by the pattern. For `subdomains`, the
 * labels in front of the domain must be real labels too (`a..faceid.qq.com` is not admitted).
 */
export function hostMatches(hostname: string, pattern: HostPattern): boolean {
  if (pattern.kind === 'loopback-origin') return false; // matched by origin, in checkVerificationUrl
  if (pattern.kind === 'exact') return hostname === pattern.host;
  const suffix = `.${pattern.domain}`;
  return hostname.endsWith(suffix) && isHostnameLabels(hostname.slice(0, -suffix.length));
}

/** A rejected entry, as written, and why. */
export interface RejectedHostPattern {
  entry: string;
  problem: HostPatternProblem;
}

/** The result of checking a whole allow-list. */
export type AllowListCheck = { ok: true; patterns: HostPattern[] } | { ok: false; rejected: RejectedHostPattern[]; detail: string };

/**
 * Checks every entry of an allow-list. One bad entry fails the whole list: a typo in a security
 * setting should be seen, not quietly narrowed or widened. An empty list fails too.
 */
export function checkAllowList(entries: unknown): AllowListCheck {
  const patterns: HostPattern[] = [];
  const rejected: RejectedHostPattern[] = [];
  try {
    if (!Array.isArray(entries) || entries.length === 0) {
      return { ok: false, rejected: [], detail: 'the allow-list is empty (or not a list): no host could ever be accepted' };
    }
    for (const entry of entries as unknown[]) {
      const parsed = parseHostPattern(entry);
      if (parsed.ok) patterns.push(parsed.pattern);
      else rejected.push({ entry: safeString(entry), problem: parsed.problem });
    }
  } catch {
    // A revoked Proxy, a throwing getter: an allow-list that cannot be read admits nothing.
    return { ok: false, rejected: [], detail: 'the allow-list could not be read: no host could ever be accepted' };
  }
  if (rejected.length === 0) return { ok: true, patterns };
  return { ok: false, rejected, detail: rejected.map(describeRejected).join('; ') };
}

/** The element's `allowed-hosts` attribute, parsed. */
export interface AllowedHostsAttribute {
  /** True when every entry is valid (and there is at least one). */
  ok: boolean;
  /**
   * The entries, lower-cased, to pass to `checkVerificationUrl`. Empty when anything is wrong, so
   * that a caller who forgets to look at `problems` still fails closed (`bad-allow-list`).
   */
  hosts: string[];
  /** One sentence per problem, for the developer; empty when `ok`. */
  problems: string[];
  /** The bad entries and what is wrong with each. */
  rejected: RejectedHostPattern[];
}

/**
 * Parses the `allowed-hosts` attribute: entries separated by commas and/or whitespace
 * (`"*.faceid.qq.com, verify.example.com"`). An absent attribute (`null`/`undefined`) means the
 * default list. A present but empty one, or one with any bad entry, is reported rather than
 * narrowed or widened, and gives no hosts at all. Never throws.
 */
export function parseAllowedHosts(attr: string | null | undefined): AllowedHostsAttribute {
  if (attr === null || attr === undefined) return { ok: true, hosts: [...defaultAllowedHosts], problems: [], rejected: [] };
  let text: string;
  try {
    text = String(attr);
  } catch {
    const problem = 'allowed-hosts is not a string (and cannot be turned into one)';
    return { ok: false, hosts: [], problems: [problem], rejected: [] };
  }
  const entries = text.split(/[\s,]+/).filter(Boolean);
  const checked = checkAllowList(entries);
  if (!checked.ok) {
    const problems = checked.rejected.length
      ? checked.rejected.map(describeRejected)
      : ['allowed-hosts is empty: no host could ever be accepted'];
    return { ok: false, hosts: [], problems, rejected: checked.rejected };
  }
  return { ok: true, hosts: entries.map((e) => e.toLowerCase()), problems: [], rejected: [] };
}

/** A developer-facing sentence for one bad entry. */
export function describeRejected({ entry, problem }: RejectedHostPattern): string {
  return `allow-list entry ${JSON.stringify(entry)}: ${problemSentence[problem]}`;
}

const problemSentence: Readonly<Record<HostPatternProblem, string>> = {
  'not-a-string': 'not a string',
  'not-a-hostname': 'not a hostname (no scheme, port, path or empty label; letters, digits and inner hyphens only)',
  'not-ascii': 'not ASCII; write an internationalised host in its punycode (xn--) form',
  'bad-wildcard': 'a wildcard is only allowed as the whole first label, as in *.example.com',
  'wildcard-too-broad': 'a wildcard must cover a domain, not a top-level domain',
  'origin-not-loopback':
    'an entry with a scheme must be a loopback origin such as http://127.0.0.1:9000 (the local sandbox); write other hosts without a scheme',
  'not-an-origin': 'a loopback origin is a scheme, a host and a port (http://127.0.0.1:9000), without a path',
};
