/**
 * For the customer's return page: after verification, FaceID redirects to the `RedirectURL` the
 * backend registered, with `?token=<BizToken>` appended. The page passes that token to its server,
 * which asks Tencent for the result (`GetWebVerificationResult(Intl)`); the token proves nothing
 * by itself, so this only has to make sure it is a plausible token and not something else.
 */

/** BizTokens are UUIDs (`CE661F1A-0F1E-45BD-BE13-34C05CEA7681`); this admits any token-like string. */
const BIZ_TOKEN = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The `token` query parameter of the return page's URL (pass `location.href`), or `null` when
 * there is none, it is not token-like (`[A-Za-z0-9_-]{8,128}`), or it appears more than once
 * (which one FaceID sent would be a guess). A `token` in the fragment is ignored: FaceID puts it in
 * the query. Pure; never throws.
 */
export function readReturnToken(href: string): string | null {
  if (typeof href !== 'string') return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const tokens = url.searchParams.getAll('token');
  const token = tokens.length === 1 ? tokens[0]! : null;
  return token !== null && BIZ_TOKEN.test(token) ? token : null;
}
