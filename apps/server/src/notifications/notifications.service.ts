import { NotificationLink, NotificationView, Page } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Access } from '../access/access';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Caller } from '../common/request-context';
import type { UnitOfWork } from '../common/db';
import { FieldCipher } from '../personal-data/field-cipher';
import { SEALED_NOTICE_BODY, SEALED_NOTICE_TITLE, SealedNoticeContent, sealedDedupeKey } from '../personal-data/sealed-links';
import { InAppRow, NotificationsRepository, OutboxInsert } from './data/notifications.repository';
import { OutboxRepository } from './data/outbox.repository';

/** The chat's notice to members who are away; other room notices (agreement, closing) are not merged with it. */
export const ROOM_MESSAGE_NOTICE_TITLE = '调解室有新消息';
export const OUTBOX_TOPIC_SUBSCRIBE = 'wechat.subscribe';
/** A case flagged 严重现实危险, reported at once to the 综治 platform (referrals module delivers it). */
export const OUTBOX_TOPIC_GOVERNANCE_RISK = 'governance.serious_risk';

export interface SubscribePayload {
  userId: number;
  templateId: string;
  page: string;
  data: Record<string, string>;
  /**
   * What the message is, for the admins' dead-letter list (消息投递) only: the in-app notice's
   * title, and the case or community it is about. Absent on rows written before they were kept.
   */
  title?: string;
  caseId?: number | null;
  communityId?: number | null;
}

export interface NotifyInput {
  title: string;
  body: string;
  caseId: number | null;
  /** A room notice (调解室有新消息, agreement, closing): the room it opens (and that reads it when opened). */
  roomId?: number;
  /** A notice about neither a case nor a room (a join decision): the app page it opens. */
  link?: NotificationLink;
  /** The community the notice is about: 新的加入申请 opens its 待审核; a join decision's dead letter names it. */
  communityId?: number;
  /** Also send a WeChat subscribe message (to residents who accepted one at submit). */
  wechat?: { page: string; data: Record<string, string> };
  /**
   * The recipient's link to the case is secret (the informant of a sealed case): the in-app row
   * keeps `case_id` NULL and a neutral title/body with the real ones encrypted, and the outbox row
   * has its payload encrypted and its dedupe key hashed, so no plain row names both.
   */
  confidential?: boolean;
}

/** An outbox payload as stored: confidential ones are encrypted (FieldCipher), the others JSON. */
export function outboxPayload<T>(stored: string): T {
  return JSON.parse(stored.startsWith('v1.') ? FieldCipher.decrypt(stored) : stored) as T;
}

/** 调解室有新消息 for one room: who wrote (since the last notice), who is in it, and the notice's text. */
export interface RoomMessageNotice {
  room: { id: number; caseId: number };
  senderUserIds: readonly number[];
  memberUserIds: readonly number[];
  body: string;
}

/** One notification of a change: who, what, and the key that makes its outbox rows idempotent. */
export interface Notice {
  userIds: number[];
  input: NotifyInput;
  dedupeKey: string;
}

