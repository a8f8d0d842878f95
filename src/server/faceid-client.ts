/**
 * The two international web-verification calls, through Tencent's official SDK
 * (`tencentcloud-sdk-nodejs-common`: CommonClient, TC3-HMAC-SHA256, Promises). The SDK signs; this
 * file only shapes the parameters and turns whatever comes back into data or a {@link FaceidApiError}.
 */
import { Agent } from 'node:http';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { FaceidApiError, scrub } from './api-failure.js';
import { resolveSettings, type ResolvedSettings, type TencentCloudOptions } from './credentials.js';
import type { FaceidLanguage } from './language.js';
import { outcomeOf, type VerificationOutcome } from './outcomes.js';

export const FACEID_API_VERSION = '2018-03-01';

/** `Config` of ApplyWebVerificationBizTokenIntl (see Tencent's API page for each field). */
export interface WebVerificationConfig {
  /** 1: fall back to video mode when reflection cannot run (Tencent's default); 2: never. */
  AutoDowngrade?: 1 | 2;
  /** 1 silent, 2 action, 3 reflection (default), 4 action + reflection. */
  SecurityLevel?: 1 | 2 | 3 | 4;
  Language?: FaceidLanguage;
  /** 1 OCR + liveness + compare, 2 liveness + compare (default), 3 liveness only, 4 OCR only. */
  CheckMode?: 1 | 2 | 3 | 4;
  AutoSkip?: boolean;
  AutoSkipStartPage?: boolean;
  IDCardType?: string;
  DisableCheckOcrWarnings?: boolean;
  SelectedWarningCodes?: string;
  IdCardCutReturn?: boolean;
  AllowExpiredDocument?: boolean;
  ThemeColor?: string;
  ActionList?: string;
  LivenessRetryLimit?: number;
  LivenessTimeout?: number;
  SkipPrivacyPolicy?: boolean;
}

export interface ApplyParameters {
  RedirectURL: string;
  Config?: WebVerificationConfig;
  Extra?: string;
  RuleId?: string;
  CompareImageBase64?: string;
}

export interface AppliedToken {
  verificationUrl: string;
  bizToken: string;
  requestId: string;
}

/** One attempt of `VerificationDetailList`. */
export interface VerificationAttempt {
  errorCode: number | null;
  errorMessage: string | null;
  livenessErrorCode: number | null;
  compareErrorCode: number | null;
  /** 0–100; 70 or more means the same person. */
  similarity: number | null;
}

/** GetWebVerificationResultIntl, reduced to what a return page needs (no images, no video). */
export interface VerificationResult {
  outcome: VerificationOutcome;
  /** Tencent's `ErrorCode` (`null` when there is none yet). */
  errorCode: number | null;
  /** Tencent's `ErrorMsg`, or the API error's code for an expired token. */
  errorMessage: string;
  attempts: VerificationAttempt[];
  /** The `Extra` given to ApplyWebVerificationBizTokenIntl. */
  extra: string | null;
  requestId: string;
}

export interface FaceidClient {
  applyWebVerificationBizToken(parameters: ApplyParameters): Promise<AppliedToken>;
  getWebVerificationResult(bizToken: string): Promise<VerificationResult>;
}

