import {
  ErrorCode, MESSAGE_PAGE_MAX, MESSAGE_TEXT_MAX, MessageKind, MessagePage, MessageView, RECALL_WINDOW_MS, RoomStatus, SystemEvent,
} from '@jws/contracts';
import { WechatClient } from '@jws/wechat';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import { REDIS } from '../common/redis';
import { NotificationsService } from '../notifications/notifications.service';
import { UploadsService } from '../uploads/uploads.service';
import { ChatRateLimiter, MessageRateLimiter, SharedMessageRateLimiter } from './chat-rate-limit';
import { MembersRepository } from './data/members.repository';
import type { MediationMemberEntity } from './data/mediation-member.entity';
import type { MediationMessageEntity } from './data/mediation-message.entity';
import type { MediationRoomEntity } from './data/mediation-room.entity';
import { MessagesRepository } from './data/messages.repository';
import { RoomsRepository } from './data/rooms.repository';
import { MessageBatcher } from './message-batcher';
import { SYSTEM_NAME, toView } from './message-view';
import { RoomHub } from './room-hub';
import { RoomMessageNotices } from './room-message-notices';

export { imageUrlOf } from './message-view';

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

const CLIENT_MSG_ID = /^[\w-]{8,64}$/;

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
    private readonly db: Database,
    private readonly rooms: RoomsRepository,
    private readonly members: MembersRepository,
    private readonly messageRows: MessagesRepository,
    private readonly batcher: MessageBatcher,
    private readonly notices: RoomMessageNotices,
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
    const result = await this.db.transaction((uow) => work(uow.manager, out));
    this.hub.publish(out);
    return result;
  }

  /** The room's next sequence number (rooms.repository.ts); `openOnly` refuses a room that is no longer open. */
  private async nextSeq(m: EntityManager, roomId: number, openOnly: boolean): Promise<number> {
    const seq = await this.rooms.nextSeq(m, roomId, openOnly);
    if (seq === null) throw new DomainException(ErrorCode.RoomReadOnly);
    return seq;
  }

  /** A system message (joined, agreement proposed …), inside the caller's transaction. */
  async appendSystem(m: EntityManager, out: Outgoing, roomId: number, event: SystemEvent, text: string, refSeq: number | null = null): Promise<void> {
    const seq = await this.nextSeq(m, roomId, false);
    const entity = await this.messageRows.insert(m, {
      roomId, seq, kind: MessageKind.System, senderMemberId: null, senderUserId: null, body: text, uploadId: null, event, refSeq,
      clientMsgId: null, recalledAt: null, flagged: false, createdAt: new Date(),
    });
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
    if (!input.uploadId && this.batcher.enabled) {
      // Group commit (message-batcher.ts); a batch that could not be stored as a whole comes back
      // null, and the message is stored alone below.
      const batched = await this.batcher.store({
        roomId: room.id, kind: input.kind, senderMemberId: member.id, senderUserId: sender.userId, body: text, uploadId: null, event: null,
        refSeq: null, clientMsgId: input.clientMsgId, recalledAt: null, flagged, createdAt: new Date(),
      }, member.displayName);
      if (batched) {
        await this.notices.wrote(room, sender.userId, member.displayName);
        return { message: batched, duplicate: false };
      }
    }
    const stored = await this.withMessages(async (m, out) => {
      const seq = await this.nextSeq(m, room.id, true);
      if (input.uploadId) await this.uploads.claimForRoom(m, sender.userId, input.uploadId, room.id);
      const entity = await this.messageRows.insert(m, {
        roomId: room.id, seq, kind: input.kind, senderMemberId: member.id, senderUserId: sender.userId, body: text,
        uploadId: input.uploadId ?? null, event: null, refSeq: null, clientMsgId: input.clientMsgId, recalledAt: null, flagged,
        createdAt: new Date(),
      });
      const message = toView(entity, member.displayName);
      out.push(message);
      return { message, duplicate: false };
    });
    await this.notices.wrote(room, sender.userId, member.displayName);
    return stored;
  }

  private byClientId(roomId: number, senderUserId: number, clientMsgId: string): Promise<MediationMessageEntity | null> {
    return this.messageRows.byClientId(roomId, senderUserId, clientMsgId);
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
    const message = await this.messageRows.bySeq(room.id, seq);
    if (!message || message.senderUserId !== sender.userId) throw new DomainException(ErrorCode.NotFound);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    if (message.recalledAt) return toView(message, member.displayName);
    if (now.getTime() - message.createdAt.getTime() > RECALL_WINDOW_MS) throw new DomainException(ErrorCode.RecallWindowPassed);
    return this.withMessages(async (m, out) => {
      await this.messageRows.recall(m, message.id, now);
      await this.appendSystem(m, out, room.id, SystemEvent.Recalled, `${member.displayName}撤回了一条消息`, seq);
      return toView({ ...message, recalledAt: now, body: null }, member.displayName);
    });
  }

  /**
   * Per channel, what others wrote there after the user's read position (texts and images, not
   * recalled; the room's own notices show by themselves). Only channels the user is a member of
   * are counted: the join on their member row is the check.
   */
  unreadCounts(userId: number, roomIds: number[]): Promise<Map<number, number>> {
    return this.messageRows.unreadCounts(userId, roomIds);
  }

  /**
   * The member has seen their channel up to `seq` (capped at the room's last message): the read
   * position only moves forward, so a late or repeated report never brings messages back as unread.
   */
  async markRead(room: MediationRoomEntity, member: MediationMemberEntity, seq: number): Promise<void> {
    const upTo = Math.min(seq, room.lastSeq);
    await this.members.markRead(member.id, upTo);
  }

  /** Messages after `afterSeq`, oldest first (resume and gap filling). */
  async after(roomId: number, afterSeq: number, limit = MESSAGE_PAGE_MAX): Promise<MessageView[]> {
    return this.views(await this.messageRows.after(roomId, afterSeq, limit));
  }

  /** A page of older history (HTTP), newest page first, each page oldest first. */
  async before(roomId: number, beforeSeq: number | undefined, limit: number): Promise<MessagePage> {
    const rows = await this.messageRows.before(roomId, beforeSeq, limit);
    rows.reverse();
    return { items: await this.views(rows), nextBeforeSeq: rows.length === limit && rows[0].seq > 1 ? rows[0].seq : null };
  }

  private async views(rows: MediationMessageEntity[]): Promise<MessageView[]> {
    const names = await this.members.names([...new Set(rows.map((r) => r.senderMemberId).filter((id): id is number => id !== null))]);
    return rows.map((r) => toView(r, r.senderMemberId === null ? SYSTEM_NAME : names.get(r.senderMemberId) ?? ''));
  }

  /** The upload behind a (not recalled) image message of a room. */
  async imageOf(roomId: number, uploadId: string): Promise<{ buffer: Buffer; contentType: string }> {
    const message = await this.messageRows.withUpload(roomId, uploadId);
    if (!message || message.recalledAt) throw new DomainException(ErrorCode.NotFound);
    return this.uploads.read(uploadId);
  }
}
