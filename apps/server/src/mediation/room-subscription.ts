import { MESSAGE_PAGE_MAX, MessageView, ServerFrame } from '@jws/contracts';
import type { RoomContext } from './room-access';
import type { RoomListener } from './room-hub';

/** A live message's frame, serialised once however many sockets of the room it goes to. */
const liveFrames = new WeakMap<MessageView, string>();
export function liveFrame(message: MessageView): string {
  let raw = liveFrames.get(message);
  if (raw === undefined) liveFrames.set(message, (raw = JSON.stringify({ type: 'message', roomId: message.roomId, message } satisfies ServerFrame)));
  return raw;
}

/**
 * One room on one socket: delivers the room's messages in sequence order with no gap and no
 * duplicate. A message past the next expected number means some were published elsewhere first
 * (another instance) or missed: they are read from the database, where they already are.
 */
export class RoomSubscription implements RoomListener {
  private queue: MessageView[] = [];
  private busy = false;

  constructor(
    readonly ctx: RoomContext,
    private last: number,
    private readonly send: (frame: ServerFrame | string) => void,
    private readonly load: (roomId: number, afterSeq: number) => Promise<MessageView[]>,
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
    await this.drain();
  }

  offer(message: MessageView): void {
    if (message.seq <= this.last) return;
    this.queue.push(message);
    if (!this.busy) void this.drain().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length) {
        const message = this.queue.shift() as MessageView;
        if (message.seq <= this.last) continue;
        if (message.seq > this.last + 1) await this.fill(message.seq - 1);
        if (message.seq !== this.last + 1) continue;
        this.send(liveFrame(message));
        this.last = message.seq;
      }
    } finally {
      this.busy = false;
    }
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
