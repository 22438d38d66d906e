import { validateEnv } from './env.validation';

describe('configuration', () => {
  it('runs with no configuration at all outside production (embedded SQLite, demo)', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('refuses to start in production on SQLite or without secrets, naming each missing variable', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL[\s\S]*JWT_SECRET[\s\S]*DATA_ENCRYPTION_KEY[\s\S]*WECHAT_APP_ID[\s\S]*WECHAT_APP_SECRET/,
    );
  });

  it('refuses demo mode in production', () => {
    expect(() =>
      validateEnv({
        NODE_ENV: 'production', DEMO: '1', DATABASE_URL: 'mysql://u@h/db', JWT_SECRET: 'x'.repeat(40),
        DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's',
      }),
    ).toThrow(/DEMO/);
  });

  it('refuses a non-MySQL DATABASE_URL', () => {
    expect(() => validateEnv({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL must start with mysql/);
  });

  it('keeps audit retention at 180 days or more', () => {
    expect(() => validateEnv({ AUDIT_RETENTION_DAYS: '30' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });
});
