import { Anonymity, CaseAction, CaseKind, ContactPreference } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { factories } from './factories';
import { startTestApp, TestApp } from './test-app';

/** An Open311 error body: an array of one `{ code, description }` with the HTTP status as code. */
const expectOpen311Error = (body: unknown, code: number) => {
  expect(body).toEqual([{ code, description: expect.any(String) }]);
  expect((body as { description: string }[])[0].description).toMatch(/[\u4e00-\u9fa5]/);
};

describe('open311: GeoReport v2 at /open311/v2 (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, signIn } = factories(() => t, tokens);
  const report = (username: string, body: Record<string, unknown>) =>
    t.http.post('/api/cases').set(as(username)).set('Idempotency-Key', randomUUID()).send(body);
  const act = (username: string, id: number, action: CaseAction, note?: string) =>
    t.http.post(`/api/cases/${id}/actions`).set(as(username)).send({ action, ...(note ? { note } : {}) });
  const publicList = async (query = '') => {
    const res = await t.http.get(`/open311/v2/requests.json${query}`).expect(200);
    return { items: res.body as Record<string, unknown>[], text: JSON.stringify(res.body), res };
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    await signIn('resident1', 'informant1', 'officer1', 'officer2');
  });
  afterAll(() => t.close());

  it('serves discovery and the service list outside /api, JSON only', async () => {
    const discovery = (await t.http.get('/open311/v2/discovery.json').expect(200)).body;
    expect(discovery).toMatchObject({ changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String) });
    expect(discovery.endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['application/json'],
        url: expect.stringMatching(/^http:\/\/[^/]+\/open311\/v2$/),
      }),
    ]);

    const services = (await t.http.get('/open311/v2/services.json').expect(200)).body as Record<string, unknown>[];
    expect(services.find((s) => s.service_code === 'dispute.neighbour')).toEqual({
      service_code: 'dispute.neighbour', service_name: '邻里纠纷', description: expect.stringContaining('合作平台可通过本接口提交'),
      metadata: true, type: 'realtime', keywords: '矛盾纠纷,邻里纠纷', group: '矛盾纠纷',
    });
    const lead = services.find((s) => s.service_code === 'crime_lead.gambling');
    expect(lead).toMatchObject({ metadata: false, group: '违法犯罪线索', description: expect.stringContaining('仅限群众通过') });
    expect(services).toHaveLength(28);

    const definition = (await t.http.get('/open311/v2/services/dispute.neighbour.json').expect(200)).body;
    expect(definition.service_code).toBe('dispute.neighbour');
    expect(definition.attributes[0]).toMatchObject({ code: 'community_id', datatype: 'singlevaluelist', required: false, variable: true });
    expect(definition.attributes[0].values).toEqual(expect.arrayContaining([expect.objectContaining({ name: '胜利社区（天桥派出所）' })]));
    expect((await t.http.get('/open311/v2/services/crime_lead.theft.json').expect(200)).body).toEqual({ service_code: 'crime_lead.theft', attributes: [] });

    expectOpen311Error((await t.http.get('/open311/v2/services/nope.json').expect(404)).body, 404);
    expectOpen311Error((await t.http.get('/open311/v2/services.xml').expect(400)).body, 400);
    expectOpen311Error((await t.http.get('/open311/v2/requests.xml').expect(400)).body, 400);
    expectOpen311Error((await t.http.get('/open311/v2/nothing-here').expect(404)).body, 404);
    await t.http.get('/api/open311/v2/services.json').expect(404);
    // The API docs list it under its own tag.
    const docs = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/open311/v2/requests.{format}', '/open311/v2/requests/{id}.{format}']));
    expect(docs.paths['/open311/v2/requests.{format}'].post.tags).toEqual(['open311']);
  });

  it('lists a resident’s dispute as open, then closed, without any personal data', async () => {
    const created = (await report('resident1', {
      kind: CaseKind.Dispute, subcategory: 'neighbour', title: '楼上邻居半夜装修', description: '楼上602孙先生每晚十一点后电钻施工，电话13912345678',
      otherParty: '楼上602孙先生', addressText: '胜利社区7栋2单元501', latitude: 32.917345, longitude: 117.389812,
      contactPreference: ContactPreference.Phone, anonymity: Anonymity.None,
    }).expect(201)).body;

    const { items, text, res } = await publicList();
    expect(Number(res.headers['x-total-count'])).toBeGreaterThanOrEqual(items.length);
    const item = items.find((r) => r.service_request_id === created.number);
    expect(item).toEqual({
      service_request_id: created.number, status: 'open', status_notes: '已提交', service_name: '邻里纠纷', service_code: 'dispute.neighbour',
      description: '矛盾纠纷·邻里纠纷', agency_responsible: '天桥派出所', service_notice: '由天桥派出所胜利社区民警办理',
      requested_datetime: created.createdAt, updated_datetime: expect.any(String), expected_datetime: expect.any(String),
      address: '胜利社区', lat: 32.917, long: 117.39,
    });
    for (const secret of ['张阿姨', '13800000001', '孙先生', '楼上602', '2单元501', '13912345678', '楼上邻居半夜装修', '7栋2单元', '32.917345', '117.389812']) {
      expect(text).not.toContain(secret);
    }

    await act('officer1', created.id, CaseAction.Accept).expect(200);
    await act('officer1', created.id, CaseAction.Resolve, '已约谈孙先生，承诺晚十点后停工').expect(200);
    await act('resident1', created.id, CaseAction.Confirm).expect(200);
    const one = (await t.http.get(`/open311/v2/requests/${created.number}.json`).expect(200)).body;
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ service_request_id: created.number, status: 'closed', status_notes: '已关闭', expected_datetime: null });
    expect(JSON.stringify(one)).not.toContain('孙先生');
    expect((await publicList('?status=closed')).items.map((r) => r.service_request_id)).toContain(created.number);
    expect((await publicList('?status=open')).items.map((r) => r.service_request_id)).not.toContain(created.number);
    expect((await publicList(`?service_request_id=${created.number},nonexistent`)).items.map((r) => r.service_request_id)).toEqual([created.number]);
    // The number names the case by its id and day: the same id on another day is no request.
    const otherDay = `20200101-${String(created.id).padStart(6, '0')}`;
    expectOpen311Error((await t.http.get(`/open311/v2/requests/${otherDay}.json`).expect(404)).body, 404);
    expect((await publicList(`?service_request_id=${otherDay}`)).items).toEqual([]);
  });

  it('publishes no text a resident wrote: a hazard’s phone in Chinese numerals and a third person’s name stay out; family disputes have no point', async () => {
    const hazard = (await report('resident1', {
      kind: CaseKind.Hazard, subcategory: 'fire', title: '王建军家门口电动车充电，电话一三九一二三四五六七八', description: '每天晚上都充，张阿姨家门口',
      addressText: '胜利社区5栋2单元', latitude: 32.91, longitude: 117.38, contactPreference: ContactPreference.InApp, anonymity: Anonymity.None,
    }).expect(201)).body;
    const family = (await report('resident1', {
      kind: CaseKind.Dispute, subcategory: 'family', title: '家里老人和儿子争吵', description: '家庭矛盾', latitude: 32.95, longitude: 117.33,
      contactPreference: ContactPreference.Phone, anonymity: Anonymity.Others,
    }).expect(201)).body;
    const { items, text } = await publicList('?service_code=hazard.fire,dispute.family');
    const h = items.find((r) => r.service_request_id === hazard.number);
    expect(h).toMatchObject({ description: '安全隐患·消防隐患', status_notes: '已提交', lat: 32.91, long: 117.38, address: '胜利社区' });
    for (const written of ['王建军', '一三九', '电动车充电', '张阿姨', '5栋2单元']) expect(text).not.toContain(written);
    const f = items.find((r) => r.service_request_id === family.number);
    expect(f).toMatchObject({ description: '矛盾纠纷·家庭纠纷', address: '胜利社区' });
    expect(f).not.toHaveProperty('lat');
    expect(f).not.toHaveProperty('long');
    expect(text).not.toContain('老人和儿子');
    expect(items.every((r) => ['hazard.fire', 'dispute.family'].includes(r.service_code as string))).toBe(true);
  });

  it('never shows a sealed informant’s crime lead, nor a report held for review', async () => {
    const lead = (await report('informant1', {
      kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '出租屋疑似聚众赌博点', description: '9栋1101每晚很多人进出，有麻将声',
      addressText: '胜利社区9栋1101', latitude: 32.921111, longitude: 117.381111, contactPreference: ContactPreference.InApp, anonymity: Anonymity.Sealed,
    }).expect(201)).body;
    const held = (await report('resident1', {
      kind: CaseKind.Dispute, subcategory: 'other', title: '待审核的上报', description: '待审核', contactPreference: ContactPreference.InApp, anonymity: Anonymity.None,
    }).expect(201)).body;
    await t.dataSource.query('UPDATE cases SET held_for_review = 1 WHERE id = ?', [held.id]);

    const all = await publicList('?page_size=1000');
    for (const secret of [lead.number, held.number, '老马', '13800000003', '聚众赌博', '1101', '32.921', '117.381', '麻将', 'crime_lead', 'anomaly']) {
      expect(all.text).not.toContain(secret);
    }
    expectOpen311Error((await t.http.get(`/open311/v2/requests/${lead.number}.json`).expect(404)).body, 404);
    expectOpen311Error((await t.http.get(`/open311/v2/requests/${held.number}.json`).expect(404)).body, 404);
    expect((await publicList(`?service_request_id=${lead.number}`)).items).toEqual([]);
    expect((await publicList('?service_code=crime_lead.gambling')).items).toEqual([]);
  });

  it('takes a partner’s request with the demo key: a real case in the community officer’s queue, idempotent by token', async () => {
    const key = `partner-${randomUUID()}`;
    const form = {
      api_key: 'demo-open311-key', service_code: 'hazard.facility', description: '小区东门路灯不亮\n已持续一周，夜间出行不便',
      address_string: '胜利社区东门', first_name: '李', phone: '13700001111', account_id: 'acct-42',
    };
    const res = await t.http.post('/open311/v2/requests.json').type('form').set('Idempotency-Key', key).send(form).expect(201);
    expect(res.body).toEqual([
      { service_request_id: expect.stringMatching(/^\d{8}-\d{6}$/), service_notice: '已转交天桥派出所胜利社区民警办理', account_id: 'acct-42', token: expect.any(String) },
    ]);
    const [{ service_request_id: number, token }] = res.body;

    const queue = (await t.http.get('/api/cases?pageSize=100').set(as('officer1')).expect(200)).body;
    const summary = queue.items.find((c: { number: string }) => c.number === number);
    expect(summary).toMatchObject({ kind: 'hazard', subcategory: 'facility', title: '小区东门路灯不亮', communityName: '胜利社区', status: 'submitted' });
    const detail = (await t.http.get(`/api/cases/${summary.id}`).set(as('officer1')).expect(200)).body;
    expect(detail).toMatchObject({ addressText: '胜利社区东门', anonymity: 'none', reporterPhone: null, contactPreference: 'no_contact' });
    expect(detail.description).toContain('已持续一周');
    expect(detail.timeline[0].note).toContain('12345');
    const [row] = await t.dataSource.query('SELECT reporter_id FROM cases WHERE id = ?', [summary.id]);
    expect(row.reporter_id).toBeNull();
    expect(JSON.stringify(detail)).not.toContain('13700001111');
    const [notified] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'officer1' AND n.case_id = ?", [summary.id]);
    expect(Number(notified.n)).toBe(1);

    // A retry answers the same request; the same key with another body is refused.
    const again = await t.http.post('/open311/v2/requests.json').type('form').set('Idempotency-Key', key).send(form).expect(201);
    expect(again.body[0]).toMatchObject({ service_request_id: number, token });
    expectOpen311Error((await t.http.post('/open311/v2/requests.json').type('form').set('Idempotency-Key', key)
      .send({ ...form, description: '别的事情' }).expect(409)).body, 409);
    const [count] = await t.dataSource.query("SELECT COUNT(*) AS n FROM cases WHERE title = '小区东门路灯不亮'");
    expect(Number(count.n)).toBe(1);

    expect((await t.http.get(`/open311/v2/tokens/${token}.json`).expect(200)).body).toEqual([{ token, service_request_id: number }]);
    expectOpen311Error((await t.http.get('/open311/v2/tokens/no-such-token.json').expect(404)).body, 404);
    // Public, as any hazard: the category, not the partner's text, no contact data of the person.
    const [published] = (await t.http.get(`/open311/v2/requests/${number}.json`).expect(200)).body;
    expect(published).toMatchObject({ description: '安全隐患·设施损坏', address: '胜利社区', status: 'open' });
    expect(published).not.toHaveProperty('lat');
    expect(JSON.stringify(published)).not.toMatch(/13700001111|acct-42|胜利社区东门|路灯/);

    // JSON works too, and attribute[community_id] sends it to another community.
    const [yanan] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '延安社区'");
    const json = await t.http.post('/open311/v2/requests.json')
      .send({ api_key: 'demo-open311-key', service_code: 'question.policy', description: '养犬登记在哪里办理？', lat: 32.93, long: 117.37, attribute: { community_id: yanan.id } })
      .expect(201);
    const other = (await t.http.get('/api/cases?pageSize=100').set(as('officer2')).expect(200)).body;
    expect(other.items.map((c: { number: string }) => c.number)).toContain(json.body[0].service_request_id);
  });

  it('answers bad keys, missing fields and resident-only services with coded Open311 errors, never a 500', async () => {
    const ok = { api_key: 'demo-open311-key', service_code: 'dispute.neighbour', description: '噪音', address_string: '胜利社区' };
    const post = (body: Record<string, unknown>) => t.http.post('/open311/v2/requests.json').send(body);
    expectOpen311Error((await post({ ...ok, api_key: 'wrong-key' }).expect(403)).body, 403);
    expectOpen311Error((await post({ ...ok, api_key: undefined }).expect(403)).body, 403);
    expectOpen311Error((await post({ ...ok, service_code: undefined }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, service_code: 'no.such' }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, service_code: 'crime_lead.theft' }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, service_code: 'anomaly.person' }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, description: undefined }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, address_string: undefined }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, lat: 'north', long: 117 }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, lat: 32.9 }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, 'attribute[community_id]': 999999 }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, description: { nested: true } }).expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, description: 'x'.repeat(4001) }).expect(400)).body, 400);
    expectOpen311Error((await t.http.post('/open311/v2/requests.json').set('Idempotency-Key', 'short').send(ok).expect(400)).body, 400);
    expectOpen311Error((await t.http.post('/open311/v2/requests.xml').send(ok).expect(400)).body, 400);
    // Errors before the controller too: an unreadable or oversized body.
    expectOpen311Error((await t.http.post('/open311/v2/requests.json').set('Content-Type', 'application/json').send('{"api_key": ').expect(400)).body, 400);
    expectOpen311Error((await post({ ...ok, description: 'x'.repeat(200_000) }).expect(413)).body, 413);
    expectOpen311Error((await t.http.put('/open311/v2/requests.json').send(ok).expect(404)).body, 404);

    expectOpen311Error((await t.http.get('/open311/v2/requests/20000101-999999.json').expect(404)).body, 404);
    expectOpen311Error((await t.http.get('/open311/v2/requests.json?start_date=yesterday').expect(400)).body, 400);
    expectOpen311Error((await t.http.get('/open311/v2/requests.json?status=pending').expect(400)).body, 400);
    expectOpen311Error((await t.http.get('/open311/v2/requests.json?page_size=5000').expect(400)).body, 400);
    expectOpen311Error((await t.http.get('/open311/v2/requests.json?service_code=nope').expect(400)).body, 400);
    expectOpen311Error((await t.http.get('/open311/v2/requests.json?start_date=2026-02-01&end_date=2026-01-01').expect(400)).body, 400);
    const [rejected] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'open311.key_rejected'");
    expect(Number(rejected.n)).toBeGreaterThanOrEqual(2);
  });

  it('pages the list and filters by date, newest first', async () => {
    const page1 = await publicList('?page_size=1');
    expect(page1.items).toHaveLength(1);
    expect(Number(page1.res.headers['x-total-count'])).toBeGreaterThan(1);
    const page2 = await publicList('?page_size=1&page=2');
    expect(page2.items[0].service_request_id).not.toBe(page1.items[0].service_request_id);
    expect(Date.parse(page2.items[0].requested_datetime as string)).toBeLessThanOrEqual(Date.parse(page1.items[0].requested_datetime as string));
    expect((await publicList('?end_date=2020-01-01T00:00:00Z')).items).toEqual([]);
    const since = new Date(Date.now() - 3600_000).toISOString().replace('Z', '+00:00');
    expect((await publicList(`?start_date=${encodeURIComponent(since)}`)).items.length).toBeGreaterThan(1);
  });
});
