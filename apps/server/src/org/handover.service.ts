import { CommunityHandoverView, ErrorCode, NotificationLink, Permission, Role, WorkbenchCommunity } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { NotificationsService } from '../notifications';
import { CommunitiesService } from './communities.service';
import { CommunityListVersion } from './community-list-version';
import { CommunitiesRepository } from './data/communities.repository';
import { HandoversRepository } from './data/handovers.repository';
import { OrgUnitsRepository } from './data/org-units.repository';
import { HandoverHooks } from './handover-hooks';
import { toWorkbenchCommunity } from './org-views';

/** 民警交接: a leader hands a community to another community officer of its station. */
@Injectable()
export class HandoverService {
  constructor(
    private readonly db: Database,
    private readonly handovers: HandoversRepository,
    private readonly communities: CommunitiesRepository,
    private readonly units: OrgUnitsRepository,
    private readonly directory: CommunitiesService,
    private readonly accounts: Accounts,
    private readonly audit: AuditService,
    private readonly access: Access,
    private readonly notifications: NotificationsService,
    private readonly hooks: HandoverHooks,
    private readonly lists: CommunityListVersion,
  ) {}

  /** 民警交接: a leader reassigns a community; members and history stay with the community. */
  async handover(caller: Caller, communityId: number, newOfficerId: number, reason: string): Promise<WorkbenchCommunity> {
    const community = await this.directory.requireCommunity(caller, communityId);
    const officer = await this.accounts.find(newOfficerId);
    if (!officer || officer.role !== Role.CommunityOfficer || officer.disabled || officer.orgUnitId !== community.stationId) {
      throw new DomainException(ErrorCode.OfficerNotInStation);
    }
    const at = new Date();
    // 工作台's lists show the community under its new officer (and in their scope, no longer in the old one's).
    await this.lists.writing(() => this.db.transaction(async ({ manager }) => {
      await this.handovers.record(manager, {
        communityId: community.id, fromOfficerId: community.officerId, toOfficerId: officer.id,
        byUserId: caller.user.id, reason, at,
      });
      // The community's open cases follow it (cases' hook: the new officer, a timeline entry, a notice).
      await this.hooks.run(manager, {
        communityId: community.id, communityName: community.name, fromOfficerId: community.officerId, toOfficerId: officer.id,
        toOfficerName: officer.nickname, by: { userId: caller.user.id, role: caller.user.role, nickname: caller.user.nickname }, reason, at,
      });
      await this.audit.recordFor(
        caller,
        {
          action: AuditAction.CommunityHandover, targetType: 'community', targetId: community.id,
          detail: `officer ${community.officerId ?? '-'} → ${officer.id}: ${reason}`,
        },
        manager,
      );
      // The members are told who their officer is now (the card on 首页 shows them).
      const members = await this.handovers.activeMemberIds(manager, community.id);
      const phone = officer.workPhone ? `，工作电话${officer.workPhone}` : '';
      await this.notifications.notify(manager, members, {
        title: '社区民警已更换',
        body: `${community.name}的社区民警现为${officer.nickname}${phone}，有事可在首页联系。`,
        caseId: null, link: NotificationLink.Home, communityId: community.id,
      }, `community:${community.id}:handover:${officer.id}:${Date.now()}`);
    }));
    const updated = await this.communities.countedCommunityById(community.id);
    if (!updated) throw new Error('community vanished during handover');
    return toWorkbenchCommunity(updated);
  }

  /** The community's past officers, newest handover first: police over the community may read it. */
  async history(caller: Caller, communityId: number): Promise<CommunityHandoverView[]> {
    const community = await this.directory.requireCommunity(caller, communityId);
    const rows = await this.handovers.historyOf(community.id);
    const people = await this.accounts.findMany([...new Set(rows.flatMap((r) => [r.fromOfficerId, r.toOfficerId, r.byUserId]))]
      .filter((id): id is number => id !== null));
    const name = (id: number) => people.get(id)?.nickname ?? '（已删除）';
    return rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), reason: r.reason,
      fromOfficer: r.fromOfficerId === null ? null : name(r.fromOfficerId), toOfficer: name(r.toOfficerId), by: name(r.byUserId),
    }));
  }

  /** Community officers of a station in scope, for the handover picker (the station read by id, not the whole scope). */
  async stationOfficers(caller: Caller, stationId: number): Promise<{ id: number; name: string }[]> {
    const station = await this.units.unitInScope(caller.scope, stationId);
    await this.access.require(caller, { type: 'org_unit', id: stationId }, station,
      (u) => ({ place: { path: u.path, officerId: null } }), [{ permission: Permission.CommunityHandover, within: 'jurisdiction' }]);
    const officers = await this.accounts.staffOf(stationId, Role.CommunityOfficer);
    return officers.map((o) => ({ id: o.id, name: o.nickname }));
  }
}
