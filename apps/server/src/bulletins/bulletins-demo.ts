import { BulletinContent } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { chinaDate, chinaMidnight } from '../common/china-time';
import type { Caller } from '../common/request-context';
import { Accounts, callerFor } from '../identity';
import { BulletinPushesService } from './bulletin-pushes.service';
import { BulletinsService } from './bulletins.service';
import { BulletinDemoRepository } from './data/bulletin-demo.repository';
import { BulletinReadsRepository } from './data/bulletin-reads.repository';
import { SharesRepository } from './data/shares.repository';

/** One demo bulletin: who wrote it, who approved it (none: left waiting for review), and where it went how many days ago. */
export interface DemoBulletin {
  author: string;
  content: BulletinContent;
  reviewer?: string;
  pushes?: { by: string; groups: string[]; daysAgo: number }[];
  /** Its card shared by police into real WeChat groups, opened there by `openers`; bound to `boundTo` (a group's name) or left pending. */
  shares?: { by: string; daysAgo: number; wechatGroup: string; openers: string[]; boundTo?: string }[];
}

/** Loads the demo's bulletins through the real services (review, Access, the quota), pushes dated back. */
@Injectable()
export class BulletinsDemo {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly pushes: BulletinPushesService,
    private readonly demo: BulletinDemoRepository,
    private readonly accounts: Accounts,
    private readonly shares: SharesRepository,
    private readonly reads: BulletinReadsRepository,
  ) {}

  async seed(items: readonly DemoBulletin[], now = new Date()): Promise<boolean> {
    if (await this.demo.any()) return false;
    const callers = new Map<string, Caller>();
    const as = async (username: string) => {
      if (!callers.has(username)) {
        const { userId, orgPath } = await this.demo.account(username);
        const user = await this.accounts.find(userId);
        if (!user) throw new Error(`demo bulletins: no account ${username}`);
        callers.set(username, callerFor(user, orgPath));
      }
      return callers.get(username)!;
    };
    // Today's pushes go out early enough to stay today (China time) however late the demo starts.
    const todayStart = chinaMidnight(chinaDate(now)).getTime();
    const when = (daysAgo: number) => new Date(daysAgo === 0 ? Math.max(todayStart, now.getTime() - 2 * 3600_000) : now.getTime() - daysAgo * 86_400_000);
    for (const item of items) {
      const author = await as(item.author);
      const { id } = await this.bulletins.create(author, item.content);
      await this.bulletins.submit(author, id);
      if (!item.reviewer) continue;
      await this.bulletins.review(await as(item.reviewer), id, { decision: 'approve' });
      for (const push of item.pushes ?? []) {
        await this.pushes.push(await as(push.by), id, { groupIds: await this.demo.groupIds(push.groups) }, when(push.daysAgo));
      }
      for (const share of item.shares ?? []) await this.share(id, share, when(share.daysAgo));
    }
    return true;
  }

  /**
   * A share card and its opens, written as the service records them (BulletinSharesService): the
   * demo accounts have no WeChat session_key to decrypt share info with, so the WeChat group's
   * openGId is made up from its name.
   */
  private async share(bulletinId: number, share: NonNullable<DemoBulletin['shares']>[number], at: Date): Promise<void> {
    const sharer = await this.demo.account(share.by);
    await this.shares.recordShare(bulletinId, sharer.userId, at);
    const openGid = `demo${createHash('sha256').update(share.wechatGroup).digest('hex').slice(0, 24)}`;
    const group = await this.shares.seen(openGid, bulletinId, sharer.orgPath ? { userId: sharer.userId, orgPath: sharer.orgPath } : null, at);
    for (const opener of share.openers) {
      const { userId } = await this.demo.account(opener);
      await this.shares.recordOpen(bulletinId, group.id, userId, null, at);
      await this.reads.markRead(bulletinId, userId, at);
    }
    if (share.boundTo) await this.shares.bind(group.id, (await this.demo.groupIds([share.boundTo]))[0], sharer.userId, at);
  }
}
