import { Anonymity, ErrorCode, Permission, ReporterPhoneView } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { viewerOf } from './case-views';
import { caseFacts, caseRule } from './cases.service';
import { CaseReportsRepository } from './data/case-reports.repository';

/**
 * 查看号码 on the case page: the case page shows staff the reporter's number masked; the handling
 * officer reveals it to call back, one audited read each time (as the member list does). Anyone
 * else in scope is refused (NOT_RESPONSIBLE_OFFICER, audited too); outside scope the case is 404.
 */
@Injectable()
export class CaseContactService {
  constructor(
    private readonly reports: CaseReportsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
  ) {}

  async revealReporterPhone(caller: Caller, caseId: number): Promise<ReporterPhoneView> {
    const page = await this.reports.pageRow(caseId);
    const entity = await this.access.require(caller, { type: 'case', id: caseId }, page?.entity, (e) => caseFacts(caller, e), caseRule(Permission.CaseRead));
    const detail = 'reporter phone, case page';
    if (!viewerOf(caller, entity).isHandlingOfficer) {
      await this.audit.recordFor(caller, { action: AuditAction.PersonalDataRead, targetType: 'case', targetId: caseId, outcome: 'denied', detail });
      throw new DomainException(ErrorCode.NotResponsibleOfficer, undefined, '只有该上报的责任民警可以查看上报人的完整号码');
    }
    // An informant's number stays sealed: only a station leader's unseal (with a reason) shows it.
    const phone = entity.anonymity === Anonymity.Sealed ? null : page?.reporter?.phone ?? null;
    if (phone) await this.audit.recordFor(caller, { action: AuditAction.PersonalDataRead, targetType: 'case', targetId: caseId, detail });
    return { caseId, phone };
  }
}
