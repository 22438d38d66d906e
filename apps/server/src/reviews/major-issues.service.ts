import { ErrorCode, isCalendarDate, MajorIssueView, OrgLevel, Permission, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { chinaDate } from '../common/china-time';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { NotificationsService } from '../notifications';
import { OrgUnits } from '../org';
import { MajorIssuesRepository } from './data/major-issues.repository';
import { MajorIssueFeedbackDto, RaiseMajorIssueDto } from './reviews.dto';
import { ReviewViews } from './review-views';

/** 重大问题: a station leader raises it to the station's 挂点 city leader, who holds a 会商 and feeds back by the deadline. */
@Injectable()
export class MajorIssuesService {
  constructor(
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly units: OrgUnits,
    private readonly issues: MajorIssuesRepository,
    private readonly notifications: NotificationsService,
    private readonly views: ReviewViews,
    private readonly db: Database,
  ) {}

  /** 挂点: links a station to a city leader (the demo's seed; docs/reviews.md). */
  link(stationId: number, leaderId: number): Promise<void> {
    return this.issues.link(stationId, leaderId);
  }

  async raise(caller: Caller, dto: RaiseMajorIssueDto, now = new Date()): Promise<MajorIssueView> {
    const station = caller.user.orgUnitId ? await this.units.find(caller.user.orgUnitId) : null;
    if (caller.user.role !== Role.StationLeader || !station || station.level !== OrgLevel.Station) throw new DomainException(ErrorCode.Forbidden);
    if (!isCalendarDate(dto.deadline) || dto.deadline < chinaDate(now)) throw new DomainException(ErrorCode.ValidationFailed, ['会商和反馈期限应为今天或以后的日期']);
    const leaderId = await this.issues.linkedLeader(station.id);
    if (!leaderId) throw new DomainException(ErrorCode.NoLinkedLeader);
    const id = await this.db.transaction(async ({ manager: m }) => {
      const issueId = await this.issues.insert(m, {
        stationId: station.id, stationPath: station.path, title: dto.title.trim(), detail: dto.detail.trim(), raisedBy: caller.user.id, raisedAt: now,
        leaderId, deadline: dto.deadline, status: 'open', feedback: null, answeredAt: null,
      });
      await this.notifications.notify(
        m, [leaderId], { title: `重大问题待会商：${station.name}`, body: `${dto.title.trim()}（请于${dto.deadline}前会商并反馈）`, caseId: null }, `major-issue:${issueId}:raised`,
      );
      await this.audit.recordFor(caller, { action: AuditAction.MajorIssueRaised, targetType: 'major_issue', targetId: issueId, detail: dto.title.trim() }, m);
      return issueId;
    });
    return (await this.views.majorIssues([(await this.issues.find(id))!]))[0];
  }

  /** The issues of the stations in the caller's jurisdiction, and those put to the caller as 挂点 leader. */
  async list(caller: Caller): Promise<MajorIssueView[]> {
    const scope = caller.scope;
    const stations = scope.kind === 'subtree' ? (await this.units.atLevels([OrgLevel.Station])).filter((s) => s.path.startsWith(scope.pathPrefix)).map((s) => s.id) : [];
    return this.views.majorIssues(await this.issues.list({ stationIds: stations, leaderId: caller.user.id }));
  }

  /** The 挂点 leader's feedback after the 会商; anyone else: 404 and an audit entry. */
  async answer(caller: Caller, id: number, dto: MajorIssueFeedbackDto, now = new Date()): Promise<MajorIssueView> {
    const row = await this.issues.find(id);
    const issue = await this.access.require(caller, { type: 'major_issue', id }, row, (r) => ({ place: 'unplaced', relations: r.leaderId === caller.user.id ? ['assignee'] : [] }), [
      { relation: 'assignee', permission: Permission.ReviewHold },
    ]);
    await this.db.transaction(async ({ manager: m }) => {
      if (!(await this.issues.answer(m, issue.id, dto.feedback.trim(), now))) throw new DomainException(ErrorCode.CaseTransitionNotAllowed, undefined, '该重大问题已反馈');
      await this.notifications.notify(
        m, [issue.raisedBy], { title: `重大问题已反馈：${issue.title}`, body: dto.feedback.trim(), caseId: null }, `major-issue:${issue.id}:answered`,
      );
      await this.audit.recordFor(caller, { action: AuditAction.MajorIssueAnswered, targetType: 'major_issue', targetId: issue.id, detail: dto.feedback.trim() }, m);
    });
    return (await this.views.majorIssues([(await this.issues.find(id))!]))[0];
  }
}
