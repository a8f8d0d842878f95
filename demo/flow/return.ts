/**
 * The example return page: FaceID (here the sandbox's stand-in page) sends the user back with
 * `?token=<BizToken>`; the page asks its own server for the result, which checks the token belongs
 * to this session and calls GetWebVerificationResultIntl.
 */
import { readReturnToken } from '../../src/handoff/return-page.js';

const sentences: Record<string, string> = {
  success: 'Verified. Thank you!',
  'liveness-failed': 'The liveness check failed (for example, reflection liveness, 1401). Try again in good light.',
  'comparison-failed': 'The face did not match the reference photo.',
  expired: 'The verification link expired. Start again.',
  'too-many-attempts': 'Too many attempts.',
  'not-finished': 'The verification is not finished.',
  'user-exited': 'You left the verification.',
  'timed-out': 'The verification timed out.',
  other: 'The verification ended with another result.',
};

const outcome = document.getElementById('outcome') as HTMLParagraphElement;
const details = document.getElementById('details') as HTMLDListElement;

async function show(): Promise<void> {
  const token = readReturnToken(location.href);
  if (token === null) {
    outcome.dataset.outcome = 'no-token';
    outcome.textContent = 'This page was opened without a verification token.';
    return;
  }
  const response = await fetch(`/api/faceid/result?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
  const body = (await response.json()) as {
    outcome?: string;
    errorCode?: number | null;
    errorMessage?: string;
    error?: { code: string; message: string };
  };
  if (!response.ok || !body.outcome) {
    outcome.dataset.outcome = 'error';
    outcome.textContent = `The result could not be read (HTTP ${response.status}): ${body.error?.message ?? 'unknown error'}`;
    return;
  }
  outcome.dataset.outcome = body.outcome;
  outcome.textContent = `${body.outcome}: ${sentences[body.outcome] ?? ''}`;
  (document.getElementById('error-code') as HTMLElement).textContent = String(body.errorCode ?? '—');
  (document.getElementById('error-message') as HTMLElement).textContent = body.errorMessage ?? '';
  details.hidden = false;
}

show().catch((error: unknown) => {
  outcome.dataset.outcome = 'error';
  outcome.textContent = `The result could not be read: ${String(error)}`;
});
