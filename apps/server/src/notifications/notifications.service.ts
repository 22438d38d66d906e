import { NotificationLink, NotificationView, Page } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Access } from '../access/access';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Caller } from '../common/request-context';
import { selectRows, StatementBatch, UnitOfWork, valueTuples } from '../common/db';
import { FieldCipher } from '../personal-data/field-cipher';
import { SEALED_NOTICE_BODY, SEALED_NOTICE_TITLE, SealedNoticeContent, sealedDedupeKey } from '../personal-data/sealed-links';
import { NotificationEntity, OutboxEntity } from './notification.entity';

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
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
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
    if (uow) return this.addNotices({ add: (sql, values) => (uow.later(sql, values), 0) }, notices);
    const own = new StatementBatch();
    this.addNotices(own, notices);
    await own.run(manager);
  }

  private addNotices(batch: Pick<StatementBatch, 'add'>, notices: Notice[]): void {
    const now = new Date();
    const inApp: unknown[] = [];
    const outbox: unknown[] = [];
    for (const { userIds, input, dedupeKey } of notices) {
      const recipients = [...new Set(userIds)];
      const title = input.title.slice(0, 64);
      const body = input.body.slice(0, 500);
      for (const userId of recipients) {
        if (input.confidential) {
          const content: SealedNoticeContent = { caseId: input.caseId, title, body };
          inApp.push(userId, null, null, null, null, SEALED_NOTICE_TITLE, SEALED_NOTICE_BODY, FieldCipher.encrypt(JSON.stringify(content)), null, now);
        } else {
          inApp.push(userId, input.caseId, input.roomId ?? null, input.link ?? null, input.communityId ?? null, title, body, null, null, now);
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
        outbox.push(
          OUTBOX_TOPIC_SUBSCRIBE, input.confidential ? sealedDedupeKey(key) : key, input.confidential ? FieldCipher.encrypt(payload) : payload,
          'pending', 0, now, null, null, now, null,
        );
      }
    }
    if (inApp.length) {
      batch.add(`INSERT INTO notifications (user_id, case_id, room_id, link, community_id, title, body, sealed_enc, read_at, created_at) VALUES ${valueTuples(inApp.length / 10, 10)}`, inApp);
    }
    if (outbox.length) {
      batch.add(
        'INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, lease_until, last_error, created_at, sent_at) ' +
          `VALUES ${valueTuples(outbox.length / 10, 10)}`,
        outbox,
      );
    }
  }

  /**
   * Any other outgoing message (12345 work orders, 综治 reports), in the caller's transaction;
   * a handler registered with the OutboxWorker for `topic` delivers it. Writing the same
   * `dedupeKey` twice is a no-op.
   */
  async enqueue(manager: EntityManager, topic: string, dedupeKey: string, payload: object): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEntity)
      .values(outboxRow(topic, dedupeKey, payload, new Date()))
      .orIgnore()
      .execute();
  }

  async list(caller: Caller, page: number, pageSize: number): Promise<Page<NotificationView>> {
    const [rows, total] = await this.notifications.findAndCount({
      where: { userId: caller.user.id },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
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
    return this.notifications.count({ where: { userId: caller.user.id, readAt: IsNull() } });
  }

  /**
   * 调解室有新消息 to the room's members other than the sender: at most one unread notice per
   * member and room, however many messages arrive before they open the room (markRoomRead). The
   * sender is plainly in the room, so their own notice of it is read. Plain reads and inserts, no
   * locking read: two messages at once may leave a member two notices, never a lock wait on chat.
   * In-app only: a subscribe message per chat line would use up the one-time WeChat consent that
   * case updates rely on. `memberUserIds`: the room's members (mediation reads them).
   */
  async notifyRoomMessage(room: { id: number; caseId: number }, senderUserId: number, memberUserIds: readonly number[], body: string): Promise<void> {
    const now = new Date();
    const manager = this.notifications.manager;
    const others = [...new Set(memberUserIds)].filter((id) => id !== senderUserId);
    const notified = others.length
      ? await selectRows<{ userId: number | string }>(
        manager,
        `SELECT DISTINCT user_id AS userId FROM notifications WHERE room_id = ? AND title = ? AND read_at IS NULL AND user_id IN (${others.map(() => '?').join(', ')})`,
        [room.id, ROOM_MESSAGE_NOTICE_TITLE, ...others],
      )
      : [];
    const already = new Set(notified.map((r) => Number(r.userId)));
    const batch = new StatementBatch();
    this.addNotices(batch, [{
      userIds: others.filter((id) => !already.has(id)),
      input: { title: ROOM_MESSAGE_NOTICE_TITLE, body, caseId: room.caseId, roomId: room.id },
      dedupeKey: `room:${room.id}:messages`,
    }]);
    batch.add('UPDATE notifications SET read_at = ? WHERE user_id = ? AND room_id = ? AND read_at IS NULL', [now, senderUserId, room.id]);
    await batch.run(manager);
  }

  /** The member opened the room: its notices (调解室有新消息, the agreement to confirm …) are read. */
  async markRoomRead(userId: number, roomId: number): Promise<void> {
    await this.notifications.update({ userId, roomId, readAt: IsNull() }, { readAt: new Date() });
  }

  /** Reads one's own notice; anyone else's answers 404 on record (access/access.ts). */
  async markRead(caller: Caller, id: number): Promise<void> {
    const notice = await this.notifications.findOne({ where: { id } });
    await this.access.require(caller, { type: 'notification', id }, notice,
      (n) => ({ place: 'unplaced', relations: n.userId === caller.user.id ? ['owner'] : [] }), [{ relation: 'owner' }]);
    await this.notifications.update({ id, userId: caller.user.id, readAt: IsNull() }, { readAt: new Date() });
  }

  /** 全部已读: every unread notification of the caller's, and only theirs; returns how many were marked. */
  async markAllRead(caller: Caller): Promise<number> {
    const result = await this.notifications.update({ userId: caller.user.id, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}

function outboxRow(topic: string, dedupeKey: string, payload: object, now: Date) {
  return {
    topic,
    dedupeKey: dedupeKey.slice(0, 128),
    payload: JSON.stringify(payload),
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    createdAt: now,
    sentAt: null,
  };
}
