import { setTimeout as delay } from 'node:timers/promises';
import { WechatApiError, WechatErrcode } from './errors';
import type {
  ImgSecCheckInput,
  ImgSecCheckResult,
  MsgSecCheckInput,
  MsgSecCheckResult,
  MsgSecSuggest,
  PhoneNumberResult,
  SubscribeMessageInput,
  UnlimitedQrCodeInput,
  WechatClientOptions,
  WechatLogger,
  WechatSession,
} from './types';
import { multipartImage } from './client/multipart';
import { errorCode, fetchTransport, undiciTransport, type Json, type RawResponse, type Transport } from './client/transport';

export const DEFAULT_WECHAT_BASE_URL = 'https://api.weixin.qq.com';
const DEFAULT_TIMEOUT_MS = 10_000;
/** Refresh this long before WeChat's expiry so a token never dies mid-request. */
const TOKEN_REFRESH_MARGIN_S = 5 * 60;
/** WeChat's "busy" is transient; a short pause makes the single retry worth it. */
const BUSY_RETRY_DELAY_MS = 100;
const TOKEN_REJECTED: ReadonlySet<number> = new Set([WechatErrcode.INVALID_TOKEN, WechatErrcode.TOKEN_EXPIRED]);
const SUGGESTIONS: ReadonlySet<string> = new Set<MsgSecSuggest>(['pass', 'review', 'risky']);

interface CachedToken {
  value: string;
  refreshAt: number;
}

interface TokenFetch {
  promise: Promise<string>;
  forced: boolean;
}

/**
 * Server-side WeChat mini program API client.
 *
 * The app secret and access tokens live in `#private` fields so that logging or serialising a
 * client (or an error it threw) can never print them.
 */
export class WechatClient {
  readonly appId: string;
  readonly #appSecret: string;
  readonly #baseUrl: string;
  readonly #transport: Transport;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #logger?: WechatLogger;

  #cachedToken?: CachedToken;
  #tokenFetch?: TokenFetch;
  /** Lets a fetch started later (a forced refresh) win over an older one still in flight. */
  #tokenGeneration = 0;
  /** Tokens recently issued to us, scrubbed from any text WeChat echoes back. */
  #recentTokens: string[] = [];

  constructor(options: WechatClientOptions) {
    if (!options.appId || !options.appSecret) throw new Error('WechatClient needs appId and appSecret');
    this.appId = options.appId;
    this.#appSecret = options.appSecret;
    this.#baseUrl = (options.baseUrl ?? DEFAULT_WECHAT_BASE_URL).replace(/\/+$/, '');
    this.#transport = options.fetch ? fetchTransport(options.fetch) : undiciTransport;
    this.#now = options.now ?? Date.now;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#logger = options.logger;
  }

  /** Exchanges a `wx.login` code for the user's openid and session key. */
  async code2Session(jsCode: string): Promise<WechatSession> {
    const api = '/sns/jscode2session';
    if (!jsCode) throw new WechatApiError(api, WechatErrcode.MISSING_CODE, 'missing js_code');
    const query = { appid: this.appId, secret: this.#appSecret, js_code: jsCode, grant_type: 'authorization_code' };
    const res = await this.#retryOnceWhenBusy(api, async () => this.#parseJson(api, await this.#send('GET', api, { query })));
    const { openid, session_key: sessionKey, unionid } = res;
    if (typeof openid !== 'string' || typeof sessionKey !== 'string') throw malformed(api);
    return typeof unionid === 'string' && unionid ? { openid, sessionKey, unionid } : { openid, sessionKey };
  }

  /**
   * A valid access token, from cache while it has more than 5 minutes left. Concurrent callers
   * share one request, because WeChat rate-limits token calls and a forced refresh revokes the
   * token other requests are using.
   */
  getAccessToken(forceRefresh = false): Promise<string> {
    const cached = this.#cachedToken;
    if (!forceRefresh && cached && this.#now() < cached.refreshAt) return Promise.resolve(cached.value);
    const pending = this.#tokenFetch;
    // A plain fetch in flight may hand back the very token WeChat just rejected, so a forced
    // refresh only joins another forced one.
    if (pending && (pending.forced || !forceRefresh)) return pending.promise;
    return this.#startTokenFetch(forceRefresh);
  }

  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<void> {
    const data: Record<string, { value: string }> = {};
    for (const [key, value] of Object.entries(input.data)) data[key] = { value };
    await this.#postJsonWithToken('/cgi-bin/message/subscribe/send', {
      touser: input.touser,
      template_id: input.templateId,
      page: input.page,
      data,
      miniprogram_state: input.miniprogramState,
      lang: input.lang,
    });
  }

