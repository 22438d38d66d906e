import {
  BulletinKind, BulletinStatus, CreateRumourReportRequest, ErrorCode, maskPhone, Page, Permission, Role, RumourReportDetail, RumourReportView, RumourStatus,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access, Facts, Rule } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { GroupPlace, GroupsApi } from '../org';
import { StoredImage, UploadsService } from '../uploads';
import { EDIT_RULE, READ_RULE } from './bulletin-rules';
import { BulletinsService } from './bulletins.service';
import { RumourReportsRepository, RumourRow } from './data/rumour-reports.repository';

/** Reporting a rumour: a member of the group, or police over it. */
const REPORT_RULE: Rule = [{ relation: 'member' }, { permission: Permission.BulletinPush, within: 'jurisdiction' }];
/**
 * Staff over a report: police whose jurisdiction covers its group, and writers without one
 * (department staff, the 法治部门) whose org unit holds it (`assignee`). The reporter reads their own.
 */
const STAFF_RULE: Rule = [{ permission: Permission.BulletinPush, within: 'jurisdiction' }, { permission: Permission.BulletinWrite, relation: 'assignee' }];
const READ_REPORT_RULE: Rule = [{ relation: 'owner' }, ...STAFF_RULE];

const RESIDENT_ROLES: readonly string[] = [Role.Resident, Role.Informant];

/** 传言: reports, the staff's list of their scope, and linking them to a 辟谣 (docs/bulletins.md "Rumours"). */
@Injectable()
export class RumoursService {
  constructor(
    private readonly reports: RumourReportsRepository,
    private readonly bulletins: BulletinsService,
    private readonly groups: GroupsApi,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly uploads: UploadsService,
    private readonly accounts: Accounts,
    private readonly db: Database,
  ) {}

  /** The groups whose reports the caller works on: police their jurisdiction's; department staff and the 法治部门 their unit's. */
  private async scopeGroups(caller: Caller): Promise<GroupPlace[]> {
    if (caller.permissions.has(Permission.BulletinPush) && caller.scope.kind !== 'none' && caller.scope.kind !== 'self') return this.groups.inScope(caller.scope);
    if (!caller.permissions.has(Permission.BulletinWrite)) return [];
    const unitPath = await this.bulletins.unitPath(caller);
    return unitPath ? this.groups.inScope({ kind: 'subtree', pathPrefix: unitPath }) : [];
  }

  private facts(caller: Caller, unitPath: string | null, group: GroupPlace | undefined, reporterId: number | null): Facts {
    const relations: ('owner' | 'assignee')[] = [];
    if (reporterId === caller.user.id) relations.push('owner');
    if (group && caller.scope.kind === 'none' && unitPath && group.path.startsWith(unitPath)) relations.push('assignee');
    return { place: group ? { path: group.path, officerId: group.officerId } : 'unplaced', relations };
  }

  /** 报告传言: in one of the caller's groups (or, for police, one of their jurisdiction's), with an optional screenshot. Audited. */
  async report(caller: Caller, input: CreateRumourReportRequest): Promise<RumourReportView> {
    const [group] = await this.groups.byIds([input.groupId]);
    const member = group ? (await this.groups.groupIdsOfMember(caller.user.id)).includes(group.id) : false;
    await this.access.require(caller, { type: 'group', id: input.groupId }, group, (g) => ({
      place: { path: g.path, officerId: g.officerId }, relations: member ? ['member'] : [],
    }), REPORT_RULE);
    const now = new Date();
    const id = await this.db.transaction(async (uow) => {
      const reportId = await this.reports.insert(uow.manager, {
        reporterId: caller.user.id, reporterRole: caller.user.role, groupId: input.groupId, text: input.text.trim(),
        place: input.place?.trim() || null, screenshotId: input.screenshotId ?? null, bulletinId: null, debunkedAt: null, createdAt: now,
      });
      if (input.screenshotId) await this.uploads.claimForRumour(uow.manager, caller.user.id, input.screenshotId, reportId);
      await this.audit.recordFor(caller, { action: AuditAction.RumourReported, targetType: 'rumour_report', targetId: reportId, detail: `group ${input.groupId}` }, uow.manager);
      return reportId;
    });
    return toView((await this.reports.row(id))!);
  }

  /** The groups the caller may report in: their own, and for police their jurisdiction's. */
  async reportGroups(caller: Caller): Promise<{ id: number; name: string }[]> {
    const own = await this.groups.byIds(await this.groups.groupIdsOfMember(caller.user.id));
    const police = caller.permissions.has(Permission.BulletinPush) && caller.scope.kind !== 'none' && caller.scope.kind !== 'self' ? await this.groups.inScope(caller.scope) : [];
    const byId = new Map([...own, ...police].map((g) => [g.id, { id: g.id, name: g.name }]));
    return [...byId.values()];
  }

