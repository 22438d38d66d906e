import { CaseKind, DEFAULT_CASE_DEADLINES } from '@jws/contracts';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppEnv } from './env.validation';

/**
 * Resolved configuration the service runs with. Secrets missing outside production are
 * generated once into DATA_DIR so a newcomer needs no setup and restarts keep working.
 */
export interface AppConfig {
  env: AppEnv['NODE_ENV'];
  port: number;
  dataDir: string;
  database: { kind: 'mysql'; url: string } | { kind: 'sqlite'; file: string };
  demo: boolean;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  dataEncryptionKey: Buffer;
  wechat: { appId: string; appSecret: string; baseUrl: string };
  auditRetentionDays: number;
  communityInviteTtlDays: number;
  staffInviteTtlHours: number;
  h5Dir: string;
  caseDeadlines: Record<CaseKind, { firstResponseMinutes: number; resolutionMinutes: number }>;
  escalationStepMinutes: number;
  workerIntervalMs: number;
  wechatTemplateCaseUpdate: string;
  /** The 警务公告 subscribe template: a bulletin reaching a member's group (docs/bulletins.md). */
  wechatTemplateBulletin: string;
  rateLimitScale: number;
  logLevel: string;
  /** Log file path, or null for standard output. */
  logFile: string | null;
  trustProxy: boolean;
  /** 12345 work-order adapter; `baseUrl` null when not configured. Token and secret are never logged or returned. */
  hotline12345: { baseUrl: string | null; token: string; webhookSecret: string; callbackUrl: string; reconcileMinutes: number };
  governanceReportUrl: string | null;
  referralDue: { receiptHours: number; replyHours: number };
  referralPileup: { threshold: number; periodDays: number };
  wanshitong: { appId: string; path: string } | null;
  redisUrl: string | null;
  /** Prefix of this service's Redis keys and channels. */
  redisKeyPrefix: string;
  /** How long the caller cache keeps a user (identity/caller-cache.ts). */
  callerCacheTtlMs: number;
  /** ROOM_NOTICE_WINDOW_MS (mediation/room-message-notices.ts). */
  roomNoticeWindowMs: number;
  wsHeartbeatMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function secretFromDataDir(dataDir: string, file: string, make: () => string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const value = make();
  writeFileSync(path, value + '\n', { mode: 0o600 });
  return value;
}

function parseCaseDeadlines(raw: string | undefined): AppConfig['caseDeadlines'] {
  const result = { ...DEFAULT_CASE_DEADLINES };
  if (!raw) return result;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('Invalid configuration:\n  - CASE_DEADLINES must be JSON');
  }
  for (const [kind, value] of Object.entries(parsed as Record<string, unknown>)) {
    const v = value as { firstResponseMinutes?: unknown; resolutionMinutes?: unknown };
    const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0;
    if (!(Object.values(CaseKind) as string[]).includes(kind) || !ok(v.firstResponseMinutes) || !ok(v.resolutionMinutes)) {
      throw new Error(`Invalid configuration:\n  - CASE_DEADLINES.${kind} needs a known kind and positive integer minutes`);
    }
    result[kind as CaseKind] = { firstResponseMinutes: v.firstResponseMinutes as number, resolutionMinutes: v.resolutionMinutes as number };
  }
  return result;
}

export function buildAppConfig(env: AppEnv): AppConfig {
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const database: AppConfig['database'] = env.DATABASE_URL
    ? { kind: 'mysql', url: env.DATABASE_URL }
    : { kind: 'sqlite', file: join(dataDir, 'jws.sqlite') };
  // Demo mode: the embedded database, or DEMO=1; never in production (schema refuses it).
  const demo = env.NODE_ENV !== 'production' && (env.DEMO || database.kind === 'sqlite');
  const jwtSecret =
    env.JWT_SECRET ?? secretFromDataDir(dataDir, 'jwt.secret', () => randomBytes(48).toString('base64'));
  const keyB64 =
    env.DATA_ENCRYPTION_KEY ?? secretFromDataDir(dataDir, 'data.key', () => randomBytes(32).toString('base64'));
  const dataEncryptionKey = Buffer.from(keyB64, 'base64');
  if (dataEncryptionKey.length !== 32) {
    throw new Error('Invalid configuration:\n  - DATA_ENCRYPTION_KEY must be 32 bytes encoded as base64');
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    dataDir,
    database,
    demo,
    jwtSecret,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    dataEncryptionKey,
    wechat: {
      appId: env.WECHAT_APP_ID ?? 'wx-demo-appid',
      appSecret: env.WECHAT_APP_SECRET ?? 'demo-app-secret',
      baseUrl: env.WECHAT_API_BASE_URL,
    },
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    communityInviteTtlDays: env.COMMUNITY_INVITE_TTL_DAYS,
    staffInviteTtlHours: env.STAFF_INVITE_TTL_HOURS,
    caseDeadlines: parseCaseDeadlines(env.CASE_DEADLINES),
    escalationStepMinutes: env.ESCALATION_STEP_MINUTES,
    workerIntervalMs: env.WORKER_INTERVAL_MS,
    wechatTemplateCaseUpdate: env.WECHAT_TEMPLATE_CASE_UPDATE,
    wechatTemplateBulletin: env.WECHAT_TEMPLATE_BULLETIN,
    rateLimitScale: env.RATE_LIMIT_SCALE,
    h5Dir: resolve(env.H5_DIR ?? join(__dirname, '..', '..', '..', 'miniprogram', 'dist', 'h5')),
    logLevel: env.LOG_LEVEL,
    logFile: env.LOG_FILE ?? null,
    trustProxy: env.TRUST_PROXY,
    hotline12345: {
      baseUrl: env.HOTLINE12345_BASE_URL?.replace(/\/+$/, '') ?? null,
      token: env.HOTLINE12345_TOKEN ?? 'demo-12345-token',
      webhookSecret: env.HOTLINE12345_WEBHOOK_SECRET ?? 'demo-12345-webhook-secret',
      callbackUrl: env.HOTLINE12345_CALLBACK_URL ?? `http://localhost:${env.PORT}/api/integrations/12345/webhook`,
      reconcileMinutes: env.HOTLINE12345_RECONCILE_MINUTES,
    },
    governanceReportUrl: env.GOVERNANCE_REPORT_URL ?? null,
    referralDue: { receiptHours: env.REFERRAL_RECEIPT_HOURS, replyHours: env.REFERRAL_REPLY_HOURS },
    referralPileup: { threshold: env.REFERRAL_PILEUP_THRESHOLD, periodDays: env.REFERRAL_PILEUP_PERIOD_DAYS },
    wanshitong: env.WANSHITONG_APP_ID ? { appId: env.WANSHITONG_APP_ID, path: env.WANSHITONG_PATH } : null,
    redisUrl: env.REDIS_URL ?? null,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    callerCacheTtlMs: env.CALLER_CACHE_TTL_MS,
    roomNoticeWindowMs: env.ROOM_NOTICE_WINDOW_MS,
    wsHeartbeatMs: env.WS_HEARTBEAT_MS,
  };
}
