import { BulletinKind, NotificationLink } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit';
import { chinaDate } from '../common/china-time';
import type { Caller } from '../common/request-context';
import { NotificationsService } from '../notifications';
import { GroupsApi } from '../org';
import { BulletinPushesRepository } from './data/bulletin-pushes.repository';
import type { BulletinEntity } from './data/bulletin.entity';
import { RumourReportsRepository } from './data/rumour-reports.repository';
import { slotsFor } from './push-quota';

/**
 * What approving a 辟谣 does to the rumours it links (docs/bulletins.md "Rumours"): in the
 * approval's transaction the reports become 已辟谣 and each reporter gets a notice; once it is
 * committed the 辟谣 goes into every group a linked rumour was seen in, by the quota's rules (the
 * reserved urgent slot included); a full group is left for the author to push later.
 */
@Injectable()
export class RumourDebunkService {
  constructor(
    private readonly reports: RumourReportsRepository,
    private readonly pushes: BulletinPushesRepository,
    private readonly groups: GroupsApi,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** In the approval's transaction: 已辟谣 and the reporters' notices. Returns the groups to push into. */
  async onApproved(caller: Caller, bulletin: BulletinEntity, title: string, manager: EntityManager, now: Date): Promise<number[]> {
    if (bulletin.kind !== BulletinKind.Rumour) return [];
    const linked = await this.reports.linkedTo(bulletin.id, manager);
    const open = linked.filter((r) => r.debunkedAt === null);
    if (!open.length) return [];
    await this.reports.markDebunked(manager, bulletin.id, now);
    const reporters = [...new Set(open.map((r) => r.reporterId))];
    await this.notifications.notify(manager, reporters, {
      title: '您报告的传言已辟谣', body: `警方已发布辟谣：${title}`, caseId: null, link: NotificationLink.Rumours,
    }, `rumour-debunked:${bulletin.id}`);
    await this.audit.recordFor(caller, {
      action: AuditAction.RumourDebunked, targetType: 'bulletin', targetId: bulletin.id, detail: `reports ${open.map((r) => r.id).join(',')}`,
    }, manager);
    return [...new Set(open.map((r) => r.groupId))];
  }

  /** After the approval committed: the 辟谣 goes into the rumours' groups, as its author's push. Audited per group outcome. */
  async pushToGroups(caller: Caller, bulletin: BulletinEntity, versionId: number, groupIds: number[], now: Date): Promise<void> {
    if (!groupIds.length) return;
    const day = chinaDate(now);
    const outcomes: string[] = [];
    for (const group of await this.groups.byIds(groupIds)) {
      const claim = await this.pushes.claimSlot({
        bulletinId: bulletin.id, versionId, groupId: group.id, day, pushedBy: bulletin.authorId, pushedAt: now, createdAt: now,
      }, slotsFor(bulletin.kind));
      outcomes.push(`${group.id}:${claim.outcome}`);
    }
    await this.audit.recordFor(caller, { action: AuditAction.BulletinPushed, targetType: 'bulletin', targetId: bulletin.id, detail: `on approval: ${outcomes.join(',')}` });
  }
}