  /** 我的传言报告. */
  async mine(caller: Caller, page: number, pageSize: number): Promise<Page<RumourReportView>> {
    const { rows, total } = await this.reports.ofReporter(caller.user.id, page, pageSize);
    return { items: rows.map(toView), total, page, pageSize };
  }

  /** The reports of the caller's scope, newest first; `status` filters. No reporter is named here. */
  async list(caller: Caller, status: RumourStatus | undefined, page: number, pageSize: number): Promise<Page<RumourReportView>> {
    const groups = await this.scopeGroups(caller);
    const debunked = status === undefined ? undefined : status === RumourStatus.Debunked;
    const { rows, total } = await this.reports.ofGroups(groups.map((g) => g.id), debunked, page, pageSize);
    return { items: rows.map(toView), total, page, pageSize };
  }

  private async requireReport(caller: Caller, id: number, rule: Rule): Promise<{ row: RumourRow; group: GroupPlace }> {
    const row = await this.reports.row(id);
    const [group] = row ? await this.groups.byIds([row.groupId]) : [];
    const unitPath = await this.bulletins.unitPath(caller);
    const found = await this.access.require(caller, { type: 'rumour_report', id }, row && group ? row : null, (r) => this.facts(caller, unitPath, group, r.reporterId), rule);
    return { row: found, group };
  }

  /**
   * One report. Its reporter's name and masked phone are shown to the group's responsible officer
   * only (who follows it up), each time an audited read of personal data; others see 居民 or 民警.
   */
  async detail(caller: Caller, id: number): Promise<RumourReportDetail> {
    const { row, group } = await this.requireReport(caller, id, READ_REPORT_RULE);
    let reporterName: string | null = null;
    let reporterPhone: string | null = null;
    if (group.officerId === caller.user.id && row.reporterId !== caller.user.id) {
      const reporter = await this.accounts.find(row.reporterId);
      reporterName = reporter?.nickname ?? null;
      reporterPhone = maskPhone(reporter?.phone);
      await this.access.recordPersonalRead(caller, { type: 'rumour_report', id }, 'reporter, rumour report');
    }
    return { ...toView(row), reporterName, reporterPhone };
  }

  async screenshot(caller: Caller, id: number): Promise<StoredImage> {
    const { row } = await this.requireReport(caller, id, READ_REPORT_RULE);
    if (!row.screenshotId) throw new DomainException(ErrorCode.NotFound);
    return this.uploads.readRumourScreenshot(id, row.screenshotId);
  }

  /**
   * A 辟谣 links exactly these reports (its author, while it is a draft or returned); every report
   * must be in the author's scope (else 404 on record) and not linked to another 辟谣 (409). Audited.
   */
  async link(caller: Caller, bulletinId: number, reportIds: number[]): Promise<RumourReportView[]> {
    const { bulletin } = await this.bulletins.require(caller, bulletinId, EDIT_RULE);
    if (bulletin.kind !== BulletinKind.Rumour) throw new DomainException(ErrorCode.ValidationFailed, ['只有辟谣可以关联传言']);
    for (const id of reportIds) await this.requireReport(caller, id, STAFF_RULE);
    await this.db.transaction(async (uow) => {
      const locked = await this.bulletins.lockedStatus(bulletinId, uow.manager);
      if (locked !== BulletinStatus.Draft && locked !== BulletinStatus.Returned) throw new DomainException(ErrorCode.BulletinNotEditable);
      if ((await this.reports.link(uow.manager, bulletinId, reportIds)) !== reportIds.length) throw new DomainException(ErrorCode.RumourAlreadyLinked);
      await this.audit.recordFor(caller, { action: AuditAction.RumourLinked, targetType: 'bulletin', targetId: bulletinId, detail: `reports ${reportIds.join(',') || 'none'}` }, uow.manager);
    });
    return (await this.reports.linkedTo(bulletinId)).map(toView);
  }

  /** The reports a bulletin links: for staff who may read it (its readers in groups get none). */
  async linked(caller: Caller, bulletinId: number): Promise<RumourReportView[]> {
    await this.bulletins.require(caller, bulletinId, READ_RULE);
    if (caller.scope.kind === 'self') return [];
    return (await this.reports.linkedTo(bulletinId)).map(toView);
  }
}

function toView(r: RumourRow): RumourReportView {
  return {
    id: r.id, text: r.text, groupId: r.groupId, groupName: r.groupName, place: r.place,
    screenshotUrl: r.screenshotId ? `/api/rumours/${r.id}/screenshot` : null,
    status: r.debunkedAt ? RumourStatus.Debunked : RumourStatus.Open,
    createdAt: r.createdAt.toISOString(), bulletinId: r.bulletinId, bulletinTitle: r.bulletinTitle,
    debunkedAt: r.debunkedAt?.toISOString() ?? null,
    reporterKind: RESIDENT_ROLES.includes(r.reporterRole) ? 'resident' : 'staff',
  };
}
