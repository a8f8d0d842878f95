/**
 * Reads a fetch response's (or request's) body as UTF-8 text, but no more than a given number of bytes: a
 * hostile or broken endpoint must not make the page buffer megabytes. The body is cancelled as
 * soon as it is known to be too large (from `content-length` when sent, else while streaming).
 * Rejects only when the stream itself fails (network error, abort).
 */
export type BoundedText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'not-utf8'; detail: string };

const tooLarge = (maxBytes: number): BoundedText => ({
  ok: false,
  reason: 'too-large',
  detail: `the response is larger than ${maxBytes} bytes`,
});

/** A fetch `Response` or `Request`: anything with headers and a body stream. */
export type WithBody = Pick<Response, 'headers' | 'body'>;

export async function readTextUpTo(response: WithBody, maxBytes: number): Promise<BoundedText> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => {});
    return tooLarge(maxBytes);
  }
  if (!response.body) return { ok: true, text: '' };

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8', detail: 'the response is not valid UTF-8' };
  }
}
