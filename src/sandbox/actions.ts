/**
 * The two FaceID actions the sandbox answers, with the parameter checks Tencent documents and the
 * error codes it uses for them. Input is the request's parsed JSON body, already authenticated.
 */
import { apiError, type ApiAnswer } from './envelope.js';
import { outcomeFacts } from './outcomes.js';
import type { TokenStore } from './token-store.js';

export const sandboxActions = ['ApplyWebVerificationBizTokenIntl', 'GetWebVerificationResultIntl'] as const;
export type SandboxAction = (typeof sandboxActions)[number];
export const isSandboxAction = (value: unknown): value is SandboxAction =>
  typeof value === 'string' && (sandboxActions as readonly string[]).includes(value);

export const API_VERSION = '2018-03-01';
export const regions = ['ap-singapore', 'ap-jakarta', 'ap-bangkok', 'ap-hongkong', 'sa-saopaulo'] as const;
const languages = ['en', 'zh-cn', 'zh-tc', 'th', 'id'] as const;
const MAX_EXTRA = 1000;
const MAX_IMAGE_BASE64 = 8 * 1024 * 1024;

type Params = Record<string, unknown>;

/** Integer fields of `Config`, with their allowed ranges. */
const integerConfig: Readonly<Record<string, readonly [number, number]>> = {
  AutoDowngrade: [1, 2],
  SecurityLevel: [1, 4],
  CheckMode: [1, 4],
  LivenessRetryLimit: [1, 99],
  LivenessTimeout: [0, 600],
};
const booleanConfig = [
  'AutoSkip',
  'AutoSkipStartPage',
  'DisableCheckOcrWarnings',
  'IdCardCutReturn',
  'AllowExpiredDocument',
  'SkipPrivacyPolicy',
];
const stringConfig = ['IDCardType', 'SelectedWarningCodes', 'ActionList', 'ThemeColor', 'Language'];

const isObject = (value: unknown): value is Params => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkConfig(config: unknown): ApiAnswer | null {
  if (config === undefined) return null;
  if (!isObject(config)) return apiError('InvalidParameter', 'Config must be an object.');
  for (const [name, value] of Object.entries(config)) {
    const range = integerConfig[name];
    if (range) {
      if (!Number.isInteger(value)) return apiError('InvalidParameter', `Config.${name} must be an integer.`);
      if ((value as number) < range[0] || (value as number) > range[1]) {
        return apiError('InvalidParameterValue', `Config.${name} must be between ${range[0]} and ${range[1]}.`);
      }
    } else if (booleanConfig.includes(name)) {
      if (typeof value !== 'boolean') return apiError('InvalidParameter', `Config.${name} must be a boolean.`);
    } else if (stringConfig.includes(name)) {
      if (typeof value !== 'string') return apiError('InvalidParameter', `Config.${name} must be a string.`);
    } else {
      return apiError('UnknownParameter', `Config.${name} is not a parameter of this action.`);
    }
  }
  if (config['Language'] !== undefined && !(languages as readonly unknown[]).includes(config['Language'])) {
    return apiError('InvalidParameterValue', `Config.Language must be one of ${languages.join(', ')}.`);
  }
  if (typeof config['ThemeColor'] === 'string' && !/^#[0-9a-fA-F]{6}$/.test(config['ThemeColor'])) {
    return apiError('InvalidParameterValue', 'Config.ThemeColor must be a hex RGB colour such as #2d72f1.');
  }
  return null;
}

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const applyParameters = ['RedirectURL', 'CompareImageBase64', 'Extra', 'RuleId', 'Config'];

