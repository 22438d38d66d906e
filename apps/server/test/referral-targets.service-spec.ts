import {
  Anonymity, CaseAction, CaseKind, ContactPreference, ErrorCode, ReferralStatus, ReferralTargetAdminPage, ReferralTargetAdminView,
  ReferralTargetKind,
} from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { factories } from './factories';
import { startTestApp, TestApp } from './test-app';

/** 转办对象管理: admins add, edit, retire and restore referral targets and say which department staff work them. */
describe('referral targets (转办对象) managed by admins (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, staffUser, signIn } = factories(() => t, tokens);

  const managePage = async (): Promise<ReferralTargetAdminPage> => (await t.http.get('/api/referral-targets/manage').set(as('admin1')).expect(200)).body;
  const offered = async (): Promise<string[]> =>
    (await t.http.get('/api/referral-targets').set(as('officer1')).expect(200)).body.map((x: { name: string }) => x.name);
  const inboxIds = async (username: string): Promise<number[]> =>
    (await t.http.get('/api/referrals').set(as(username)).expect(200)).body.map((r: { id: number }) => r.id);
  const auditDetails = async (targetId: number): Promise<string[]> =>
    (await t.dataSource.query("SELECT detail FROM audit_entries WHERE action = 'referral.target_changed' AND target_id = ? ORDER BY id", [String(targetId)]))
      .map((r: { detail: string }) => r.detail);
  const addStaffUser = (username: string, nickname: string, role = 'department_staff'): Promise<number> => staffUser(username, nickname, role);
  const acceptedCase = async (title: string): Promise<number> => {
    const res = await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send({
      kind: CaseKind.ServiceNeed, subcategory: 'household', title, description: `${title}，请帮忙核实`,
      contactPreference: ContactPreference.InApp, anonymity: Anonymity.None,
    }).expect(201);
    await t.http.post(`/api/cases/${res.body.id}/actions`).set(as('officer1')).send({ action: CaseAction.Accept }).expect(200);
    return res.body.id as number;
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    await signIn('resident1', 'officer1', 'station_leader1', 'city_leader1', 'department_staff1', 'admin1');
  });
  afterAll(() => t?.close());

  it('adds a department with its staff, hands its referrals to new staff, retires it without losing what was sent, and restores it', async () => {
    const page = await managePage();
    // The demo's targets, 12345 among them, and the forms' options: department staff and the city and its branches only.
    expect(page.targets.map((x) => x.name)).toEqual(expect.arrayContaining(['12345政务服务便民热线', '蚌山分局户政科', '城市管理局']));
    expect(page.targets.find((x) => x.name === '蚌山分局户政科')).toMatchObject({ active: true, orgUnitName: '蚌山分局', staff: [expect.objectContaining({ nickname: '户政科 何警官' })] });
    expect(page.staffOptions.map((s) => s.nickname)).toEqual(['户政科 何警官']);
    const branch = page.orgUnitOptions.find((u) => u.name === '蚌山分局');
    expect(branch).toBeDefined();
    expect(page.orgUnitOptions.map((u) => u.name)).not.toContain('胜利社区');

    const created = (await t.http.post('/api/referral-targets').set(as('admin1')).send({
      kind: ReferralTargetKind.PoliceDepartment, name: ' 蚌山分局治安大队 ', phone: '0552-2012133', orgUnitId: branch?.id, staffUserIds: [page.staffOptions[0].id],
    }).expect(201)).body;
    expect(created).toMatchObject({ name: '蚌山分局治安大队', phone: '0552-2012133', kind: ReferralTargetKind.PoliceDepartment });
    // A phone officers are to dial: text that is no number is refused, saying what to write.
    const badPhone = await t.http.post('/api/referral-targets').set(as('admin1')).send({
      kind: ReferralTargetKind.GovernmentDepartment, name: '测试部门X', phone: 'abc电话',
    }).expect(400);
    expect(badPhone.body.details).toEqual(['phone: 联系电话只能填写数字、短横线和分机号，如 0552-1234567 转 801']);
    expect(await offered()).not.toContain('测试部门X');
    await t.http.post('/api/referral-targets').set(as('admin1')).send({
      kind: ReferralTargetKind.GovernmentDepartment, name: '住建局物业科', phone: '0552-2011234转801',
    }).expect(201);
    expect(await offered()).toContain('蚌山分局治安大队');

    const caseId = await acceptedCase('寄递物流安全检查');
    const referral = (await t.http.post(`/api/cases/${caseId}/referrals`).set(as('officer1')).send({ targetId: created.id, reason: '寄递安全属治安大队' }).expect(201)).body;
    expect(await inboxIds('department_staff1')).toContain(referral.id);

    // Staff turnover: the new colleague takes over and sees what is already there; the old one no longer does.
    const newcomerId = await addStaffUser('security_staff_test', '治安大队 周警官');
    const updated: ReferralTargetAdminView = (await t.http.put(`/api/referral-targets/${created.id}`).set(as('admin1'))
      .send({ name: '蚌山分局治安管理大队', phone: '', staffUserIds: [newcomerId, newcomerId] }).expect(200)).body;
    expect(updated).toMatchObject({ name: '蚌山分局治安管理大队', phone: null, active: true, openReferrals: 1, staff: [{ id: newcomerId, nickname: '治安大队 周警官', orgUnitName: null }] });
    expect(await inboxIds('security_staff_test')).toContain(referral.id);
    expect(await inboxIds('department_staff1')).not.toContain(referral.id);
    await t.http.get(`/api/referrals/${referral.id}`).set(as('department_staff1')).expect(404);

    // Retired: officers are no longer offered it and cannot send to it; what was sent stays and is worked.
    const retired = (await t.http.post(`/api/referral-targets/${created.id}/retire`).set(as('admin1')).expect(200)).body;
    expect(retired).toMatchObject({ active: false, openReferrals: 1 });
    await t.http.post(`/api/referral-targets/${created.id}/retire`).set(as('admin1')).expect(200);
    expect(await offered()).not.toContain('蚌山分局治安管理大队');
    const other = await acceptedCase('快递柜安全隐患');
    const refused = await t.http.post(`/api/cases/${other}/referrals`).set(as('officer1')).send({ targetId: created.id, reason: '试试' }).expect(400);
    expect(refused.body.code).toBe(ErrorCode.ReferralTargetInvalid);
    const signed = (await t.http.post(`/api/referrals/${referral.id}/sign`).set(as('security_staff_test')).expect(200)).body;
    expect(signed.status).toBe(ReferralStatus.Signed);
    const listed = (await managePage()).targets;
    expect(listed[listed.length - 1]).toMatchObject({ id: created.id, active: false });

    await t.http.post(`/api/referral-targets/${created.id}/restore`).set(as('admin1')).expect(200);
    expect(await offered()).toContain('蚌山分局治安管理大队');
    expect(await auditDetails(created.id)).toEqual([
      `created ${ReferralTargetKind.PoliceDepartment}; staff ${page.staffOptions[0].id}`, `updated; staff ${newcomerId}`, 'retired', 'restored',
    ]);
  });

  it('refuses a second 12345, changes to 12345, a taken name, people who are not department staff and units that are not the city or a branch', async () => {
    const before = await managePage();
    const hotline = before.targets.find((x) => x.kind === ReferralTargetKind.Hotline12345);
    const post = (body: Record<string, unknown>) => t.http.post('/api/referral-targets').set(as('admin1')).send({ kind: ReferralTargetKind.GovernmentDepartment, ...body });

    const second = await post({ kind: ReferralTargetKind.Hotline12345, name: '12345热线二号' }).expect(409);
    expect(second.body).toMatchObject({ code: ErrorCode.HotlineTargetFixed, message: '12345热线是固定的转办对象，不能新增、修改或停用' });
    expect((await t.http.post(`/api/referral-targets/${hotline?.id}/retire`).set(as('admin1')).expect(409)).body.code).toBe(ErrorCode.HotlineTargetFixed);
    expect((await t.http.put(`/api/referral-targets/${hotline?.id}`).set(as('admin1')).send({ name: '热线', staffUserIds: [] }).expect(409)).body.code)
      .toBe(ErrorCode.HotlineTargetFixed);
    expect((await post({ name: '城市管理局' }).expect(409)).body).toMatchObject({ code: ErrorCode.ReferralTargetExists, message: '已有同名的转办对象' });
    const jam = before.targets.find((x) => x.name === '人社局劳动保障监察');
    expect((await t.http.put(`/api/referral-targets/${jam?.id}`).set(as('admin1')).send({ name: '城市管理局', staffUserIds: [] }).expect(409)).body.code)
      .toBe(ErrorCode.ReferralTargetExists);

    const officerId = Number((await t.dataSource.query("SELECT id FROM users WHERE username = 'officer1'"))[0].id);
    expect((await post({ name: '住建局', staffUserIds: [officerId] }).expect(400)).body.message).toBe('只能选择警种部门人员');
    const community = Number((await t.dataSource.query("SELECT id FROM org_units WHERE name = '胜利社区'"))[0].id);
    expect((await post({ name: '住建局', orgUnitId: community }).expect(400)).body.message).toBe('所属单位应为市局或分局');
    expect((await post({ name: '   ' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await post({ name: '住建局', kind: 'ministry' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await t.http.post('/api/referral-targets/999999/retire').set(as('admin1')).expect(404)).body.code).toBe(ErrorCode.NotFound);

    // Nothing of the refused requests was saved, and the demo's targets are as they were.
    const after = await managePage();
    expect(after.targets).toEqual(before.targets);
  });

  it('keeps the management to admins', async () => {
    for (const u of ['officer1', 'station_leader1', 'city_leader1', 'department_staff1', 'resident1']) {
      expect((await t.http.get('/api/referral-targets/manage').set(as(u)).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      await t.http.post('/api/referral-targets').set(as(u)).send({ kind: ReferralTargetKind.GovernmentDepartment, name: '越权新增' }).expect(403);
    }
    const target = (await managePage()).targets.find((x) => x.name === '城市管理局');
    await t.http.post(`/api/referral-targets/${target?.id}/retire`).set(as('department_staff1')).expect(403);
    expect(await offered()).toContain('城市管理局');
  });
});
