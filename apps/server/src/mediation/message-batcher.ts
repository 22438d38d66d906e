import type { MessageView } from '@jws/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { Database, isMysql } from '../common/db';
import type { MediationMessageEntity } from './data/mediation-message.entity';
import { MessagesRepository } from './data/messages.repository';
import { RoomsRepository } from './data/rooms.repository';
import { toView } from './message-view';
import { RoomHub } from './room-hub';

/** A text message ready to store: everything but its sequence number. */
export type Unsequenced = Omit<MediationMessageEntity, 'id' | 'seq'>;

interface Pending {
  values: Unsequenced;
  senderName: string;
  done: (view: MessageView | null) => void;
}

/** The most messages one transaction stores. */
const MAX_BATCH = 200;

/**
 * Group commit for room messages (MySQL): the text messages that arrive while one transaction is
 * being written wait for it, and then go together in the next one. That one transaction reserves
 * their sequence numbers (one UPDATE over their rooms, sent with the transaction's opening) and stores them
 * with one INSERT sent with the COMMIT: two round trips a batch, whatever its size. They are
 * published after the commit, as every message is. A message alone goes at once:
 * at low load nothing waits, and under load one commit carries many messages instead of one.
 *
 * When a batch cannot be stored as a whole (a retried clientMsgId hits the unique index, a room
 * was closed meanwhile, the database refused), nothing of it is kept and each of its messages
 * answers null: the caller stores it on its own, which gives each the answer it would have had
 * alone (its stored twin, ROOM_READ_ONLY …). The embedded SQLite file has one writer: there,
 * every message goes on its own.
 */
@Injectable()
export class MessageBatcher {
  private readonly logger = new Logger(MessageBatcher.name);
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    private readonly db: Database,
    private readonly rooms: RoomsRepository,
    private readonly messages: MessagesRepository,
    private readonly hub: RoomHub,
  ) {}

  get enabled(): boolean {
    return isMysql(this.db.manager);
  }

  /** Stores the message in the next batch: its view once committed and published, or null to store it alone. */
  store(values: Unsequenced, senderName: string): Promise<MessageView | null> {
    return new Promise((done) => {
      this.queue.push({ values, senderName, done });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    let views: MessageView[];
    try {
      views = await this.db.transaction(async (uow) => {
        const counts = new Map<number, number>();
        for (const p of batch) counts.set(p.values.roomId, (counts.get(p.values.roomId) ?? 0) + 1);
        const last = await this.rooms.reserveSeqs(uow, counts);
        if (!last) throw new Error('a room of the batch is not open');
        // Each room's numbers in arrival order: last − count + 1 … last.
        const next = new Map([...counts].map(([roomId, n]) => [roomId, (last.get(roomId) ?? 0) - n + 1]));
        const rows = batch.map((p) => {
          const seq = next.get(p.values.roomId) ?? 0;
          next.set(p.values.roomId, seq + 1);
          return { ...p.values, seq };
        });
        // Sent with the COMMIT: the batch is two round trips, and the rooms' row locks are held for one.
        this.messages.insertManyLater(uow, rows);
        return rows.map((row, i) => toView(row, batch[i].senderName));
      });
    } catch (err) {
      if (batch.length > 1) this.logger.debug(`batch of ${batch.length} stored one by one: ${err instanceof Error ? err.message : String(err)}`);
      for (const p of batch) p.done(null);
      return;
    }
    this.hub.publish(views);
    batch.forEach((p, i) => p.done(views[i]));
  }
}
