import {
  Anonymity, CaseAction, CaseDetail, CaseStatus, CASE_ACTION_LABELS, CASE_STATUS_LABELS, ErrorCode, Permission,
  Page, Role, TERMINAL_STATUSES, TimelineEventType, UnsealLogEntry, UnsealView, nextStatus,
} from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Database } from '../common/db';
import { caseNumber } from './case-number';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { NotificationsService, OUTBOX_TOPIC_GOVERNANCE_RISK } from '../notifications/notifications.service';
import { UploadsService } from '../uploads/uploads.service';
import { leadersOf } from '../org';
import { CaseTimeline } from './case-timeline';
import { CaseChangesRepository } from './data/case-changes.repository';
import { CaseDeadlinesRepository } from './data/case-deadlines.repository';
import { CaseRecordsRepository } from './data/case-records.repository';
import { allowedActions, toCaseDetail, viewerOf, withinReopenWindow } from './case-views';
import { CaseEntity } from './data/case.entity';
import { casePage, CasesService, STATUS_PHRASE } from './cases.service';
import { CaseActionDto, CaseInfoDto, CaseNoteDto, RateCaseDto } from './dto/case.dto';

/** Who acts: a person (with their role) or the scheduler. */
export interface Actor {
  userId: number | null;
  role: Role | null;
}

/** Actions that need a note: a reason, or for 办结 the result, which the reporter reads. */
const REASON_REQUIRED: readonly CaseAction[] = [CaseAction.Reject, CaseAction.Transfer, CaseAction.Reopen, CaseAction.MarkDuplicate, CaseAction.Resolve];

