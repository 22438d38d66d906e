import { WechatErrcode } from '../errors';
import { onePixelPng } from '../png';
import { error, randomId } from './http';
import { FakeShareInfo } from './share-info';
import {
  CODE_TTL_MS,
  DEFAULT_REVIEW_WORDS,
  DEFAULT_RISKY_WORDS,
  FIELD_MAX_LENGTH,
  LOGIN_RATE_LIMIT_PER_MIN,
  PATTERN_CODE,
  SCENE,
  TOKEN_TTL_S,
  type FakeReply,
  type IssuedCode,
  type IssuedPhoneCode,
  type Json,
  type SentMessage,
  type TokenRecord,
} from './types';

/**
 * The fake's whole world. Public fields may be read and adjusted freely by tests; the
 * `handle*` methods implement the WeChat endpoints and are what the HTTP layer calls.
 */
export class FakeWechatState {
  readonly appId: string;
  readonly #appSecret: string;
  readonly #now: () => number;

  /** Every stable_token call, successful or not. */
  tokenRequests = 0;
  sentMessages: SentMessage[] = [];
  riskyWords: string[] = [...DEFAULT_RISKY_WORDS];
  reviewWords: string[] = [...DEFAULT_REVIEW_WORDS];
  /** If non-empty, only these page paths count as published (else 41030). Empty accepts any page. */
  publishedPages: string[] = [];
  /** How long each WeChat API call takes to answer (the real servers are tens of ms away). */
  latencyMs = 0;
  /** WeChat API calls being answered right now, and the most there have been at once. */
  inFlight = 0;
  peakInFlight = 0;
  /** Session keys per openid and group cards' share info (getShareInfo). */
  readonly shares: FakeShareInfo;

  #codes = new Map<string, IssuedCode>();
  #phoneCodes = new Map<string, IssuedPhoneCode>();
  #unionids = new Map<string, string>();
  #blocked = new Set<string>();
  #loginTimes = new Map<string, number[]>();
  #failures = new Map<string, Array<{ errcode: number; errmsg: string }>>();
  #subscriptions = new Map<string, number>();
  #tokens = new Map<string, TokenRecord>();
  #currentToken?: string;

