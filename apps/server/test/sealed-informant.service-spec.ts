import { Anonymity, CaseAction, CaseKind, CaseStatus, ContactPreference, ErrorCode } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { caseNumber } from '../src/cases/case-number';
import { SealedUnlinkable1764600000000 } from '../src/database/migrations/1764600000000-sealed-unlinkable';
import { SealedReportAudit1766040000000 } from '../src/database/migrations/1766040000000-sealed-report-audit';
import { OutboxWorker } from '../src/notifications/outbox.worker';
import { factories } from './factories';
import { bearer, startTestApp, TestApp } from './test-app';

/** Tables outside case_sealed_reporters that name people or cases. */
const SCANNED_TABLES = ['idempotency_keys', 'notifications', 'outbox', 'case_events', 'audit_entries', 'uploads'] as const;

type Row = Record<string, unknown>;

/**
 * An informant of a sealed lead (信息员, informant mode) must not be linkable to the case from the
 * database alone: no row outside the encrypted case_sealed_reporters may hold both their user id
 * (or anything plainly derived from it) and the case id (or its number, title or page).
 */
describe('sealed informant: no plain row links the informant to the lead (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, userId, report, signIn } = factories(() => t, tokens);
  /** 案件编号 as the raw tables hold it: from the row's creation time and id. */
  const numberOf = async (caseId: number): Promise<string> => {
    const [row]: { created_at: Date }[] = await t.dataSource.query('SELECT created_at FROM cases WHERE id = ?', [caseId]);
    return caseNumber(row.created_at, caseId);
  };

  const act = (username: string, id: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
    t.http.post(`/api/cases/${id}/actions`).set(as(username)).send({ action, ...extra }).expect(200);
  const uploadPhoto = async (username: string): Promise<string> => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 20, g: 90, b: 160 } } }).jpeg().toBuffer();
    return (await t.http.post('/api/uploads').set(as(username)).attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' }).expect(201)).body.id;
  };

  /** Every row of the scanned tables that names the user together with the case. */
  async function linkingRows(uid: number, openid: string | null, c: { id: number; number: string; title: string }): Promise<{ table: string; row: Row }[]> {
    const found: { table: string; row: Row }[] = [];
    for (const table of SCANNED_TABLES) {
      const rows: Row[] = await t.dataSource.query(`SELECT * FROM ${table}`);
      for (const row of rows) {
        const entries = Object.entries(row);
        const texts = entries.map(([, v]) => (v == null ? '' : String(v)));
        const namesUser =
          entries.some(([k, v]) => /(^|_)(user|actor|owner)_id$/.test(k) && v != null && Number(v) === uid) ||
          texts.some((s) => s.includes(`"userId":${uid}`) || new RegExp(`:u${uid}\\b`).test(s) || (openid !== null && s.includes(openid)) ||
            s.includes(`reporter:${uid}`));
        const namesCase =
          // An audit entry's target_id names a case only when its target_type says so (a sign-in's
          // target is the user, whose id may equal the case's).
          entries.some(([k, v]) => (k === 'case_id' || (k === 'target_id' && row.target_type !== 'user')) && v != null && String(v) === String(c.id)) ||
          texts.some((s) => s.includes(`id=${c.id}`) || s.includes(`case:${c.id}:`) || s.includes(c.number) || s.includes(c.title));
        if (namesUser && namesCase) found.push({ table, row });
      }
    }
    return found;
  }

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    await signIn('informant1', 'resident1', 'officer1', 'station_leader1');
    // The informant signed in through WeChat once and accepted subscribe messages.
    await t.dataSource.query("UPDATE users SET openid = 'openid-informant1' WHERE username = 'informant1'");
    t.fake.state.grantSubscription('openid-informant1', 'demo-case-update-template', 10);
  });
  afterAll(() => t.close());

  it('keeps the whole informant experience working without a plain link, and the scan finds the link of an ordinary report', async () => {
    const informant = await userId('informant1');
    // The informant also reports things under their name: those rows must not lead to the lead either.
    const own = (await report('informant1', {
      kind: CaseKind.Hazard, subcategory: 'fire', title: '楼道堆放杂物', description: '3栋楼道堆满纸箱', addressText: '3栋1单元',
      contactPreference: ContactPreference.Phone, anonymity: Anonymity.None,
    }).expect(201)).body.id as number;
    const photo = await uploadPhoto('informant1');
    const lead = {
      kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '出租屋疑似聚众赌博（信息员）', description: '3栋601每晚很多人进出',
      contactPreference: ContactPreference.InApp, anonymity: Anonymity.Sealed, photoIds: [photo],
    };
    const key = randomUUID();
    const created = (await report('informant1', lead, key).expect(201)).body;
    const id = created.id as number;

    // Idempotent submit: same key and body → same case; another body → 409; 20 at once → one case.
    expect((await report('informant1', lead, key)).body.id).toBe(id);
    expect((await report('informant1', { ...lead, description: '另一段描述' }, key).expect(409)).body.code).toBe(ErrorCode.IdempotencyKeyConflict);
    const parallelKey = randomUUID();
    const parallel = { ...lead, title: '并发提交的线索', photoIds: undefined };
    const answers = await Promise.all(Array.from({ length: 20 }, () => report('informant1', parallel, parallelKey)));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    const [count] = await t.dataSource.query("SELECT COUNT(*) AS n FROM cases WHERE title = '并发提交的线索'");
    expect(Number(count.n)).toBe(1);

    // The handling: the officer replies, the informant adds information and a photo, resolves,
    // reopens, confirms and rates; every step the informant takes is theirs on the page.
    await act('officer1', id, CaseAction.Accept);
    await t.http.post(`/api/cases/${id}/notes`).set(as('officer1')).send({ note: '已收到线索，正在核实', internal: false }).expect(200);
    const extra = await uploadPhoto('informant1');
    await t.http.post(`/api/cases/${id}/info`).set(as('informant1')).send({ note: '今晚又有人聚集', photoIds: [extra] }).expect(200);
    await act('officer1', id, CaseAction.Resolve, { note: '已查处' });
    await act('informant1', id, CaseAction.Reopen, { note: '又开始了' });
    await act('officer1', id, CaseAction.Accept);
    await act('officer1', id, CaseAction.Resolve, { note: '再次查处' });
    await act('informant1', id, CaseAction.Confirm);
    await t.http.post(`/api/cases/${id}/rating`).set(as('informant1')).send({ rating: 5, comment: '处理及时' }).expect(200);

    const mine = (await t.http.get(`/api/cases/${id}`).set(as('informant1')).expect(200)).body;
    expect(mine).toMatchObject({ status: CaseStatus.Closed, reporterLabel: '我', rating: 5 });
    expect(mine.photos).toHaveLength(2);
    await t.http.get(mine.photos[1].url).set(as('informant1')).expect(200);
    const officerView = (await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body;
    expect(officerView.reporterLabel).toBe('匿名信息员');
    const reporterEvents = officerView.timeline.filter((e: { type: string; actorLabel: string }) => ['reporter_info', 'rated'].includes(e.type));
    expect(reporterEvents.length).toBe(2);
    expect(reporterEvents.every((e: { actorLabel: string }) => e.actorLabel === '匿名信息员')).toBe(true);

    // 我的上报 lists it.
    const list = (await t.http.get('/api/cases/mine').set(as('informant1')).expect(200)).body;
    expect(list.items.map((c: { id: number }) => c.id)).toContain(id);

    // In-app notifications, with their real titles and the link to the case, for the owner only.
    const inbox = (await t.http.get('/api/notifications?pageSize=50').set(as('informant1')).expect(200)).body;
    const aboutLead = inbox.items.filter((n: { caseId: number | null }) => n.caseId === id);
    expect(aboutLead.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining(['已收到您的上报', '民警回复了您的上报']));
    expect(aboutLead.find((n: { title: string }) => n.title === '已收到您的上报').body).toContain(lead.title);
    const stored: Row[] = await t.dataSource.query('SELECT case_id, title, body, sealed_enc FROM notifications WHERE user_id = ?', [informant]);
    const sealedRows = stored.filter((n) => n.sealed_enc !== null);
    expect(sealedRows.length).toBeGreaterThanOrEqual(aboutLead.length);
    expect(sealedRows.every((n) => n.case_id === null && !String(n.title).includes('上报') && !String(n.body).includes(lead.title))).toBe(true);
    expect(stored.some((n) => Number(n.case_id) === id)).toBe(false);
    await t.http.post(`/api/notifications/${aboutLead[0].id}/read`).set(as('informant1')).expect(204);

    // WeChat subscribe messages still reach the informant, with the page of the case.
    const sentBefore = t.fake.state.sentMessages.length;
    await t.app.get(OutboxWorker).tick(new Date(Date.now() + 1000));
    const sent = t.fake.state.sentMessages.slice(sentBefore).filter((m) => m.touser === 'openid-informant1');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.some((m) => m.page === `pages/case/index?id=${id}` && m.data.thing1 === lead.title.slice(0, 20))).toBe(true);

    // The station leader still unseals, audited.
    const unsealed = (await t.http.post(`/api/cases/${id}/unseal`).set(as('station_leader1')).send({ reason: '线索核查需当面了解情况' }).expect(200)).body;
    expect(unsealed.reporterId).toBe(informant);

    // The raw tables: nothing links the informant to either lead.
    expect(await linkingRows(informant, 'openid-informant1', { id, number: await numberOf(id), title: lead.title })).toEqual([]);
    const parallelId = answers[0].body.id as number;
    expect(await linkingRows(informant, 'openid-informant1', { id: parallelId, number: await numberOf(parallelId), title: parallel.title })).toEqual([]);

    // Nor does a join through the informant's ordinary report: its reporter key and idempotency
    // key are not shared with the sealed leads.
    const keyRows: { id: number; reporter_id: number | null; reporter_key: string }[] = await t.dataSource.query(
      'SELECT id, reporter_id, reporter_key FROM cases WHERE id IN (?, ?, ?)', [own, id, parallelId]);
    const ownKey = keyRows.find((r) => r.id === own)!;
    expect(Number(ownKey.reporter_id)).toBe(informant);
    expect(keyRows.filter((r) => r.id !== own).every((r) => r.reporter_id === null && r.reporter_key !== ownKey.reporter_key)).toBe(true);
    const idem: { user_key: string; case_id: number }[] = await t.dataSource.query('SELECT user_key, case_id FROM idempotency_keys WHERE case_id IN (?, ?, ?)', [own, id, parallelId]);
    expect(idem).toHaveLength(3);
    expect(new Set(idem.map((r) => r.user_key)).size).toBe(3);
    expect(list.items.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining([own, id, parallelId]));

    // The same scan does find the link of an ordinary report (the check is not blind).
    const resident = await userId('resident1');
    const ordinary = { ...lead, title: '普通上报的线索', anonymity: Anonymity.None, photoIds: [await uploadPhoto('resident1')] };
    const plain = (await report('resident1', ordinary).expect(201)).body;
    const tables = new Set((await linkingRows(resident, null, { id: plain.id, number: plain.number, title: ordinary.title })).map((f) => f.table));
    expect([...tables]).toEqual(expect.arrayContaining(['case_events', 'notifications', 'outbox', 'uploads']));
  });

  it('does not put 电话联系我 on a sealed lead: the officer, who cannot see the informant, is told to use messages', async () => {
    const created = (await report('informant1', {
      kind: CaseKind.Anomaly, subcategory: 'vehicle', title: '可疑车辆（保密，选了电话）', description: '车库里一辆无牌车停了一周',
      contactPreference: ContactPreference.Phone, anonymity: Anonymity.Sealed,
    }).expect(201)).body;
    const officerView = (await t.http.get(`/api/cases/${created.id}`).set(as('officer1')).expect(200)).body;
    expect(officerView.contactPreference).toBe(ContactPreference.InApp);
    expect(officerView.reporterPhone ?? null).toBeNull();
  });

  it('migrates rows written before: the idempotency key re-keyed, a sealed reporter’s rows unlinked', async () => {
    const informant = await userId('informant1');
    const lead = {
      kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '迁移前的线索', description: '夜里有人搬运可疑物品',
      contactPreference: ContactPreference.InApp, anonymity: Anonymity.Sealed,
    };
    const key = randomUUID();
    const id = (await report('informant1', lead, key).expect(201)).body.id as number;
    const [{ request_hash: hash }]: { request_hash: string }[] = await t.dataSource.query('SELECT request_hash FROM idempotency_keys WHERE case_id = ?', [id]);
    const number = await numberOf(id);
    const migration = new SealedUnlinkable1764600000000();
    const qr = t.dataSource.createQueryRunner();
    try {
      // The schema and rows as the service wrote them before this migration.
      await migration.down(qr);
      const now = new Date();
      await qr.query('INSERT INTO idempotency_keys (user_id, `key`, request_hash, case_id, created_at) VALUES (?, ?, ?, ?, ?)', [informant, key, hash, id, now]);
      await qr.query('INSERT INTO notifications (user_id, case_id, title, body, read_at, created_at) VALUES (?, ?, ?, ?, NULL, ?)', [
        informant, id, '民警回复了您的上报', `“${lead.title}”正在核实`, now,
      ]);
      await qr.query(
        "INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, created_at) VALUES ('wechat.subscribe', ?, ?, 'pending', 0, ?, ?)",
        [`case:${id}:v2:u${informant}`, JSON.stringify({ userId: informant, templateId: 'demo-case-update-template', page: `pages/case/index?id=${id}`, data: { thing1: lead.title } }), now, now],
      );
      await qr.query("UPDATE case_events SET actor_id = ? WHERE case_id = ? AND type = 'submitted'", [informant, id]);
      // Before, a sealed case carried the user's ordinary reporter key.
      await qr.query('UPDATE cases SET reporter_key = (SELECT k FROM (SELECT reporter_key AS k FROM cases WHERE reporter_id = ? LIMIT 1) x) WHERE id = ?', [informant, id]);
      await qr.query('INSERT INTO uploads (id, owner_id, case_id, storage_key, content_type, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        randomUUID(), informant, id, 'legacy/photo.jpg', 'image/jpeg', 10, now,
      ]);
      await migration.up(qr);
    } finally {
      await qr.release();
    }

    expect(await linkingRows(informant, 'openid-informant1', { id, number, title: lead.title })).toEqual([]);
    const [rekeyed]: { reporter_key: string }[] = await t.dataSource.query('SELECT reporter_key FROM cases WHERE id = ?', [id]);
    const [ordinaryKeys]: { n: number }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM cases WHERE reporter_key = ? AND reporter_id IS NOT NULL', [rekeyed.reporter_key]);
    expect(Number(ordinaryKeys.n)).toBe(0);
    // The retry still finds its case; the informant still reads the notification; the message still goes out.
    expect((await report('informant1', lead, key)).body.id).toBe(id);
    const inbox = (await t.http.get('/api/notifications?pageSize=50').set(as('informant1')).expect(200)).body;
    expect(inbox.items.some((n: { caseId: number; title: string }) => n.caseId === id && n.title === '民警回复了您的上报')).toBe(true);
    expect((await t.http.get('/api/cases/mine?pageSize=50').set(as('informant1')).expect(200)).body.items.map((c: { id: number }) => c.id)).toContain(id);
    t.fake.state.grantSubscription('openid-informant1', 'demo-case-update-template', 1);
    const sentBefore = t.fake.state.sentMessages.length;
    await t.app.get(OutboxWorker).tick(new Date(Date.now() + 1000));
    expect(t.fake.state.sentMessages.slice(sentBefore).some((m) => m.touser === 'openid-informant1' && m.page === `pages/case/index?id=${id}`)).toBe(true);
  });

  it('gives an auditor reading the audit log nothing that links a sealed report to its informant by time, order, id or address', async () => {
    const [informant, adminId] = [await userId('informant1'), await userId('admin1')];
    const [admin, leader] = [await t.login('admin1'), await t.login('station_leader1')];
    // The informant signs in and reports at once: the probe found their sign-in entry 25 ms before
    // an entry about the sealed report.
    const informantToken = (await t.http.post('/api/auth/dev-login').send({ username: 'informant1' }).expect(200)).body.accessToken as string;
    const lead = (await t.http.post('/api/cases').set(bearer(informantToken)).set('Idempotency-Key', randomUUID()).send({
      kind: CaseKind.CrimeLead, subcategory: 'drugs', title: '审计日志里不该找到的线索', description: '4栋地下室有人交易可疑物品',
      contactPreference: ContactPreference.InApp, anonymity: Anonymity.Sealed,
    }).expect(201)).body as { id: number; number: string };
    // The auditor looks right away: their audit.read entry is the first after the report.
    await t.http.get('/api/audit?pageSize=1').set(bearer(admin)).expect(200);
    // Handled, added to by the informant, and unsealed by the station leader (audited, by the leader).
    await act('officer1', lead.id, CaseAction.Accept);
    await t.http.post(`/api/cases/${lead.id}/info`).set(bearer(informantToken)).send({ note: '今天又有人来' }).expect(200);
    await t.http.post(`/api/cases/${lead.id}/unseal`).set(bearer(leader)).send({ reason: '核查线索需当面了解情况' }).expect(200);

    // The audit log, every page, as the auditor reads it.
    type Entry = { id: number; at: string; actorId: number | null; action: string; targetType: string | null; targetId: string | null; ip: string | null; detail: string | null };
    const entries: Entry[] = [];
    for (let page = 1; ; page++) {
      const body = (await t.http.get(`/api/audit?page=${page}&pageSize=200`).set(bearer(admin)).expect(200)).body as { items: Entry[]; total: number };
      entries.push(...body.items);
      if (!body.items.length || entries.length >= body.total) break;
    }
    const namesLead = (e: Entry) =>
      (e.targetType === 'case' && e.targetId === String(lead.id)) ||
      [lead.number, '审计日志里不该找到的线索', `id=${lead.id}`, `case:${lead.id}`].some((s) => e.detail?.includes(s));
    const aboutLead = entries.filter(namesLead);
    // The scan is not blind: the leader's unseal names the case.
    expect(aboutLead.map((e) => e.action)).toContain('informant.unsealed');
    // Id and address: what names the case is a staff member's own act, never the informant's, never an actorless record.
    expect(aboutLead.filter((e) => e.actorId === null || e.actorId === informant)).toEqual([]);
    // Time and order: between the informant's sign-in and the auditor's first look right after the
    // report, the log holds nothing: no entry sits next to the sign-in that could date the report.
    const signIn = entries.filter((e) => e.actorId === informant && e.action === 'auth.sign_in_demo').sort((a, b) => b.id - a.id)[0];
    const firstLook = entries.filter((e) => e.actorId === adminId && e.action === 'audit.read' && e.id > signIn.id).sort((a, b) => a.id - b.id)[0];
    expect(signIn).toBeDefined();
    expect(firstLook).toBeDefined();
    expect(entries.filter((e) => e.id > signIn.id && e.id < firstLook.id)).toEqual([]);

    // Such entries written before (informant.sealed_report, at the moment of the report) are removed.
    await t.dataSource.query(
      "INSERT INTO audit_entries (at, actor_id, action, target_type, target_id, outcome, ip, request_id, detail) VALUES (?, NULL, 'informant.sealed_report', 'case', ?, 'ok', NULL, NULL, NULL)",
      [new Date(), String(lead.id)],
    );
    const qr = t.dataSource.createQueryRunner();
    try {
      await new SealedReportAudit1766040000000().up(qr);
    } finally {
      await qr.release();
    }
    const [left] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'informant.sealed_report'");
    expect(Number(left.n)).toBe(0);
  });
});
