import {
  CaseAction, CaseStatus, ErrorCode, EscalationLevel, HotlineOrderStatus, Permission,
  ReferralStatus, ReferralStepView, ReferralTargetKind, ReferralTargetView, ReferralView, Role, TimelineEventType,
  nextStatus,
} from '@jws/contracts';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Access } from '../access/access';
import { pathIds } from '../org';
import { viewerOf } from '../cases/case-views';
import type { CaseEntity } from '../cases';
import { CasesApi } from '../cases';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { ReferralPeopleRepository, ReferralPerson } from './data/referral-people.repository';
import { ReferralTargetsRepository } from './data/referral-targets.repository';
import type { ReferralTargetEntity } from './data/referral-target.entity';
import type { ReferralEntity } from './data/referral.entity';
import { ReferralsRepository } from './data/referrals.repository';
import { ReferralAgendaService } from './referral-agenda.service';
import { CreateReferralDto, ReferralReplyDto } from './referrals.dto';
import { branchPathOf, referredNote, targetView, toReferralStep, toReferralView } from './referral-views';

export const OUTBOX_TOPIC_HOTLINE_ORDER = 'hotline12345.order';
export const HOTLINE_TARGET_NAME = '12345政务服务便民热线';
const HOUR = 3600_000;

/** Who replies: a person (department staff, the officer) or 12345 through the adapter. */
export interface Replier {
  userId: number | null;
  role: Role | null;
  label: string;
}

/**
 * 转办 referrals: an officer refers a case to a 警种 department, to 12345 or to another department;
 * department staff sign and reply; external replies come through the 12345 adapter or are
 * recorded by the officer with evidence. Every status change of the case goes through the one
 * case workflow, in the same transaction as the referral's own change.
 */
@Injectable()
export class ReferralsService implements OnApplicationBootstrap {
  constructor(
    private readonly cases: CasesApi,
    private readonly notifications: NotificationsService,
    private readonly referrals: ReferralsRepository,
    private readonly targetsRepo: ReferralTargetsRepository,
    private readonly people: ReferralPeopleRepository,
    private readonly agendaItems: ReferralAgendaService,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: Access,
  ) {}

