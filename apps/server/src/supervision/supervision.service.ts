import {
  CaseDetail, DeadlineKind, Permission, EscalationLevel, ErrorCode, isUrgeable, Page, Role, ROLE_LABELS, SupervisedCase, supervisedLevels,
  TimelineEventType, URGE_INTERVAL_MINUTES,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit/audit.service';
import { Database } from '../common/db';
import { parseDbDate } from '../common/db-date';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { leadersOf } from '../org';
import { canUrge, viewerOf } from '../cases/case-views';
import { CasesApi } from '../cases';
import { NotificationsService } from '../notifications/notifications.service';

const URGE_INTERVAL_MS = URGE_INTERVAL_MINUTES * 60_000;

/**
 * 督办/催办: what escalated to a leader (the list), and the leader urging the responsible officer.
 * The list is the case queue's query (CasesApi.escalated) narrowed to escalation levels;
 * 催办 is a change of the case like a note: a timeline event, a message and an audit entry in one
 * transaction.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly cases: CasesApi,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly db: Database,
  ) {}

  /**
   * The caller's 督办 list: open cases of their jurisdiction whose deadline escalated to their
   * level or beyond (SUPERVISION_FROM_LEVEL), most overdue first. The page comes from the queue's
   * query; its officers' names, last 催办 and open deadlines are then one read by primary keys.
   */
  async list(caller: Caller, page: number, pageSize: number, now = new Date()): Promise<Page<SupervisedCase>> {
    const levels = supervisedLevels(caller.user.role);
    const cases = await this.cases.escalated(caller.scope, levels, page, pageSize, now);
    if (!cases.items.length) return { ...cases, items: [] };
    const ids = cases.items.map((c) => c.id);
    const rows = await this.cases.records.openDeadlines(ids);
    const items: SupervisedCase[] = [];
    for (const summary of cases.items) {
      const own = rows.filter((r) => Number(r.caseId) === summary.id);
      // The deadline that put the case here; the most overdue one if both did.
      const deadline = own
        .filter((r) => r.kind !== null && levels.includes(Number(r.escalation) as EscalationLevel))
        .map((r) => ({ kind: r.kind as DeadlineKind, dueAt: parseDbDate(r.dueAt) as Date, escalation: Number(r.escalation) as EscalationLevel }))
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
      // Met between the two reads (accepted or resolved just now): no longer on the list.
      if (!deadline) continue;
      const urgedAt = parseDbDate(own[0].urgedAt);
      items.push({
        caseId: summary.id,
        number: summary.number,
        title: summary.title,
        kind: summary.kind,
        status: summary.status,
        communityId: summary.communityId,
        communityName: summary.communityName,
        officerId: own[0].officerId == null ? null : Number(own[0].officerId),
        officerName: own[0].officerName == null ? null : String(own[0].officerName),
        deadlineKind: deadline.kind,
        dueAt: deadline.dueAt.toISOString(),
        escalation: deadline.escalation,
        lastUrgedAt: urgedAt?.toISOString() ?? null,
      });
    }
    return { ...cases, items };
  }

  /**
   * 催办: the leader's instruction to the responsible officer, as an internal timeline event (the
   * resident does not see it), an in-app message to the officer and an audit entry, in one
   * transaction. At most one per case every URGE_INTERVAL_MINUTES, whoever urges: the conditional
   * UPDATE of `urged_at` is the check, so two leaders urging at once cannot both get through.
   */
  async urge(caller: Caller, caseId: number, instruction: string, now = new Date()): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!canUrge(caller, entity, viewerOf(caller, entity))) {
      throw new DomainException(isUrgeable(entity.status) ? ErrorCode.Forbidden : ErrorCode.CaseTransitionNotAllowed);
    }
    const text = instruction.trim();
    await this.db.transaction(async ({ manager: m }) => {
      const claimed = await this.cases.records.claimUrge(m, entity.id, now, new Date(now.getTime() - URGE_INTERVAL_MS));
      if (!claimed) await this.refuseTooSoon(m, entity.id, now);
      await this.cases.timeline.append(m, entity.id, {
        type: TimelineEventType.Urged, actor: { userId: caller.user.id, role: caller.user.role }, isPublic: false, note: `${caller.user.nickname}催办：${text}`, at: now,
      });
      // No 责任民警 (yet): the station's leaders are to arrange one, so they hear of it instead.
      const recipients = entity.officerId
        ? [entity.officerId]
        : (await leadersOf(m, entity.orgPath, [Role.StationLeader])).filter((id) => id !== caller.user.id);
      await this.notifications.notify(
        m,
        recipients,
        { title: `${ROLE_LABELS[caller.user.role]}催办：${entity.title}`, body: `${caller.user.nickname}：${text}`, caseId: entity.id },
        `case:${entity.id}:urge:${now.getTime()}`,
      );
      await this.audit.recordFor(caller, { action: AuditAction.CaseUrged, targetType: 'case', targetId: entity.id, detail: text }, m);
    });
    return this.cases.detail(caller, caseId);
  }

  private async refuseTooSoon(m: EntityManager, caseId: number, now: Date): Promise<never> {
    const last = (await this.cases.records.urgedAt(m, caseId)) ?? now;
    const minutes = Math.max(1, Math.ceil((last.getTime() + URGE_INTERVAL_MS - now.getTime()) / 60_000));
    throw new DomainException(ErrorCode.UrgeTooFrequent, undefined, `该上报${URGE_INTERVAL_MINUTES}分钟内已催办过，请${minutes}分钟后再催办`);
  }
}
