import { MessageView } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { mediationFixtures } from './mediation-support';
import { startTestApp, TestApp } from './test-app';

/**
 * Group commit of room messages (apps/server/src/mediation/message-batcher.ts): lines sent at the
 * same moment into several rooms are stored together, and each room still numbers its lines
 * 1, 2, 3 … with no gap and no repeat; a retried line inside a batch is stored once.
 */
describe('room messages sent at the same moment (group commit)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, openRoom } = mediationFixtures(() => t, tokens);
  const send = (username: string, roomId: number, text: string, clientMsgId = randomUUID()) =>
    t.http.post(`/api/mediation/rooms/${roomId}/messages`).set(as(username)).send({ clientMsgId, kind: 'text', text });

  beforeAll(async () => {
    // Forty lines a person in a moment: over the chat limit's burst of 10, which is not what this tests.
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'officer1', 'mediator1', 'informant1']) tokens[u] = await t.login(u);
  });
  afterAll(() => t?.close());

  it('numbers every room’s lines without gap or repeat when 60 lines in 3 rooms arrive at once', async () => {
    const rooms = [await openRoom('同时发言一'), await openRoom('同时发言二'), await openRoom('同时发言三')];
    const before = await Promise.all(rooms.map(async (r) => (await t.http.get(`/api/mediation/rooms/${r.id}/messages`).set(as('mediator1'))).body.items.length as number));
    const senders = ['resident1', 'officer1', 'mediator1', 'informant1'];
    const lines = Array.from({ length: 60 }, (_, i) => ({ room: rooms[i % 3], who: senders[i % 4], text: `第${i + 1}句` }));
    const answers = await Promise.all(lines.map((l) => send(l.who, l.room.id, l.text)));
    expect(answers.map((a) => a.status)).toEqual(Array(60).fill(200));

    for (const [k, room] of rooms.entries()) {
      const page = (await t.http.get(`/api/mediation/rooms/${room.id}/messages?limit=100`).set(as('mediator1')).expect(200)).body.items as MessageView[];
      const texts = page.filter((m) => m.kind === 'text').map((m) => m.text);
      // Every line of this room once, and the room's sequence 1 … n with no hole.
      expect([...texts].sort()).toEqual(lines.filter((_, i) => i % 3 === k).map((l) => l.text).sort());
      expect(page.map((m) => m.seq)).toEqual(Array.from({ length: page.length }, (_, i) => i + 1));
      expect(page.length).toBe(before[k] + 20);
      // Each answer carried the seq the line was stored with.
      for (const [i, a] of answers.entries()) {
        if (i % 3 !== k) continue;
        expect(page.find((m) => m.seq === a.body.seq)?.text).toBe(lines[i].text);
      }
    }
  });

  it('stores a line retried in the same moment once, and answers both with the same seq', async () => {
    const room = await openRoom('重发的消息');
    const id = randomUUID();
    const others = Array.from({ length: 8 }, (_, i) => send(i % 2 ? 'officer1' : 'mediator1', room.id, `旁边的话${i}`));
    const [first, again] = await Promise.all([send('resident1', room.id, '我只说一次', id), send('resident1', room.id, '我只说一次', id), ...others]);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.seq).toBe(first.body.seq);
    const page = (await t.http.get(`/api/mediation/rooms/${room.id}/messages?limit=100`).set(as('mediator1')).expect(200)).body.items as MessageView[];
    expect(page.filter((m) => m.text === '我只说一次')).toHaveLength(1);
    expect(page.filter((m) => m.text?.startsWith('旁边的话'))).toHaveLength(8);
    expect(page.map((m) => m.seq)).toEqual(Array.from({ length: page.length }, (_, i) => i + 1));
  });
});

describe('调解室有新消息 gathered over ROOM_NOTICE_WINDOW_MS', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, openRoom, userId } = mediationFixtures(() => t, tokens);
  const unread = async (username: string, roomId: number): Promise<string[]> =>
    ((await t.dataSource.query('SELECT body FROM notifications WHERE user_id = ? AND room_id = ? AND title = ? AND read_at IS NULL', [await userId(username), roomId, '调解室有新消息'])) as { body: string }[]).map((r) => r.body);

  beforeAll(async () => {
    t = await startTestApp({ ROOM_NOTICE_WINDOW_MS: '400' });
    for (const u of ['resident1', 'officer1', 'mediator1', 'informant1']) tokens[u] = await t.login(u);
  });
  afterAll(() => t?.close());

  it('tells the member away once, after the window, naming the last writer; the writers get none', async () => {
    const room = await openRoom('窗口内的多句话');
    for (const [who, text] of [['mediator1', '请双方说明情况'], ['resident1', '他家一直很吵'], ['mediator1', '我们来约定安静时段']] as const) {
      await t.http.post(`/api/mediation/rooms/${room.id}/messages`).set(as(who)).send({ clientMsgId: randomUUID(), kind: 'text', text }).expect(200);
    }
    // Within the window: nobody told yet.
    expect(await unread('informant1', room.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    const mediatorName = room.members.find((m) => m.role === 'mediator')?.displayName;
    expect(await unread('informant1', room.id)).toEqual([`${mediatorName}在“窗口内的多句话”调解室发来新消息`]);
    expect(await unread('officer1', room.id)).toHaveLength(1);
    expect(await unread('mediator1', room.id)).toEqual([]);
    expect(await unread('resident1', room.id)).toEqual([]);
  });
});