  /** Text safety check (version 2). The openid must have used the mini program in the last 2 hours. */
  async msgSecCheck(input: MsgSecCheckInput): Promise<MsgSecCheckResult> {
    const api = '/wxa/msg_sec_check';
    const res = await this.#postJsonWithToken(api, { version: 2, openid: input.openid, scene: input.scene, content: input.content });
    const result = res.result as Json | undefined;
    const suggest = result?.suggest;
    const label = result?.label;
    if (typeof suggest !== 'string' || !SUGGESTIONS.has(suggest) || typeof label !== 'number') throw malformed(api);
    const traceId = typeof res.trace_id === 'string' ? res.trace_id : undefined;
    return { suggest: suggest as MsgSecSuggest, label, ...(traceId ? { traceId } : {}) };
  }

  /**
   * Image safety check (`/wxa/img_sec_check`, the image as multipart `media`): 87014 is the risky
   * verdict, answered as such; any other error is thrown (the caller falls back to a person).
   */
  async imgSecCheck(input: ImgSecCheckInput): Promise<ImgSecCheckResult> {
    const api = '/wxa/img_sec_check';
    const { contentType, bytes } = multipartImage(input.image, input.contentType);
    try {
      await this.#withToken(api, async (token) => this.#parseJson(api, await this.#send('POST', api, { query: { access_token: token }, raw: { contentType, bytes } })));
      return { suggest: 'pass' };
    } catch (err) {
      if (err instanceof WechatApiError && err.errcode === WechatErrcode.RISKY_CONTENT) return { suggest: 'risky' };
      throw err;
    }
  }

  /** Resolves the code from a `getPhoneNumber` button event. */
  async getPhoneNumber(code: string): Promise<PhoneNumberResult> {
    const api = '/wxa/business/getuserphonenumber';
    const res = await this.#postJsonWithToken(api, { code });
    const info = res.phone_info as Json | undefined;
    const { phoneNumber, purePhoneNumber, countryCode } = info ?? {};
    if (typeof phoneNumber !== 'string' || typeof purePhoneNumber !== 'string' || typeof countryCode !== 'string') {
      throw malformed(api);
    }
    return { phoneNumber, purePhoneNumber, countryCode };
  }