  /** The 12345 hotline is always a target; departments are added by admins (and the demo). */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureHotlineTarget();
  }

  ensureHotlineTarget(): Promise<void> {
    return this.targetsRepo.ensureHotline(HOTLINE_TARGET_NAME);
  }

  async targets(): Promise<ReferralTargetView[]> {
    return (await this.targetsRepo.active()).map(targetView);
  }

  /** An officer refers a case: target, reason, named station contact, due dates. The case moves to referred. */
  async refer(caller: Caller, caseId: number, dto: CreateReferralDto): Promise<ReferralView> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff || !caller.permissions.has(Permission.CaseHandle)) throw new DomainException(ErrorCode.Forbidden);
    if (nextStatus(entity.status, CaseAction.Refer) === null) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
    const target = await this.targetsRepo.findActive(dto.targetId);
    if (!target) throw new DomainException(ErrorCode.ReferralTargetInvalid);
    const contact = await this.stationContact(entity, dto.contactUserId ?? caller.user.id);
    const now = new Date();
    const receiptDueAt = dto.receiptDueAt ? new Date(dto.receiptDueAt) : new Date(now.getTime() + this.config.referralDue.receiptHours * HOUR);
    const replyDueAt = dto.replyDueAt ? new Date(dto.replyDueAt) : new Date(now.getTime() + this.config.referralDue.replyHours * HOUR);
    if (receiptDueAt.getTime() <= now.getTime() || replyDueAt.getTime() < receiptDueAt.getTime()) throw new DomainException(ErrorCode.ReferralDueInvalid);

    const id = await this.db.transaction(async ({ manager: m }) => {
      await this.cases.transition(m, entity, CaseAction.Refer, { userId: caller.user.id, role: caller.user.role }, referredNote(target), now);
      const referralId = await this.referrals.insert(m, {
        caseId: entity.id, targetId: target.id, reason: dto.reason.trim(), contactUserId: contact.id, createdBy: caller.user.id,
        status: ReferralStatus.Sent, category: `${entity.kind}.${entity.subcategory}`, branchPath: branchPathOf(entity.orgPath),
        receiptDueAt, replyDueAt, signedAt: null, signedByLabel: null, repliedAt: null, replyOutcome: null, replyEvidence: null,
        repliedByLabel: null, idempotencyKey: `jws-referral-${randomUUID()}`, externalOrderNo: null,
        externalStatus: target.kind === ReferralTargetKind.Hotline12345 ? HotlineOrderStatus.Pending : null, externalSyncedAt: null,
        escalation: EscalationLevel.None, nextCheckAt: receiptDueAt, leaseOwner: null, leaseUntil: null, createdAt: now, updatedAt: now,
      });
      await this.event(m, entity.id, TimelineEventType.Note, caller.user, `转办理由：${dto.reason.trim()}（联系人：${contact.nickname}）`, false, now);
      if (target.kind === ReferralTargetKind.Hotline12345) {
        await this.notifications.enqueue(m, OUTBOX_TOPIC_HOTLINE_ORDER, `referral:${referralId}:order`, { referralId });
      } else if (target.kind === ReferralTargetKind.PoliceDepartment) {
        await this.notifications.notify(m, await this.staffOf(m, target.id), { title: '收到转办，请签收', body: `${entity.number}“${entity.title}”：${dto.reason}`.slice(0, 200), caseId: null }, `referral:${referralId}:new`);
      }
      await this.agendaItems.countPileUp(m, target, entity, now);
      return referralId;
    });
    return this.view(caller, await this.referrals.get(id));
  }

  /** The contact must be police (officer or station leader) of the case's own station. */
  private async stationContact(entity: CaseEntity, userId: number): Promise<ReferralPerson> {
    const { stationId } = pathIds(entity.orgPath);
    const user = await this.people.person(userId);
    if (!user || user.disabled || !stationId || user.orgUnitId !== stationId || ![Role.CommunityOfficer, Role.StationLeader].includes(user.role)) {
      throw new DomainException(ErrorCode.ReferralContactInvalid);
    }
    return user;
  }

  /** Department staff's list: referrals to their own departments only. */
  async departmentList(caller: Caller, status?: ReferralStatus): Promise<ReferralView[]> {
    const targetIds = await this.myTargetIds(caller);
    if (!targetIds.length) return [];
    return this.views(caller, await this.referrals.toTargets(targetIds, status));
  }

  /** Referrals of a case, for police who may see the case. */
  async ofCase(caller: Caller, caseId: number): Promise<ReferralView[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff) throw new DomainException(ErrorCode.Forbidden);
    return this.views(caller, await this.referrals.ofCase(caseId));
  }

  /** What anyone who may see the case (the resident too) reads of its referrals, in plain words. */
  async steps(caller: Caller, caseId: number): Promise<ReferralStepView[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const staff = viewerOf(caller, entity).isStaff;
    const rows = await this.referrals.ofCase(caseId);
    const targets = await this.targetsRepo.byIds(rows.map((r) => r.targetId));
    return rows.map((r) => toReferralStep(r, targets.get(r.targetId) as ReferralTargetEntity, staff));
  }

  async detail(caller: Caller, id: number): Promise<ReferralView> {
    return this.view(caller, await this.requireReferral(caller, id));
  }

  /** 签收: department staff of the target take the referral on. */
  async sign(caller: Caller, id: number): Promise<ReferralView> {
    const referral = await this.requireReferral(caller, id);
    if (!(await this.isStaffOf(caller, referral.targetId))) throw new DomainException(ErrorCode.Forbidden);
    const now = new Date();
    await this.db.transaction(async ({ manager: m }) => {
      if (!(await this.markSigned(m, referral, caller.user.nickname, caller.user, now))) throw new DomainException(ErrorCode.ReferralAlreadyHandled);
    });
    return this.view(caller, await this.reload(id));
  }

  /**
   * A reply: from the department's own staff (after signing), or recorded by the case's police for
   * an external target (12345, another department) with evidence. The case comes back to the officer.
   */
  async reply(caller: Caller, id: number, dto: ReferralReplyDto): Promise<ReferralView> {
    const referral = await this.requireReferral(caller, id);
    const target = await this.targetsRepo.get(referral.targetId);
    const department = await this.isStaffOf(caller, referral.targetId);
    if (!department) {
      const entity = await this.cases.requireCase(caller, referral.caseId, Permission.CaseRead);
      const recordsExternal = target.kind !== ReferralTargetKind.PoliceDepartment && viewerOf(caller, entity).isStaff && caller.permissions.has(Permission.CaseHandle);
      if (!recordsExternal) throw new DomainException(ErrorCode.Forbidden);
      if (!dto.evidence?.trim()) throw new DomainException(ErrorCode.EvidenceRequired);
    } else if (referral.status === ReferralStatus.Sent) {
      throw new DomainException(ErrorCode.ReferralNotSigned);
    }
    if (referral.status === ReferralStatus.Replied) throw new DomainException(ErrorCode.ReferralAlreadyHandled);
    const label = department ? caller.user.nickname : `${target.name}（民警${caller.user.nickname}登记）`;
    await this.db.transaction(async ({ manager: m }) => {
      const ok = await this.markReplied(m, referral, target, { userId: caller.user.id, role: caller.user.role, label }, dto.outcome.trim(), dto.evidence?.trim() || null, new Date());
      if (!ok) throw new DomainException(ErrorCode.ReferralAlreadyHandled);
    });
    return this.view(caller, await this.reload(id));
  }

  /** Conditional: only a referral still waiting for its receipt is signed. Restarts the due clock on the reply. */
  async markSigned(m: EntityManager, referral: ReferralEntity, label: string, by: Pick<Caller['user'], 'id' | 'role'> | null, now: Date): Promise<boolean> {
    if (!(await this.referrals.markSigned(m, referral, label, now))) return false;
    const target = await this.targetsRepo.get(referral.targetId, m);
    const who = target.kind === ReferralTargetKind.Hotline12345 ? '12345' : target.name;
    await this.event(m, referral.caseId, TimelineEventType.Note, by, `${who}已签收，正在办理`, true, now);
    await this.notifications.notify(m, [referral.contactUserId], { title: '转办已签收', body: `${who}已签收转办事项`, caseId: referral.caseId }, `referral:${referral.id}:signed`);
    return true;
  }

  /** Conditional: a referral is replied once; the case returns to the officer (转办回复) in the same transaction. */
  async markReplied(m: EntityManager, referral: ReferralEntity, target: ReferralTargetEntity, by: Replier, outcome: string, evidence: string | null, now: Date): Promise<boolean> {
    const reply = { outcome: outcome.slice(0, 1000), evidence: evidence?.slice(0, 1000) ?? null, label: by.label.slice(0, 64) };
    if (!(await this.referrals.markReplied(m, referral, reply, now))) return false;
    const who = target.kind === ReferralTargetKind.Hotline12345 ? '12345' : target.name;
    const entity = await this.cases.records.get(referral.caseId, m);
    const stillOpen = await this.referrals.openOfCase(m, referral.caseId);
    if (entity.status === CaseStatus.Referred && stillOpen === 0) {
      await this.cases.transition(m, entity, CaseAction.ReturnFromReferral, { userId: by.userId, role: by.role }, `${who}已回复：${outcome}`.slice(0, 500), now);
    } else {
      await this.event(m, referral.caseId, TimelineEventType.Note, by.userId ? { id: by.userId, role: by.role as Role } : null, `${who}已回复：${outcome}`.slice(0, 500), true, now);
    }
    const officer = entity.officerId ? [entity.officerId] : [];
    await this.notifications.notify(m, [referral.contactUserId, ...officer], { title: '转办已回复，请跟进办结', body: `${entity.number}：${who}回复“${outcome}”`.slice(0, 200), caseId: entity.id }, `referral:${referral.id}:replied`);
    return true;
  }

  /**
   * The access check for a referral id (access/access.ts): the staff of the department it was sent
   * to (assignee), or police who may see its case; else 404, audited.
   */
  async requireReferral(caller: Caller, id: number): Promise<ReferralEntity> {
    const referral = await this.referrals.find(id);
    const assignee = referral !== null && (await this.isStaffOf(caller, referral.targetId));
    if (referral && !assignee && caller.permissions.has(Permission.CaseRead)) {
      await this.cases.requireCase(caller, referral.caseId, Permission.CaseRead);
      return referral;
    }
    return this.access.require(caller, { type: 'referral', id }, referral,
      () => ({ place: 'unplaced', relations: assignee ? ['assignee'] : [] }), [{ relation: 'assignee', permission: Permission.ReferralHandle }]);
  }

  private async myTargetIds(caller: Caller): Promise<number[]> {
    if (!caller.permissions.has(Permission.ReferralHandle)) return [];
    return this.targetsRepo.targetIdsOf(caller.user.id);
  }

  private async isStaffOf(caller: Caller, targetId: number): Promise<boolean> {
    return (await this.myTargetIds(caller)).includes(targetId);
  }

  staffOf(m: EntityManager, targetId: number): Promise<number[]> {
    return this.targetsRepo.staffOf(m, targetId);
  }

  private reload(id: number): Promise<ReferralEntity> {
    return this.referrals.get(id);
  }

  private async view(caller: Caller, referral: ReferralEntity): Promise<ReferralView> {
    return (await this.views(caller, [referral]))[0];
  }

  private async views(caller: Caller, rows: ReferralEntity[]): Promise<ReferralView[]> {
    if (!rows.length) return [];
    const cases = new Map((await this.cases.records.findMany(rows.map((r) => r.caseId))).map((c) => [c.id, c]));
    const communityNames = await this.people.unitNames([...cases.values()].map((c) => c.communityId));
    const contacts = await this.people.people(rows.map((r) => r.contactUserId));
    const targets = await this.targetsRepo.byIds(rows.map((r) => r.targetId));
    const mine = new Set(await this.myTargetIds(caller));
    return rows.map((r) => {
      const entity = cases.get(r.caseId) as CaseEntity;
      const target = targets.get(r.targetId) as ReferralTargetEntity;
      const department = mine.has(r.targetId);
      const police = !department && caller.permissions.has(Permission.CaseHandle) && target.kind !== ReferralTargetKind.PoliceDepartment;
      return toReferralView(
        r,
        { entity, communityName: communityNames.get(entity.communityId) ?? '', target, contact: contacts.get(r.contactUserId) ?? null },
        { sign: department && r.status === ReferralStatus.Sent, reply: r.status !== ReferralStatus.Replied && ((department && r.status === ReferralStatus.Signed) || police) },
      );
    });
  }

  /** A timeline event on the referral's case (public ones are what the resident reads). */
  event(m: EntityManager, caseId: number, type: TimelineEventType, by: Pick<Caller['user'], 'id' | 'role'> | null, note: string, isPublic: boolean, at: Date) {
    return this.cases.timeline.append(m, caseId, { type, actor: by ? { userId: by.id, role: by.role } : null, isPublic, note, at });
  }

  reporterOf(m: EntityManager, entity: CaseEntity): Promise<number | null> {
    return this.cases.reporterOf(m, entity);
  }

  /** Referrals of a 12345 order number (adapter). */
  byOrderNo(m: EntityManager, orderNo: string): Promise<ReferralEntity | null> {
    return this.referrals.byOrderNo(m, orderNo);
  }

  /** Referrals still waiting for their 12345 order (the adapter's delivery). */
  pendingOrder(m: EntityManager, referralId: number): Promise<ReferralEntity | null> {
    return this.referrals.pendingOrder(m, referralId);
  }
}
