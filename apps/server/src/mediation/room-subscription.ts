import { MESSAGE_PAGE_MAX, MessageView, ServerFrame } from '@jws/contracts';
import type { RoomContext } from './room-access';
import type { RoomListener } from './room-hub';

/** What a socket is sent: a frame, or one already serialised (text). */
export type Outbound = ServerFrame | string | Buffer;

/** A live message's frame, serialised once (to bytes) however many sockets of the room it goes to. */
const liveFrames = new WeakMap<MessageView, Buffer>();
export function liveFrame(message: MessageView): Buffer {
  let raw = liveFrames.get(message);
  if (raw === undefined) liveFrames.set(message, (raw = Buffer.from(JSON.stringify({ type: 'message', roomId: message.roomId, message } satisfies ServerFrame))));
  return raw;
}

/**
 * How long a subscription waits for a missing message to arrive live before it reads it from the
 * database: with several instances, a message of the room stored here can overtake one stored a
 * moment before on another instance, whose publish is still on its way through Redis. Reading
 * instead would cost a query per room each time, just when the instances are busiest; the read is
 * for a publish that was lost.
 */
export const GAP_WAIT_MS = 200;

export type MessageLoader = (roomId: number, afterSeq: number) => Promise<MessageView[]>;

/**
 * One read for all the subscriptions of a room on this instance that need the same messages at
 * once (the sockets of a room see the same gap at the same moment).
 */
export function sharedLoader(load: MessageLoader): MessageLoader {
  const inFlight = new Map<string, Promise<MessageView[]>>();
  return (roomId, afterSeq) => {
    const key = `${roomId}:${afterSeq}`;
    let read = inFlight.get(key);
    if (!read) {
      read = load(roomId, afterSeq).finally(() => inFlight.delete(key));
      inFlight.set(key, read);
    }
    return read;
  };
}

/**
 * One room on one socket: delivers the room's messages in sequence order with no gap and no
 * duplicate. A message past the next expected number means some were published elsewhere first
 * (another instance) or missed: they are awaited for GAP_WAIT_MS, then read from the database,
 * where they already are.
 */
export class RoomSubscription implements RoomListener {
  /** Messages past `last + 1`, by sequence number. */
  private readonly ahead = new Map<number, MessageView>();
  private busy = false;
  private gapTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly ctx: RoomContext,
    private last: number,
    private readonly send: (frame: Outbound) => void,
    private readonly load: MessageLoader,
  ) {}

  get roomId(): number {
    return this.ctx.room.id;
  }

  /** Sends everything after the client's last sequence number, then the live messages. */
  async start(): Promise<void> {
    this.busy = true;
    try {
      await this.fill(Number.MAX_SAFE_INTEGER);
    } finally {
      this.busy = false;
    }
    this.advance();
  }

  offer(message: MessageView): void {
    if (message.seq <= this.last) return;
    if (!this.busy && message.seq === this.last + 1) {
      // The usual case: the next message, sent at once.
      this.send(liveFrame(message));
      this.last = message.seq;
      if (this.ahead.size) this.advance();
      return;
    }
    this.ahead.set(message.seq, message);
    if (!this.busy) this.advance();
  }

  /** Stops waiting (the socket left the room or closed). */
  close(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.ahead.clear();
  }

  /** Sends what follows `last` without a gap; a gap left waits GAP_WAIT_MS, then is read. */
  private advance(): void {
    if (this.busy) return;
    for (let next = this.ahead.get(this.last + 1); next; next = this.ahead.get(this.last + 1)) {
      this.ahead.delete(next.seq);
      this.send(liveFrame(next));
      this.last = next.seq;
    }
    for (const seq of this.ahead.keys()) if (seq <= this.last) this.ahead.delete(seq);
    if (!this.ahead.size) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    this.gapTimer ??= setTimeout(() => {
      this.gapTimer = null;
      void this.fillGap().catch(() => undefined);
    }, GAP_WAIT_MS);
  }

  private async fillGap(): Promise<void> {
    if (this.busy || !this.ahead.size) return;
    this.busy = true;
    try {
      // Up to the last one waiting: a number the database does not have either is skipped, not awaited.
      await this.fill(Math.max(...this.ahead.keys()));
    } finally {
      this.busy = false;
    }
    this.advance();
  }

  /** Reads and sends stored messages after `last`, up to `upTo`, in batches. */
  private async fill(upTo: number): Promise<void> {
    for (;;) {
      const batch = (await this.load(this.roomId, this.last)).filter((m) => m.seq <= upTo);
      if (!batch.length) return;
      this.send({ type: 'messages', roomId: this.roomId, messages: batch });
      this.last = batch[batch.length - 1].seq;
      if (batch.length < MESSAGE_PAGE_MAX || this.last >= upTo) return;
    }
  }
}