  /** PNG bytes of a mini program code that opens `page` with `options.scene`. */
  async getUnlimitedQrCode(input: UnlimitedQrCodeInput): Promise<Buffer> {
    const api = '/wxa/getwxacodeunlimit';
    const body = {
      scene: input.scene,
      page: input.page,
      check_path: input.checkPath,
      env_version: input.envVersion,
      width: input.width,
    };
    return this.#withToken(api, async (token) => {
      const raw = await this.#send('POST', api, { query: { access_token: token }, body });
      // Success is an image; errors come back as JSON (sometimes mislabelled), so sniff too.
      if (raw.contentType.includes('application/json') || raw.bytes[0] === 0x7b /* '{' */) {
        this.#parseJson(api, raw);
        throw new WechatApiError(api, WechatErrcode.NETWORK, 'expected an image, got JSON');
      }
      if (raw.status >= 400) throw new WechatApiError(api, WechatErrcode.NETWORK, `HTTP ${raw.status}`);
      return raw.bytes;
    });
  }

  #startTokenFetch(forced: boolean): Promise<string> {
    const generation = ++this.#tokenGeneration;
    const promise = this.#requestStableToken(forced).then(({ token, expiresIn }) => {
      if (generation === this.#tokenGeneration) {
        const marginS = Math.min(TOKEN_REFRESH_MARGIN_S, expiresIn / 2);
        this.#cachedToken = { value: token, refreshAt: this.#now() + (expiresIn - marginS) * 1000 };
      }
      return token;
    });
    const entry: TokenFetch = { promise, forced };
    this.#tokenFetch = entry;
    const clear = () => {
      if (this.#tokenFetch === entry) this.#tokenFetch = undefined;
    };
    promise.then(clear, clear);
    return promise;
  }

  async #requestStableToken(forced: boolean): Promise<{ token: string; expiresIn: number }> {
    const api = '/cgi-bin/stable_token';
    const body = { grant_type: 'client_credential', appid: this.appId, secret: this.#appSecret, force_refresh: forced };
    const res = this.#parseJson(api, await this.#send('POST', api, { body }));
    const { access_token: token, expires_in: expiresIn } = res;
    if (typeof token !== 'string' || !token || typeof expiresIn !== 'number' || expiresIn <= 0) throw malformed(api);
    this.#recentTokens = [token, ...this.#recentTokens].slice(0, 4);
    return { token, expiresIn };
  }

  /**
   * Runs a token-bearing call; if WeChat rejects the token (40001/42001) gets a fresh one and
   * retries exactly once. Forced refreshes are limited per day, so a token another caller has
   * already replaced is reused instead of forcing again.
   */
  async #withToken<T>(api: string, call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.getAccessToken();
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof WechatApiError) || !TOKEN_REJECTED.has(err.errcode)) throw err;
      this.#logger?.warn('WeChat rejected the access token; refreshing it and retrying once', { api, errcode: err.errcode });
      return call(await this.#tokenAfterRejection(token));
    }
  }

  async #tokenAfterRejection(rejected: string): Promise<string> {
    if (this.#cachedToken?.value === rejected) this.#cachedToken = undefined;
    const pending = this.#tokenFetch;
    if (pending) {
      const token = await pending.promise;
      return token === rejected ? this.getAccessToken(true) : token;
    }
    // Still cached means a concurrent caller already replaced the rejected token.
    return this.getAccessToken(!this.#cachedToken);
  }

  async #postJsonWithToken(api: string, body: Json): Promise<Json> {
    return this.#withToken(api, async (token) => this.#parseJson(api, await this.#send('POST', api, { query: { access_token: token }, body })));
  }

  async #retryOnceWhenBusy<T>(api: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof WechatApiError) || err.errcode !== WechatErrcode.BUSY) throw err;
      this.#logger?.warn('WeChat is busy; retrying once', { api });
      await delay(BUSY_RETRY_DELAY_MS);
      return call();
    }
  }

  async #send(method: 'GET' | 'POST', api: string, req: { query?: Record<string, string>; body?: Json; raw?: { contentType: string; bytes: Buffer } }): Promise<RawResponse> {
    const url = `${this.#baseUrl}${api}${req.query ? `?${new URLSearchParams(req.query)}` : ''}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      return await this.#transport(url, {
        method,
        headers: req.raw ? { 'content-type': req.raw.contentType } : req.body ? { 'content-type': 'application/json' } : undefined,
        body: req.raw ? req.raw.bytes : req.body ? JSON.stringify(req.body) : undefined,
        signal: controller.signal,
      });
    } catch (err) {
      // The underlying error may quote the URL (secret or token in its query): keep only its kind.
      const reason = controller.signal.aborted ? `timed out after ${this.#timeoutMs} ms` : `network error${errorCode(err)}`;
      throw new WechatApiError(api, WechatErrcode.NETWORK, reason);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Parses a JSON answer and turns a non-zero errcode (even on HTTP 200) into a WechatApiError. */
  #parseJson(api: string, raw: RawResponse): Json {
    let json: unknown;
    try {
      json = JSON.parse(raw.bytes.toString('utf8'));
    } catch {
      json = undefined;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new WechatApiError(api, WechatErrcode.NETWORK, raw.status >= 400 ? `HTTP ${raw.status}` : 'response is not JSON');
    }
    const body = json as Json;
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      throw new WechatApiError(api, body.errcode, this.#scrub(typeof body.errmsg === 'string' ? body.errmsg : ''));
    }
    if (raw.status >= 400) throw new WechatApiError(api, WechatErrcode.NETWORK, `HTTP ${raw.status}`);
    return body;
  }

  /** WeChat's errmsg is free text we do not control; make sure it cannot carry our secrets. */
  #scrub(text: string): string {
    let out = text;
    for (const secret of [this.#appSecret, ...this.#recentTokens]) out = out.split(secret).join('***');
    return out;
  }
}

function malformed(api: string): WechatApiError {
  return new WechatApiError(api, WechatErrcode.NETWORK, 'malformed response');
}