/**
 * Every change of a case: state-machine transitions, notes, follow-up, rating, the serious-risk
 * flag and unsealing. Each change and its timeline event are written in one transaction.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly uploads: UploadsService,
    private readonly timeline: CaseTimeline,
    private readonly changes: CaseChangesRepository,
    private readonly deadlines: CaseDeadlinesRepository,
    private readonly records: CaseRecordsRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async act(caller: Caller, caseId: number, dto: CaseActionDto): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const now = new Date();
    if (!allowedActions(caller, entity, viewerOf(caller, entity), now).includes(dto.action)) {
      if (dto.action === CaseAction.Reopen && entity.status === CaseStatus.Resolved && !withinReopenWindow(entity, now)) {
        throw new DomainException(ErrorCode.ReopenWindowPassed);
      }
      if (nextStatus(entity.status, dto.action) === null) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
      throw new DomainException(ErrorCode.Forbidden);
    }
    if (REASON_REQUIRED.includes(dto.action) && !dto.note?.trim()) {
      throw new DomainException(ErrorCode.ReasonRequired, undefined, dto.action === CaseAction.Resolve ? '请填写办结说明（上报人可见）' : undefined);
    }
    const updated = await this.db.transaction(async ({ manager: m }) => {
      const extra: Partial<CaseEntity> = {};
      if (dto.action === CaseAction.MarkDuplicate) {
        if (!dto.duplicateOfId || dto.duplicateOfId === entity.id) throw new DomainException(ErrorCode.ValidationFailed, ['请选择原案件']);
        const original = await this.cases.requireCase(caller, dto.duplicateOfId, Permission.CaseRead, m);
        extra.duplicateOfId = original.id;
      }
      if (dto.action === CaseAction.Transfer) Object.assign(extra, await this.transferTarget(m, dto.transferToCommunityId));
      return this.transition(m, entity, dto.action, { userId: actorIdOf(caller, entity), role: caller.user.role }, dto.note?.trim() || null, now, extra);
    });
    // After a transfer out of the caller's jurisdiction they may no longer read the case: answer
    // with the case as it left them rather than a 404 for a change that succeeded.
    if (dto.action === CaseAction.Transfer && !(await this.cases.canSee(caller, updated))) {
      return toCaseDetail(caller, updated, await this.cases.relations(updated));
    }
    return this.cases.detail(caller, caseId);
  }

  private async transferTarget(m: EntityManager, communityId: number | undefined): Promise<Partial<CaseEntity>> {
    if (!communityId) throw new DomainException(ErrorCode.ValidationFailed, ['请选择转交的社区']);
    const target = await this.changes.community(m, communityId);
    if (!target) throw new DomainException(ErrorCode.NotFound);
    return { communityId: target.id, orgPath: target.path, officerId: target.officerId };
  }

  /**
   * Applies one transition of the shared state machine with an optimistic version check (two
   * officers acting at once cannot both win), writes the timeline event, settles deadlines and
   * tells the people concerned — all in the caller's transaction.
   */
  async transition(
    m: EntityManager,
    entity: CaseEntity,
    action: CaseAction,
    actor: Actor,
    note: string | null,
    now: Date,
    extra: Partial<CaseEntity> = {},
  ): Promise<CaseEntity> {
    const to = nextStatus(entity.status, action);
    if (!to) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
    const changes: Partial<CaseEntity> = { ...extra, status: to, updatedAt: now, version: entity.version + 1 };
    if (to === CaseStatus.Resolved) changes.resolvedAt = now;
    if (to === CaseStatus.Closed) changes.closedAt = now;
    if (to === CaseStatus.Reopened) changes.resolvedAt = null;
    if (!(await this.changes.transition(m, entity, changes))) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
    const updated = { ...entity, ...changes } as CaseEntity;

    await this.timeline.append(m, entity.id, {
      type: TimelineEventType.StatusChanged, fromStatus: entity.status, toStatus: to, actor, isPublic: true, note, at: now,
    });
    await this.settleDeadlines(m, updated, action, now);
    await this.notifyChange(m, entity, updated, action, note);
    return updated;
  }

  private async settleDeadlines(m: EntityManager, entity: CaseEntity, action: CaseAction, now: Date): Promise<void> {
    const met = (kind?: 'first_response' | 'resolution') => this.deadlines.meet(m, entity.id, now, kind);
    const restart = (kind: 'first_response' | 'resolution', minutes: number) =>
      this.deadlines.restart(m, entity.id, kind, new Date(now.getTime() + minutes * 60_000));
    const cfg = this.config.caseDeadlines[entity.kind];
    if (TERMINAL_STATUSES.includes(entity.status) || action === CaseAction.Confirm || action === CaseAction.AutoClose) await met();
    else if (action === CaseAction.Resolve) await met();
    else if (action === CaseAction.Accept) await met('first_response');
    else if (action === CaseAction.Reopen) {
      await restart('first_response', cfg.firstResponseMinutes);
      await restart('resolution', cfg.resolutionMinutes);
    } else if (action === CaseAction.Transfer) {
      const first = await this.deadlines.find(m, entity.id, 'first_response');
      if (first && !first.metAt) await restart('first_response', cfg.firstResponseMinutes);
    }
    await this.refreshNextDue(m, entity.id);
  }

  /** Keeps the queue's sort key (earliest unmet deadline) and escalation level in step with the rows. */
  refreshNextDue(m: EntityManager, caseId: number): Promise<void> {
    return this.deadlines.refreshNextDue(m, caseId);
  }

  /** The reporter's user id, also for sealed reports (used to notify, never shown). */
  async reporterUserId(m: EntityManager, entity: CaseEntity): Promise<number | null> {
    if (entity.reporterId) return entity.reporterId;
    return this.changes.sealedReporterId(m, entity.id);
  }

  private async notifyChange(m: EntityManager, before: CaseEntity, after: CaseEntity, action: CaseAction, note: string | null): Promise<void> {
    const reporter = await this.reporterUserId(m, after);
    // The reporter's words: a case confirmed (or auto-confirmed) reads 已办结, not the staff's 已关闭.
    const statusLabel = after.status === CaseStatus.Closed ? STATUS_PHRASE[CaseStatus.Closed] : CASE_STATUS_LABELS[after.status];
    if (reporter && action !== CaseAction.Confirm && action !== CaseAction.Reopen) {
      await this.notifications.notify(
        m,
        [reporter],
        {
          title: `您的上报${statusLabel}`,
          body: `“${after.title}”${CASE_ACTION_LABELS[action]}${note ? `：${note}` : ''}`,
          caseId: after.id,
          wechat: { page: casePage(after.id), data: { thing1: after.title.slice(0, 20), phrase2: STATUS_PHRASE[after.status], thing3: (note ?? statusLabel).slice(0, 20) } },
          confidential: after.anonymity === Anonymity.Sealed,
        },
        `case:${after.id}:v${after.version}`,
      );
    }
    if (action === CaseAction.MarkDuplicate && after.duplicateOfId) {
      const original = await this.records.get(after.duplicateOfId, m);
      const originalReporter = await this.reporterUserId(m, original);
      if (originalReporter && originalReporter !== reporter) {
        await this.notifications.notify(
          m, [originalReporter],
          { title: '有群众反映了同一件事', body: `您上报的“${original.title}”收到了重复反映，将一并办理`, caseId: original.id, confidential: original.anonymity === Anonymity.Sealed },
          `case:${original.id}:dup-of:${after.id}`,
        );
      }
    }
    const officerChanged = after.officerId !== before.officerId;
    if ((action === CaseAction.Reopen || officerChanged) && after.officerId) {
      await this.notifications.notify(
        m, [after.officerId],
        { title: action === CaseAction.Reopen ? '群众重新打开了上报' : '收到转交的上报', body: `“${after.title}”${note ? `：${note}` : ''}`, caseId: after.id },
        `case:${after.id}:v${after.version}:officer`,
      );
    }
  }

  async addNote(caller: Caller, caseId: number, dto: CaseNoteDto): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff || !caller.permissions.has(Permission.CaseHandle)) throw new DomainException(ErrorCode.Forbidden);
    await this.db.transaction(async ({ manager: m }) => {
      await this.event(m, entity, TimelineEventType.Note, caller, dto.note.trim(), !dto.internal);
      if (!dto.internal) {
        const reporter = await this.reporterUserId(m, entity);
        if (reporter) {
          await this.notifications.notify(
            m, [reporter],
            { title: '民警回复了您的上报', body: dto.note.slice(0, 200), caseId: entity.id, confidential: entity.anonymity === Anonymity.Sealed },
            `case:${entity.id}:note:${Date.now()}`,
          );
        }
      }
    });
    return this.cases.detail(caller, caseId);
  }

  /** The reporter adds information or photos (补充信息). */
  async addInfo(caller: Caller, caseId: number, dto: CaseInfoDto): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isReporter) throw new DomainException(ErrorCode.Forbidden);
    if (!dto.note?.trim() && !dto.photoIds?.length) throw new DomainException(ErrorCode.ValidationFailed, ['请填写补充内容或添加图片']);
    if (TERMINAL_STATUSES.includes(entity.status)) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
    await this.db.transaction(async ({ manager: m }) => {
      if (dto.photoIds?.length) await this.uploads.claimForCase(m, caller.user.id, dto.photoIds, entity.id, { disown: entity.anonymity === Anonymity.Sealed });
      const text = [dto.note?.trim(), dto.photoIds?.length ? `补充图片${dto.photoIds.length}张` : null].filter(Boolean).join('；');
      await this.event(m, entity, TimelineEventType.ReporterInfo, caller, text, true);
      if (entity.officerId) {
        await this.notifications.notify(m, [entity.officerId], { title: '上报人补充了信息', body: `“${entity.title}”：${text}`.slice(0, 200), caseId: entity.id }, `case:${entity.id}:info:${Date.now()}`);
      }
    });
    return this.cases.detail(caller, caseId);
  }

  async rate(caller: Caller, caseId: number, dto: RateCaseDto): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isReporter) throw new DomainException(ErrorCode.Forbidden);
    if (entity.status !== CaseStatus.Closed) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
    await this.db.transaction(async ({ manager: m }) => {
      if (!(await this.changes.rate(m, entity.id, dto.rating, dto.comment?.trim() || null))) throw new DomainException(ErrorCode.AlreadyRated);
      await this.event(m, entity, TimelineEventType.Rated, caller, `评价 ${dto.rating} 星${dto.comment ? `：${dto.comment}` : ''}`, true);
    });
    return this.cases.detail(caller, caseId);
  }

  /** 严重现实危险: alerts station and branch leaders at once; marked for the 政法委/综治 report. */
  async flagSeriousRisk(caller: Caller, caseId: number, note: string): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff || !caller.permissions.has(Permission.CaseHandle)) throw new DomainException(ErrorCode.Forbidden);
    await this.db.transaction(async ({ manager: m }) => {
      if (!(await this.changes.flagSeriousRisk(m, entity.id, new Date()))) return;
      await this.event(m, entity, TimelineEventType.SeriousRisk, caller, note.trim(), false);
      const leaders = await leadersOf(m, entity.orgPath, [Role.StationLeader, Role.BranchLeader]);
      await this.notifications.notify(m, leaders, { title: '严重现实危险预警', body: `“${entity.title}”：${note}`.slice(0, 200), caseId: entity.id }, `case:${entity.id}:serious-risk`);
      // Reported at once to the 综治 platform, not only in the daily digest.
      await this.notifications.enqueue(m, OUTBOX_TOPIC_GOVERNANCE_RISK, `case:${entity.id}:serious-risk:governance`, { caseId: entity.id });
    });
    return this.cases.detail(caller, caseId);
  }

  /** An officer releases a report the text safety check held. */
  async clearReview(caller: Caller, caseId: number): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff || !caller.permissions.has(Permission.CaseHandle)) throw new DomainException(ErrorCode.Forbidden);
    await this.db.transaction(async ({ manager: m }) => {
      if (await this.changes.clearReview(m, entity.id)) await this.event(m, entity, TimelineEventType.ReviewCleared, caller, '民警审核通过', false);
    });
    return this.cases.detail(caller, caseId);
  }

  /** Only a station leader may unseal an informant, with a reason; each unseal is audited and listed. */
  async unseal(caller: Caller, caseId: number, reason: string): Promise<UnsealView> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!caller.permissions.has(Permission.InformantUnseal) || !viewerOf(caller, entity).isStaff) throw new DomainException(ErrorCode.Forbidden);
    if (entity.anonymity !== Anonymity.Sealed) throw new DomainException(ErrorCode.NotSealed);
    return this.db.transaction(async ({ manager: m }) => {
      const reporterId = await this.reporterUserId(m, entity);
      const reporter = reporterId ? await this.changes.person(m, reporterId) : null;
      if (!reporter) throw new DomainException(ErrorCode.NotFound);
      await this.changes.addUnseal(m, { caseId: entity.id, byUserId: caller.user.id, reason: reason.trim(), at: new Date() });
      await this.event(m, entity, TimelineEventType.Note, caller, `派出所领导解封了信息员身份，理由：${reason}`, false);
      await this.audit.recordFor(caller, { action: AuditAction.InformantUnsealed, targetType: 'case', targetId: entity.id, detail: reason }, m);
      return { reporterId: reporter.id, reporterName: reporter.realName ?? reporter.nickname, reporterPhone: reporter.phone };
    });
  }

  /** 信息员身份查看记录: every unseal, newest first, a page at a time (the log only grows). */
  async unsealLog(page: number, pageSize: number): Promise<Page<UnsealLogEntry>> {
    const { rows, total } = await this.changes.unsealLog(page, pageSize);
    const items = rows.map((r) => ({
      caseId: r.caseId, caseNumber: caseNumber(r.caseCreatedAt, r.caseId), byUserId: r.byUserId, byName: r.byName, reason: r.reason, at: r.at.toISOString(),
    }));
    return { items, total, page, pageSize };
  }

  private event(m: EntityManager, entity: CaseEntity, type: TimelineEventType, caller: Caller, note: string, isPublic: boolean) {
    return this.timeline.append(m, entity.id, { type, actor: { userId: actorIdOf(caller, entity), role: caller.user.role }, isPublic, note });
  }
}

/**
 * The user id a timeline event records for the caller: none for the informant of a sealed case
 * (the event would link them to it; `actorRole` still shows 匿名信息员), the caller's otherwise.
 */
export function actorIdOf(caller: Caller, entity: CaseEntity): number | null {
  return entity.anonymity === Anonymity.Sealed && viewerOf(caller, entity).isReporter ? null : caller.user.id;
}

