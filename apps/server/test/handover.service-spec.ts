import { NotificationLink } from '@jws/contracts';
import { bearer, startTestApp, TestApp } from './test-app';

/** 民警交接 seen by the people it touches: the members are told, the community keeps the history. */
describe('community handover: members told, history kept (MariaDB)', () => {
  let t: TestApp;
  let weisiluId: number;
  const userId = async (username: string): Promise<number> =>
    (await t.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id;
  beforeAll(async () => {
    t = await startTestApp();
    [{ id: weisiluId }] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '纬四路社区'");
  });
  afterAll(() => t.close());

  it('tells the community’s active members who their new officer is, and nobody else', async () => {
    const [resident1, resident2, officer4] = [await userId('resident1'), await userId('resident2'), await userId('officer4')];
    // resident1 also joins 纬四路社区; resident2 only asked (pending): not a member yet.
    await t.dataSource.query(
      "INSERT INTO memberships (user_id, community_id, member_type, status, joined_at, created_at) VALUES (?, ?, 'resident', 'active', NOW(), NOW()), (?, ?, 'resident', 'pending', NULL, NOW())",
      [resident1, weisiluId, resident2, weisiluId],
    );
    const leader = await t.login('station_leader1');
    await t.http.post(`/api/communities/${weisiluId}/handover`).set(bearer(leader))
      .send({ newOfficerId: officer4, reason: '王建国调任巡逻大队' }).expect(200);

    const notices = async (username: string) =>
      (await t.http.get('/api/notifications').set(bearer(await t.login(username))).expect(200)).body.items as { title: string; body: string; link: string | null }[];
    const told = (await notices('resident1')).filter((n) => n.title === '社区民警已更换');
    expect(told).toHaveLength(1);
    expect(told[0].body).toBe('纬四路社区的社区民警现为赵立新，工作电话0552-2011004，有事可在首页联系。');
    expect(told[0].link).toBe(NotificationLink.Home);
    expect((await notices('resident2')).filter((n) => n.title === '社区民警已更换')).toEqual([]);

    const mine = (await t.http.get('/api/me/memberships').set(bearer(await t.login('resident1'))).expect(200)).body as { communityName: string; officer: { name: string } }[];
    expect(mine.find((m) => m.communityName === '纬四路社区')!.officer.name).toBe('赵立新');
  });

  it('shows the history of the community’s officers, newest first, to police over it only', async () => {
    const leader = await t.login('station_leader1');
    await t.http.post(`/api/communities/${weisiluId}/handover`).set(bearer(leader))
      .send({ newOfficerId: await userId('officer1'), reason: '王建国回到原岗位' }).expect(200);

    const history = await t.http.get(`/api/communities/${weisiluId}/handovers`).set(bearer(await t.login('officer1'))).expect(200);
    expect(history.body.map((h: Record<string, unknown>) => ({ ...h, id: 0, at: 0 }))).toEqual([
      { id: 0, at: 0, fromOfficer: '赵立新', toOfficer: '王建国', by: '天桥所 郑副所长', reason: '王建国回到原岗位' },
      { id: 0, at: 0, fromOfficer: '王建国', toOfficer: '赵立新', by: '天桥所 郑副所长', reason: '王建国调任巡逻大队' },
    ]);
    expect(Number.isNaN(Date.parse(history.body[0].at))).toBe(false);

    // Its former officer and another station's officer: not found (no hint it exists); a resident: forbidden.
    await t.http.get(`/api/communities/${weisiluId}/handovers`).set(bearer(await t.login('officer3'))).expect(404);
    await t.http.get(`/api/communities/${weisiluId}/handovers`).set(bearer(await t.login('officer4'))).expect(404);
    await t.http.get(`/api/communities/${weisiluId}/handovers`).set(bearer(await t.login('resident1'))).expect(403);
    // A community with no handover has an empty history.
    const [{ id: shengliId }] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '胜利社区'");
    expect((await t.http.get(`/api/communities/${shengliId}/handovers`).set(bearer(leader)).expect(200)).body).toEqual([]);
  });
});
