import { Anonymity, CaseAction, CaseKind, ContactPreference, ErrorCode } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, TestApp } from './test-app';

/** 查看号码 on the case page (issue #23): masked in the case detail, revealed one audited read at a time. */
describe('cases: the reporter’s phone on the case page (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (username: string) => bearer(tokens[username]);
  const report = async (username: string, extra: Record<string, unknown> = {}): Promise<number> =>
    (await t.http.post('/api/cases').set(as(username)).set('Idempotency-Key', randomUUID()).send({
      kind: CaseKind.Dispute, subcategory: 'neighbour', title: '楼上漏水', description: '楼上卫生间漏水到我家天花板',
      contactPreference: ContactPreference.Phone, anonymity: Anonymity.None, ...extra,
    }).expect(201)).body.id as number;
  const reveal = (username: string, id: number) => t.http.post(`/api/cases/${id}/reporter-phone`).set(as(username));
  const audits = async (id: number, outcome: 'ok' | 'denied'): Promise<number> => {
    const [row] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'personal_data.read' AND target_type = 'case' AND target_id = ? AND outcome = ? AND detail LIKE 'reporter phone%'",
      [String(id), outcome],
    );
    return Number(row.n);
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'informant1', 'officer1', 'officer2', 'station_leader1']) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('shows staff a masked number; the handling officer reveals the full one, and each view is audited', async () => {
    const id = await report('resident1');
    const page = (await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body;
    expect(page.reporterPhone).toBe('138****0001');
    expect(JSON.stringify(page)).not.toContain('13800000001');
    expect(await audits(id, 'ok')).toBe(0);

    expect((await reveal('officer1', id).expect(200)).body).toEqual({ caseId: id, phone: '13800000001' });
    await reveal('officer1', id).expect(200);
    expect(await audits(id, 'ok')).toBe(2);
    // The reporter still reads their own number on their page.
    expect((await t.http.get(`/api/cases/${id}`).set(as('resident1')).expect(200)).body.reporterPhone).toBe('13800000001');
  });

  it('refuses everyone but the handling officer: a leader in scope (403, audited), another officer (404), a resident (403)', async () => {
    const id = await report('resident1');
    const leader = await reveal('station_leader1', id).expect(403);
    expect(leader.body).toMatchObject({ code: ErrorCode.NotResponsibleOfficer, message: '只有该上报的责任民警可以查看上报人的完整号码' });
    expect(await audits(id, 'denied')).toBe(1);
    expect((await reveal('officer2', id).expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect((await reveal('resident1', id).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await reveal('officer1', 99_999_999).expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect(await audits(id, 'ok')).toBe(0);
  });

  it('keeps an informant’s number sealed, also from the handling officer', async () => {
    const id = await report('informant1', { kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '出租屋疑似赌博', contactPreference: ContactPreference.InApp, anonymity: Anonymity.Sealed });
    expect((await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body.reporterPhone).toBeNull();
    expect((await reveal('officer1', id).expect(200)).body).toEqual({ caseId: id, phone: null });
    expect(await audits(id, 'ok')).toBe(0);
  });

  it('offers 不予受理 only before 受理, and 办结 only with a result note the reporter reads', async () => {
    const id = await report('resident1');
    const act = (action: CaseAction, note?: string) => t.http.post(`/api/cases/${id}/actions`).set(as('officer1')).send({ action, ...(note ? { note } : {}) });
    expect((await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body.allowedActions).toContain(CaseAction.Reject);
    const accepted = (await act(CaseAction.Accept).expect(200)).body;
    expect(accepted.allowedActions).not.toContain(CaseAction.Reject);
    expect((await act(CaseAction.Reject, '不属于公安管辖').expect(409)).body.code).toBe(ErrorCode.CaseTransitionNotAllowed);
    expect((await act(CaseAction.Resolve).expect(400)).body).toMatchObject({ code: ErrorCode.ReasonRequired, message: '请填写办结说明（上报人可见）' });
    await act(CaseAction.Resolve, '已协调楼上维修').expect(200);
    const seen = (await t.http.get(`/api/cases/${id}`).set(as('resident1')).expect(200)).body;
    expect(seen.timeline.some((e: { toStatus: string | null; note: string | null }) => e.toStatus === 'resolved' && e.note === '已协调楼上维修')).toBe(true);
  });
});
