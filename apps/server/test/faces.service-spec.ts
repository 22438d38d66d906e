import { ErrorCode, OrgLevel, Role } from '@jws/contracts';
import { Accounts } from '../src/identity';
import { OrgUnits } from '../src/org';
import { factories } from './factories';
import { startTestApp, TestApp } from './test-app';

/** What identity's and org's faces give other features to read accounts and org units (docs/architecture.md). */
describe('the identity and org faces other features read through (MariaDB)', () => {
  let t: TestApp;
  const { userId, communityId } = factories(() => t);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('OrgUnits finds units by id, communities only as communities, levels in tree order, and active members', async () => {
    const units = t.app.get(OrgUnits);
    const [shengli, tianqiao, yanan] = [await communityId('胜利社区'), await communityId('天桥派出所'), await communityId('延安社区')];
    expect((await units.find(tianqiao))?.level).toBe(OrgLevel.Station);
    expect((await units.community(shengli))?.name).toBe('胜利社区');
    expect(await units.community(tianqiao)).toBeNull();
    expect(await units.find(999_999)).toBeNull();
    const many = await units.findMany([shengli, yanan, shengli, 999_999]);
    expect([...many.keys()].sort((a, b) => a - b)).toEqual([shengli, yanan].sort((a, b) => a - b));
    expect(many.get(yanan)?.name).toBe('延安社区');
    expect((await units.atLevels([OrgLevel.City, OrgLevel.Branch])).map((u) => u.name)).toEqual(['蚌埠市公安局', '蚌山分局', '怀远县公安局']);
    expect(await units.isActiveMember(await userId('resident1'), shengli)).toBe(true);
    expect(await units.isActiveMember(await userId('resident2'), shengli)).toBe(false);
    expect(await units.isActiveMember(await userId('resident1'), yanan)).toBe(false);
  });

  it('Accounts reads users by id, by role and as the staff of a unit, and ends their tokens when the informant flag changes', async () => {
    const accounts = t.app.get(Accounts);
    const [officer1, officer4, resident2] = [await userId('officer1'), await userId('officer4'), await userId('resident2')];
    expect((await accounts.find(officer1))?.nickname).toBe('王建国');
    expect(await accounts.find(999_999)).toBeNull();
    const many = await accounts.findMany([officer1, resident2, 999_999]);
    expect([...many.values()].map((u) => u.nickname).sort()).toEqual(['刘先生', '王建国'].sort());
    expect((await accounts.withRole(Role.CityLeader)).map((u) => u.username)).toEqual(['city_leader1']);
    const tianqiao = await communityId('天桥派出所');
    expect((await accounts.staffOf(tianqiao, Role.CommunityOfficer)).map((u) => u.id)).toEqual([officer1, officer4]);
    expect((await accounts.staffOf(tianqiao, Role.Mediator)).map((u) => u.username)).toEqual(['mediator1']);

    const token = await t.login('resident2');
    await t.http.get('/api/me').set({ Authorization: `Bearer ${token}` }).expect(200);
    await accounts.setInformant(resident2, true);
    expect((await accounts.find(resident2))?.isInformant).toBe(true);
    // The access token held before the change is over: the app refreshes and gets the new roles.
    expect((await t.http.get('/api/me').set({ Authorization: `Bearer ${token}` }).expect(401)).body.code).toBe(ErrorCode.TokenExpired);
  });
});
