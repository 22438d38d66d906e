import { MessageKind, type MessageView, type ServerFrame } from '@jws/contracts';
import { MessageRateLimiter } from './chat-rate-limit';
import { RoomSubscription } from './room-subscription';
import type { RoomContext } from './room-access';
import { RateLimitScale } from '../common/rate-limit';

const ROOM = 7;
const msg = (seq: number): MessageView => ({
  roomId: ROOM, seq, kind: MessageKind.Text, senderMemberId: 1, senderName: '申请人 张阿姨', text: `第${seq}条`, imageUrl: null,
  event: null, refSeq: null, clientMsgId: `c-${seq}-abcdefgh`, recalled: false, createdAt: new Date(0).toISOString(),
});

/** A subscription over a fake store of `stored` messages; returns the sequence numbers the socket got, in order. */
function subscription(lastSeq: number, stored: number[]) {
  const sent: number[] = [];
  const send = (frame: ServerFrame | string) => {
    const f = (typeof frame === 'string' ? JSON.parse(frame) : frame) as ServerFrame;
    if (f.type === 'message') sent.push(f.message.seq);
    if (f.type === 'messages') sent.push(...f.messages.map((m) => m.seq));
  };
  const load = async (_room: number, after: number) => stored.filter((s) => s > after).slice(0, 100).map(msg);
  const sub = new RoomSubscription({ room: { id: ROOM } } as RoomContext, lastSeq, send, load);
  return { sub, sent };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('a socket’s room subscription', () => {
  it('sends exactly what the client lacks on resume, then live messages, without duplicates', async () => {
    const { sub, sent } = subscription(3, [1, 2, 3, 4, 5, 6]);
    const started = sub.start();
    sub.offer(msg(6)); // published while the backlog is read: also in the backlog
    sub.offer(msg(7));
    await started;
    await settle();
    expect(sent).toEqual([4, 5, 6, 7]);
  });

  it('fills a gap from the store when a later message arrives first (another instance published it sooner)', async () => {
    const stored = [1, 2, 3];
    const { sub, sent } = subscription(0, stored);
    await sub.start();
    // 4 and 5 are committed; 5's publish reaches this instance before 4's.
    stored.push(4, 5);
    sub.offer(msg(5));
    await settle();
    sub.offer(msg(4));
    await settle();
    expect(sent).toEqual([1, 2, 3, 4, 5]);
  });

  it('pages a long backlog in batches of 100 and keeps the order', async () => {
    const stored = Array.from({ length: 250 }, (_, i) => i + 1);
    const { sub, sent } = subscription(0, stored);
    await sub.start();
    expect(sent).toEqual(stored);
  });
});

describe('per-person message rate', () => {
  afterEach(() => (RateLimitScale.value = 1));

  it('allows a burst of 10, then 30 a minute', () => {
    const limiter = new MessageRateLimiter();
    const t0 = 1_000_000;
    const burst = Array.from({ length: 11 }, () => limiter.take(1, t0));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(limiter.take(1, t0 + 1000)).toBe(false);
    expect(limiter.take(1, t0 + 2000)).toBe(true); // one message per 2 s
    expect(limiter.take(2, t0)).toBe(true); // someone else is not affected
  });
});
