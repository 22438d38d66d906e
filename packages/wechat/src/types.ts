/** Minimal logger shape so the client fits pino, Nest's Logger or console. */
export interface WechatLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface WechatClientOptions {
  appId: string;
  appSecret: string;
  /** Defaults to https://api.weixin.qq.com; tests and the demo point it at the fake. */
  baseUrl?: string;
  /** Replaces the HTTP client (tests simulating the network); by default undici's `request`. */
  fetch?: typeof fetch;
  /** Clock in epoch milliseconds, used for the token cache. */
  now?: () => number;
  /** Per request, including reading the body. Default 10 000 ms. */
  timeoutMs?: number;
  /** Receives retries and token refreshes; messages never carry secrets. */
  logger?: WechatLogger;
}

export interface WechatSession {
  openid: string;
  /** Server-side only: never send it to the mini program. */
  sessionKey: string;
  /** Present only when the app is bound to an Open Platform account. */
  unionid?: string;
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeMessageInput {
  touser: string;
  templateId: string;
  /** Page path plus query opened from the message, e.g. `pages/report/detail?id=1`. */
  page?: string;
  /** Template field → value; sent to WeChat as `{ key: { value } }`. */
  data: Record<string, string>;
  miniprogramState?: MiniprogramState;
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** 1 profile, 2 comment, 3 forum, 4 social log. */
export type MsgSecScene = 1 | 2 | 3 | 4;

export interface MsgSecCheckInput {
  openid: string;
  content: string;
  scene: MsgSecScene;
}

export type MsgSecSuggest = 'pass' | 'review' | 'risky';

export interface MsgSecCheckResult {
  suggest: MsgSecSuggest;
  /** 100 normal; 10001 ad, 20001 political, 20002 porn, 20003 abuse, 20006 illegal, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other. */
  label: number;
  traceId?: string;
}

/** An image for img_sec_check: its bytes (WeChat takes up to 750 × 1334 px, 1 MB) and type. */
export interface ImgSecCheckInput {
  image: Buffer;
  contentType: string;
}

/** img_sec_check has no `review`: the image passes, or WeChat answers 87014 (risky). */
export interface ImgSecCheckResult {
  suggest: 'pass' | 'risky';
}

export interface PhoneNumberResult {
  /** With country code prefix for numbers outside mainland China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export type EnvVersion = 'release' | 'trial' | 'develop';

export interface UnlimitedQrCodeInput {
  /** ≤ 32 visible characters; the page reads it from `options.scene`. */
  scene: string;
  page: string;
  /** Default true on WeChat's side: the page must be published. */
  checkPath?: boolean;
  envVersion?: EnvVersion;
  width?: number;
}
