import { ANONYMOUS_APPLICANT_NAME, Anonymity, ErrorCode, MessageKind, MessageView, RoomMemberRole, ServerFrame, WS_CLOSE } from '@jws/contracts';
import { JwtService } from '@nestjs/jwt';
import { RealtimeGateway } from '../src/mediation/realtime.gateway';
import { mediationFixtures, WsClient } from './mediation-support';
import { startTestApp, TestApp } from './test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const isError = (code: ErrorCode) => (f: ServerFrame) => f.type === 'error' && f.code === code;
const ackOf = (clientMsgId: string) => (f: ServerFrame) => f.type === 'ack' && f.clientMsgId === clientMsgId;
const text = (roomId: number, clientMsgId: string, body: string) => ({ type: 'send', roomId, clientMsgId, kind: MessageKind.Text, text: body });

describe('realtime /ws: rooms over plain WebSocket with resume (MariaDB, real ws clients)', () => {
  let t: TestApp;
  let url: string;
  const tokens: Record<string, string> = {};
  const f = mediationFixtures(() => t, tokens);
  const clients: WsClient[] = [];
  const connect = async (username: string, base = url) => {
    const c = await WsClient.connect(base, tokens[username]);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    // Peers of this suite talk through Redis; each test run gets channels of its own database.
    t = await startTestApp({ RATE_LIMIT_SCALE: '10', REDIS_URL, WS_HEARTBEAT_MS: '1000' });
    url = await t.listen();
    for (const u of ['resident1', 'resident2', 'informant1', 'officer1', 'mediator1']) tokens[u] = await t.login(u);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  it('closes a socket without a valid token, by query or first frame', async () => {
    const bad = await WsClient.connect(url, 'not-a-token');
    expect(bad.frames[0]).toMatchObject({ type: 'error', code: ErrorCode.TokenInvalid });
    expect(await bad.closed()).toBe(WS_CLOSE.Unauthenticated);
    const anonymous = await WsClient.connect(url);
    anonymous.send({ type: 'join', roomId: 1 });
    expect(await anonymous.closed()).toBe(WS_CLOSE.Unauthenticated);
    const late = await WsClient.connect(url);
    late.send({ type: 'auth', token: tokens.resident1 });
    expect(await late.next((fr) => fr.type === 'ready')).toMatchObject({ type: 'ready' });
    late.close();
  });

  it('closes a socket when its access token expires, telling the client to refresh', async () => {
    const resident = await f.userId('resident1');
    const shortLived = await t.app.get(JwtService).signAsync({ sub: resident, typ: 'access' }, { expiresIn: 2 });
    const c = await WsClient.connect(url, shortLived);
    clients.push(c);
    expect(c.frames[0]).toMatchObject({ type: 'ready' });
    expect(await c.next(isError(ErrorCode.TokenExpired), 6000)).toMatchObject({ message: '登录已过期，请重新登录' });
    expect(await c.closed()).toBe(WS_CLOSE.Unauthenticated);
  });

  it('drops a socket that stops answering heartbeats, and keeps one that answers', async () => {
    const gateway = t.app.get(RealtimeGateway);
    const [alive, dead] = [await connect('resident1'), await connect('mediator1')];
    const before = gateway.size;
    // A phone that lost its network: nothing it receives is read, so no pong goes back.
    (dead.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const deadline = Date.now() + 5000;
    while (gateway.size > before - 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(gateway.size).toBe(before - 1);
    alive.send({ type: 'ping' });
    await alive.next((fr) => fr.type === 'pong');
  });

  it('joins a room and delivers a member’s message to the others, and refuses a room the caller is not in', async () => {
    const room = await f.openRoom('楼道堆物（实时）');
    const [resident, mediator, outsider] = [await connect('resident1'), await connect('mediator1'), await connect('resident2')];
    await resident.join(room.id);
    await mediator.join(room.id, 0);
    resident.send(text(room.id, 'join-test-0001', '您好，调解员'));
    const ack = await resident.next(ackOf('join-test-0001'));
    const got = await mediator.receivedText(room.id, '您好，调解员');
    const message = (got.type === 'message' ? got.message : got.type === 'messages' ? got.messages.find((m) => m.text === '您好，调解员') : undefined) as MessageView;
    expect(message).toMatchObject({ seq: (ack as { seq: number }).seq, senderName: '申请人 张阿姨', kind: MessageKind.Text });

    await outsider.join(room.id);
    expect(outsider.frames.at(-1)).toMatchObject({ type: 'error', code: ErrorCode.NotFound, roomId: room.id });
    outsider.send(text(room.id, 'outsider-0001', '我也要说'));
    await outsider.next(isError(ErrorCode.NotInRoom));
    expect(mediator.texts(room.id)).not.toContain('我也要说');
    // Probing room ids one after another (every refusal is audited) closes the socket.
    for (let id = 100_000; id < 100_025; id++) outsider.send({ type: 'join', roomId: id });
    expect(await outsider.closed()).toBe(WS_CLOSE.Protocol);
  });

  it('names an applicant who reported 对他人匿名 申请人（匿名） in every frame the mediator and the respondent get, live and on resume', async () => {
    const room = await f.openRoom('楼上鸽笼（实时）', {}, Anonymity.Others);
    const [resident, respondent] = [await connect('resident1'), await connect('informant1')];
    await resident.join(room.id);
    await respondent.join(room.id);
    resident.send(text(room.id, 'anon-live-0001', '鸽子太吵了'));
    const live = await respondent.receivedText(room.id, '鸽子太吵了');
    expect(live).toMatchObject({ type: 'message', message: { senderName: ANONYMOUS_APPLICANT_NAME } });
    const mediator = await connect('mediator1');
    await mediator.join(room.id, 0);
    await mediator.receivedText(room.id, '鸽子太吵了');
    for (const c of [respondent, mediator]) expect(JSON.stringify(c.frames)).not.toContain('张阿姨');
  });

  it('resumes after a forced drop with exactly the missing messages: no gap, no duplicate, resends idempotent', async () => {
    const room = await f.openRoom('噪音（断线重连）');
    const mediator = await connect('mediator1');
    await mediator.join(room.id);
    let resident = await connect('resident1');
    await resident.join(room.id);
    for (let i = 1; i <= 3; i++) {
      mediator.send(text(room.id, `before-drop-${i}0000`, `断线前${i}`));
      await resident.receivedText(room.id, `断线前${i}`);
    }
    const seen = resident.seqs(room.id);
    const last = Math.max(...seen);
    resident.close(); // forced drop: no close handshake

    for (let i = 1; i <= 60; i++) mediator.send(text(room.id, `during-drop-${String(i).padStart(4, '0')}`, `断线中${i}`));
    await mediator.next(ackOf('during-drop-0060'), 15_000);
    // The sender's retry of a message whose ack it missed is the same message.
    mediator.send(text(room.id, 'during-drop-0030', '断线中30'));
    mediator.send({ type: 'ping' });
    await mediator.next((fr) => fr.type === 'pong');
    const acks = mediator.frames.filter(ackOf('during-drop-0030')).map((a) => (a as { seq: number }).seq);
    expect(acks).toHaveLength(2);
    expect(acks[1]).toBe(acks[0]);

    resident = await connect('resident1');
    resident.send({ type: 'join', roomId: room.id, lastSeq: last });
    mediator.send(text(room.id, 'after-resume-0001', '重连后'));
    await resident.receivedText(room.id, '重连后', 15_000);
    const resumed = resident.seqs(room.id);
    const expected = Array.from({ length: resumed.length }, (_, i) => last + 1 + i);
    expect(resumed).toEqual(expected);
    expect(resident.texts(room.id).filter((x) => x?.startsWith('断线中'))).toHaveLength(60);
    const [stored] = await t.dataSource.query("SELECT COUNT(*) AS n FROM mediation_messages WHERE room_id = ? AND client_msg_id = 'during-drop-0030'", [room.id]);
    expect(Number(stored.n)).toBe(1);
  });

  it('keeps a caucus private on the socket: the other party can neither join it nor receive its messages', async () => {
    const room = await f.openRoom('背靠背（实时）');
    const applicant = f.memberOf(room, RoomMemberRole.Applicant);
    const caucus = (await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(f.as('mediator1')).send({ memberId: applicant.id }).expect(201)).body;
    const [mediator, resident, respondent, officer] = [await connect('mediator1'), await connect('resident1'), await connect('informant1'), await connect('officer1')];
    for (const c of [mediator, resident, respondent, officer]) await c.join(room.id);
    await mediator.join(caucus.id);
    await resident.join(caucus.id);
    await respondent.join(caucus.id);
    await officer.join(caucus.id);
    for (const c of [respondent, officer]) expect(c.frames.at(-1)).toMatchObject({ type: 'error', code: ErrorCode.NotFound, roomId: caucus.id });

    mediator.send(text(caucus.id, 'caucus-secret-01', '您能接受的赔偿是多少？'));
    await resident.receivedText(caucus.id, '您能接受的赔偿是多少？');
    mediator.send(text(room.id, 'caucus-public-01', '大家好'));
    await respondent.receivedText(room.id, '大家好');
    await officer.receivedText(room.id, '大家好');
    for (const c of [respondent, officer]) expect(JSON.stringify(c.frames)).not.toContain('赔偿');
  });

  it('follows every channel a person may read on one socket: a party gets the joint channel and their own 背靠背 at once, never the other party’s', async () => {
    const room = await f.openRoom('背靠背（多频道）');
    const [applicant, respondentMember] = [f.memberOf(room, RoomMemberRole.Applicant), f.memberOf(room, RoomMemberRole.Respondent)];
    const caucusOf = async (memberId: number) =>
      (await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(f.as('mediator1')).send({ memberId }).expect(201)).body as { id: number };
    const [withApplicant, withRespondent] = [await caucusOf(applicant.id), await caucusOf(respondentMember.id)];
    const [mediator, resident, respondent] = [await connect('mediator1'), await connect('resident1'), await connect('informant1')];
    for (const id of [room.id, withApplicant.id, withRespondent.id]) await mediator.join(id);
    // What the room page does: the joint channel, then each 背靠背 the room lists for the person.
    const mine = async (c: WsClient, username: string) => {
      const detail = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(f.as(username)).expect(200)).body as { caucuses: { roomId: number }[] };
      await c.join(room.id);
      for (const caucus of detail.caucuses) await c.join(caucus.roomId);
      return detail.caucuses.map((caucus) => caucus.roomId);
    };
    expect(await mine(resident, 'resident1')).toEqual([withApplicant.id]);
    expect(await mine(respondent, 'informant1')).toEqual([withRespondent.id]);
    // Asking for the other party's channel by id is refused like a room that does not exist.
    await resident.join(withRespondent.id);
    expect(resident.frames.at(-1)).toMatchObject({ type: 'error', code: ErrorCode.NotFound, roomId: withRespondent.id });
    await respondent.join(withApplicant.id);
    expect(respondent.frames.at(-1)).toMatchObject({ type: 'error', code: ErrorCode.NotFound, roomId: withApplicant.id });

    // The mediator writes in each channel; both subscriptions of each party stay live together.
    mediator.send(text(withRespondent.id, 'multi-to-resp-01', '给被申请人的私下话'));
    mediator.send(text(withApplicant.id, 'multi-to-appl-01', '给申请人的私下话'));
    mediator.send(text(room.id, 'multi-to-all-001', '给全体的话'));
    await resident.receivedText(withApplicant.id, '给申请人的私下话');
    await resident.receivedText(room.id, '给全体的话');
    await respondent.receivedText(withRespondent.id, '给被申请人的私下话');
    await respondent.receivedText(room.id, '给全体的话');
    // And the party answers in either channel without leaving the other.
    resident.send(text(withApplicant.id, 'multi-appl-back1', '只能跟您说'));
    await mediator.receivedText(withApplicant.id, '只能跟您说');
    resident.send(text(room.id, 'multi-appl-back2', '大家好'));
    await respondent.receivedText(room.id, '大家好');
    // The last frame each party got was sent after every private one: nothing of the other's channel came.
    mediator.send(text(room.id, 'multi-last-00001', '最后一句'));
    for (const c of [resident, respondent]) await c.receivedText(room.id, '最后一句');
    const roomsSeen = (c: WsClient) => [...new Set(c.frames.flatMap((fr) => (fr.type === 'message' || fr.type === 'messages' || fr.type === 'joined' ? [fr.roomId] : [])))].sort();
    expect(roomsSeen(resident)).toEqual([room.id, withApplicant.id].sort());
    expect(roomsSeen(respondent)).toEqual([room.id, withRespondent.id].sort());
    expect(JSON.stringify(resident.frames)).not.toContain('给被申请人的私下话');
    expect(JSON.stringify(respondent.frames)).not.toContain('给申请人的私下话');
    expect(JSON.stringify(respondent.frames)).not.toContain('只能跟您说');
  });

  it('tells the party of a new caucus at once on every socket of theirs, also on another instance, and nobody else', async () => {
    const peer = await t.startPeer({ REDIS_URL });
    try {
      const peerUrl = await peer.listen();
      const room = await f.openRoom('背靠背（即时通知）');
      const respondentMember = f.memberOf(room, RoomMemberRole.Respondent);
      const [respondent, respondentOnPeer, applicant, officer] = [
        await connect('informant1'), await connect('informant1', peerUrl), await connect('resident1'), await connect('officer1'),
      ];
      for (const c of [respondent, applicant, officer]) await c.join(room.id);
      const caucus = (await t.http.post(`/api/mediation/rooms/${room.id}/caucus`).set(f.as('mediator1')).send({ memberId: respondentMember.id }).expect(201)).body;
      const isCaucus = (fr: ServerFrame) => fr.type === 'caucus';
      for (const c of [respondent, respondentOnPeer]) {
        expect(await c.next(isCaucus)).toEqual({
          type: 'caucus', roomId: room.id, caucus: { roomId: caucus.id, withMemberId: respondentMember.id, withName: respondentMember.displayName },
        });
      }
      // The channel is theirs to join; the others never hear of it.
      await respondent.join(caucus.id);
      await respondent.receivedText(caucus.id, `调解员与${respondentMember.displayName}的单独沟通（其他成员看不到）`);
      for (const c of [applicant, officer]) {
        c.send({ type: 'ping' });
        await c.next((fr) => fr.type === 'pong');
        expect(c.frames.some(isCaucus)).toBe(false);
      }
    } finally {
      await peer.close();
    }
  });

  it('recalls a message within 2 minutes (everyone sees 已撤回), and refuses it later', async () => {
    const room = await f.openRoom('撤回消息');
    const [resident, mediator] = [await connect('resident1'), await connect('mediator1')];
    await resident.join(room.id);
    await mediator.join(room.id);
    resident.send(text(room.id, 'recall-me-000001', '说错了'));
    const { seq } = (await resident.next(ackOf('recall-me-000001'))) as { seq: number };
    resident.send({ type: 'recall', roomId: room.id, seq });
    const recall = (await mediator.next((fr) => fr.type === 'message' && fr.message.event === 'recalled')) as { message: MessageView };
    expect(recall.message).toMatchObject({ refSeq: seq, text: '申请人 张阿姨撤回了一条消息' });
    const history = (await t.http.get(`/api/mediation/rooms/${room.id}/messages`).set(f.as('mediator1')).expect(200)).body.items;
    expect(history.find((mm: MessageView) => mm.seq === seq)).toMatchObject({ recalled: true, text: null });

    resident.send(text(room.id, 'recall-late-0001', '三分钟前的话'));
    const late = (await resident.next(ackOf('recall-late-0001'))) as { seq: number };
    await t.dataSource.query('UPDATE mediation_messages SET created_at = ? WHERE room_id = ? AND seq = ?', [new Date(Date.now() - 3 * 60_000), room.id, late.seq]);
    resident.send({ type: 'recall', roomId: room.id, seq: late.seq });
    await resident.next(isError(ErrorCode.RecallWindowPassed));
    mediator.send({ type: 'recall', roomId: room.id, seq: late.seq });
    await mediator.next(isError(ErrorCode.NotFound));
  });

  it('answers a flood with a RATE_LIMITED error frame and an over-long text with MESSAGE_TOO_LONG, storing neither', async () => {
    const room = await f.openRoom('刷屏');
    // informant1 (the respondent) sends nothing else in this suite: a full burst is theirs.
    const resident = await connect('informant1');
    await resident.join(room.id);
    resident.send(text(room.id, 'too-long-000001', '长'.repeat(501)));
    expect(await resident.next(isError(ErrorCode.MessageTooLong))).toMatchObject({ clientMsgId: 'too-long-000001', message: expect.stringContaining('500') });
    // RATE_LIMIT_SCALE=10 in this suite: a burst of 100, then 300 a minute (5 a second). 300 sent at
    // once stay over the limit even on a loaded machine where the service takes 100 ms a message.
    for (let i = 0; i < 300; i++) resident.send(text(room.id, `flood-${String(i).padStart(6, '0')}`, `刷屏${i}`));
    const limited = await resident.next(isError(ErrorCode.RateLimited), 30_000);
    expect(limited).toMatchObject({ roomId: room.id, message: '操作太频繁，请稍后再试' });
    const [stored] = await t.dataSource.query("SELECT COUNT(*) AS n FROM mediation_messages WHERE room_id = ? AND kind = 'text'", [room.id]);
    expect(Number(stored.n)).toBeLessThan(300);
    expect(Number(stored.n)).toBeGreaterThanOrEqual(100);
  });

  it('delivers across two instances through Redis, in order and without gaps', async () => {
    const peer = await t.startPeer({ REDIS_URL });
    try {
      const peerUrl = await peer.listen();
      const room = await f.openRoom('两个实例');
      const onA = await connect('officer1'); // resident1's burst went to the flood test on this instance
      const onB = await connect('mediator1', peerUrl);
      await onA.join(room.id);
      await onB.join(room.id);
      for (let i = 1; i <= 20; i++) {
        onA.send(text(room.id, `cross-a-${String(i).padStart(4, '0')}`, `甲${i}`));
        onB.send(text(room.id, `cross-b-${String(i).padStart(4, '0')}`, `乙${i}`));
      }
      await onA.receivedText(room.id, '乙20', 15_000);
      await onB.receivedText(room.id, '甲20', 15_000);
      for (const c of [onA, onB]) {
        const seqs = c.seqs(room.id);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i));
        expect(c.texts(room.id).filter((x) => x && /^[甲乙]\d+$/.test(x))).toHaveLength(40);
      }
      // Nothing follows on instance A that could make it read this from the database: only Redis brings it.
      onB.send(text(room.id, 'cross-b-last', '只从乙实例发出'));
      await onA.receivedText(room.id, '只从乙实例发出', 3000);
    } finally {
      await peer.close();
    }
  });
});
