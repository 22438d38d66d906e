import type { FakeWechatState } from './state';

/* The fake's shapes and limits, shared by its state, its HTTP layer and its control API. */

export type Json = Record<string, unknown>;

export interface FakeWechatOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the control API has no authentication. */
  host?: string;
  appId: string;
  appSecret: string;
  /** Clock in epoch milliseconds, for code/token expiry and rate-limit windows. */
  now?: () => number;
}

export interface FakeWechat {
  /** Base URL to give WechatClient, e.g. http://127.0.0.1:41234 */
  url: string;
  state: FakeWechatState;
  close(): Promise<void>;
}

export interface SentMessage {
  touser: string;
  templateId: string;
  page?: string;
  /** Flattened from WeChat's `{ key: { value } }`. */
  data: Record<string, string>;
  miniprogramState?: string;
  lang?: string;
  sentAt: number;
}

/** What a WeChat endpoint answers: JSON (errors included, on HTTP 200 like WeChat) or an image. */
export type FakeReply = { json: Json } | { png: Buffer };

export const CODE_TTL_MS = 5 * 60_000;
export const TOKEN_TTL_S = 7200;
export const LOGIN_RATE_LIMIT_PER_MIN = 100;
export const DEFAULT_RISKY_WORDS: readonly string[] = ['赌博', '诈骗链接', '代开发票', '裸聊'];
export const DEFAULT_REVIEW_WORDS: readonly string[] = ['加微信', '兼职', '返利'];

/** Codes of these forms log in as `<openid>` without wx.login, for the h5 demo and browser tests. Reusable. */
export const PATTERN_CODE = /^(?:demo|test):(.{1,64})$/;
/** WeChat's allowed scene characters (≤ 32 of them). */
export const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
/** Template field types with a length limit, keyed by the field name without its number. */
export const FIELD_MAX_LENGTH: Record<string, number> = { thing: 20, phrase: 5, symbol: 5, number: 32, letter: 32, character_string: 32 };

export interface IssuedCode {
  subject: string;
  issuedAt: number;
}

export interface IssuedPhoneCode {
  purePhoneNumber: string;
  countryCode: string;
  issuedAt: number;
}

export interface TokenRecord {
  expiresAt: number;
  /** revoked answers 40001 (like WeChat after a forced refresh), expired answers 42001. */
  status: 'active' | 'revoked' | 'expired';
}
