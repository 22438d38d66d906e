import { CaseStatus, Permission, ReferralStatus, WorkbenchAlerts } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/request-context';
import { CasesService } from '../cases/cases.service';
import { CommunitiesService } from '../org';
import { ReferralsService } from '../referrals';
import { SupervisionService } from '../supervision/supervision.service';

/**
 * 工作台 alerts: what waits for the caller, counted by the same scoped queries as the lists they
 * open (案件队列, 督办, 待审核, 转办签收), so a count never shows what its list would not.
 */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly cases: CasesService,
    private readonly org: CommunitiesService,
    private readonly referrals: ReferralsService,
    private readonly supervision: SupervisionService,
  ) {}

  async alerts(caller: Caller): Promise<WorkbenchAlerts> {
    const has = (p: Permission) => caller.permissions.has(p);
    const queueTotal = async (filter: { status?: CaseStatus; overdue?: boolean }) => (await this.cases.queue(caller, { ...filter, page: 1, pageSize: 1 })).total;
    // Reports wait on those who handle them (officers, station leaders); leaders above see 督办.
    const handles = has(Permission.CaseHandle);
    const [newReports, overdueReports, newAndOverdue, supervision, pendingJoins, referralsToSign] = await Promise.all([
      handles ? queueTotal({ status: CaseStatus.Submitted }) : null,
      handles ? queueTotal({ overdue: true }) : null,
      handles ? queueTotal({ status: CaseStatus.Submitted, overdue: true }) : null,
      has(Permission.CaseSupervise) ? this.supervision.list(caller, 1, 1).then((p) => p.total) : null,
      has(Permission.CommunityJoinApprove) ? this.org.pendingJoinCount(caller) : null,
      has(Permission.ReferralHandle) ? this.referrals.departmentList(caller, ReferralStatus.Sent).then((r) => r.length) : null,
    ]);
    const total = (newReports ?? 0) + (overdueReports ?? 0) - (newAndOverdue ?? 0) + (supervision ?? 0) + (pendingJoins ?? 0) + (referralsToSign ?? 0);
    return { newReports, overdueReports, supervision, pendingJoins, referralsToSign, total };
  }
}
