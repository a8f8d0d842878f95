/**
 * Keeps BizTokens out of messages meant for developers and logs. A BizToken is a bearer token for
 * the user's verification (its result can be read with it for three days), so an error detail or
 * log line that quotes a URL or a message from Tencent must not carry it.
 */

// `token=…` in a query or fragment, and any UUID (Tencent's BizTokens are UUIDs).
const TOKEN_PARAMETER = /([?&#;]token=)[^&#\s"'<>]*/gi;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// A quoted or form-encoded `BizToken` field, whatever its value looks like.
const BIZTOKEN_FIELD = /("?BizToken"?\s*[:=]\s*"?)[^"&,\s}]+/gi;

/** The text with every `token=` value, `BizToken` field and UUID replaced by `[redacted]`. Never throws. */
export function redactTokens(text: string): string {
  return safeString(text).replace(TOKEN_PARAMETER, '$1[redacted]').replace(BIZTOKEN_FIELD, '$1[redacted]').replace(UUID, '[redacted]');
}

/**
 * A string for any value, even one `String()` throws on (`Object.create(null)`, a throwing
 * `toString`, a revoked Proxy). For messages only: never used to decide anything.
 */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '[unprintable value]';
    }
  }
}
