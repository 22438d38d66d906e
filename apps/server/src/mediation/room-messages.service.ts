import {
  ErrorCode, MESSAGE_BURST, MESSAGE_PAGE_MAX, MESSAGE_RATE_PER_MINUTE, MESSAGE_TEXT_MAX, MessageKind, MessagePage,
  MessageView, RECALL_WINDOW_MS, RoomStatus, SystemEvent,
} from '@jws/contracts';
import { WechatClient } from '@jws/wechat';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource, EntityManager, In, LessThan, MoreThan } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import { RateLimitScale } from '../common/rate-limit';
import { REDIS } from '../common/redis';
import { NotificationsService } from '../notifications/notifications.service';
import { UploadsService } from '../uploads/uploads.service';
import { MediationMemberEntity, MediationMessageEntity, MediationRoomEntity } from './mediation.entities';
import { RoomHub } from './room-hub';

export interface Sender {
  userId: number;
  openid: string | null;
}

export interface SendInput {
  clientMsgId: string;
  kind: MessageKind;
  text?: string;
  uploadId?: string;
}

const SYSTEM_NAME = '系统';
const CLIENT_MSG_ID = /^[\w-]{8,64}$/;

/** Per-user token bucket: a burst of MESSAGE_BURST, then MESSAGE_RATE_PER_MINUTE. */
export interface ChatRateLimiter {
  take(userId: number): boolean | Promise<boolean>;
}

