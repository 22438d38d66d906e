import { blocksFromText, BULLETIN_URGENT_REVIEW_MINUTES, BulletinDetail, BulletinKind, BulletinStatus, BulletinSummary, ErrorCode, WarningType } from '@jws/contracts';
import { fakeImageCheck } from '@jws/wechat';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { BulletinReviewDeadlinesWorker } from '../src/bulletins';
import { OutboxWorker } from '../src/notifications';
import { bearer, startTestApp, TestApp } from './test-app';

const MINUTE = 60_000;
const TEMPLATE = 'demo-bulletin-template';

/** A 预警 as department_staff1 (户政科, 蚌山分局) writes it. */
const warning = (extra: object = {}, text = '接到自称客服的电话要求退款，**先挂断**，再拨打官方电话核实。') => ({
  kind: BulletinKind.Warning, warningType: WarningType.Prevention, title: `警惕冒充客服退款诈骗 ${randomUUID().slice(0, 6)}`,
  body: blocksFromText(text), tags: ['反诈'], ...extra,
});

/** A small PNG of its own colour, so each upload is a different image. */
const png = (seed: number) => sharp({ create: { width: 24, height: 16, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: 90 } } }).png().toBuffer();

describe('bulletins: WeChat content check, images, urgent review deadlines and 警务公告 subscribe messages (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string) => bearer(tokens[who]);
  const q = async <T = Record<string, unknown>>(sql: string, args: unknown[] = []) => (await t.dataSource.query(sql, args)) as T[];
  const userId = async (name: string) => Number((await q<{ id: number }>('SELECT id FROM users WHERE username = ?', [name]))[0].id);
  const groupId = async (name: string) => Number((await q<{ id: number }>('SELECT id FROM police_groups WHERE name = ?', [name]))[0].id);
  const create = (body: object, who = 'department_staff1') => t.http.post('/api/bulletins').set(as(who)).send(body);
  const submit = async (id: number): Promise<BulletinDetail> => (await t.http.post(`/api/bulletins/${id}/submit`).set(as('department_staff1')).expect(200)).body;
  const detail = async (who: string, id: number): Promise<BulletinDetail> => (await t.http.get(`/api/bulletins/${id}`).set(as(who)).expect(200)).body;
  const queue = async (): Promise<number[]> =>
    ((await t.http.get('/api/bulletins?status=pending_review&pageSize=100').set(as('legal_reviewer1')).expect(200)).body.items as BulletinSummary[]).map((b) => b.id);
  const upload = async (who: string, seed: number): Promise<string> =>
    (await t.http.post('/api/uploads').set(as(who)).attach('file', await png(seed), { filename: 'p.png', contentType: 'image/png' }).expect(201)).body.id as string;
  const bulletinCount = async () => Number((await q<{ n: number }>('SELECT COUNT(*) AS n FROM bulletins'))[0].n);
  /** The group's pushes of today go elsewhere: its two slots are free again (the demo leaves one, earlier tests use it). */
  const freeSlots = (group: number) => q("UPDATE bulletin_pushes SET day = '2000-01-01', slot = id WHERE group_id = ? AND day >= '2026-01-01'", [group]);
  const approve = (id: number) => t.http.post(`/api/bulletins/${id}/review`).set(as('legal_reviewer1')).send({ decision: 'approve' }).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '1000' });
    for (const u of ['resident1', 'officer1', 'legal_reviewer1', 'department_staff1', 'branch_leader1']) tokens[u] = await t.login(u);
    // msgSecCheck (version 2) needs the author's openid: department_staff1 signed in through WeChat.
    await q('UPDATE users SET openid = ? WHERE username = ?', ['o-staff-dept1', 'department_staff1']);
    await q('UPDATE users SET openid = ? WHERE username = ?', ['o-resident-1', 'resident1']);
  });
  afterAll(() => t.close());

  describe('msgSecCheck on the text and img_sec_check on the images before review', () => {
    it('holds risky text with a reason its author reads; the reviewer never sees it; revised, it goes to review', async () => {
      const id = (await create(warning({}, '网上赌博稳赚不赔，加群领福利。')).expect(201)).body.id as number;
      const held = await submit(id);
      expect(held.status).toBe(BulletinStatus.Held);
      expect(held.heldReason).toBe('文字未通过内容安全检查（疑似违法犯罪），请修改后重新提交');
      expect(await queue()).not.toContain(id);
      const audit = await q<{ detail: string }>("SELECT detail FROM audit_entries WHERE action = 'bulletin.held' AND target_id = ?", [String(id)]);
      expect(audit.map((a) => a.detail)).toEqual([held.heldReason]);

      const revised = { ...warning(), title: held.title };
      await t.http.put(`/api/bulletins/${id}`).set(as('department_staff1')).send(revised).expect(200);
      const sent = await submit(id);
      expect(sent).toMatchObject({ status: BulletinStatus.PendingReview, heldReason: null, secCheck: 'pass' });
      expect(await queue()).toContain(id);
    });

    it('sends what WeChat suggests reviewing to the reviewer, marked so', async () => {
      const id = (await create(warning({}, '有人以兼职刷单为名骗取押金，请勿相信。')).expect(201)).body.id as number;
      expect(await submit(id)).toMatchObject({ status: BulletinStatus.PendingReview, secCheck: 'review' });
      expect((await detail('legal_reviewer1', id)).secCheck).toBe('review');
    });

    it('falls back to the reviewer when WeChat fails, keeping every word', async () => {
      const body = warning({}, '近期有冒充医保局来电的诈骗，请挂断后拨打官方电话核实。');
      const id = (await create(body).expect(201)).body.id as number;
      t.fake.state.failNext('/wxa/msg_sec_check', 45009, 'reach max api daily quota limit');
      const sent = await submit(id);
      expect(sent).toMatchObject({ status: BulletinStatus.PendingReview, secCheck: 'unchecked', title: body.title, body: body.body });
      expect(await queue()).toContain(id);
    });

    it('holds a bulletin whose image WeChat finds risky, naming the image', async () => {
      const clean = await upload('department_staff1', 11);
      const risky = await upload('department_staff1', 12);
      // The stored image (re-encoded without metadata) is what WeChat is sent.
      const stored = (await t.http.get(`/api/uploads/${risky}`).set(as('department_staff1')).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200)).body as Buffer;
      fakeImageCheck(t.fake.state).markRisky(stored);
      const id = (await create(warning({ imageIds: [clean, risky] })).expect(201)).body.id as number;
      expect(await submit(id)).toMatchObject({ status: BulletinStatus.Held, heldReason: '第2张图片未通过内容安全检查，请更换后重新提交' });
    });
  });

  describe('images (up to 9, through uploads)', () => {
    it('refuses a 10th image with a coded 400 in Chinese, writing nothing and leaving the uploads unclaimed', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push(await upload('department_staff1', 100 + i));
      const before = await bulletinCount();
      const res = await create(warning({ imageIds: ids })).expect(400);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
      expect(JSON.stringify(res.body)).toContain('最多添加9张图片');
      expect(await bulletinCount()).toBe(before);
      const claimed = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM uploads WHERE bulletin_id IS NOT NULL AND id IN (${ids.map(() => '?').join(', ')})`, ids);
      expect(Number(claimed[0].n)).toBe(0);

      // Someone else's image: refused, nothing written.
      const foreign = await upload('officer1', 120);
      expect((await create(warning({ imageIds: [ids[0], foreign] })).expect(400)).body.code).toBe(ErrorCode.UploadNotFound);
      expect(await bulletinCount()).toBe(before);
    });

    it('keeps 9 images, shows them to a member of a group it reached, and not after withdrawal', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 9; i++) ids.push(await upload('department_staff1', 200 + i));
      const id = (await create(warning({ imageIds: ids })).expect(201)).body.id as number;
      await submit(id);
      await approve(id);
      await freeSlots(await groupId('胜利社区警民议事群'));
      await t.http.post(`/api/bulletins/${id}/pushes`).set(as('officer1')).send({ groupIds: [await groupId('胜利社区警民议事群')] }).expect(200);
      const seen = await detail('resident1', id);
      expect(seen.imageIds).toEqual(ids);
      expect(seen.imageUrls).toEqual(ids.map((i) => `/api/bulletins/${id}/images/${i}`));
      const image = await t.http.get(seen.imageUrls[8]).set(as('resident1')).expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      // Another bulletin's path does not serve it.
      await t.http.get(`/api/bulletins/${id}/images/${randomUUID()}`).set(as('resident1')).expect(404);
      // Kept from the unclaimed-upload purge.
      expect(Number((await q<{ n: number }>('SELECT COUNT(*) AS n FROM uploads WHERE bulletin_id = ?', [id]))[0].n)).toBe(9);

      await t.http.post(`/api/bulletins/${id}/withdraw`).set(as('department_staff1')).send({ reason: '图片有误' }).expect(200);
      await t.http.get(seen.imageUrls[0]).set(as('resident1')).expect(404);
    });
  });

  describe('urgent 预警: a review deadline escalating on the lease scheduler', () => {
    it('tells the reviewers once, then the branch leaders once, with two instances ticking together', async () => {
      const id = (await create(warning({ urgent: true })).expect(201)).body.id as number;
      const submittedAt = Date.now();
      const sent = await submit(id);
      expect(sent.urgent).toBe(true);
      const due = Date.parse(sent.reviewDueAt!);
      expect(due - submittedAt).toBeGreaterThanOrEqual(BULLETIN_URGENT_REVIEW_MINUTES * MINUTE - 5000);

      const worker = t.app.get(BulletinReviewDeadlinesWorker);
      const second = Object.assign(Object.create(Object.getPrototypeOf(worker)), worker, { owner: 'second-instance' }) as BulletinReviewDeadlinesWorker;
      const both = async (at: number) => (await Promise.all([worker.tick(new Date(at)), second.tick(new Date(at))])).reduce((a, b) => a + b, 0);
      const notices = async (who: string) =>
        q<{ title: string }>("SELECT title FROM notifications WHERE user_id = ? AND title LIKE '%紧急预警%' AND body LIKE ?", [await userId(who), `%${sent.title}%`]);

      expect(await both(due - MINUTE)).toBe(0);
      expect(await notices('legal_reviewer1')).toEqual([]);

      expect(await both(due + MINUTE)).toBe(1);
      expect(await notices('legal_reviewer1')).toEqual([{ title: '紧急预警审核已超时：请尽快审核' }]);
      expect(await notices('branch_leader1')).toEqual([]);
      expect(await both(due + 2 * MINUTE)).toBe(0);

      expect(await both(due + 32 * MINUTE)).toBe(1);
      expect(await notices('branch_leader1')).toEqual([{ title: '分局督办：紧急预警仍未审核' }]);
      expect(await both(due + 120 * MINUTE)).toBe(0);
      expect(await notices('legal_reviewer1')).toHaveLength(1);
      expect(await notices('branch_leader1')).toHaveLength(1);
      const audit = await q("SELECT id FROM audit_entries WHERE action = 'bulletin.review_overdue' AND target_id = ?", [String(id)]);
      expect(audit).toHaveLength(2);
    });

    it('does not escalate one reviewed in time, nor a 预警 that is not urgent', async () => {
      const decided = (await create(warning({ urgent: true })).expect(201)).body.id as number;
      const due = Date.parse((await submit(decided)).reviewDueAt!);
      await approve(decided);
      const plain = (await create(warning()).expect(201)).body.id as number;
      expect((await submit(plain)).reviewDueAt).toBeNull();
      expect(await t.app.get(BulletinReviewDeadlinesWorker).tick(new Date(due + 60 * MINUTE))).toBe(0);
    });

    it('refuses urgent on anything but a 预警', async () => {
      const res = await create({ kind: BulletinKind.LegalPublicity, title: '电动车充电安全', body: blocksFromText('不要在楼道充电。'), urgent: true }).expect(400);
      expect(JSON.stringify(res.body)).toContain('只有预警可以标为紧急');
    });
  });

  describe('警务公告 subscribe messages through the outbox', () => {
    it('sends one to a member who accepted the template when a bulletin reaches their group, and uses the acceptance up', async () => {
      const resident = await userId('resident1');
      expect((await t.http.get('/api/bulletin-subscription').set(as('resident1')).expect(200)).body).toEqual({ credits: 0, templateId: TEMPLATE });
      // wx.requestSubscribeMessage: accepted in the mini program (WeChat counts it too).
      t.fake.state.grantSubscription('o-resident-1', TEMPLATE);
      expect((await t.http.post('/api/bulletin-subscription').set(as('resident1')).send({ accepted: true }).expect(200)).body.credits).toBe(1);
      await t.http.post('/api/bulletin-subscription').set(as('resident1')).send({ accepted: 'yes' }).expect(400);

      const id = (await create(warning()).expect(201)).body.id as number;
      await submit(id);
      await approve(id);
      const title = (await detail('department_staff1', id)).title;
      const group = await groupId('胜利社区警民议事群');
      await freeSlots(group);
      await t.http.post(`/api/bulletins/${id}/pushes`).set(as('officer1')).send({ groupIds: [group] }).expect(200);
      const rows = await q<{ dedupe_key: string }>("SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE ? AND status = 'pending'", [`bulletin:${id}:%`]);
      expect(rows.map((r) => r.dedupe_key)).toEqual([`bulletin:${id}:g${group}:u${resident}`]);
      expect((await t.http.get('/api/bulletin-subscription').set(as('resident1')).expect(200)).body.credits).toBe(0);

      const before = t.fake.state.sentMessages.length;
      await t.app.get(OutboxWorker).tick(new Date(Date.now() + 1000));
      const sent = t.fake.state.sentMessages.slice(before).filter((m) => m.templateId === TEMPLATE);
      expect(sent).toEqual([expect.objectContaining({
        touser: 'o-resident-1', page: `pages/bulletin/index?id=${id}`,
        data: expect.objectContaining({ thing1: [...title].slice(0, 20).join(''), phrase2: '预警', thing3: '蚌山分局' }),
      })]);
      expect((await q<{ status: string }>('SELECT status FROM outbox WHERE dedupe_key = ?', [rows[0].dedupe_key]))[0].status).toBe('sent');
    });

    it('holds a scheduled push’s message until its time, and gives the acceptance back when the push is cancelled', async () => {
      await t.http.post('/api/bulletin-subscription').set(as('resident1')).send({ accepted: true }).expect(200);
      const id = (await create(warning()).expect(201)).body.id as number;
      await submit(id);
      await approve(id);
      const group = await groupId('胜利社区警民议事群');
      await freeSlots(group);
      const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
      await t.http.post(`/api/bulletins/${id}/pushes`).set(as('officer1')).send({ groupIds: [group], at }).expect(200);
      const pending = await q<{ next_attempt_at: Date }>('SELECT next_attempt_at FROM outbox WHERE dedupe_key LIKE ?', [`bulletin:${id}:%`]);
      expect(pending.map((p) => new Date(p.next_attempt_at).toISOString())).toEqual([at]);
      expect((await t.http.get('/api/bulletin-subscription').set(as('resident1')).expect(200)).body.credits).toBe(0);

      await t.http.delete(`/api/bulletins/${id}/pushes/${group}`).set(as('officer1')).expect(200);
      expect(await q('SELECT id FROM outbox WHERE dedupe_key LIKE ?', [`bulletin:${id}:%`])).toEqual([]);
      expect((await t.http.get('/api/bulletin-subscription').set(as('resident1')).expect(200)).body.credits).toBe(1);
    });
  });
});