  constructor(options: { appId: string; appSecret: string; now?: () => number }) {
    this.appId = options.appId;
    this.#appSecret = options.appSecret;
    this.#now = options.now ?? Date.now;
    this.shares = new FakeShareInfo(this.appId, this.#now);
  }

  // ---- controls -------------------------------------------------------------------------

  /** A fresh single-use login code for `openid`, valid 5 minutes. */
  issueCode(openid: string, opts: { unionid?: string } = {}): string {
    if (opts.unionid) this.registerUnionid(openid, opts.unionid);
    const code = randomId(24);
    this.#codes.set(code, { subject: openid, issuedAt: this.#now() });
    return code;
  }

  /** jscode2session returns this unionid for the openid (as if bound to an Open Platform account). */
  registerUnionid(openid: string, unionid: string): void {
    this.#unionids.set(openid, unionid);
  }

  /** A single-use getPhoneNumber code, valid 5 minutes. */
  issuePhoneCode(phone: string, countryCode = '86'): string {
    const code = randomId(32);
    this.#phoneCodes.set(code, { purePhoneNumber: phone, countryCode, issuedAt: this.#now() });
    return code;
  }

  /** Logins for this openid answer 40226 (high-risk user). */
  blockOpenid(openid: string): void {
    this.#blocked.add(openid);
  }

  unblockOpenid(openid: string): void {
    this.#blocked.delete(openid);
  }

  /** The next call to `path` (e.g. `/sns/jscode2session`) answers `errcode`; queue several by calling again. */
  failNext(path: string, errcode: number, errmsg = 'injected failure'): void {
    const key = path.startsWith('/') ? path : `/${path}`;
    this.#failures.set(key, [...(this.#failures.get(key) ?? []), { errcode, errmsg }]);
  }

  /** The user accepted `n` more one-time subscriptions for the template. */
  grantSubscription(openid: string, templateId: string, n = 1): number {
    const key = subscriptionKey(openid, templateId);
    const remaining = (this.#subscriptions.get(key) ?? 0) + n;
    this.#subscriptions.set(key, remaining);
    return remaining;
  }

  subscriptionsLeft(openid: string, templateId: string): number {
    return this.#subscriptions.get(subscriptionKey(openid, templateId)) ?? 0;
  }

  /** Tokens issued so far answer 42001 from now on; the next stable_token issues a new one. */
  expireTokens(): void {
    for (const record of this.#tokens.values()) if (record.status === 'active') record.status = 'expired';
    this.#currentToken = undefined;
  }

  /** Back to a fresh fake (same appid/secret). */
  reset(): void {
    this.tokenRequests = 0;
    this.sentMessages = [];
    this.riskyWords = [...DEFAULT_RISKY_WORDS];
    this.reviewWords = [...DEFAULT_REVIEW_WORDS];
    this.publishedPages = [];
    this.latencyMs = 0;
    this.peakInFlight = this.inFlight;
    for (const map of [this.#codes, this.#phoneCodes, this.#unionids, this.#loginTimes, this.#failures, this.#subscriptions, this.#tokens]) {
      map.clear();
    }
    this.#blocked.clear();
    this.shares.clear();
    this.#currentToken = undefined;
  }

  // ---- WeChat endpoints -----------------------------------------------------------------

  /** Consumes a failure injected with failNext for this path, if any. */
  takeInjectedFailure(path: string): FakeReply | undefined {
    const queue = this.#failures.get(path);
    const failure = queue?.shift();
    if (queue && queue.length === 0) this.#failures.delete(path);
    return failure && error(failure.errcode, failure.errmsg);
  }

  handleJscode2session(query: URLSearchParams): FakeReply {
    if (query.get('appid') !== this.appId) return error(WechatErrcode.INVALID_APPID, 'invalid appid');
    if (query.get('secret') !== this.#appSecret) return error(WechatErrcode.INVALID_APPSECRET, 'invalid appsecret');
    if (query.get('grant_type') !== 'authorization_code') return error(40002, 'invalid grant_type');
    const code = query.get('js_code');
    if (!code) return error(WechatErrcode.MISSING_CODE, 'missing code');

    const issued = this.#codes.get(code);
    if (issued && this.#now() - issued.issuedAt >= CODE_TTL_MS) this.#codes.delete(code);
    const pattern = PATTERN_CODE.exec(code);
    let openid: string;
    if (issued && this.#now() - issued.issuedAt < CODE_TTL_MS) openid = issued.subject;
    else if (pattern?.[1]) openid = pattern[1];
    else return error(WechatErrcode.INVALID_CODE, 'invalid code');

    if (this.#blocked.has(openid)) return error(WechatErrcode.USER_BLOCKED, 'user is blocked');
    // Checked before the code is spent, so the user can retry with the same code.
    if (!this.#allowLogin(openid)) return error(WechatErrcode.RATE_LIMITED, 'reach max api minute limit');

    this.#codes.delete(code);
    const unionid = this.#unionids.get(openid);
    return { json: { openid, session_key: this.shares.newSession(openid), ...(unionid ? { unionid } : {}) } };
  }

  handleStableToken(body: Json): FakeReply {
    this.tokenRequests++;
    if (body.grant_type !== 'client_credential') return error(40002, 'invalid grant_type');
    if (body.appid !== this.appId) return error(WechatErrcode.INVALID_APPID, 'invalid appid');
    if (body.secret !== this.#appSecret) return error(WechatErrcode.INVALID_APPSECRET, 'invalid appsecret');

    const now = this.#now();
    const current = this.#currentToken ? this.#tokens.get(this.#currentToken) : undefined;
    if (body.force_refresh === true || !current || current.status !== 'active' || current.expiresAt <= now) {
      if (current?.status === 'active') current.status = 'revoked';
      const token = randomId(96);
      this.#tokens.set(token, { expiresAt: now + TOKEN_TTL_S * 1000, status: 'active' });
      this.#currentToken = token;
      return { json: { access_token: token, expires_in: TOKEN_TTL_S } };
    }
    // Like WeChat, a plain call returns the current token with its remaining lifetime.
    return { json: { access_token: this.#currentToken, expires_in: Math.ceil((current.expiresAt - now) / 1000) } };
  }

  /** undefined when the token may be used, else the error WeChat would answer. */
  checkAccessToken(token: string | null): FakeReply | undefined {
    if (!token) return error(WechatErrcode.MISSING_ACCESS_TOKEN, 'access_token missing');
    const record = this.#tokens.get(token);
    if (!record || record.status === 'revoked') return error(WechatErrcode.INVALID_TOKEN, 'invalid credential, access_token is invalid or not latest');
    if (record.status === 'expired' || record.expiresAt <= this.#now()) return error(WechatErrcode.TOKEN_EXPIRED, 'access_token expired');
    return undefined;
  }

  handleSubscribeSend(body: Json): FakeReply {
    const { touser, template_id: templateId, page, data, miniprogram_state: miniprogramState, lang } = body;
    if (typeof touser !== 'string' || !touser) return error(40003, 'invalid openid');
    if (typeof templateId !== 'string' || !templateId) return error(WechatErrcode.INVALID_TEMPLATE, 'invalid template_id');
    if (page !== undefined && (typeof page !== 'string' || !this.#isPublished(page))) return error(WechatErrcode.INVALID_PAGE, 'invalid page');

    const flat: Record<string, string> = {};
    if (typeof data !== 'object' || data === null) return error(WechatErrcode.INVALID_TEMPLATE_DATA, 'argument invalid! data is empty');
    for (const [key, field] of Object.entries(data as Json)) {
      const value = (field as { value?: unknown } | null)?.value;
      if (typeof value !== 'string') return error(WechatErrcode.INVALID_TEMPLATE_DATA, `argument invalid! data.${key}.value invalid`);
      const max = FIELD_MAX_LENGTH[key.replace(/\d+$/, '')];
      if (max !== undefined && [...value].length > max) return error(WechatErrcode.INVALID_TEMPLATE_DATA, `argument invalid! data.${key}.value invalid`);
      flat[key] = value;
    }

    const key = subscriptionKey(touser, templateId);
    const left = this.#subscriptions.get(key) ?? 0;
    if (left <= 0) return error(WechatErrcode.NO_SUBSCRIPTION, 'user refuse to accept the msg');
    this.#subscriptions.set(key, left - 1);
    this.sentMessages.push({
      touser,
      templateId,
      ...(typeof page === 'string' ? { page } : {}),
      data: flat,
      ...(typeof miniprogramState === 'string' ? { miniprogramState } : {}),
      ...(typeof lang === 'string' ? { lang } : {}),
      sentAt: this.#now(),
    });
    return { json: { errcode: 0, errmsg: 'ok' } };
  }

  handleMsgSecCheck(body: Json): FakeReply {
    const { content, version, openid, scene } = body;
    if (typeof content !== 'string') return error(40097, 'invalid args');
    const risky = this.riskyWords.find((word) => content.includes(word));
    if (version !== 2) {
      // Version 1 has no verdicts: it either passes or fails with 87014.
      return risky ? error(WechatErrcode.RISKY_CONTENT, 'risky content') : { json: { errcode: 0, errmsg: 'ok' } };
    }
    if (typeof openid !== 'string' || !openid) return error(40003, 'invalid openid');
    if (scene !== 1 && scene !== 2 && scene !== 3 && scene !== 4) return error(40097, 'invalid args');

    const review = risky ? undefined : this.reviewWords.find((word) => content.includes(word));
    const [suggest, label, keyword] = risky ? ['risky', 20006, risky] : review ? ['review', 21000, review] : ['pass', 100, undefined];
    return {
      json: {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest, label },
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: keyword ? 90 : 0, ...(keyword ? { keyword } : {}) }],
        trace_id: randomId(24),
      },
    };
  }

  handleGetPhoneNumber(body: Json): FakeReply {
    const code = typeof body.code === 'string' ? body.code : '';
    const issued = this.#phoneCodes.get(code);
    this.#phoneCodes.delete(code);
    if (!issued || this.#now() - issued.issuedAt >= CODE_TTL_MS) return error(WechatErrcode.INVALID_CODE, 'invalid code');
    const { purePhoneNumber, countryCode } = issued;
    return {
      json: {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: countryCode === '86' ? purePhoneNumber : `+${countryCode} ${purePhoneNumber}`,
          purePhoneNumber,
          countryCode,
          watermark: { appid: this.appId, timestamp: Math.floor(this.#now() / 1000) },
        },
      },
    };
  }

  handleGetUnlimitedQrCode(body: Json): FakeReply {
    const { scene, page, check_path: checkPath } = body;
    if (typeof scene !== 'string' || !SCENE.test(scene)) return error(40169, 'invalid length for scene, or the data is not json string');
    if (page !== undefined && typeof page !== 'string') return error(WechatErrcode.INVALID_PAGE, 'invalid page');
    if (typeof page === 'string' && (page.startsWith('/') || (checkPath !== false && !this.#isPublished(page)))) {
      return error(WechatErrcode.INVALID_PAGE, 'invalid page');
    }
    return { png: onePixelPng({ scene, page: typeof page === 'string' ? page : '' }) };
  }

  #allowLogin(openid: string): boolean {
    const now = this.#now();
    const recent = (this.#loginTimes.get(openid) ?? []).filter((t) => now - t < 60_000);
    const allowed = recent.length < LOGIN_RATE_LIMIT_PER_MIN;
    if (allowed) recent.push(now);
    this.#loginTimes.set(openid, recent);
    return allowed;
  }

  #isPublished(page: string): boolean {
    const path = page.split('?')[0] ?? '';
    return this.publishedPages.length === 0 || this.publishedPages.includes(path);
  }
}

function subscriptionKey(openid: string, templateId: string): string {
  return `${openid}\u0000${templateId}`;
}
