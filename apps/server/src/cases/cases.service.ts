import { CaseDetail, CaseStatus, CaseSummary, Page, Permission } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Access, allows, Facts, Relation, Rule } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import type { Caller } from '../common/request-context';
import { Database } from '../common/db';
import { UploadsService } from '../uploads/uploads.service';
import { CaseRecordsRepository } from './data/case-records.repository';
import { CasePageRow, CaseReportsRepository } from './data/case-reports.repository';
import { CaseRelations, toCaseDetail, viewerOf } from './case-views';
import { CaseEntity } from './data/case.entity';
import { CasesRepository, isReporterOf, QueueFilter } from './data/cases.repository';

/** Short status words for WeChat `phrase` fields (≤ 5 characters), as the reporter reads them (已办结, not 已关闭). */
export const STATUS_PHRASE: Record<CaseStatus, string> = {
  [CaseStatus.Submitted]: '已提交',
  [CaseStatus.Accepted]: '已受理',
  [CaseStatus.InProgress]: '办理中',
  [CaseStatus.Resolved]: '已办结',
  [CaseStatus.Closed]: '已办结',
  [CaseStatus.Rejected]: '不予受理',
  [CaseStatus.Duplicate]: '重复上报',
  [CaseStatus.Transferred]: '已转交',
  [CaseStatus.Referred]: '已转办',
  [CaseStatus.InMediation]: '调解中',
  [CaseStatus.Reopened]: '重新办理',
};

export const casePage = (caseId: number) => `pages/case/index?id=${caseId}`;

/**
 * Reading cases: the one access check on a case id, the case page, the lists. Reporting (上报)
 * lives in CaseReportingService and CaseIntakeService, status changes in CaseWorkflowService.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
    private readonly access: Access,
    private readonly uploads: UploadsService,
    private readonly reports: CaseReportsRepository,
    private readonly records: CaseRecordsRepository,
    private readonly db: Database,
  ) {}

  /**
   * The one access check for a case id from a client (access/access.ts): the reporter, or staff
   * whose role holds `permission` (contracts' ROLE_PERMISSIONS) and whose jurisdiction covers the
   * case (its org path, or its responsible officer). Anything else, a missing case included,
   * answers 404 with an audit entry.
   */
  async requireCase(caller: Caller, caseId: number, permission: Permission, manager?: EntityManager): Promise<CaseEntity> {
    const entity = await this.records.find(caseId, manager);
    return this.access.require(caller, { type: 'case', id: caseId }, entity, (e) => caseFacts(caller, e), caseRule(permission));
  }

  /** Whether the caller may do what `permission` allows on the case as read (no audit). */
  canSee(caller: Caller, entity: CaseEntity, permission: Permission = Permission.CaseRead): boolean {
    return allows(caller, caseFacts(caller, entity), caseRule(permission));
  }

  /**
   * The case page. The case, its community's and officer's names and the reporter are one
   * statement, checked against the caller's scope in memory; then the timeline, deadlines and
   * photos together.
   */
  async detail(caller: Caller, caseId: number): Promise<CaseDetail> {
    const page = await this.reports.pageRow(caseId);
    const entity = await this.access.require(caller, { type: 'case', id: caseId }, page?.entity, (e) => caseFacts(caller, e), caseRule(Permission.CaseRead));
    const [{ events, deadlines }, photoIds] = await Promise.all([this.reports.eventsAndDeadlines(caseId), this.uploads.photoIdsOf(caseId)]);
    const { communityName, officerName, reporter } = page as CasePageRow;
    return this.detailOf(caller, entity, { communityName, officerName, reporter, events, deadlines, photoIds });
  }

  /** The case as this caller may see it; a handling officer's read of personal data is audited. */
  async detailOf(caller: Caller, entity: CaseEntity, relations: CaseRelations): Promise<CaseDetail> {
    const detail = toCaseDetail(caller, entity, relations);
    const viewer = viewerOf(caller, entity);
    if (viewer.isHandlingOfficer && entity.otherParty) {
      await this.audit.recordFor(caller, {
        action: AuditAction.PersonalDataRead, targetType: 'case', targetId: entity.id, detail: 'other party',
      });
    }
    return detail;
  }

  /** What the case page shows beside the case itself (`entity` as the caller has it, e.g. just changed). */
  async relations(entity: CaseEntity, manager: EntityManager = this.db.manager): Promise<CaseRelations> {
    const [page, { events, deadlines }, photoIds] = await Promise.all([
      this.reports.pageRow(entity.id, manager),
      this.reports.eventsAndDeadlines(entity.id, manager),
      this.uploads.photoIdsOf(entity.id, manager),
    ]);
    return { communityName: page?.communityName ?? '', officerName: page?.officerName ?? null, reporter: page?.reporter ?? null, events, deadlines, photoIds };
  }

  queue(caller: Caller, filter: QueueFilter): Promise<Page<CaseSummary>> {
    return this.repo.queue(caller.scope, filter);
  }

  mine(caller: Caller, page: number, pageSize: number): Promise<Page<CaseSummary>> {
    return this.repo.mine(caller.user.id, page, pageSize);
  }

  /** A case photo, for whoever may see the case. */
  async photo(caller: Caller, caseId: number, photoId: string): Promise<{ buffer: Buffer; contentType: string }> {
    await this.requireCase(caller, caseId, Permission.CaseRead);
    return this.uploads.readCasePhoto(caseId, photoId);
  }
}

/** A case's place in the jurisdiction tree and the caller's relation to it (the reporter, sealed reports included). */
export function caseFacts(caller: Pick<Caller, 'user'>, entity: Pick<CaseEntity, 'reporterKey' | 'officerId' | 'orgPath'>): Facts {
  const relations: Relation[] = isReporterOf(caller.user.id, entity) ? ['reporter'] : [];
  return { place: { path: entity.orgPath, officerId: entity.officerId }, relations };
}

/** Who may reach a case: its reporter; staff holding `permission` whose jurisdiction covers it. */
export const caseRule = (permission: Permission): Rule => [{ relation: 'reporter' }, { permission, within: 'jurisdiction' }];