/** ApplyWebVerificationBizTokenIntl. `pageUrl` is the stand-in page, where the token is appended. */
export function applyWebVerificationBizToken(params: Params, store: TokenStore, pageUrl: string): ApiAnswer {
  const unknown = Object.keys(params).find((name) => !applyParameters.includes(name));
  if (unknown !== undefined) return apiError('UnknownParameter', `${unknown.slice(0, 64)} is not a parameter of this action.`);
  const { RedirectURL, CompareImageBase64, Extra, RuleId, Config } = params;
  if (RedirectURL === undefined) return apiError('MissingParameter', 'The RedirectURL parameter is required.');
  if (typeof RedirectURL !== 'string') return apiError('InvalidParameter', 'RedirectURL must be a string.');
  if (!isAbsoluteHttpUrl(RedirectURL)) return apiError('InvalidParameterValue', 'RedirectURL must be an absolute URL.');
  if (Extra !== undefined && typeof Extra !== 'string') return apiError('InvalidParameter', 'Extra must be a string.');
  if (typeof Extra === 'string' && Extra.length > MAX_EXTRA)
    return apiError('InvalidParameterValue', `Extra must be at most ${MAX_EXTRA} characters.`);
  if (RuleId !== undefined && typeof RuleId !== 'string') return apiError('InvalidParameter', 'RuleId must be a string.');
  if (CompareImageBase64 !== undefined) {
    if (typeof CompareImageBase64 !== 'string') return apiError('InvalidParameter', 'CompareImageBase64 must be a string.');
    if (CompareImageBase64.startsWith('data:'))
      return apiError('InvalidParameterValue', 'CompareImageBase64 must not have a data: prefix.');
    if (CompareImageBase64.length > MAX_IMAGE_BASE64) return apiError('InvalidParameterValue', 'CompareImageBase64 must be at most 8 MB.');
  }
  const configProblem = checkConfig(Config);
  if (configProblem) return configProblem;

  const token = store.issue({
    redirectUrl: RedirectURL,
    extra: typeof Extra === 'string' ? Extra : null,
    config: isObject(Config) ? Config : {},
  });
  const url = new URL(pageUrl);
  url.searchParams.set('token', token.bizToken);
  return { ok: true, data: { BizToken: token.bizToken, VerificationURL: url.href, VerificationUrl: url.href } };
}

/** GetWebVerificationResultIntl. */
export function getWebVerificationResult(params: Params, store: TokenStore): ApiAnswer {
  const unknown = Object.keys(params).find((name) => name !== 'BizToken');
  if (unknown !== undefined) return apiError('UnknownParameter', `${unknown.slice(0, 64)} is not a parameter of this action.`);
  const { BizToken } = params;
  if (BizToken === undefined) return apiError('MissingParameter', 'The BizToken parameter is required.');
  if (typeof BizToken !== 'string') return apiError('InvalidParameter', 'BizToken must be a string.');
  const found = store.lookup(BizToken);
  if (found.status === 'unknown') return apiError('InvalidParameterValue.BizTokenIllegal', 'The BizToken is illegal.');
  if (found.status === 'expired') return apiError('InvalidParameterValue.BizTokenExpired', 'The BizToken has expired.');
  const { token } = found;
  const base = { Extra: token.extra, VideoBase64: null, BestFrameBase64: null, OCRResult: null };
  if (!token.finished) {
    return { ok: true, data: { ...base, ErrorCode: 17, ErrorMsg: 'The verification is not finished.', VerificationDetailList: [] } };
  }
  const facts = outcomeFacts[token.finished.outcome];
  const attempt = {
    ErrorCode: facts.errorCode,
    ErrorMsg: facts.errorMsg,
    LivenessErrorCode: facts.livenessErrorCode,
    LivenessErrorMsg: facts.livenessErrorCode === null ? null : facts.livenessErrorCode === 0 ? 'Success' : facts.errorMsg,
    CompareErrorCode: facts.compareErrorCode,
    CompareErrorMsg: facts.compareErrorCode === null ? null : facts.compareErrorCode === 0 ? 'Success' : facts.errorMsg,
    Similarity: facts.similarity,
    ReqTimestamp: token.finished.at,
    Seq: `sandbox-${token.issuedAt}`,
  };
  return { ok: true, data: { ...base, ErrorCode: facts.errorCode, ErrorMsg: facts.errorMsg, VerificationDetailList: [attempt] } };
}
