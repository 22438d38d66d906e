import { MessageKind, type MessageView, type ServerFrame } from '@jws/contracts';
import { MessageRateLimiter } from './chat-rate-limit';
import { GAP_WAIT_MS, Outbound, RoomSubscription, sharedLoader } from './room-subscription';
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
  const reads: number[] = [];
  const send = (frame: Outbound) => {
    const f = (typeof frame === 'string' || Buffer.isBuffer(frame) ? JSON.parse(frame.toString()) : frame) as ServerFrame;
    if (f.type === 'message') sent.push(f.message.seq);
    if (f.type === 'messages') sent.push(...f.messages.map((m) => m.seq));
  };
  const load = async (_room: number, after: number) => {
    reads.push(after);
    return stored.filter((s) => s > after).slice(0, 100).map(msg);
  };
  const sub = new RoomSubscription({ room: { id: ROOM } } as RoomContext, lastSeq, send, load);
  return { sub, sent, reads };
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

  it('reads nothing when the overtaken message arrives live in time, and reads it when it does not', async () => {
    const stored = [1, 2, 3];
    const { sub, sent, reads } = subscription(3, stored);
    await sub.start();
    stored.push(4, 5, 6, 7);
    sub.offer(msg(5));
    sub.offer(msg(4));
    expect(sent).toEqual([4, 5]);
    expect(reads).toEqual([3]); // the resume only
    sub.offer(msg(7)); // 6's publish is lost
    await new Promise((r) => setTimeout(r, GAP_WAIT_MS * 3));
    expect(sent).toEqual([4, 5, 6, 7]);
    expect(reads).toEqual([3, 5]);
    sub.close();
  });

  it('pages a long backlog in batches of 100 and keeps the order', async () => {
    const stored = Array.from({ length: 250 }, (_, i) => i + 1);
    const { sub, sent } = subscription(0, stored);
    await sub.start();
    expect(sent).toEqual(stored);
  });
});

describe('reads of a room shared by its sockets', () => {
  it('makes one read for the same room and point at once, and a new one afterwards', async () => {
    let reads = 0;
    const load = sharedLoader(async () => {
      reads++;
      return [msg(1)];
    });
    const [a, b] = await Promise.all([load(ROOM, 0), load(ROOM, 0), load(ROOM, 1)]);
    expect(a).toEqual([msg(1)]);
    expect(b).toEqual([msg(1)]);
    expect(reads).toBe(2);
    await load(ROOM, 0);
    expect(reads).toBe(3);
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
