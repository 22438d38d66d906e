import { Anonymity, blocksFromText, CaseKind, ContactPreference, ErrorCode, NotificationLink, RewardView } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, TestApp } from './test-app';

/**
 * 一事一奖 and the 正气 naming consent (docs/rewards.md) on MariaDB: one reward per deed (also when
 * ten officers race), approve/refuse by the station leader in scope, the resident told and seeing
 * it, and 某居民 until the resident agrees.
 */
describe('rewards: 一事一奖 and 正气 naming (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (username: string) => bearer(tokens[username]);
  const report = async (title: string, anonymity = Anonymity.None): Promise<number> =>
    (await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send({
      kind: CaseKind.Hazard, subcategory: 'fire', title, description: `${title}，请民警处理`, contactPreference: ContactPreference.InApp, anonymity, addressText: '5栋',
    }).expect(201)).body.id as number;
  const propose = (who: string, body: object) => t.http.post('/api/rewards').set(as(who)).send(body);
  const letter = (caseId: number) => ({ caseId, kind: 'spiritual', form: '表扬信', deed: '及时上报楼道电线老化隐患，避免了一起火灾' });
  const decide = (who: string, id: number, body: object) => t.http.post(`/api/rewards/${id}/decision`).set(as(who)).send(body);
  const denied = async (type: string, id: number): Promise<number> =>
    Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = ? AND target_id = ?", [type, String(id)]))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'resident2', 'officer1', 'officer3', 'station_leader1', 'station_leader2', 'branch_leader1']) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('one deed gets one reward: a second proposal is 409 REWARD_DEED_TAKEN, and of ten racing exactly one is made', async () => {
    const caseId = await report('楼道电线老化');
    const first = await propose('officer1', letter(caseId)).expect(201);
    expect(first.body).toMatchObject({ status: 'proposed', residentName: '张阿姨', deedType: 'case', caseId });
    const again = await propose('station_leader1', { ...letter(caseId), form: '荣誉证书' }).expect(409);
    expect(again.body.code).toBe(ErrorCode.RewardDeedTaken);
    expect(again.body.message).toContain('一事一奖');

    const raced = await report('消防通道被占');
    const answers = await Promise.all(Array.from({ length: 10 }, () => propose('officer1', letter(raced))));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409 && r.body.code === ErrorCode.RewardDeedTaken)).toHaveLength(9);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM rewards WHERE case_id = ?', [raced]))[0].n)).toBe(1);
  });

  it('refuses bad amounts, forms and deeds with a coded 400 and writes nothing', async () => {
    const caseId = await report('电动车楼道充电');
    const material = { caseId, kind: 'material', form: '奖金', deed: '劝阻楼道充电' };
    for (const [body, detail] of [
      [material, '请填写奖励金额（元）'],
      [{ ...material, amountYuan: 0 }, '奖励金额应在0.01至5000元之间'],
      [{ ...material, amountYuan: 5000.01 }, '奖励金额应在0.01至5000元之间'],
      [{ ...material, amountYuan: 12.345 }, '奖励金额最多保留两位小数'],
      [{ ...letter(caseId), amountYuan: 100 }, '精神奖励不填写金额'],
      [{ ...material, form: '表扬信', amountYuan: 100 }, '奖励形式应为：奖金、奖品'],
    ] as const) {
      const res = await propose('officer1', body).expect(400);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
      expect(res.body.details).toContain(detail);
    }
    expect((await propose('officer1', { ...material, amountYuan: 'lots' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await propose('officer1', letter(await report('匿名举报', Anonymity.Others))).expect(400)).body.code).toBe(ErrorCode.RewardDeedInvalid);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM rewards WHERE case_id = ?', [caseId]))[0].n)).toBe(0);
    const made = await propose('officer1', { ...material, amountYuan: 200.5 }).expect(201);
    expect(made.body).toMatchObject({ kind: 'material', form: '奖金', amountYuan: 200.5 });
  });

  it('the station leader in scope approves; the resident is told and sees it; others get 404 (on record) or 403', async () => {
    const caseId = await report('小区围墙破损');
    const id = (await propose('officer1', letter(caseId)).expect(201)).body.id as number;
    // Out of scope: another jurisdiction's officer and station leader (404, audited); a branch leader may not decide (403).
    expect((await propose('officer3', letter(caseId)).expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect(await denied('case', caseId)).toBeGreaterThan(0);
    await decide('station_leader2', id, { decision: 'approve' }).expect(404);
    expect(await denied('reward', id)).toBe(1);
    await decide('branch_leader1', id, { decision: 'approve' }).expect(403);
    // A proposal is the station's business: the resident does not see it yet.
    await t.http.get(`/api/rewards/${id}`).set(as('resident1')).expect(404);

    const approved = await decide('station_leader1', id, { decision: 'approve' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedByName: '天桥所 郑副所长', naming: null });
    expect((await decide('station_leader1', id, { decision: 'refuse', reason: '重复' }).expect(409)).body.code).toBe(ErrorCode.RewardDecided);

    const notices = (await t.http.get('/api/notifications').set(as('resident1')).expect(200)).body.items as { title: string; body: string; link: string }[];
    expect(notices.find((n) => n.title === '您获得一事一奖')).toMatchObject({ link: NotificationLink.Rewards, body: expect.stringContaining('表扬信') });
    const mine = (await t.http.get('/api/rewards/mine').set(as('resident1')).expect(200)).body.items as RewardView[];
    expect(mine.map((r) => r.id)).toContain(id);
    expect((await t.http.get('/api/rewards/mine').set(as('resident2')).expect(200)).body.items.map((r: RewardView) => r.id)).not.toContain(id);
    await t.http.get(`/api/rewards/${id}`).set(as('resident1')).expect(200);
    await t.http.get(`/api/rewards/${id}`).set(as('resident2')).expect(404);
    // A case deed has no 正气 bulletin to be named in.
    expect((await t.http.post(`/api/rewards/${id}/naming`).set(as('resident1')).send({ agree: true }).expect(409)).body.code).toBe(ErrorCode.NamingNotOffered);
  });

  it('a refusal needs a reason, tells the proposer and frees the deed', async () => {
    const caseId = await report('井盖松动');
    const id = (await propose('officer1', letter(caseId)).expect(201)).body.id as number;
    expect((await decide('station_leader1', id, { decision: 'refuse' }).expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    const refused = await decide('station_leader1', id, { decision: 'refuse', reason: '事迹材料不足' }).expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: '事迹材料不足' });
    const notices = (await t.http.get('/api/notifications').set(as('officer1')).expect(200)).body.items as { title: string; body: string }[];
    expect(notices.find((n) => n.title === '一事一奖未通过')?.body).toContain('事迹材料不足');
    const listed = (await t.http.get('/api/rewards?status=refused').set(as('station_leader1')).expect(200)).body.items as RewardView[];
    expect(listed.map((r) => r.id)).toContain(id);
    await propose('officer1', letter(caseId)).expect(201);
  });

  describe('正气 naming', () => {
    let bulletinId: number;
    let rewardId: number;
    const feedTitle = async (): Promise<string> =>
      ((await t.http.get('/api/bulletins/feed?kind=positive').set(as('resident1')).expect(200)).body.items as { id: number; title: string }[]).find((b) => b.id === bulletinId)?.title ?? '';
    const detailText = async (): Promise<string> => {
      const d = (await t.http.get(`/api/bulletins/${bulletinId}`).set(as('resident1')).expect(200)).body;
      return `${d.title} ${JSON.stringify(d.body)}`;
    };

    beforeAll(async () => {
      const groupId = Number((await t.dataSource.query("SELECT g.id FROM police_groups g JOIN org_units c ON c.id = g.community_id WHERE c.name = '胜利社区'"))[0].id);
      const made = await t.http.post('/api/bulletins').set(as('officer1')).send({
        kind: 'positive', title: '某居民扶起摔倒老人', body: blocksFromText('胜利社区某居民在菜市场扶起摔倒的老人，并陪同就医。为某居民点赞！'),
      }).expect(201);
      bulletinId = made.body.id;
      await t.http.post(`/api/bulletins/${bulletinId}/submit`).set(as('officer1')).expect(200);
      await t.http.post(`/api/bulletins/${bulletinId}/review`).set(as('station_leader1')).send({ decision: 'approve' }).expect(200);
      await t.http.post(`/api/bulletins/${bulletinId}/pushes`).set(as('officer1')).send({ groupIds: [groupId] }).expect(200);
    });

    it('reads 某居民 until the resident agrees, in the feed and the detail; their name after; 某居民 again if they decline', async () => {
      const resident1 = Number((await t.dataSource.query("SELECT id FROM users WHERE username = 'resident1'"))[0].id);
      const residentAway = Number((await t.dataSource.query("SELECT m.user_id AS id FROM memberships m JOIN org_units c ON c.id = m.community_id WHERE c.name = '禹王社区' AND m.status = 'active' LIMIT 1"))[0]?.id ?? 0);
      const body = { bulletinId, kind: 'spiritual', form: '荣誉证书', deed: '扶起摔倒老人并陪同就医' };
      if (residentAway) await propose('officer1', { ...body, residentId: residentAway }).expect(404);
      rewardId = (await propose('officer1', { ...body, residentId: resident1 }).expect(201)).body.id;
      expect(await feedTitle()).toBe('某居民扶起摔倒老人');

      const approved = (await decide('station_leader1', rewardId, { decision: 'approve' }).expect(200)).body as RewardView;
      expect(approved.naming).toBe('pending');
      const notices = (await t.http.get('/api/notifications').set(as('resident1')).expect(200)).body.items as { title: string; body: string }[];
      expect(notices.find((n) => n.title === '您获得一事一奖' && n.body.includes('扶起'))?.body).toContain('是否同意具名');
      // Approved, asked, not yet agreed: still 某居民 everywhere.
      expect(await feedTitle()).toBe('某居民扶起摔倒老人');
      expect(await detailText()).not.toContain('张阿姨');
      // Only the rewarded resident answers.
      await t.http.post(`/api/rewards/${rewardId}/naming`).set(as('resident2')).send({ agree: true }).expect(404);
      expect(await feedTitle()).toBe('某居民扶起摔倒老人');

      const agreed = (await t.http.post(`/api/rewards/${rewardId}/naming`).set(as('resident1')).send({ agree: true }).expect(200)).body as RewardView;
      expect(agreed).toMatchObject({ naming: 'agreed', bulletinTitle: '张阿姨扶起摔倒老人' });
      expect(await feedTitle()).toBe('张阿姨扶起摔倒老人');
      expect(await detailText()).toContain('为张阿姨点赞');
      // The stored text never holds the name.
      const stored = await t.dataSource.query('SELECT v.title, v.body FROM bulletin_versions v WHERE v.bulletin_id = ?', [bulletinId]);
      expect(JSON.stringify(stored)).not.toContain('张阿姨');

      await t.http.post(`/api/rewards/${rewardId}/naming`).set(as('resident1')).send({ agree: false }).expect(200);
      expect(await feedTitle()).toBe('某居民扶起摔倒老人');
      expect(await detailText()).not.toContain('张阿姨');
      const audited = await t.dataSource.query("SELECT detail FROM audit_entries WHERE action = 'reward.naming_consent' AND target_id = ? ORDER BY id", [String(rewardId)]);
      expect(audited.map((r: { detail: string }) => r.detail)).toEqual(['agreed', 'declined']);
    });

    it('one reward per 正气 bulletin too', async () => {
      const resident1 = Number((await t.dataSource.query("SELECT id FROM users WHERE username = 'resident1'"))[0].id);
      const res = await propose('station_leader1', { bulletinId, residentId: resident1, kind: 'material', form: '奖品', amountYuan: 50, deed: '再奖一次' }).expect(409);
      expect(res.body.code).toBe(ErrorCode.RewardDeedTaken);
    });
  });
});
