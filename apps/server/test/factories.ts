import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../src/config/app-config';
import { bearer, TestApp } from './test-app';

/**
 * Shared test factories over a started test app (test-app.ts), instead of the helpers each file
 * used to copy: signing in as demo users, their ids, communities by name, a report, a first-time
 * WeChat resident, a staff account of one's own. `app` is read lazily, so a describe block can
 * take its factories before `beforeAll` starts the app:
 *
 *     let t: TestApp;
 *     const tokens: Record<string, string> = {};
 *     const { as, userId, signIn } = factories(() => t, tokens);
 */
export function factories(app: () => TestApp, tokens: Record<string, string> = {}) {
  const as = (username: string) => bearer(tokens[username]);
  return {
    tokens,
    /** The Authorization header of a demo user signed in with `signIn` (or whose token is in `tokens`). */
    as,
    /** Signs demo users in (POST /api/auth/dev-login); their tokens go to `tokens`. */
    async signIn(...usernames: string[]): Promise<void> {
      for (const u of usernames) tokens[u] = await app().login(u);
    },
    /** The id of the user with this (demo) username. */
    async userId(username: string): Promise<number> {
      const rows: { id: number | string }[] = await app().dataSource.query('SELECT id FROM users WHERE username = ?', [username]);
      if (!rows.length) throw new Error(`no user ${username}`);
      return Number(rows[0].id);
    },
    /** The id of the org unit (community, station …) with this name. */
    async communityId(name: string): Promise<number> {
      const rows: { id: number | string }[] = await app().dataSource.query('SELECT id FROM org_units WHERE name = ?', [name]);
      if (!rows.length) throw new Error(`no org unit ${name}`);
      return Number(rows[0].id);
    },
    /** Reports a case as `username` (POST /api/cases with an Idempotency-Key); the response, unchecked. */
    report(username: string, body: Record<string, unknown>, key: string = randomUUID()) {
      return app().http.post('/api/cases').set(as(username)).set('Idempotency-Key', key).send(body);
    },
    /** A first-time WeChat user (a resident in no community) who accepted `subscriptions` subscribe messages; their access token. */
    async wechatResident(openid: string, subscriptions = 0): Promise<string> {
      const t = app();
      const wx = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode(openid) }).expect(200);
      if (subscriptions) t.fake.state.grantSubscription(openid, t.app.get<AppConfig>(APP_CONFIG).wechatTemplateCaseUpdate, subscriptions);
      return wx.body.accessToken as string;
    },
    /** A new staff account with a demo username (signed in: its token goes to `tokens`); its id. */
    async staffUser(username: string, nickname: string, role: string): Promise<number> {
      const res = await app().dataSource.query(
        'INSERT INTO users (nickname, role, username, is_informant, disabled, created_at) VALUES (?, ?, ?, 0, 0, NOW(3))', [nickname, role, username],
      );
      tokens[username] = await app().login(username);
      return Number(res.insertId);
    },
  };
}
