import { CommunityView, ErrorCode, OrgUnitView, Page, Permission, PoliceGroupView, StationContact, WorkbenchCommunity, WorkbenchUnit } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { CommunitiesRepository, CommunityRow } from './data/communities.repository';
import { MembershipsRepository } from './data/memberships.repository';
import { OrgUnitEntity } from './data/org-unit.entity';
import { OrgUnitsRepository } from './data/org-units.repository';
import { CommunitySearch, toCommunityView, toWorkbenchCommunity } from './org-views';
import { scopeKey } from './scope';
import { WorkbenchPages } from './workbench-pages';

/** The jurisdiction tree and its communities: the directory residents join from, 工作台's lists, the access check on a community id. */
@Injectable()
export class CommunitiesService {
  constructor(
    private readonly communities: CommunitiesRepository,
    private readonly units: OrgUnitsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly access: Access,
    private readonly pages: WorkbenchPages,
  ) {}

  /**
   * The access check for a community id sent by a client (the object-access rule, access/access.ts):
   * police work on communities their jurisdiction covers; outside it, or without the permission
   * (the admin, whose org unit is the city), it answers 404 and the refusal is audited.
   */
  async requireCommunity(caller: Caller, communityId: number, permission = Permission.CommunityMembersRead): Promise<CommunityRow> {
    return this.access.require(caller, { type: 'community', id: communityId }, await this.communities.communityById(communityId),
      (c) => ({ place: c }), [{ permission, within: 'jurisdiction' }]);
  }

  /** 选择社区申请加入: a page of the city's communities, found by their or their station's name. */
  async directory(query: CommunitySearch = {}): Promise<Page<CommunityView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.communities.communityDirectory(page, pageSize, query.q?.trim() || undefined);
    return { items: rows.map(toCommunityView), total, page, pageSize };
  }

  /**
   * 办事指引: the caller's own 派出所 with its address and phone — the station of their first active
   * community, else of their own unit (staff) — or null when they belong to none yet.
   */
  async myStation(caller: Caller): Promise<StationContact | null> {
    const membership = await this.memberships.firstActive(caller.user.id);
    const unitId = membership?.communityId ?? caller.user.orgUnitId;
    const station = unitId ? await this.units.stationOf(unitId) : null;
    return station ? { id: station.id, name: station.name, address: station.address, phone: station.phone } : null;
  }

  /**
   * 工作台: one page of the communities in the caller's jurisdiction with their member counts,
   * held per scope and query until a membership or a community's officer changes (WorkbenchPages).
   */
  async workbenchCommunities(caller: Caller, query: CommunitySearch = {}): Promise<Page<WorkbenchCommunity>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const q = query.q?.trim() || undefined;
    const under = query.under ? await this.requireUnitInScope(caller, query.under) : null;
    return this.pages.get(JSON.stringify([scopeKey(caller.scope), page, pageSize, q ?? null, under?.path ?? null]), async () => {
      const { rows, total } = await this.communities.countedCommunitiesInScope(caller.scope, page, pageSize, q, under?.path);
      return { items: rows.map(toWorkbenchCommunity), total, page, pageSize };
    });
  }

  /** A branch or station the caller's jurisdiction covers (404 outside it, like a community). */
  private async requireUnitInScope(caller: Caller, unitId: number): Promise<OrgUnitEntity> {
    const unit = await this.units.unitById(unitId);
    if (!unit || caller.scope.kind !== 'subtree' || !unit.path.startsWith(caller.scope.pathPrefix)) throw new DomainException(ErrorCode.NotFound);
    return unit;
  }

  /**
   * 工作台 drill-down (leaders): the branches or stations under `parentId` (default: the caller's
   * own unit), each with its communities and waiting join requests. Empty below stations and for
   * callers whose jurisdiction is not a subtree (officers have their few communities listed flat).
   */
  async workbenchUnits(caller: Caller, parentId?: number): Promise<WorkbenchUnit[]> {
    const parent = parentId ? await this.requireUnitInScope(caller, parentId) : await this.units.unitById(caller.user.orgUnitId ?? 0);
    if (caller.scope.kind !== 'subtree') return [];
    if (!parent || !parent.path.startsWith(caller.scope.pathPrefix)) return [];
    return (await this.units.childUnitsWithCounts(parent)).map(({ unit, communityCount, pendingCount }) => ({
      id: unit.id, name: unit.name, level: unit.level, communityCount, pendingCount,
    }));
  }

  /** 待审核 on 工作台: join requests waiting in the communities the caller decides on. */
  pendingJoinCount(caller: Caller): Promise<number> {
    return this.communities.pendingJoinCount(caller.scope);
  }

  /** 工作台 → one community: its name and counts, for a community in scope only (404 otherwise, audited). */
  async workbenchCommunity(caller: Caller, communityId: number): Promise<WorkbenchCommunity> {
    const community = await this.requireCommunity(caller, communityId);
    const counted = await this.communities.countedCommunityById(community.id);
    if (!counted) throw new DomainException(ErrorCode.NotFound);
    return toWorkbenchCommunity(counted);
  }

  async tree(caller: Caller): Promise<OrgUnitView[]> {
    return (await this.units.unitsInScope(caller.scope)).map((u) => ({
      id: u.id, name: u.name, level: u.level, parentId: u.parentId, path: u.path,
    }));
  }

  async groups(caller: Caller): Promise<PoliceGroupView[]> {
    return (await this.units.groupsInScope(caller.scope)).map((g) => ({
      id: g.id, kind: g.kind, name: g.name, communityId: g.communityId, stationId: g.stationId,
      ownerId: g.ownerId, enterpriseCount: g.enterpriseCount, boundToWechat: Boolean(g.wechatOpenGid),
    }));
  }
}
