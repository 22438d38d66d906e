/**
 * WeChat server error codes we react to. WeChat answers most failures with HTTP 200 and a
 * non-zero `errcode`, so callers branch on these numbers rather than on HTTP status.
 */
export const WechatErrcode = {
  OK: 0,
  /** System busy: WeChat asks the caller to try again shortly. */
  BUSY: -1,
  /** Ours, not WeChat's: the request never got a usable answer (network, timeout, bad body). */
  NETWORK: -2,
  /** Access token invalid (revoked by a forced refresh, or never issued). */
  INVALID_TOKEN: 40001,
  INVALID_APPID: 40013,
  /** js_code / phone code unknown, already used or older than 5 minutes. */
  INVALID_CODE: 40029,
  INVALID_TEMPLATE: 40037,
  INVALID_APPSECRET: 40125,
  INVALID_SCENE: 40169,
  /** WeChat considers the user high-risk and refuses to log them in. */
  USER_BLOCKED: 40226,
  MISSING_ACCESS_TOKEN: 41001,
  MISSING_CODE: 41008,
  /** Page path not published (or malformed) for this mini program. */
  INVALID_PAGE: 41030,
  TOKEN_EXPIRED: 42001,
  /** The user has no one-time subscription left for this template. */
  NO_SUBSCRIPTION: 43101,
  /** Daily quota of this API (e.g. forced token refreshes) used up. */
  DAILY_QUOTA: 45009,
  RATE_LIMITED: 45011,
  /** A template field value does not fit its type (e.g. `thing` longer than 20 chars). */
  INVALID_TEMPLATE_DATA: 47003,
  /** msg_sec_check v1: the content is risky. */
  RISKY_CONTENT: 87014,
} as const;

export type WechatErrcodeName = keyof typeof WechatErrcode;

/** Codes where the same request may succeed if simply tried again later. */
const RETRYABLE: ReadonlySet<number> = new Set([WechatErrcode.BUSY, WechatErrcode.NETWORK, WechatErrcode.RATE_LIMITED]);

export function isRetryableErrcode(errcode: number): boolean {
  return RETRYABLE.has(errcode);
}

/**
 * Any failed WeChat call. The message names the API path only — never a URL with its query,
 * because those carry the app secret or an access token.
 */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  readonly errcode: number;
  readonly errmsg: string;
  readonly retryable: boolean;
  /** API path, e.g. `/sns/jscode2session`. */
  readonly api: string;

  constructor(api: string, errcode: number, errmsg: string) {
    super(`WeChat ${api} failed: ${errcode} ${errmsg}`);
    this.api = api;
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.retryable = isRetryableErrcode(errcode);
  }
}

export function isWechatApiError(err: unknown): err is WechatApiError {
  return err instanceof WechatApiError;
}
