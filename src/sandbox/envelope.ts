/** Tencent Cloud API 3.0's answer envelope: `{"Response": {…, "RequestId"}}`, errors included. */
import { randomUUID } from 'node:crypto';

export interface ApiError {
  code: string;
  message: string;
}

export type ApiAnswer = { ok: true; data: Record<string, unknown> } | { ok: false; error: ApiError };

export const apiError = (code: string, message: string): ApiAnswer => ({ ok: false, error: { code, message } });

/** The JSON body Tencent would send (always with HTTP 200, errors too). */
export function envelope(answer: ApiAnswer): string {
  const RequestId = randomUUID();
  const Response = answer.ok
    ? { ...answer.data, RequestId }
    : { Error: { Code: answer.error.code, Message: answer.error.message }, RequestId };
  return JSON.stringify({ Response });
}
