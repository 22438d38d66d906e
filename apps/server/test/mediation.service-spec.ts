import { ANONYMOUS_APPLICANT_NAME, Anonymity, CaseStatus, ErrorCode, MessageKind, RoomMemberRole, RoomStatus } from '@jws/contracts';
import sharp from 'sharp';
import { RoomNoticeLinks1765400000000 } from '../src/database/migrations/1765400000000-room-notice-links';
import { AnonymousApplicants1765500000000 } from '../src/database/migrations/1765500000000-anonymous-applicants';
import { MediationFollowupsWorker } from '../src/mediation/mediation-followups.worker';
import { FieldCipher } from '../src/personal-data/field-cipher';
import { mediationFixtures } from './mediation-support';
import { bearer, TestApp, startTestApp } from './test-app';

const DAY = 86_400_000;

describe('mediation rooms: opening, agreement, offline transfer, closing (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const f = mediationFixtures(() => t, tokens);
  const { as } = f;
  const caseOf = async (caseId: number, username = 'officer1') => (await t.http.get(`/api/cases/${caseId}`).set(as(username)).expect(200)).body;
  const say = (username: string, roomId: number, text: string, clientMsgId = `m-${Math.random().toString(36).slice(2, 12)}`) =>
    t.http.post(`/api/mediation/rooms/${roomId}/messages`).set(as(username)).send({ clientMsgId, kind: MessageKind.Text, text });
  const draft = (roomId: number, terms = '602住户每天20点后不再施工，并向申请人道歉') =>
    t.http.post(`/api/mediation/rooms/${roomId}/agreement`).set(as('mediator1')).send({
      parties: '申请人：张阿姨；被申请人：602住户', facts: '602住户晚间装修噪音影响楼下休息', terms,
      performanceDueAt: new Date(Date.now() + 7 * DAY).toISOString(),
    });
  const confirm = (username: string, roomId: number, agreementId: number) =>
    t.http.post(`/api/mediation/rooms/${roomId}/agreement/confirm`).set(as(username)).send({ agreementId });
  const offlineSlot = async (hoursAhead: number) => {
    const [offline] = await t.dataSource.query("SELECT id FROM mediation_offline_rooms WHERE name = '天桥派出所警民联调室'");
    const startsAt = new Date(Date.now() + hoursAhead * 3600_000);
    const res = await t.http.post(`/api/mediation/offline-rooms/${offline.id}/slots`).set(as('officer1'))
      .send({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() }).expect(201);
    return res.body.id as number;
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'resident2', 'informant1', 'officer1', 'officer3', 'mediator1', 'station_leader1', 'station_leader2']) {
      tokens[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  it('lists a member’s rooms a page at a time, open ones first, then newest, each with the member’s part', async () => {
    const closedRoom = await f.openRoom('调解未成的纠纷');
    await t.http.post(`/api/mediation/rooms/${closedRoom.id}/close`).set(as('mediator1')).send({ outcome: RoomStatus.ClosedUnsettled, note: '双方分歧较大' }).expect(200);
    const openRoom = await f.openRoom('仍在调解的纠纷');
    const all = (await t.http.get('/api/mediation/rooms/mine?pageSize=100').set(as('mediator1')).expect(200)).body;
    const ids = all.items.map((r: { id: number }) => r.id);
    const [{ n }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM mediation_members mm JOIN mediation_rooms r ON r.id = mm.room_id WHERE mm.user_id = ? AND r.parent_id IS NULL',
      [await f.userId('mediator1')],
    );
    expect(all.total).toBe(Number(n));
    // Open rooms come before every finished one, and the open room just made leads.
    const firstFinished = all.items.findIndex((r: { status: string }) => r.status !== RoomStatus.Open);
    expect(all.items.slice(firstFinished).every((r: { status: string }) => r.status !== RoomStatus.Open)).toBe(true);
    expect(ids[0]).toBe(openRoom.id);
    expect(ids.indexOf(closedRoom.id)).toBeGreaterThanOrEqual(firstFinished);
    expect(all.items.every((r: { myRole: string }) => r.myRole === RoomMemberRole.Mediator)).toBe(true);
    // Pages follow the same order without overlap.
    const second = (await t.http.get('/api/mediation/rooms/mine?page=2&pageSize=1').set(as('mediator1')).expect(200)).body;
    expect(second).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(second.items.map((r: { id: number }) => r.id)).toEqual([ids[1]]);
    // The reporter sees the same room as 申请人.
    const resident = (await t.http.get('/api/mediation/rooms/mine?pageSize=100').set(as('resident1')).expect(200)).body;
    expect(resident.items.find((r: { id: number }) => r.id === openRoom.id).myRole).toBe(RoomMemberRole.Applicant);
  });

  it('opens a room from a dispute at once: the case moves to 调解中 with its timeline, and every party is a member', async () => {
    const room = await f.openRoom('邻居占用楼道');
    expect(room.status).toBe(RoomStatus.Open);
    expect(room.members.map((mm) => mm.role).sort()).toEqual(
      [RoomMemberRole.Applicant, RoomMemberRole.Respondent, RoomMemberRole.Mediator, RoomMemberRole.Officer].sort(),
    );
    const c = await caseOf(room.caseId);
    expect(c.status).toBe(CaseStatus.InMediation);
    expect(c.timeline.map((e: { toStatus: string | null }) => e.toStatus).filter(Boolean)).toEqual(['submitted', 'accepted', 'in_mediation']);
    const mine = (await t.http.get('/api/mediation/rooms/mine?pageSize=100').set(as('resident1')).expect(200)).body;
    expect(mine.items.map((r: { id: number }) => r.id)).toContain(room.id);
    const opened = (await t.http.get(`/api/mediation/rooms/${room.id}/messages`).set(as('informant1')).expect(200)).body.items;
    expect(opened[0]).toMatchObject({ seq: 1, kind: MessageKind.System, event: 'opened' });
    // Nobody holds two parts in one room (the reporter cannot also be the respondent).
    const twice = await t.http.post('/api/mediation/rooms').set(as('officer1'))
      .send({ caseId: await f.reportDispute('同一人两个角色'), respondentUserId: await f.userId('resident1'), mediatorUserId: await f.userId('mediator1') }).expect(400);
    expect(twice.body.code).toBe(ErrorCode.ValidationFailed);
    // A second room for the same dispute while one is open is refused.
    const again = await t.http.post('/api/mediation/rooms').set(as('officer1'))
      .send({ caseId: room.caseId, respondentName: '602住户', mediatorUserId: await f.userId('mediator1') }).expect(409);
    expect(again.body.code).toBe(ErrorCode.RoomAlreadyOpen);
  });

  it('tells members who are away that the room has new messages: one unread notice per room until they open it, none to the sender', async () => {
    const room = await f.openRoom('楼上漏水协商');
    const roomNotices = async (username: string) =>
      ((await t.http.get('/api/notifications?pageSize=50').set(as(username)).expect(200)).body.items as { roomId: number | null; readAt: string | null; title: string; body: string }[])
        .filter((n) => n.roomId === room.id && n.title === '调解室有新消息');
    await say('resident1', room.id, '楼上又漏水了').expect(200);
    await say('resident1', room.id, '今天能来看看吗').expect(200);
    const first = await roomNotices('mediator1');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ title: '调解室有新消息', readAt: null });
    expect(first[0].body).toContain('楼上漏水协商');
    // The notice says who wrote where, never what.
    expect(first[0].body).not.toContain('漏水了');
    expect(await roomNotices('resident1')).toHaveLength(0);

    // Opening the room reads it; the next message brings a new one.
    await t.http.get(`/api/mediation/rooms/${room.id}`).set(as('mediator1')).expect(200);
    expect((await roomNotices('mediator1')).map((n) => n.readAt !== null)).toEqual([true]);
    await say('informant1', room.id, '我下午在家').expect(200);
    expect((await roomNotices('mediator1')).map((n) => n.readAt !== null)).toEqual([false, true]);
    expect((await roomNotices('resident1')).map((n) => n.readAt !== null)).toEqual([false]);
    // Writing in the room is being there: the writer's notice is read.
    await say('resident1', room.id, '好的，下午见').expect(200);
    expect((await roomNotices('resident1')).map((n) => n.readAt !== null)).toEqual([true]);
  });

  it('links room notices to the room, which the mediator and the respondent may open; only the parties are asked to confirm the agreement', async () => {
    const room = await f.openRoom('楼道堆放杂物');
    type Notice = { title: string; caseId: number | null; roomId: number | null; readAt: string | null };
    const notices = async (username: string, title: string) =>
      ((await t.http.get('/api/notifications?pageSize=50').set(as(username)).expect(200)).body.items as Notice[])
        .filter((n) => n.title === title && (n.roomId === room.id || n.caseId === room.caseId));
    for (const member of ['mediator1', 'informant1', 'resident1']) {
      const [opened] = await notices(member, '您有一个调解室');
      expect(opened.roomId).toBe(room.id);
      // The room the notice opens is one they may read (the case is not, for the mediator and the respondent).
      await t.http.get(`/api/mediation/rooms/${opened.roomId}`).set(as(member)).expect(200);
    }
    await t.http.get(`/api/cases/${room.caseId}`).set(as('mediator1')).expect(404);

    await draft(room.id).expect(200);
    for (const party of ['resident1', 'informant1']) {
      expect((await notices(party, '请确认调解协议')).map((n) => n.roomId)).toEqual([room.id]);
    }
    // The officer and the mediator have nothing to confirm.
    expect(await notices('officer1', '请确认调解协议')).toEqual([]);
    expect(await notices('mediator1', '请确认调解协议')).toEqual([]);
    // An unread agreement notice does not swallow the chat's 调解室有新消息.
    await say('mediator1', room.id, '请两位看一下协议').expect(200);
    expect(await notices('informant1', '调解室有新消息')).toHaveLength(1);
  });

  it('shows an applicant who reported 对他人匿名 as 申请人（匿名） to the mediator and the respondent: members, messages, notices, caucus, agreement', async () => {
    const [{ nickname }] = await t.dataSource.query("SELECT nickname FROM users WHERE username = 'resident1'");
    expect(nickname.length).toBeGreaterThan(0);
    const room = await f.openRoom('楼上养鸽子扰民', {}, Anonymity.Others);
    await say('resident1', room.id, '鸽子粪便落到我家阳台').expect(200);
    const applicant = f.memberOf(room, RoomMemberRole.Applicant);
    await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(as('mediator1')).send({ memberId: applicant.id }).expect(201);
    // The mediator drafts with the names the room shows (the form starts from them).
    const agreementId = (await t.http.post(`/api/mediation/rooms/${room.id}/agreement`).set(as('mediator1')).send({
      parties: `${ANONYMOUS_APPLICANT_NAME}；被申请人 老马`, facts: '楼上鸽笼的粪便落到楼下阳台', terms: '一周内移走鸽笼',
      performanceDueAt: new Date(Date.now() + 7 * DAY).toISOString(),
    }).expect(200)).body.agreement.id;
    await confirm('resident1', room.id, agreementId).expect(200);

    for (const other of ['mediator1', 'informant1']) {
      const view = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as(other)).expect(200)).body;
      expect(f.memberOf(view, RoomMemberRole.Applicant).displayName).toBe(ANONYMOUS_APPLICANT_NAME);
      const history = (await t.http.get(`/api/mediation/rooms/${room.id}/messages`).set(as(other)).expect(200)).body.items;
      expect(history.map((m: { senderName: string }) => m.senderName)).toContain(ANONYMOUS_APPLICANT_NAME);
      expect(history.map((m: { text: string }) => m.text)).toContain(`${ANONYMOUS_APPLICANT_NAME}已确认调解协议`);
      const doc = (await t.http.get(`/api/mediation/rooms/${room.id}/agreement/document`).set(as(other)).expect(200)).text;
      const notices = (await t.http.get('/api/notifications?pageSize=50').set(as(other)).expect(200)).body.items
        .filter((n: { roomId: number | null }) => n.roomId === room.id);
      expect(notices.length).toBeGreaterThan(0);
      for (const seen of [view, history, doc, notices]) expect(JSON.stringify(seen)).not.toContain(nickname);
    }
    const mediatorView = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as('mediator1')).expect(200)).body;
    expect(mediatorView.caucuses.map((c: { withName: string }) => c.withName)).toEqual([ANONYMOUS_APPLICANT_NAME]);
    // The handling officer and the applicant themselves know who it is.
    for (const knows of ['officer1', 'resident1']) {
      const view = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as(knows)).expect(200)).body;
      expect(f.memberOf(view, RoomMemberRole.Applicant).displayName).toBe(`申请人 ${nickname}（对他人匿名）`);
    }
  });

  it('relabels rooms opened before the fix: an anonymous applicant’s name leaves members, caucus, notices and system messages; old room notices open their room', async () => {
    const [{ nickname }] = await t.dataSource.query("SELECT nickname FROM users WHERE username = 'resident1'");
    const room = await f.openRoom('旧调解室（匿名）', {}, Anonymity.Others);
    const applicant = f.memberOf(room, RoomMemberRole.Applicant);
    const caucus = (await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(as('mediator1')).send({ memberId: applicant.id }).expect(201)).body;
    await say('resident1', room.id, '我先说两句').expect(200);
    // As the earlier code wrote them: the name in the member rows, the caucus title and texts, notices linked to the case only.
    const oldName = `申请人 ${nickname}`;
    await t.dataSource.query('UPDATE mediation_members SET display_name = ? WHERE room_id IN (?, ?) AND role = ?', [oldName, room.id, caucus.id, RoomMemberRole.Applicant]);
    await t.dataSource.query('UPDATE mediation_rooms SET title = ? WHERE id = ?', [`背靠背：${oldName}`, caucus.id]);
    await t.dataSource.query('UPDATE notifications SET body = REPLACE(body, ?, ?) WHERE room_id = ?', [ANONYMOUS_APPLICANT_NAME, oldName, room.id]);
    await t.dataSource.query("UPDATE notifications SET room_id = NULL WHERE room_id = ? AND title = '您有一个调解室'", [room.id]);
    const [caucusOpened] = await t.dataSource.query("SELECT id FROM mediation_messages WHERE room_id = ? AND event = 'caucus_opened'", [caucus.id]);
    await t.dataSource.query('UPDATE mediation_messages SET body_enc = ? WHERE id = ?', [FieldCipher.encrypt(`调解员与${oldName}的单独沟通（其他成员看不到）`), caucusOpened.id]);
    expect(JSON.stringify((await t.http.get(`/api/mediation/rooms/${caucus.id}/messages`).set(as('mediator1')).expect(200)).body)).toContain(nickname);

    const runner = t.dataSource.createQueryRunner();
    try {
      await new RoomNoticeLinks1765400000000().up(runner);
      await new AnonymousApplicants1765500000000().up(runner);
    } finally {
      await runner.release();
    }
    const seenBy = async (username: string, roomId: number) => JSON.stringify([
      (await t.http.get(`/api/mediation/rooms/${roomId}`).set(as(username)).expect(200)).body,
      (await t.http.get(`/api/mediation/rooms/${roomId}/messages`).set(as(username)).expect(200)).body,
    ]);
    expect(await seenBy('informant1', room.id)).not.toContain(nickname);
    expect(await seenBy('mediator1', room.id)).not.toContain(nickname);
    expect(await seenBy('mediator1', caucus.id)).not.toContain(nickname);
    expect(await seenBy('mediator1', caucus.id)).toContain(`调解员与${ANONYMOUS_APPLICANT_NAME}的单独沟通`);
    const notices = (await t.http.get('/api/notifications?pageSize=50').set(as('informant1')).expect(200)).body.items
      .filter((n: { caseId: number }) => n.caseId === room.caseId);
    expect(JSON.stringify(notices)).not.toContain(nickname);
    expect(notices.find((n: { title: string }) => n.title === '您有一个调解室').roomId).toBe(room.id);
  });

  it('answers 404 (and audits) a room for someone who is neither a member nor staff in scope', async () => {
    const room = await f.openRoom('楼下烧烤油烟');
    for (const outsider of ['resident2', 'officer3', 'station_leader2']) {
      const res = await t.http.get(`/api/mediation/rooms/${room.id}`).set(as(outsider)).expect(404);
      expect(res.body.code).toBe(ErrorCode.NotFound);
      await say(outsider, room.id, '我也来说两句').expect(404);
    }
    const [denied] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'mediation_room' AND target_id = ?", [String(room.id)],
    );
    expect(Number(denied.n)).toBeGreaterThanOrEqual(6);
    const hazard = await t.http.get('/api/cases/mine').set(as('resident1'));
    const nonDispute = hazard.body.items.find((c: { kind: string }) => c.kind === 'hazard');
    const refused = await t.http.post('/api/mediation/rooms').set(as('officer1'))
      .send({ caseId: nonDispute.id, respondentName: '某住户', mediatorUserId: await f.userId('mediator1') }).expect(400);
    expect(refused.body.code).toBe(ErrorCode.NotADispute);
    // The respondent's name is shown to every party: a phone number is refused, saying why.
    const dispute = await f.reportDispute('对方电话写进了称呼');
    const phone = await t.http.post('/api/mediation/rooms').set(as('officer1'))
      .send({ caseId: dispute, respondentName: '刘先生13912345678', mediatorUserId: await f.userId('mediator1') }).expect(400);
    expect(phone.body).toMatchObject({ code: ErrorCode.ValidationFailed, details: ['respondentName: 被申请人只填称呼，不要填写电话号码'] });
  });

  it('settles the room and resolves the case only when every party has confirmed the agreement; reminds the officer at the performance deadline', async () => {
    const room = await f.openRoom('空调外机滴水');
    const drafted = (await draft(room.id).expect(200)).body;
    const agreementId = drafted.agreement.id as number;
    expect(drafted.agreement.confirmations.map((c: { confirmedAt: string | null }) => c.confirmedAt)).toEqual([null, null]);
    await confirm('mediator1', room.id, agreementId).expect(403);

    const afterOne = (await confirm('resident1', room.id, agreementId).expect(200)).body;
    expect(afterOne.status).toBe(RoomStatus.Open);
    expect(afterOne.agreement.canConfirm).toBe(false);
    expect((await caseOf(room.caseId)).status).toBe(CaseStatus.InMediation);

    const settled = (await confirm('informant1', room.id, agreementId).expect(200)).body;
    expect(settled.status).toBe(RoomStatus.Settled);
    expect(settled.agreement.confirmed).toBe(true);
    const c = await caseOf(room.caseId);
    expect(c.status).toBe(CaseStatus.Resolved);
    expect(c.timeline.at(-1).note).toContain('调解达成协议');
    // The respondent gave the last confirmation: the resolve is the system's, never 上报人's.
    for (const viewer of ['officer1', 'resident1']) {
      const resolved = (await caseOf(room.caseId, viewer)).timeline.at(-1);
      expect(resolved).toMatchObject({ toStatus: CaseStatus.Resolved, actorLabel: '系统' });
    }
    const doc = await t.http.get(`/api/mediation/rooms/${room.id}/agreement/document`).set(as('resident1')).expect(200);
    expect(doc.text).toContain('人民调解协议书');
    expect(doc.text).toContain('各方已确认，协议生效');
    const [row] = await t.dataSource.query('SELECT terms_enc FROM mediation_agreements WHERE id = ?', [agreementId]);
    expect(row.terms_enc).not.toContain('602');

    const worker = t.app.get(MediationFollowupsWorker);
    expect(await worker.tick(new Date(Date.now() + 6 * DAY))).toBe(0);
    expect(await worker.tick(new Date(Date.now() + 8 * DAY))).toBe(1);
    expect(await worker.tick(new Date(Date.now() + 9 * DAY))).toBe(0);
    const reminders = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND case_id = ? AND title = '调解协议履行回访'", [await f.userId('officer1'), room.caseId],
    );
    expect(Number(reminders[0].n)).toBe(1);
  });

  it('still settles when the officer resolved the case by hand meanwhile: the agreement goes on the timeline', async () => {
    const room = await f.openRoom('阳台漏水纠纷');
    const agreementId = (await draft(room.id).expect(200)).body.agreement.id;
    await t.http.post(`/api/cases/${room.caseId}/actions`).set(as('officer1')).send({ action: 'resolve', note: '已电话协调' }).expect(200);
    await confirm('resident1', room.id, agreementId).expect(200);
    expect((await confirm('informant1', room.id, agreementId).expect(200)).body.status).toBe(RoomStatus.Settled);
    const c = await caseOf(room.caseId);
    expect(c.status).toBe(CaseStatus.Resolved);
    expect(c.timeline.at(-1).note).toContain('调解达成协议');
  });

  it('voids confirmations of a redrafted agreement: confirming the old version is refused', async () => {
    const room = await f.openRoom('宠物狗夜间吠叫');
    const v1 = (await draft(room.id).expect(200)).body.agreement.id;
    await confirm('resident1', room.id, v1).expect(200);
    const v2 = (await draft(room.id, '夜间将狗关在室内').expect(200)).body.agreement;
    expect(v2.version).toBe(2);
    expect(v2.confirmations.every((c: { confirmedAt: string | null }) => c.confirmedAt === null)).toBe(true);
    expect((await confirm('informant1', room.id, v1).expect(409)).body.code).toBe(ErrorCode.AgreementOutdated);
  });

  it('refuses to book an offline slot twice, also when two transfers race for it, and records the outcome on the case', async () => {
    const [a, b, c] = [await f.openRoom('停车位纠纷甲'), await f.openRoom('停车位纠纷乙'), await f.openRoom('停车位纠纷丙')];
    const slot = await offlineSlot(30);
    const free = (await t.http.get(`/api/mediation/rooms/${a.id}/offline-slots`).set(as('officer1')).expect(200)).body;
    expect(free.map((s: { id: number }) => s.id)).toContain(slot);
    const results = await Promise.all([a, b].map((r) => t.http.post(`/api/mediation/rooms/${r.id}/transfer`).set(as('officer1')).send({ slotId: slot })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe(ErrorCode.SlotTaken);
    const third = await t.http.post(`/api/mediation/rooms/${c.id}/transfer`).set(as('mediator1')).send({ slotId: slot }).expect(409);
    expect(third.body.code).toBe(ErrorCode.SlotTaken);
    const [bookings] = await t.dataSource.query('SELECT COUNT(*) AS n FROM mediation_bookings WHERE slot_id = ?', [slot]);
    expect(Number(bookings.n)).toBe(1);

    const winner = results.find((r) => r.status === 200)?.body;
    expect(winner.status).toBe(RoomStatus.TransferredOffline);
    expect(winner.booking.offlineRoomName).toBe('天桥派出所警民联调室');
    const freeAfter = (await t.http.get(`/api/mediation/rooms/${c.id}/offline-slots`).set(as('officer1')).expect(200)).body;
    expect(freeAfter.map((s: { id: number }) => s.id)).not.toContain(slot);
    const done = (await t.http.post(`/api/mediation/rooms/${winner.id}/offline-outcome`).set(as('officer1')).send({ settled: true, note: '双方当面达成一致' }).expect(200)).body;
    expect(done.booking.outcome).toBe('settled');
    const kase = await caseOf(winner.caseId, 'resident1');
    expect(kase.status).toBe(CaseStatus.Resolved);
    const notes = kase.timeline.map((e: { note: string | null }) => e.note ?? '');
    expect(notes.some((n: string) => n.startsWith('已转线下调解'))).toBe(true);
    expect(notes.some((n: string) => n.includes('线下调解达成协议'))).toBe(true);
    const parties = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE ?", [`room:${winner.id}:offline:%`],
    );
    expect(Number(parties[0].n)).toBeGreaterThanOrEqual(2);
  });

  it('shows an agreement left unconfirmed by a transfer to 线下调解 as not concluded, with nothing to confirm', async () => {
    const room = await f.openRoom('楼上晒被滴水（转线下）');
    const agreementId = (await draft(room.id).expect(200)).body.agreement.id;
    await confirm('resident1', room.id, agreementId).expect(200);
    await t.http.post(`/api/mediation/rooms/${room.id}/transfer`).set(as('officer1')).send({ slotId: await offlineSlot(50) }).expect(200);
    const view = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as('informant1')).expect(200)).body;
    expect(view.status).toBe(RoomStatus.TransferredOffline);
    expect(view.agreement).toMatchObject({ confirmed: false, canConfirm: false });
    expect((await confirm('informant1', room.id, agreementId).expect(409)).body.code).toBe(ErrorCode.RoomReadOnly);
    const doc = (await t.http.get(`/api/mediation/rooms/${room.id}/agreement/document`).set(as('informant1')).expect(200)).text;
    expect(doc).toContain('状态：未达成，已转线下调解');
    expect(doc).not.toContain('待各方确认');
  });

  it('makes a closed room read-only: no messages, no agreement, but the transcript stays and staff reads are audited', async () => {
    const room = await f.openRoom('楼顶晾晒纠纷');
    await say('resident1', room.id, '他家的被子挡住了我家阳光').expect(200);
    const closed = (await t.http.post(`/api/mediation/rooms/${room.id}/close`).set(as('mediator1')).send({ outcome: RoomStatus.ClosedUnsettled, note: '双方分歧较大' }).expect(200)).body;
    expect(closed.status).toBe(RoomStatus.ClosedUnsettled);
    expect(closed.readOnly).toBe(true);
    expect((await say('resident1', room.id, '还能再谈谈吗').expect(409)).body.code).toBe(ErrorCode.RoomReadOnly);
    expect((await draft(room.id).expect(409)).body.code).toBe(ErrorCode.RoomReadOnly);
    expect((await t.http.post(`/api/mediation/rooms/${room.id}/close`).set(as('resident1')).send({ outcome: RoomStatus.Withdrawn }).expect(409)).body.code).toBe(ErrorCode.RoomReadOnly);
    expect((await caseOf(room.caseId)).status).toBe(CaseStatus.InProgress);

    const transcript = (await t.http.get(`/api/mediation/rooms/${room.id}/messages`).set(as('station_leader1')).expect(200)).body.items;
    expect(transcript.map((mm: { text: string | null }) => mm.text)).toContain('他家的被子挡住了我家阳光');
    const [read] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'mediation.transcript_read' AND actor_id = ? AND target_id = ?",
      [await f.userId('station_leader1'), String(room.id)],
    );
    expect(Number(read.n)).toBe(1);
    await t.http.get(`/api/mediation/rooms/${room.id}`).set(as('station_leader1')).expect(200);
    const [both] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'mediation.transcript_read' AND actor_id = ? AND target_id = ?",
      [await f.userId('station_leader1'), String(room.id)],
    );
    expect(Number(both.n)).toBe(2);
    const [row] = await t.dataSource.query('SELECT body_enc FROM mediation_messages WHERE room_id = ? AND kind = ?', [room.id, 'text']);
    expect(row.body_enc).not.toContain('被子');
  });

  it('lets a respondent who is not yet a user join from a single-use invitation that binds their WeChat account', async () => {
    const caseId = await f.reportDispute('快递堆放门口');
    const room = (await t.http.post('/api/mediation/rooms').set(as('officer1'))
      .send({ caseId, respondentName: '对门住户', mediatorUserId: await f.userId('mediator1') }).expect(201)).body;
    const respondent = f.memberOf(room, RoomMemberRole.Respondent);
    expect(respondent.joined).toBe(false);
    expect((await t.http.post(`/api/mediation/rooms/${room.id}/invitations`).set(as('resident1')).send({ memberId: respondent.id }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    const invite = (await t.http.post(`/api/mediation/rooms/${room.id}/invitations`).set(as('officer1')).send({ memberId: respondent.id }).expect(201)).body;
    expect(invite.page).toContain('packageMediation/room/index?invite=');
    const code = await t.http.post(`/api/mediation/rooms/${room.id}/invitations/code`).set(as('officer1')).send({ token: invite.token })
      .buffer(true).parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); }).expect(200);
    expect(code.headers['content-type']).toBe('image/png');
    expect((code.body as Buffer).subarray(1, 4).toString()).toBe('PNG');

    const accepted = (await t.http.post('/api/mediation/invitations/accept').send({ token: invite.token, code: 'demo:respondent-openid-1' }).expect(200)).body;
    expect(accepted.roomId).toBe(room.id);
    const token = accepted.accessToken as string;
    const view = (await t.http.get(`/api/mediation/rooms/${room.id}`).set({ Authorization: `Bearer ${token}` }).expect(200)).body;
    expect(view.myRole).toBe(RoomMemberRole.Respondent);
    expect(f.memberOf(view, RoomMemberRole.Respondent).joined).toBe(true);
    const reused = await t.http.post('/api/mediation/invitations/accept').send({ token: invite.token, code: 'demo:someone-else' }).expect(400);
    expect(reused.body.code).toBe(ErrorCode.InviteUsed);
    const [users] = await t.dataSource.query("SELECT COUNT(*) AS n FROM users WHERE openid = 'someone-else'");
    expect(Number(users.n)).toBe(0);
    expect((await t.http.post('/api/mediation/invitations/accept').send({ token: 'no-such-token', code: 'demo:x' }).expect(400)).body.code).toBe(ErrorCode.InviteInvalid);
  });

  it('keeps a caucus private: the other party cannot open it or learn of it over HTTP', async () => {
    const room = await f.openRoom('装修垃圾堆放');
    const applicant = f.memberOf(room, RoomMemberRole.Applicant);
    const caucus = (await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(as('mediator1')).send({ memberId: applicant.id }).expect(201)).body;
    expect(caucus.parentRoomId).toBe(room.id);
    await say('mediator1', caucus.id, '您的底线是什么？').expect(200);
    await say('resident1', caucus.id, '只要他道歉就行').expect(200);
    expect((await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(as('officer1')).send({ memberId: applicant.id }).expect(403)).body.code).toBe(ErrorCode.Forbidden);

    for (const other of ['informant1', 'officer1', 'station_leader1']) {
      await t.http.get(`/api/mediation/rooms/${caucus.id}`).set(as(other)).expect(404);
      await t.http.get(`/api/mediation/rooms/${caucus.id}/messages`).set(as(other)).expect(404);
      const main = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as(other)).expect(200)).body;
      expect(main.caucuses).toEqual([]);
      const history = (await t.http.get(`/api/mediation/rooms/${room.id}/messages`).set(as(other)).expect(200)).body.items;
      expect(JSON.stringify(history)).not.toContain('道歉');
    }
    const own = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as('resident1')).expect(200)).body;
    expect(own.caucuses.map((c: { roomId: number }) => c.roomId)).toEqual([caucus.id]);
  });

  it('keeps each member’s read position: what the mediator wrote in a 背靠背 while the party was away is unread there until they read it, and nobody else is told', async () => {
    const room = await f.openRoom('楼道堆放杂物（未读）');
    const applicant = f.memberOf(room, RoomMemberRole.Applicant);
    const caucus = (await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(as('mediator1')).send({ memberId: applicant.id }).expect(201)).body;
    const view = async (username: string) => (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as(username)).expect(200)).body;
    const read = (username: string, roomId: number, seq: number) => t.http.post(`/api/mediation/rooms/${roomId}/read`).set(as(username)).send({ seq });

    // Only the channel-opened notice so far: nothing unread anywhere.
    expect((await view('resident1')).caucuses).toEqual([expect.objectContaining({ roomId: caucus.id, unread: 0 })]);
    const sent = (await say('mediator1', caucus.id, '您能接受对方赔偿三百元吗？').expect(200)).body;
    await say('mediator1', room.id, '请双方稍候，我分别了解一下情况').expect(200);
    // The mediator's own words are not unread for the mediator.
    const mediatorView = await view('mediator1');
    expect(mediatorView.unread).toBe(0);
    expect(mediatorView.caucuses.map((c: { unread: number }) => c.unread)).toEqual([0]);

    const away = await view('resident1');
    expect(away.caucuses).toEqual([expect.objectContaining({ roomId: caucus.id, unread: 1 })]);
    expect(away.unread).toBe(1);
    // A recalled message is not unread any more; the recall notice does not count either.
    const oops = (await say('mediator1', caucus.id, '发错了').expect(200)).body;
    expect((await view('resident1')).caucuses[0].unread).toBe(2);
    await t.http.post(`/api/mediation/rooms/${caucus.id}/messages/${oops.seq}/recall`).set(as('mediator1')).expect(200);
    expect((await view('resident1')).caucuses[0].unread).toBe(1);

    // The other party learns nothing of the applicant’s 背靠背: no channel, no count; its id is 404 for them.
    const other = await view('informant1');
    expect(other.caucuses).toEqual([]);
    expect(other.unread).toBe(1);
    // No id in the view names the channel (a bare substring test would match timestamps).
    expect(JSON.stringify(other)).not.toMatch(new RegExp(`"\\w*[iI]d":${caucus.id}[,}]`));
    expect((await read('informant1', caucus.id, sent.seq).expect(404)).body.code).toBe(ErrorCode.NotFound);

    // The party reads the channel: 0 from then on, also for a read position reported late or twice.
    await read('resident1', caucus.id, sent.seq + 5).expect(204);
    const after = await view('resident1');
    expect(after.caucuses[0].unread).toBe(0);
    expect(after.unread).toBe(1);
    await read('resident1', caucus.id, 1).expect(204);
    expect((await view('resident1')).caucuses[0].unread).toBe(0);
    // A read position past the end is capped there: the next message is unread again.
    await say('mediator1', caucus.id, '考虑好了告诉我').expect(200);
    expect((await view('resident1')).caucuses[0].unread).toBe(1);
    // The main room is read separately; a bad position is a coded 400.
    await read('resident1', room.id, mediatorView.lastSeq).expect(204);
    expect((await view('resident1')).unread).toBe(0);
    expect((await read('resident1', room.id, 0).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    // Staff reading the transcript have no position there and nothing counted.
    await read('station_leader1', room.id, 1).expect(204);
    expect((await view('station_leader1')).unread).toBe(0);
  });

  it('sends an image to the room’s members only; an upload cannot be used twice', async () => {
    const room = await f.openRoom('晾衣杆滴水（图片）');
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 40, g: 120, b: 200 } } }).jpeg().toBuffer();
    const upload = (await t.http.post('/api/uploads').set(as('resident1')).attach('file', jpeg, { filename: 'a.jpg', contentType: 'image/jpeg' }).expect(201)).body;
    const sent = (await t.http.post(`/api/mediation/rooms/${room.id}/messages`).set(as('resident1'))
      .send({ clientMsgId: 'image-message-01', kind: MessageKind.Image, uploadId: upload.id }).expect(200)).body;
    expect(sent.imageUrl).toBe(`/api/mediation/rooms/${room.id}/images/${upload.id}`);
    const got = await t.http.get(sent.imageUrl).set(as('mediator1')).expect(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    await t.http.get(sent.imageUrl).set(as('resident2')).expect(404);
    // Not among the case's photos (a caucus image would otherwise reach the case page).
    expect((await caseOf(room.caseId, 'resident1')).photos).toEqual([]);
    const reused = await t.http.post(`/api/mediation/rooms/${room.id}/messages`).set(as('resident1'))
      .send({ clientMsgId: 'image-message-02', kind: MessageKind.Image, uploadId: upload.id }).expect(400);
    expect(reused.body.code).toBe(ErrorCode.UploadNotFound);
  });

  it('tells the officer when the reporter of a dispute asks for mediation (申请调解), and only the reporter may', async () => {
    const caseId = await f.reportDispute('申请调解的纠纷');
    await t.http.post('/api/mediation/requests').set(as('resident1')).send({ caseId }).expect(204);
    await t.http.post('/api/mediation/requests').set(as('resident2')).send({ caseId }).expect(404);
    const [n] = await t.dataSource.query("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND case_id = ? AND title = '群众申请调解'", [await f.userId('officer1'), caseId]);
    expect(Number(n.n)).toBe(1);
    expect((await caseOf(caseId)).timeline.map((e: { note: string | null }) => e.note)).toContain('上报人申请调解');
    // Asking again is answered, not repeated to the officer.
    const again = await t.http.post('/api/mediation/requests').set(as('resident1')).send({ caseId }).expect(409);
    expect(again.body).toEqual({ code: ErrorCode.MediationAlreadyRequested, message: '您已申请调解，请等待民警安排' });
    // Three taps at once: one request on record, one notice.
    const raced = await f.reportDispute('连点三下申请调解');
    const answers = await Promise.all([1, 2, 3].map(() => t.http.post('/api/mediation/requests').set(as('resident1')).send({ caseId: raced })));
    expect(answers.map((r) => r.status).sort()).toEqual([204, 409, 409]);
    const notes = (await caseOf(raced)).timeline.filter((e: { note: string | null }) => e.note === '上报人申请调解');
    expect(notes).toHaveLength(1);
    const [m] = await t.dataSource.query("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND case_id = ? AND title = '群众申请调解'", [await f.userId('officer1'), raced]);
    expect(Number(m.n)).toBe(1);
  });

  it('names the case of a dead room notice written before notices kept their case, through the room it opens', async () => {
    const room = await f.openRoom('早期调解室通知的纠纷');
    const resident = await f.userId('resident1');
    const now = new Date();
    // An outbox row as written before payloads carried the case id: only the room page names its subject.
    await t.dataSource.query(
      "INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, last_error, created_at) VALUES ('wechat.subscribe', ?, ?, 'dead', 1, ?, 'errcode 47003: argument invalid', ?)",
      [`old-room-notice:${room.id}`, JSON.stringify({ userId: resident, templateId: 'demo-case-update-template', page: `packageMediation/room/index?id=${room.id}`, data: { thing1: '您有一个调解室', phrase2: '调解' } }), now, now],
    );
    const letters = (await t.http.get('/api/admin/outbox/dead').set(bearer(await t.login('admin1'))).expect(200)).body as Record<string, unknown>[];
    const letter = letters.find((l) => l.caseNumber === room.caseNumber);
    expect(letter).toMatchObject({ noticeTitle: '调解', caseId: room.caseId, communityName: null, refused: true, confidential: false });
    expect(String(letter?.recipientName)).toMatch(/\*/);
  });
});
