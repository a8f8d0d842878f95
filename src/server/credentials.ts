/**
 * Where the server module's Tencent Cloud settings come from: the options, else the environment
 * (`TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY`, `TENCENTCLOUD_REGION`). Checked once, when a
 * handler is created, so a missing key stops the server at start-up rather than at the first user.
 */
export interface TencentCloudOptions {
  /** Default `process.env.TENCENTCLOUD_SECRET_ID`. */
  secretId?: string;
  /** Default `process.env.TENCENTCLOUD_SECRET_KEY`. */
  secretKey?: string;
  /** Default `process.env.TENCENTCLOUD_REGION`, else `ap-singapore`. */
  region?: string;
  /**
   * The API endpoint. Default `https://faceid.intl.tencentcloudapi.com`. A host alone means https;
   * `http://` is accepted only for a loopback host (the sandbox: `http://127.0.0.1:9000`).
   */
  endpoint?: string;
  /** Give up on a Tencent call after this many seconds. Default 10. */
  timeoutSeconds?: number;
}

export const DEFAULT_ENDPOINT = 'https://faceid.intl.tencentcloudapi.com';
export const DEFAULT_REGION = 'ap-singapore';
const DEFAULT_TIMEOUT_SECONDS = 10;

export interface ResolvedSettings {
  secretId: string;
  secretKey: string;
  region: string;
  /** `https://` or `http://`, as the SDK wants it. */
  protocol: 'https://' | 'http://';
  /** host[:port], as the SDK wants it. */
  host: string;
  loopback: boolean;
  timeoutMs: number;
}

/** A setup mistake, thrown when a handler is created. Never quotes a key. */
export class FaceidSetupError extends Error {
  override name = 'FaceidSetupError';
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '[::1]']);

/** True for `localhost`, `127.x.x.x` and `[::1]`. */
export function isLoopbackHostname(hostname: string): boolean {
  const lower = hostname.toLowerCase();
  return LOOPBACK_HOSTNAMES.has(lower) || /^127(?:\.\d{1,3}){3}$/.test(lower);
}

function parseEndpoint(endpoint: string): { protocol: 'https://' | 'http://'; host: string; loopback: boolean } {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new FaceidSetupError(`endpoint ${JSON.stringify(endpoint.slice(0, 100))} is not a URL or a host name`);
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new FaceidSetupError('endpoint must be a scheme and a host (and port), nothing else');
  }
  const loopback = isLoopbackHostname(url.hostname);
  if (url.protocol === 'http:' && !loopback)
    throw new FaceidSetupError('endpoint: http:// is accepted only for a loopback host such as 127.0.0.1 (the sandbox)');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FaceidSetupError(`endpoint: ${url.protocol} is not http(s)`);
  return { protocol: url.protocol === 'https:' ? 'https://' : 'http://', host: url.host, loopback };
}

/** The settings, or a {@link FaceidSetupError} that says what is missing. */
export function resolveSettings(options: TencentCloudOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedSettings {
  const secretId = options.secretId ?? env['TENCENTCLOUD_SECRET_ID'];
  const secretKey = options.secretKey ?? env['TENCENTCLOUD_SECRET_KEY'];
  const missing = [
    typeof secretId === 'string' && secretId !== '' ? null : 'secretId (or TENCENTCLOUD_SECRET_ID)',
    typeof secretKey === 'string' && secretKey !== '' ? null : 'secretKey (or TENCENTCLOUD_SECRET_KEY)',
  ].filter((m) => m !== null);
  if (missing.length) throw new FaceidSetupError(`Tencent Cloud credentials are missing: set ${missing.join(' and ')}`);
  const region = options.region ?? env['TENCENTCLOUD_REGION'] ?? DEFAULT_REGION;
  if (typeof region !== 'string' || !/^[a-z]{2,4}-[a-z]+$/.test(region)) throw new FaceidSetupError('region must look like ap-singapore');
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (typeof timeoutSeconds !== 'number' || !(timeoutSeconds > 0) || timeoutSeconds > 600)
    throw new FaceidSetupError('timeoutSeconds must be a number of seconds between 0 and 600');
  return {
    secretId: secretId!,
    secretKey: secretKey!,
    region,
    ...parseEndpoint(options.endpoint ?? DEFAULT_ENDPOINT),
    timeoutMs: timeoutSeconds * 1000,
  };
}
