import { BulletinFigures, ErrorCode, WechatGroupView } from '@jws/contracts';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, startTestApp, TestApp } from './test-app';

/**
 * Share cards and the real WeChat group (docs/bulletins.md) against the fake WeChat server: an
 * officer shares a bulletin, members open the card in the WeChat group, the service decrypts the
 * share info with their stored session_key to the group's openGId, and the officer binds that
 * WeChat group to their community's group; opens from it then count as the group's reads.
 */
describe('binding the real WeChat group from share cards (MariaDB, fake WeChat)', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'jws-share-logs-'));
  const logFile = join(dir, 'service.log');
  const tokens: Record<string, string> = {};
  /** Every response body the test saw, to check no session_key ever leaves the service. */
  const seen: string[] = [];
  const as = (who: string) => bearer(tokens[who]);
  const idOf = async (sql: string, args: unknown[]) => Number((await t.dataSource.query(sql, args))[0].id);
  const groupId = (name: string) => idOf('SELECT id FROM police_groups WHERE name = ?', [name]);
  const keep = <T extends { text: string }>(res: T): T => (seen.push(res.text), res);
  const member = async (openid: string, inviteCode: string) => {
    const login = keep(await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode(openid) }).expect(200));
    tokens[openid] = login.body.accessToken as string;
    keep(await t.http.post('/api/communities/join-by-code').set(as(openid)).send({ code: inviteCode }).expect(200));
  };
  const open = async (who: string, bulletinId: number, card: { encryptedData: string; iv: string }, shareId?: number) =>
    keep(await t.http.post(`/api/bulletins/${bulletinId}/opens`).set(as(who)).send({ encryptedData: card.encryptedData, iv: card.iv, ...(shareId ? { shareId } : {}) }));
  const card = (openid: string, wechatGroup: string, appid?: string) => t.fake.state.shares.shareInfo(openid, wechatGroup, appid)!;
  const deniedAudits = async (targetType: string, targetId: number) =>
    Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = ? AND target_id = ?", [targetType, String(targetId)]))[0].n);
  const figures = async (bulletinId: number): Promise<BulletinFigures> =>
    keep(await t.http.get(`/api/bulletins/${bulletinId}/figures`).set(as('officer1')).expect(200)).body;
  const pending = async (who: string): Promise<WechatGroupView[]> =>
    keep(await t.http.get('/api/wechat-groups?status=pending').set(as(who)).expect(200)).body;

  let bulletinId: number;
  let shengli: number;
  /** The WeChat group this test's cards placed (the demo has one of its own pending for officer1). */
  let placed: WechatGroupView;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug', LOG_FILE: logFile });
    for (const u of ['officer1', 'officer3', 'station_leader1', 'station_leader2', 'resident1']) tokens[u] = await t.login(u);
    shengli = await groupId('胜利社区警民议事群');
    // The demo's latest push into 胜利社区's group.
    bulletinId = await idOf('SELECT bulletin_id AS id FROM bulletin_pushes WHERE group_id = ? ORDER BY pushed_at DESC LIMIT 1', [shengli]);
    const communityId = await idOf("SELECT id FROM org_units WHERE name = '胜利社区'", []);
    const code = (await t.http.post(`/api/communities/${communityId}/invites`).set(as('officer1')).expect(201)).body.code as string;
    await member('openid-share-a', code);
    await member('openid-share-b', code);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decrypts a member’s open of the officer’s card to the WeChat group, lists it pending for the officer, and counts shares and opens', async () => {
    const demoPending = (await pending('officer1')).map((g) => g.id);
    const share = keep(await t.http.post(`/api/bulletins/${bulletinId}/shares`).set(as('officer1')).expect(200)).body as { shareId: number; path: string };
    expect(share.path).toBe(`pages/bulletin/index?id=${bulletinId}&share=${share.shareId}`);

    expect((await open('openid-share-a', bulletinId, card('openid-share-a', '胜利社区微信群'), share.shareId)).body).toEqual({ counted: true, bound: false });
    // Opening the card again counts nothing more.
    await open('openid-share-a', bulletinId, card('openid-share-a', '胜利社区微信群'), share.shareId).then((r) => expect(r.status).toBe(200));

    const mine = (await pending('officer1')).filter((g) => !demoPending.includes(g.id));
    expect(mine).toHaveLength(1);
    placed = mine[0];
    const title = (await t.http.get(`/api/bulletins/${bulletinId}`).set(as('officer1')).expect(200)).body.title as string;
    expect(placed).toMatchObject({ status: 'pending', groupId: null, sharedByName: expect.any(String), openers: 1, firstBulletinTitle: title });
    // Leaders over the officer see it; another station's officer and leader do not.
    expect((await pending('station_leader1')).map((g) => g.id)).toContain(placed.id);
    expect(await pending('officer3')).toEqual([]);
    expect(await pending('station_leader2')).toEqual([]);

    const f = await figures(bulletinId);
    expect(f).toMatchObject({ shares: 1, cardOpens: 1 });
    // Not bound yet: no group has card opens.
    expect(f.groups.find((g) => g.groupId === shengli)?.cardOpens).toBe(0);
  });

  it('binds the WeChat group to the officer’s own community only: another officer’s community or WeChat group is 404 on record; bound once', async () => {
    const wechatGroup = placed;
    const yuwang = await groupId('禹王社区警民议事群');
    const bind = (who: string, id: number, group: number) => t.http.post(`/api/wechat-groups/${id}/binding`).set(as(who)).send({ groupId: group });

    const before = await deniedAudits('group', yuwang);
    expect((await bind('officer1', wechatGroup.id, yuwang)).status).toBe(404);
    expect(await deniedAudits('group', yuwang)).toBe(before + 1);
    const beforeOther = await deniedAudits('wechat_group', wechatGroup.id);
    expect((await bind('officer3', wechatGroup.id, yuwang)).status).toBe(404);
    expect((await bind('station_leader2', wechatGroup.id, yuwang)).status).toBe(404);
    expect(await deniedAudits('wechat_group', wechatGroup.id)).toBe(beforeOther + 2);
    expect((await bind('officer1', wechatGroup.id, 999_999)).status).toBe(404);

    const bound = keep(await bind('officer1', wechatGroup.id, shengli).expect(200)).body as WechatGroupView;
    expect(bound).toMatchObject({ id: wechatGroup.id, status: 'bound', groupId: shengli, groupName: '胜利社区警民议事群' });
    const audit = await t.dataSource.query("SELECT detail FROM audit_entries WHERE action = 'wechat_group.bound' AND target_id = ?", [String(wechatGroup.id)]);
    expect(audit).toHaveLength(1);
    expect((await pending('officer1')).map((g) => g.id)).not.toContain(wechatGroup.id);
    const again = await bind('station_leader1', wechatGroup.id, shengli);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(ErrorCode.WechatGroupAlreadyBound);
    // The group has its WeChat group now: a second WeChat group cannot be bound to it.
    const share = (await t.http.post(`/api/bulletins/${bulletinId}/shares`).set(as('officer1')).expect(200)).body.shareId as number;
    await open('openid-share-a', bulletinId, card('openid-share-a', '纬四路社区微信群'), share).then((r) => expect(r.body.bound).toBe(false));
    const other = (await pending('officer1')).find((g) => g.id !== wechatGroup.id && g.openers === 1 && g.firstBulletinTitle === wechatGroup.firstBulletinTitle)!;
    expect((await bind('officer1', other.id, shengli)).body.code).toBe(ErrorCode.WechatGroupAlreadyBound);
  });

  it('has the demo’s share cards: 纬四路’s WeChat group bound, 胜利’s waiting for officer1', async () => {
    const shared = await idOf("SELECT b.id FROM bulletins b JOIN bulletin_versions v ON v.id = b.version_id WHERE v.title = '高空抛物不是小事，伤人要担刑责'", []);
    const f = await figures(shared);
    expect(f).toMatchObject({ shares: 2, cardOpens: 3 });
    const weisi = f.groups.find((g) => g.groupName === '纬四路社区警民议事群')!;
    expect(weisi.cardOpens).toBe(1);
    expect(weisi.readers).toBeGreaterThanOrEqual(1);
    expect((await pending('officer1')).find((g) => g.firstBulletinTitle === '高空抛物不是小事，伤人要担刑责')).toMatchObject({ openers: 2, groupId: null });
  });

  it('counts opens from the bound WeChat group as the group’s reads', async () => {
    const before = (await figures(bulletinId)).groups.find((g) => g.groupId === shengli)!;
    expect(before.cardOpens).toBe(1);
    expect((await open('openid-share-b', bulletinId, card('openid-share-b', '胜利社区微信群'))).body).toEqual({ counted: true, bound: true });
    const after = await figures(bulletinId);
    const group = after.groups.find((g) => g.groupId === shengli)!;
    expect(group.cardOpens).toBe(2);
    expect(group.readers).toBe(before.readers + 1);
    expect(after.cardOpens).toBe(3);
  });

  it('asks for a new sign-in when the share info was made for an older session_key, and refuses another mini program’s', async () => {
    const old = card('openid-share-b', '胜利社区微信群');
    await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-share-b') }).expect(200)
      .then((r) => { tokens['openid-share-b'] = r.body.accessToken; seen.push(r.text); });
    const stale = await open('openid-share-b', bulletinId, old);
    expect(stale.status).toBe(400);
    expect(stale.body).toMatchObject({ code: ErrorCode.WechatSessionStale, message: '登录信息已过期，请重新登录后再打开' });
    expect((await open('openid-share-b', bulletinId, card('openid-share-b', '胜利社区微信群'))).status).toBe(200);
    expect((await open('openid-share-b', bulletinId, card('openid-share-b', '胜利社区微信群', 'wx-another-app'))).body.code).toBe(ErrorCode.ShareInfoInvalid);
    // A demo sign-in has no session_key at all.
    expect((await open('resident1', bulletinId, card('openid-share-b', '胜利社区微信群'))).body.code).toBe(ErrorCode.WechatSessionStale);
  });

  it('refuses opens and shares of a bulletin the caller cannot read (404 on record)', async () => {
    const awayBulletin = await idOf('SELECT bulletin_id AS id FROM bulletin_pushes WHERE group_id = ? ORDER BY pushed_at DESC LIMIT 1', [await groupId('禹王社区警民议事群')]);
    const before = await deniedAudits('bulletin', awayBulletin);
    expect((await open('openid-share-a', awayBulletin, card('openid-share-a', '禹王社区微信群'))).status).toBe(404);
    expect((await t.http.post(`/api/bulletins/${awayBulletin}/shares`).set(as('officer1'))).status).toBe(404);
    expect(await deniedAudits('bulletin', awayBulletin)).toBe(before + 2);
  });

  it('never sends or logs a session_key', async () => {
    const keys = ['openid-share-a', 'openid-share-b'].map((o) => t.fake.state.shares.sessionKey(o)!);
    expect(keys.every(Boolean)).toBe(true);
    const deadline = Date.now() + 5_000;
    const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    while (!log().includes('/wechat-groups') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(log()).toContain('/opens');
    for (const key of keys) {
      expect(seen.join('\n')).not.toContain(key);
      expect(log()).not.toContain(key);
    }
  });
});
