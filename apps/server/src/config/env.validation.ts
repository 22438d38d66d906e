import * as Joi from 'joi';

/**
 * Configuration schema. With NODE_ENV=production the service refuses to start without
 * a MySQL DATABASE_URL and its secrets; the error names the missing variable.
 */
export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATA_DIR: Joi.string().default('./data'),
  DATABASE_URL: Joi.string()
    .pattern(/^mysql:\/\//)
    .messages({ 'string.pattern.base': 'DATABASE_URL must start with mysql://' })
    .when('NODE_ENV', { is: 'production', then: Joi.required() }),
  DEMO: Joi.boolean().truthy('1').falsy('0').default(false),
  JWT_SECRET: Joi.string().min(32).when('NODE_ENV', { is: 'production', then: Joi.required() }),
  ACCESS_TOKEN_TTL_SECONDS: Joi.number().integer().min(60).default(900),
  REFRESH_TOKEN_TTL_DAYS: Joi.number().integer().min(1).default(30),
  /** 32 bytes, base64: AES-256-GCM key for personal data at rest. */
  DATA_ENCRYPTION_KEY: Joi.string()
    .base64()
    .when('NODE_ENV', { is: 'production', then: Joi.required() }),
  WECHAT_APP_ID: Joi.string().when('NODE_ENV', { is: 'production', then: Joi.required() }),
  WECHAT_APP_SECRET: Joi.string().when('NODE_ENV', { is: 'production', then: Joi.required() }),
  WECHAT_API_BASE_URL: Joi.string().uri().default('https://api.weixin.qq.com'),
  AUDIT_RETENTION_DAYS: Joi.number().integer().min(180).default(180),
  COMMUNITY_INVITE_TTL_DAYS: Joi.number().integer().min(1).max(90).default(7),
  STAFF_INVITE_TTL_HOURS: Joi.number().integer().min(1).max(720).default(72),
  H5_DIR: Joi.string().optional(),
  /** JSON: { "<kind>": { "firstResponseMinutes": n, "resolutionMinutes": n } } overriding the defaults. */
  CASE_DEADLINES: Joi.string().optional(),
  /** Minutes between escalation steps of an overdue deadline (officer → 督办 → 催办). */
  ESCALATION_STEP_MINUTES: Joi.number().integer().min(1).default(30),
  /** How often the scheduler and the outbox worker look for due work; 0 disables them (tests drive them). */
  WORKER_INTERVAL_MS: Joi.number().integer().min(0).default(10_000),
  /** WeChat subscribe-message template for case updates (办理进度通知). */
  WECHAT_TEMPLATE_CASE_UPDATE: Joi.string().default('demo-case-update-template'),
  WECHAT_TEMPLATE_BULLETIN: Joi.string().default('demo-bulletin-template'),
  /** Multiplies every per-minute rate limit (load tests and test suites that submit a lot). */
  RATE_LIMIT_SCALE: Joi.number().integer().min(1).default(1),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  /** Where the JSON logs go; standard output when unset. */
  LOG_FILE: Joi.string().optional(),
  TRUST_PROXY: Joi.boolean().truthy('1').falsy('0').default(false),
  /** 12345 work-order endpoint (docs/integrations/12345.md); unset: referrals to 12345 are made by phone and recorded by hand. */
  HOTLINE12345_BASE_URL: Joi.string().uri().optional(),
  HOTLINE12345_TOKEN: Joi.string().min(8).when('HOTLINE12345_BASE_URL', {
    is: Joi.exist(), then: Joi.when('NODE_ENV', { is: 'production', then: Joi.required() }),
  }),
  HOTLINE12345_WEBHOOK_SECRET: Joi.string().min(16).when('HOTLINE12345_BASE_URL', {
    is: Joi.exist(), then: Joi.when('NODE_ENV', { is: 'production', then: Joi.required() }),
  }),
  /** Our webhook URL as 12345 must call it; default http://localhost:PORT/api/integrations/12345/webhook. */
  HOTLINE12345_CALLBACK_URL: Joi.string().uri().optional(),
  /** An order not heard of for this long is polled by the reconciliation job. */
  HOTLINE12345_RECONCILE_MINUTES: Joi.number().integer().min(1).default(30),
  /** 综治 platform endpoint for serious-risk reports sent at once; unset: in-app alerts and the daily digest only. */
  GOVERNANCE_REPORT_URL: Joi.string().uri().optional(),
  REFERRAL_RECEIPT_HOURS: Joi.number().integer().min(1).default(24),
  REFERRAL_REPLY_HOURS: Joi.number().integer().min(1).default(120),
  /** Referrals to one target in one category within a period, per branch, that raise a 转办分流联席 agenda item. */
  REFERRAL_PILEUP_THRESHOLD: Joi.number().integer().min(2).default(3),
  REFERRAL_PILEUP_PERIOD_DAYS: Joi.number().integer().min(1).default(7),
  /** 皖事通 mini program to open with navigateToMiniProgram; unset: steps and a copyable link. */
  WANSHITONG_APP_ID: Joi.string().optional(),
  WANSHITONG_PATH: Joi.string().default('pages/index/index'),
  /** redis://… : mediation rooms shared by several instances through pub/sub; unset → one instance alone. */
  REDIS_URL: Joi.string().pattern(/^rediss?:\/\//).optional(),
  /** Prefix of every key and channel this service uses in Redis (several deployments, or test runs, on one Redis). */
  REDIS_KEY_PREFIX: Joi.string().pattern(/^[\w:.-]{1,64}$/).default('jws:'),
  /**
   * How long an instance trusts what it knows of a user (roles, token version, disabled). Changes
   * made through the service reach every instance at once (Redis broadcast); a change made in the
   * database by hand, or a lost broadcast, takes up to this long.
   */
  CALLER_CACHE_TTL_MS: Joi.number().integer().min(0).max(300_000).default(5_000),
  /** How long a room's lines are gathered before the members away are told 调解室有新消息 (once); 0: at once, line by line. */
  ROOM_NOTICE_WINDOW_MS: Joi.number().integer().min(0).max(60_000).default(2_000),
  /** Interval of WebSocket heartbeats; a socket that missed one is dropped. */
  WS_HEARTBEAT_MS: Joi.number().integer().min(1000).default(25_000),
})
  .custom((value: Record<string, unknown>, helpers) => {
    if (value.NODE_ENV === 'production' && value.DEMO) {
      return helpers.message({ custom: 'DEMO must not be enabled with NODE_ENV=production' });
    }
    return value;
  })
  .unknown(true);