/**
 * In-app notifications plus, where wanted, a WeChat subscribe message through the outbox.
 * Always called with the transaction of the change that causes it, so neither is lost.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: Access,
  ) {}

  async notify(manager: EntityManager, userIds: number[], input: NotifyInput, dedupeKey: string): Promise<void> {
    await this.notifyAll(manager, [{ userIds, input, dedupeKey }]);
  }

  /**
   * Several notifications of one change at once (e.g. a new case: its officer, the station
   * leaders, the reporter): one multi-row INSERT for the in-app list and one for the outbox,
   * in the caller's transaction. With a unit of work, the two INSERTs go with its closing writes.
   */
  async notifyAll(manager: EntityManager, notices: Notice[], uow?: Pick<UnitOfWork, 'later'>): Promise<void> {
    const { inApp, outbox } = this.rowsOf(notices);
    if (uow) return this.notifications.writeLater(uow, inApp, outbox);
    await this.notifications.write(manager, inApp, outbox);
  }

  /** The rows of these notices: one in-app row per recipient, and an outbox row per recipient of a WeChat message. */
  private rowsOf(notices: Notice[]): { inApp: InAppRow[]; outbox: OutboxInsert[] } {
    const now = new Date();
    const inApp: InAppRow[] = [];
    const outbox: OutboxInsert[] = [];
    for (const { userIds, input, dedupeKey } of notices) {
      const recipients = [...new Set(userIds)];
      const title = input.title.slice(0, 64);
      const body = input.body.slice(0, 500);
      for (const userId of recipients) {
        if (input.confidential) {
          const content: SealedNoticeContent = { caseId: input.caseId, title, body };
          inApp.push({
            userId, caseId: null, roomId: null, link: null, communityId: null, title: SEALED_NOTICE_TITLE, body: SEALED_NOTICE_BODY,
            sealedEnc: FieldCipher.encrypt(JSON.stringify(content)), createdAt: now,
          });
        } else {
          inApp.push({
            userId, caseId: input.caseId, roomId: input.roomId ?? null, link: input.link ?? null, communityId: input.communityId ?? null, title, body,
            sealedEnc: null, createdAt: now,
          });
        }
      }
      const wechat = input.wechat;
      if (!wechat) continue;
      for (const userId of recipients) {
        const payload = JSON.stringify({
          userId, templateId: this.config.wechatTemplateCaseUpdate, page: wechat.page, data: wechat.data,
          title, caseId: input.caseId, communityId: input.communityId ?? null,
        } satisfies SubscribePayload);
        const key = `${dedupeKey}:u${userId}`.slice(0, 128);
        outbox.push({
          topic: OUTBOX_TOPIC_SUBSCRIBE, dedupeKey: input.confidential ? sealedDedupeKey(key) : key,
          payload: input.confidential ? FieldCipher.encrypt(payload) : payload, createdAt: now,
        });
      }
    }
    return { inApp, outbox };
  }

  /**
   * Any other outgoing message (12345 work orders, 综治 reports), in the caller's transaction;
   * a handler registered with the OutboxWorker for `topic` delivers it. Writing the same
   * `dedupeKey` twice is a no-op.
   */
  async enqueue(manager: EntityManager, topic: string, dedupeKey: string, payload: object): Promise<void> {
    await this.outbox.enqueue(manager, topic, dedupeKey.slice(0, 128), JSON.stringify(payload), new Date());
  }

  /**
   * WeChat subscribe messages of one template to many people (a bulletin reaching its groups), in
   * `manager`'s transaction: outbox rows only (no in-app rows: the feed is the in-app channel), in
   * multi-row INSERTs, each due at `due` (a scheduled push's time). A dedupe key already written is skipped.
   */
  async enqueueSubscribes(manager: EntityManager, messages: readonly { userId: number; dedupeKey: string }[], message: { templateId: string; page: string; data: Record<string, string>; title: string }, due: Date): Promise<void> {
    const rows = messages.map(({ userId, dedupeKey }) => ({
      topic: OUTBOX_TOPIC_SUBSCRIBE, dedupeKey: dedupeKey.slice(0, 128), due,
      payload: JSON.stringify({ userId, templateId: message.templateId, page: message.page, data: message.data, title: message.title.slice(0, 64) } satisfies SubscribePayload),
    }));
    await this.outbox.enqueueMany(manager, rows, new Date());
  }

  /**
   * Takes back subscribe messages not sent yet whose dedupe key starts with `prefix` (with `dueAfter`:
   * only those due later), up to `batch`; answers their keys. Rows a deliverer holds are left to it.
   */
  dropPending(prefix: string, dueAfter: Date | null, batch = 1000): Promise<string[]> {
    return this.outbox.dropPending(prefix, dueAfter, batch);
  }

  async list(caller: Caller, page: number, pageSize: number): Promise<Page<NotificationView>> {
    const [rows, total] = await this.notifications.page(caller.user.id, page, pageSize);
    return {
      items: rows.map((n) => {
        // The owner reads a confidential notification as it was written.
        const shown: SealedNoticeContent = n.sealedEnc ? (JSON.parse(FieldCipher.decrypt(n.sealedEnc)) as SealedNoticeContent) : n;
        return {
          id: n.id, title: shown.title, body: shown.body, caseId: shown.caseId, roomId: n.roomId, link: n.link, communityId: n.communityId,
          readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
        };
      }),
      total, page, pageSize,
    };
  }

  unreadCount(caller: Caller): Promise<number> {
    return this.notifications.unreadCount(caller.user.id);
  }

  /**
   * 调解室有新消息 to each room's members other than its senders: at most one unread notice per
   * member and room, however many messages arrive before they open the room (markRoomRead). The
   * senders are plainly in the room, so their own notices of it are read. Plain reads and inserts,
   * no locking read: two messages at once may leave a member two notices, never a lock wait on
   * chat. In-app only: a subscribe message per chat line would use up the one-time WeChat consent
   * that case updates rely on. `memberUserIds`: the room's members (mediation reads them). The
   * rooms go together: one read and one write round trip for all of them.
   */
  async notifyRoomMessages(rooms: readonly RoomMessageNotice[]): Promise<void> {
    if (!rooms.length) return;
    const now = new Date();
    const others = rooms.map(({ room, senderUserIds, memberUserIds }) => ({
      roomId: room.id, userIds: [...new Set(memberUserIds)].filter((id) => !senderUserIds.includes(id)),
    }));
    const already = await this.notifications.withUnreadRoomNotices(ROOM_MESSAGE_NOTICE_TITLE, others);
    const { inApp } = this.rowsOf(rooms.map(({ room, body }, i) => ({
      userIds: others[i].userIds.filter((id) => !already.get(room.id)?.has(id)),
      input: { title: ROOM_MESSAGE_NOTICE_TITLE, body, caseId: room.caseId, roomId: room.id },
      dedupeKey: `room:${room.id}:messages`,
    })));
    await this.notifications.writeAndMarkRoomsRead(inApp, rooms.map(({ room, senderUserIds }) => ({ roomId: room.id, userIds: senderUserIds })), now);
  }

  /** The member opened the room: its notices (调解室有新消息, the agreement to confirm …) are read. */
  async markRoomRead(userId: number, roomId: number): Promise<void> {
    await this.notifications.markRead({ userId, roomId }, new Date());
  }

  /** Reads one's own notice; anyone else's answers 404 on record (access/access.ts). */
  async markRead(caller: Caller, id: number): Promise<void> {
    const notice = await this.notifications.find(id);
    await this.access.require(caller, { type: 'notification', id }, notice,
      (n) => ({ place: 'unplaced', relations: n.userId === caller.user.id ? ['owner'] : [] }), [{ relation: 'owner' }]);
    await this.notifications.markRead({ id, userId: caller.user.id }, new Date());
  }

  /** 全部已读: every unread notification of the caller's, and only theirs; returns how many were marked. */
  async markAllRead(caller: Caller): Promise<number> {
    return this.notifications.markRead({ userId: caller.user.id }, new Date());
  }

  /** Who was told what about the cases and when (and when they read it): 责任追究's trail. */
  async caseNotices(caseIds: readonly number[]): Promise<{ caseId: number; userId: number; title: string; at: Date; readAt: Date | null }[]> {
    const rows = await this.notifications.ofCases(caseIds);
    return rows.map((r) => ({ caseId: Number(r.caseId), userId: r.userId, title: r.title, at: r.createdAt, readAt: r.readAt }));
  }
}
