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
  logLevel: string;
  trustProxy: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function secretFromDataDir(dataDir: string, file: string, make: () => string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const value = make();
  writeFileSync(path, value + '\n', { mode: 0o600 });
  return value;
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
    h5Dir: resolve(env.H5_DIR ?? join(__dirname, '..', '..', '..', 'miniprogram', 'dist', 'h5')),
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
  };
}
