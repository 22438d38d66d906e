import { GroupKind, MemberType, OrgLevel, Role } from '@jws/contracts';
import { ensureDemoPartner } from '../open311';
import { DemoSeedRepository, DemoUnit, DemoUser } from './data/demo-seed.repository';

/** The demo invite code for 胜利社区, printed at start-up and used in the README. */
export const DEMO_INVITE_CODE = 'SHENGLI2026';
/** A user only the demo city has: the demo's reports, referrals and rooms are made on its behalf. */
export const DEMO_MARKER_USER = 'resident1';

/**
 * Demo data, loaded once into an empty database: 蚌埠市公安局 with two branches, three stations,
 * six communities (each with its group and officer), two enterprise groups, and one user of every role.
 */
export async function seedDemo(seed: DemoSeedRepository): Promise<boolean> {
  if (!(await seed.isEmpty())) return false;
  await seed.seed(async (w) => {
    const unit = (name: string, level: OrgLevel, parent: DemoUnit | null, officerId: number | null = null) => w.unit(name, level, parent, officerId);
    const city = await unit('蚌埠市公安局', OrgLevel.City, null);
    const bengshan = await unit('蚌山分局', OrgLevel.Branch, city);
    const huaiyuan = await unit('怀远县公安局', OrgLevel.Branch, city);
    const tianqiao = await unit('天桥派出所', OrgLevel.Station, bengshan);
    const tushanlu = await unit('涂山路派出所', OrgLevel.Station, bengshan);
    const chengguan = await unit('城关派出所', OrgLevel.Station, huaiyuan);
    // Where residents find their station (办事指引 shows it under every 派出所 route); demo values.
    const stationContacts: [DemoUnit, string, string][] = [
      [tianqiao, '蚌山区天桥路18号（演示地址）', '0552-2010110'],
      [tushanlu, '蚌山区涂山路66号（演示地址）', '0552-2020110'],
      [chengguan, '怀远县城关镇禹王路9号（演示地址）', '0552-8010110'],
    ];
    for (const [station, address, phone] of stationContacts) await w.stationContact(station.id, address, phone);

    const user = (u: DemoUser) => w.user(u);

    await user({ username: 'admin1', role: Role.Admin, nickname: '系统管理员', orgUnitId: city.id });
    await user({ username: 'city_leader1', role: Role.CityLeader, nickname: '市局 周局长', orgUnitId: city.id });
    await user({ username: 'inspector1', role: Role.Inspector, nickname: '市局督察 黄督察', orgUnitId: city.id });
    await user({ username: 'branch_leader1', role: Role.BranchLeader, nickname: '蚌山分局 吴局长', orgUnitId: bengshan.id });
    const stationLeader = await user({ username: 'station_leader1', role: Role.StationLeader, nickname: '天桥所 郑副所长', orgUnitId: tianqiao.id });
    const stationLeader2 = await user({ username: 'station_leader2', role: Role.StationLeader, nickname: '城关所 冯副所长', orgUnitId: chengguan.id });
    const officer1 = await user({ username: 'officer1', role: Role.CommunityOfficer, nickname: '王建国', orgUnitId: tianqiao.id, workPhone: '0552-2011001' });
    const officer2 = await user({ username: 'officer2', role: Role.CommunityOfficer, nickname: '李卫东', orgUnitId: tushanlu.id, workPhone: '0552-2011002' });
    const officer3 = await user({ username: 'officer3', role: Role.CommunityOfficer, nickname: '陈志强', orgUnitId: chengguan.id, workPhone: '0552-2011003' });
    await user({ username: 'officer4', role: Role.CommunityOfficer, nickname: '赵立新', orgUnitId: tianqiao.id, workPhone: '0552-2011004' });
    await user({ username: 'mediator1', role: Role.Mediator, nickname: '调解员 孙大姐', orgUnitId: tianqiao.id });
    await user({ username: 'legal_reviewer1', role: Role.LegalReviewer, nickname: '法制大队 钱科长', orgUnitId: bengshan.id });
    await user({ username: 'department_staff1', role: Role.DepartmentStaff, nickname: '户政科 何警官', orgUnitId: bengshan.id });
    const resident1 = await user({ username: DEMO_MARKER_USER, role: Role.Resident, nickname: '张阿姨', phone: '13800000001' });
    await user({ username: 'resident2', role: Role.Resident, nickname: '刘先生', phone: '13800000002' });
    const informant1 = await user({ username: 'informant1', role: Role.Resident, nickname: '老马', phone: '13800000003', isInformant: true });

    const communities: [string, DemoUnit, { id: number }][] = [
      ['胜利社区', tianqiao, officer1],
      ['纬四路社区', tianqiao, officer1],
      ['延安社区', tushanlu, officer2],
      ['涂山社区', tushanlu, officer2],
      ['禹王社区', chengguan, officer3],
      ['东园村', chengguan, officer3],
    ];
    let shengli: DemoUnit | null = null;
    for (const [name, station, officer] of communities) {
      const community = await unit(name, OrgLevel.Community, station, officer.id);
      await w.group({ kind: GroupKind.Community, name: `${name}警民议事群`, communityId: community.id, stationId: station.id, ownerId: officer.id, enterpriseCount: 0 });
      shengli ??= community;
    }
    await w.group({ kind: GroupKind.Enterprise, name: '天桥派出所企业服务群', communityId: null, stationId: tianqiao.id, ownerId: stationLeader.id, enterpriseCount: 64 });
    await w.group({ kind: GroupKind.Enterprise, name: '城关派出所企业服务群', communityId: null, stationId: chengguan.id, ownerId: stationLeader2.id, enterpriseCount: 58 });

    if (!shengli) throw new Error('no community seeded');
    const now = new Date();
    for (const [member, type] of [[resident1, MemberType.BuildingHead], [informant1, MemberType.SecurityVolunteer]] as const) {
      await w.member({ userId: member.id, communityId: shengli.id, memberType: type, decidedBy: officer1.id, at: now });
    }
    await w.invite({ code: DEMO_INVITE_CODE, communityId: shengli.id, createdBy: officer1.id, expiresAt: new Date(now.getTime() + 365 * 86_400_000), at: now });

    // Open311: the demo partner system (api_key demo-open311-key, stored hashed), default 胜利社区.
    await ensureDemoPartner(w.manager);
  });
  return true;
}