export interface AppEnv {
  NODE_ENV: 'development' | 'production' | 'test';
  PORT: number;
  DATA_DIR: string;
  DATABASE_URL?: string;
  DEMO: boolean;
  JWT_SECRET?: string;
  ACCESS_TOKEN_TTL_SECONDS: number;
  REFRESH_TOKEN_TTL_DAYS: number;
  DATA_ENCRYPTION_KEY?: string;
  WECHAT_APP_ID?: string;
  WECHAT_APP_SECRET?: string;
  WECHAT_API_BASE_URL: string;
  AUDIT_RETENTION_DAYS: number;
  COMMUNITY_INVITE_TTL_DAYS: number;
  STAFF_INVITE_TTL_HOURS: number;
  H5_DIR?: string;
  CASE_DEADLINES?: string;
  ESCALATION_STEP_MINUTES: number;
  WORKER_INTERVAL_MS: number;
  WECHAT_TEMPLATE_CASE_UPDATE: string;
  /** The 警务公告 subscribe template (docs/bulletins.md). */
  WECHAT_TEMPLATE_BULLETIN: string;
  RATE_LIMIT_SCALE: number;
  LOG_LEVEL: string;
  LOG_FILE?: string;
  TRUST_PROXY: boolean;
  HOTLINE12345_BASE_URL?: string;
  HOTLINE12345_TOKEN?: string;
  HOTLINE12345_WEBHOOK_SECRET?: string;
  HOTLINE12345_CALLBACK_URL?: string;
  HOTLINE12345_RECONCILE_MINUTES: number;
  GOVERNANCE_REPORT_URL?: string;
  REFERRAL_RECEIPT_HOURS: number;
  REFERRAL_REPLY_HOURS: number;
  REFERRAL_PILEUP_THRESHOLD: number;
  REFERRAL_PILEUP_PERIOD_DAYS: number;
  WANSHITONG_APP_ID?: string;
  WANSHITONG_PATH: string;
  REDIS_URL?: string;
  REDIS_KEY_PREFIX: string;
  CALLER_CACHE_TTL_MS: number;
  ROOM_NOTICE_WINDOW_MS: number;
  WS_HEARTBEAT_MS: number;
}

/** Validates raw environment; throws an Error whose message names each missing or bad variable. */
export function validateEnv(raw: Record<string, unknown>): AppEnv {
  const { error, value } = envSchema.validate(raw, { abortEarly: false, convert: true });
  if (error) {
    const lines = error.details.map((d) => `  - ${d.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return value as AppEnv;
}
