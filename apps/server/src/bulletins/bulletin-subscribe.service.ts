import { BULLETIN_KIND_LABELS, BULLETIN_PAGE, BulletinKind, BulletinSubscriptionView } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { chinaDateTime } from '../common/china-time';
import { Database } from '../common/db';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications';
import { BulletinSubscriptionsRepository } from './data/bulletin-subscriptions.repository';

/** Groups whose subscribed members are read in one statement. */
const GROUP_CHUNK = 50;
/** Messages enqueued per transaction: the subscriptions used and the outbox rows (one multi-row INSERT) go together. */
const FLUSH = 1000;

/** The 警务公告 subscribe message's fields (docs/bulletins.md): WeChat limits thing to 20 characters, phrase to 5. */
export function bulletinMessageData(b: { title: string; kind: BulletinKind; orgName: string; at: Date }): Record<string, string> {
  return {
    thing1: [...b.title].slice(0, 20).join(''),
    phrase2: BULLETIN_KIND_LABELS[b.kind],
    thing3: [...b.orgName].slice(0, 20).join(''),
    time4: chinaDateTime(b.at),
  };
}

/**
 * 警务公告 subscribe messages (docs/bulletins.md): a person accepts the template in the mini program
 * (each acceptance allows one message); a push enqueues one message through the outbox to each
 * member of its groups who holds one, due at the push's time, and uses it.
 */
@Injectable()
export class BulletinSubscribeService {
  constructor(
    private readonly subscriptions: BulletinSubscriptionsRepository,
    private readonly notifications: NotificationsService,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(caller: Caller): Promise<BulletinSubscriptionView> {
    return { credits: await this.subscriptions.credits(caller.user.id), templateId: this.config.wechatTemplateBulletin };
  }

  /** wx.requestSubscribeMessage's answer: accepted adds one message allowed; refused changes nothing. */
  async answer(caller: Caller, accepted: boolean): Promise<BulletinSubscriptionView> {
    if (accepted) await this.subscriptions.grant(caller.user.id, new Date());
    return this.status(caller);
  }

  /**
   * One message to each subscribed member of `groupIds` (once per person, with the first of their
   * groups), due at `at`; batched: FLUSH rows per transaction. Answers how many were enqueued.
   */
  async enqueue(bulletinId: number, groupIds: readonly number[], at: Date, about: { title: string; kind: BulletinKind; orgName: string }): Promise<number> {
    const message = {
      templateId: this.config.wechatTemplateBulletin, page: `${BULLETIN_PAGE}?id=${bulletinId}`, title: about.title,
      data: bulletinMessageData({ ...about, at }),
    };
    const seen = new Set<number>();
    let pending: { userId: number; dedupeKey: string }[] = [];
    let enqueued = 0;
    const flush = async () => {
      if (!pending.length) return;
      const batch = pending;
      pending = [];
      const now = new Date();
      await this.db.transaction(async ({ manager }) => {
        await this.subscriptions.take(manager, batch.map((p) => p.userId), now);
        await this.notifications.enqueueSubscribes(manager, batch, message, at);
      });
      enqueued += batch.length;
    };
    for (let i = 0; i < groupIds.length; i += GROUP_CHUNK) {
      for (const { groupId, userId } of await this.subscriptions.subscribedMembers(groupIds.slice(i, i + GROUP_CHUNK))) {
        if (seen.has(userId)) continue;
        seen.add(userId);
        pending.push({ userId, dedupeKey: `bulletin:${bulletinId}:g${groupId}:u${userId}` });
        if (pending.length >= FLUSH) await flush();
      }
    }
    await flush();
    return enqueued;
  }

  /**
   * Takes back the bulletin's messages not sent yet (of one group's push, when given; with
   * `dueAfter`, only those due later: a cancelled scheduled push) and gives their subscriptions back.
   */
  async dropPending(bulletinId: number, groupId: number | null, dueAfter: Date | null = null): Promise<number> {
    const prefix = `bulletin:${bulletinId}:${groupId === null ? '' : `g${groupId}:`}`;
    let dropped = 0;
    for (;;) {
      const keys = await this.notifications.dropPending(prefix, dueAfter);
      if (!keys.length) return dropped;
      dropped += keys.length;
      await this.subscriptions.giveBack(keys.map((k) => Number(/:u(\d+)$/.exec(k)?.[1])).filter((id) => id > 0), new Date());
    }
  }
}