/** The bucket on this instance, when the service runs alone. */
export class MessageRateLimiter implements ChatRateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  take(userId: number, now = Date.now()): boolean {
    const scale = RateLimitScale.value;
    const capacity = MESSAGE_BURST * scale;
    const perMs = (MESSAGE_RATE_PER_MINUTE * scale) / 60_000;
    const bucket = this.buckets.get(userId) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (this.buckets.size > 50_000) this.buckets.clear();
    this.buckets.set(userId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * The same bucket in Redis, shared by every instance (REDIS_URL): one atomic script per message,
 * on Redis's clock. The key lives as long as the bucket takes to fill up again.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or capacity
local at = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs))
return taken
`;

export class SharedMessageRateLimiter implements ChatRateLimiter {
  constructor(private readonly redis: Redis) {}

  async take(userId: number): Promise<boolean> {
    const scale = RateLimitScale.value;
    const taken = await this.redis.eval(TAKE_SCRIPT, 1, `chat:bucket:${userId}`, MESSAGE_BURST * scale, (MESSAGE_RATE_PER_MINUTE * scale) / 60_000);
    return taken === 1;
  }
}

export function imageUrlOf(roomId: number, uploadId: string): string {
  return `/api/mediation/rooms/${roomId}/images/${uploadId}`;
}

function toView(m: MediationMessageEntity, senderName: string): MessageView {
  const recalled = m.recalledAt !== null;
  return {
    roomId: m.roomId,
    seq: m.seq,
    kind: m.kind,
    senderMemberId: m.senderMemberId,
    senderName,
    text: recalled ? null : m.body,
    imageUrl: !recalled && m.uploadId ? imageUrlOf(m.roomId, m.uploadId) : null,
    event: m.event,
    refSeq: m.refSeq,
    clientMsgId: m.clientMsgId,
    recalled,
    createdAt: m.createdAt.toISOString(),
  };
}

/** A change's messages to publish once its transaction has committed. */
export type Outgoing = MessageView[];

/**
 * The message store of mediation rooms: every message gets the room's next sequence number in
 * the transaction that stores it, and is published to the sockets only after that commit.
 */
@Injectable()
export class RoomMessagesService {
  private readonly logger = new Logger(RoomMessagesService.name);
  readonly limiter: ChatRateLimiter;

  constructor(
    private readonly hub: RoomHub,
    private readonly uploads: UploadsService,
    private readonly wechat: WechatClient,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) redis: Redis | null,
  ) {
    this.limiter = redis ? new SharedMessageRateLimiter(redis) : new MessageRateLimiter();
  }

  /**
   * Runs `work` in a transaction and publishes the messages it appended after the commit: a
   * message no socket may see before it is durable.
   */
  async withMessages<T>(work: (m: EntityManager, out: Outgoing) => Promise<T>): Promise<T> {
    const out: Outgoing = [];
    const result = await this.dataSource.transaction((m) => work(m, out));
    this.hub.publish(out);
    return result;
  }

  /**
   * The next sequence number of a room, under the room row's lock until the caller's transaction
   * ends; `openOnly` refuses rooms that are no longer open. On MySQL one statement
   * (LAST_INSERT_ID(expr) hands the new value back); on SQLite an UPDATE and a read.
   */
  private async nextSeq(m: EntityManager, roomId: number, openOnly: boolean): Promise<number> {
    const where = `id = ?${openOnly ? ' AND status = ?' : ''}`;
    const params = openOnly ? [roomId, RoomStatus.Open] : [roomId];
    if (m.connection.options.type === 'mysql') {
      const result = (await m.query(`UPDATE mediation_rooms SET last_seq = LAST_INSERT_ID(last_seq + 1) WHERE ${where}`, params)) as { affectedRows: number; insertId: number };
      if (!result.affectedRows) throw new DomainException(ErrorCode.RoomReadOnly);
      return Number(result.insertId);
    }
    const updated = await m.createQueryBuilder().update(MediationRoomEntity).set({ lastSeq: () => 'last_seq + 1' })
      .where(where.replace('id = ?', 'id = :roomId').replace('status = ?', 'status = :open'), { roomId, open: RoomStatus.Open }).execute();
    if (!updated.affected) throw new DomainException(ErrorCode.RoomReadOnly);
    const row = await m.getRepository(MediationRoomEntity).findOneOrFail({ select: { id: true, lastSeq: true }, where: { id: roomId } });
    return row.lastSeq;
  }

  /** A system message (joined, agreement proposed …), inside the caller's transaction. */
  async appendSystem(m: EntityManager, out: Outgoing, roomId: number, event: SystemEvent, text: string, refSeq: number | null = null): Promise<void> {
    const seq = await this.nextSeq(m, roomId, false);
    const entity = m.getRepository(MediationMessageEntity).create({
      roomId, seq, kind: MessageKind.System, senderMemberId: null, senderUserId: null, body: text, uploadId: null, event, refSeq,
      clientMsgId: null, recalledAt: null, flagged: false, createdAt: new Date(),
    });
    await m.getRepository(MediationMessageEntity).insert(entity);
    out.push(toView(entity, SYSTEM_NAME));
  }

  /**
   * A member's text or image. Idempotent by client message id: a retry returns the stored
   * message (`duplicate`) and publishes nothing. The stored one is looked up only when storing
   * fails, which keeps the common case to one transaction.
   */
  async send(sender: Sender, room: MediationRoomEntity, member: MediationMemberEntity, input: SendInput): Promise<{ message: MessageView; duplicate: boolean }> {
    if (!CLIENT_MSG_ID.test(input.clientMsgId)) throw new DomainException(ErrorCode.ValidationFailed, ['clientMsgId 应为8到64位字母、数字、-或_']);
    try {
      return await this.store(sender, room, member, input);
    } catch (err) {
      // Sent before (a retry after a lost ack, or twice at once: the unique index let one through):
      // the stored message is the answer, whatever refused this attempt.
      const stored = await this.byClientId(room.id, sender.userId, input.clientMsgId);
      if (stored) return { message: toView(stored, member.displayName), duplicate: true };
      throw err;
    }
  }

  private async store(sender: Sender, room: MediationRoomEntity, member: MediationMemberEntity, input: SendInput): Promise<{ message: MessageView; duplicate: boolean }> {
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    let text: string | null = null;
    if (input.kind === MessageKind.Text) {
      text = input.text?.trim() ?? '';
      if (!text) throw new DomainException(ErrorCode.ValidationFailed, ['消息不能为空']);
      if ([...text].length > MESSAGE_TEXT_MAX) throw new DomainException(ErrorCode.MessageTooLong);
    } else if (input.kind === MessageKind.Image) {
      if (!input.uploadId) throw new DomainException(ErrorCode.ValidationFailed, ['请选择图片']);
    } else {
      throw new DomainException(ErrorCode.ValidationFailed, ['消息类型只能是文字或图片']);
    }
    if (!(await this.limiter.take(sender.userId))) throw new DomainException(ErrorCode.RateLimited);
    const flagged = text !== null && (await this.needsReview(sender, text));
    const stored = await this.withMessages(async (m, out) => {
      const seq = await this.nextSeq(m, room.id, true);
      if (input.uploadId) await this.uploads.claimForRoom(m, sender.userId, input.uploadId, room.id);
      const entity = m.getRepository(MediationMessageEntity).create({
        roomId: room.id, seq, kind: input.kind, senderMemberId: member.id, senderUserId: sender.userId, body: text,
        uploadId: input.uploadId ?? null, event: null, refSeq: null, clientMsgId: input.clientMsgId, recalledAt: null, flagged,
        createdAt: new Date(),
      });
      await m.getRepository(MediationMessageEntity).insert(entity);
      const message = toView(entity, member.displayName);
      out.push(message);
      return { message, duplicate: false };
    });
    await this.noticeOthers(room, sender.userId, member.displayName);
    return stored;
  }

  /**
   * 调解室有新消息 for members who are away, after the message is stored and delivered: a notice
   * that fails (a lock timeout, say) is logged and never fails the message itself. It says who
   * wrote where; the text stays in the room.
   */
  private async noticeOthers(room: MediationRoomEntity, senderUserId: number, senderName: string): Promise<void> {
    try {
      await this.notifications.notifyRoomMessage(this.dataSource.manager, room, senderUserId, `${senderName}在“${room.title}”调解室发来新消息`);
    } catch (err) {
      this.logger.warn(`room ${room.id}: new-message notice not written: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private byClientId(roomId: number, senderUserId: number, clientMsgId: string): Promise<MediationMessageEntity | null> {
    return this.dataSource.getRepository(MediationMessageEntity).findOne({ where: { roomId, senderUserId, clientMsgId } });
  }

  /**
   * msgSecCheck: risky text is refused; review (or WeChat unavailable) is delivered and marked
   * for the mediator — the text is never dropped silently.
   */
  private async needsReview(sender: Sender, text: string): Promise<boolean> {
    if (!sender.openid) return false;
    let suggest: string;
    try {
      suggest = (await this.wechat.msgSecCheck({ openid: sender.openid, content: text, scene: 2 })).suggest;
    } catch (err) {
      this.logger.warn(`msgSecCheck unavailable, message marked for review: ${err instanceof Error ? err.message : String(err)}`);
      return true;
    }
    if (suggest === 'risky') throw new DomainException(ErrorCode.MessageRejected);
    return suggest !== 'pass';
  }

  /** The sender recalls their own message within RECALL_WINDOW_MS; everyone sees 已撤回. */
  async recall(sender: Sender, room: MediationRoomEntity, member: MediationMemberEntity, seq: number, now = new Date()): Promise<MessageView> {
    const repo = this.dataSource.getRepository(MediationMessageEntity);
    const message = await repo.findOne({ where: { roomId: room.id, seq } });
    if (!message || message.senderUserId !== sender.userId) throw new DomainException(ErrorCode.NotFound);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    if (message.recalledAt) return toView(message, member.displayName);
    if (now.getTime() - message.createdAt.getTime() > RECALL_WINDOW_MS) throw new DomainException(ErrorCode.RecallWindowPassed);
    return this.withMessages(async (m, out) => {
      await m.getRepository(MediationMessageEntity).update({ id: message.id }, { recalledAt: now, body: null });
      await this.appendSystem(m, out, room.id, SystemEvent.Recalled, `${member.displayName}撤回了一条消息`, seq);
      return toView({ ...message, recalledAt: now, body: null }, member.displayName);
    });
  }

  /**
   * Per channel, what others wrote there after the user's read position (texts and images, not
   * recalled; the room's own notices show by themselves). Only channels the user is a member of
   * are counted: the join on their member row is the check.
   */
  async unreadCounts(userId: number, roomIds: number[]): Promise<Map<number, number>> {
    if (!roomIds.length) return new Map();
    const rows = await this.dataSource.getRepository(MediationMessageEntity).createQueryBuilder('msg')
      .innerJoin(MediationMemberEntity, 'mm', 'mm.room_id = msg.room_id AND mm.user_id = :userId', { userId })
      .select('msg.room_id', 'roomId')
      .addSelect('COUNT(*)', 'n')
      .where('msg.room_id IN (:...roomIds)', { roomIds })
      .andWhere('msg.seq > mm.last_read_seq')
      .andWhere('msg.kind IN (:...kinds)', { kinds: [MessageKind.Text, MessageKind.Image] })
      .andWhere('msg.recalled_at IS NULL')
      .andWhere('(msg.sender_user_id IS NULL OR msg.sender_user_id <> :userId)', { userId })
      .groupBy('msg.room_id')
      .getRawMany<{ roomId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.roomId), Number(r.n)]));
  }

  /**
   * The member has seen their channel up to `seq` (capped at the room's last message): the read
   * position only moves forward, so a late or repeated report never brings messages back as unread.
   */
  async markRead(room: MediationRoomEntity, member: MediationMemberEntity, seq: number): Promise<void> {
    const upTo = Math.min(seq, room.lastSeq);
    await this.dataSource.createQueryBuilder().update(MediationMemberEntity).set({ lastReadSeq: upTo })
      .where('id = :id AND last_read_seq < :upTo', { id: member.id, upTo }).execute();
  }

  /** Messages after `afterSeq`, oldest first (resume and gap filling). */
  async after(roomId: number, afterSeq: number, limit = MESSAGE_PAGE_MAX): Promise<MessageView[]> {
    const rows = await this.dataSource.getRepository(MediationMessageEntity).find({
      where: { roomId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit,
    });
    return this.views(rows);
  }

  /** A page of older history (HTTP), newest page first, each page oldest first. */
  async before(roomId: number, beforeSeq: number | undefined, limit: number): Promise<MessagePage> {
    const rows = await this.dataSource.getRepository(MediationMessageEntity).find({
      where: { roomId, ...(beforeSeq ? { seq: LessThan(beforeSeq) } : {}) }, order: { seq: 'DESC' }, take: limit,
    });
    rows.reverse();
    return { items: await this.views(rows), nextBeforeSeq: rows.length === limit && rows[0].seq > 1 ? rows[0].seq : null };
  }

  private async views(rows: MediationMessageEntity[]): Promise<MessageView[]> {
    const memberIds = [...new Set(rows.map((r) => r.senderMemberId).filter((id): id is number => id !== null))];
    const members = memberIds.length
      ? await this.dataSource.getRepository(MediationMemberEntity).find({ select: { id: true, displayName: true }, where: { id: In(memberIds) } })
      : [];
    const names = new Map(members.map((mm) => [mm.id, mm.displayName]));
    return rows.map((r) => toView(r, r.senderMemberId === null ? SYSTEM_NAME : names.get(r.senderMemberId) ?? ''));
  }

  /** The upload behind a (not recalled) image message of a room. */
  async imageOf(roomId: number, uploadId: string): Promise<{ buffer: Buffer; contentType: string }> {
    const message = await this.dataSource.getRepository(MediationMessageEntity).findOne({ where: { roomId, uploadId } });
    if (!message || message.recalledAt) throw new DomainException(ErrorCode.NotFound);
    return this.uploads.read(uploadId);
  }
}