interface SdkException {
  message?: unknown;
  code?: unknown;
  requestId?: unknown;
  httpCode?: unknown;
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * A client for the two calls. Throws a `FaceidSetupError` at once when the credentials or the
 * endpoint are missing or wrong; each call rejects with a {@link FaceidApiError} (tokens and keys
 * scrubbed from its message).
 */
export function createFaceidClient(options: TencentCloudOptions = {}): FaceidClient {
  const settings = resolveSettings(options);
  const sdk = new CommonClient(settings.host, FACEID_API_VERSION, {
    credential: { secretId: settings.secretId, secretKey: settings.secretKey },
    region: settings.region,
    profile: {
      httpProfile: {
        endpoint: settings.host,
        protocol: settings.protocol,
        reqTimeout: Math.ceil(settings.timeoutMs / 1000) + 1,
        // The SDK routes through $http_proxy unless given an agent: keep loopback traffic local.
        ...(settings.loopback ? { agent: new Agent({ keepAlive: true }) } : {}),
      },
    },
  });
  return {
    async applyWebVerificationBizToken(parameters) {
      const data = await call(sdk, settings, 'ApplyWebVerificationBizTokenIntl', parameters);
      const verificationUrl = stringOrNull(data['VerificationURL']) ?? stringOrNull(data['VerificationUrl']);
      const bizToken = stringOrNull(data['BizToken']);
      const requestId = stringOrNull(data['RequestId']) ?? '';
      if (!verificationUrl || !bizToken) {
        throw new FaceidApiError(
          'api',
          'ApplyWebVerificationBizTokenIntl',
          'the answer has no VerificationURL or BizToken',
          null,
          requestId,
        );
      }
      return { verificationUrl, bizToken, requestId };
    },
    async getWebVerificationResult(bizToken) {
      let data: Record<string, unknown>;
      try {
        data = await call(sdk, settings, 'GetWebVerificationResultIntl', { BizToken: bizToken });
      } catch (error) {
        if (error instanceof FaceidApiError && error.tencentCode === 'InvalidParameterValue.BizTokenExpired') {
          return {
            outcome: 'expired',
            errorCode: null,
            errorMessage: error.tencentCode,
            attempts: [],
            extra: null,
            requestId: error.requestId ?? '',
          };
        }
        throw error;
      }
      return readResult(data);
    },
  };
}

function readResult(data: Record<string, unknown>): VerificationResult {
  const errorCode = numberOrNull(data['ErrorCode']);
  const list = Array.isArray(data['VerificationDetailList']) ? (data['VerificationDetailList'] as unknown[]) : [];
  const attempts = list
    .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null)
    .map((a) => ({
      errorCode: numberOrNull(a['ErrorCode']),
      errorMessage: stringOrNull(a['ErrorMsg']),
      livenessErrorCode: numberOrNull(a['LivenessErrorCode']),
      compareErrorCode: numberOrNull(a['CompareErrorCode']),
      similarity: numberOrNull(a['Similarity']),
    }));
  return {
    outcome: outcomeOf(errorCode),
    errorCode,
    errorMessage: stringOrNull(data['ErrorMsg']) ?? '',
    attempts,
    extra: stringOrNull(data['Extra']),
    requestId: stringOrNull(data['RequestId']) ?? '',
  };
}

/** One SDK call, bounded by the timeout, with every failure as a FaceidApiError. */
async function call(sdk: CommonClient, settings: ResolvedSettings, action: string, parameters: object): Promise<Record<string, unknown>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const secrets = [settings.secretId, settings.secretKey];
  try {
    const data: unknown = await sdk.request(action, parameters, { signal: controller.signal });
    if (typeof data !== 'object' || data === null) throw new FaceidApiError('api', action, 'the answer is not an object');
    return data as Record<string, unknown>;
  } catch (error) {
    if (error instanceof FaceidApiError) throw error;
    const e = (typeof error === 'object' && error !== null ? error : {}) as SdkException;
    const message = scrub(e.message, secrets);
    if (timedOut) throw new FaceidApiError('timeout', action, `no answer within ${settings.timeoutMs} ms`);
    if (typeof e.code === 'string' && e.code !== '') {
      throw new FaceidApiError('api', action, message, e.code, stringOrNull(e.requestId));
    }
    const httpStatus = numberOrNull(e.httpCode);
    if (httpStatus !== null) throw new FaceidApiError('http', action, `HTTP ${httpStatus} ${message}`, null, null, httpStatus);
    throw new FaceidApiError('network', action, message || 'the request failed');
  } finally {
    clearTimeout(timer);
  }
}
