/**
 * The simplest session binding: the BizToken in an HttpOnly cookie set by the token endpoint, and
 * the result handler reading only a token that comes with the same cookie. A link with `?token=`
 * opened in another browser (shared, leaked, phished) then reads nothing. Apps with server-side
 * sessions can store the token there instead (see `bindToken` / `verifyToken`).
 */
import type { StartHandlerOptions } from './start-handler.js';
import type { ResultHandlerOptions } from './result-handler.js';

export interface CookieBindingOptions {
  /** Default `faceid_token`. */
  name?: string;
  /** Default `/`. */
  path?: string;
  /** Default 1 day: long enough for a verification and its return page. */
  maxAgeSeconds?: number;
}

const COOKIE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `bindToken` and `verifyToken` over one cookie. `Secure` is set whenever the request is https. */
export function cookieBinding({ name = 'faceid_token', path = '/', maxAgeSeconds = 86_400 }: CookieBindingOptions = {}): {
  bindToken: StartHandlerOptions['bindToken'];
  verifyToken: ResultHandlerOptions['verifyToken'];
} {
  if (!COOKIE_NAME.test(name)) throw new TypeError('cookieBinding: the cookie name must be letters, digits, _ or -');
  if (!/^\/[\x21-\x3a\x3c-\x7e]*$/.test(path)) throw new TypeError('cookieBinding: the path must start with / and hold no ; or spaces');
  return {
    bindToken: ({ bizToken, request }) => {
      const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
      return {
        'set-cookie': `${name}=${encodeURIComponent(bizToken)}; Path=${path}; Max-Age=${Math.floor(maxAgeSeconds)}; HttpOnly; SameSite=Lax${secure}`,
      };
    },
    verifyToken: (bizToken, request) =>
      (request.headers.get('cookie') ?? '').split(/;\s*/).some((pair) => pair === `${name}=${encodeURIComponent(bizToken)}`),
  };
}
