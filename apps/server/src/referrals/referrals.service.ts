import {
  CASE_KIND_LABELS, CASE_SUBCATEGORIES, CaseAction, CaseKind, CaseStatus, ErrorCode, EscalationLevel, HotlineOrderStatus, Permission,
  ReferralAgendaItemView, ReferralStatus, ReferralStepView, ReferralTargetKind, ReferralTargetView, ReferralView, Role, TimelineEventType,
  nextStatus,
} from '@jws/contracts';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Access } from '../access/access';
import { AuditService } from '../audit/audit.service';
import { leadersOf, pathIds } from '../org';
import { viewerOf } from '../cases/case-views';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import type { CaseEntity } from '../cases';
import { CasesApi } from '../cases';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UserEntity } from '../identity/data/user.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgUnitEntity } from '../org/data/org-unit.entity';
import { CreateReferralDto, ReferralReplyDto } from './referrals.dto';
import { ReferralAgendaItemEntity, ReferralEntity, ReferralTargetEntity, ReferralTargetStaffEntity } from './referral.entities';
import { branchPathOf, referredNote, targetView, toReferralStep, toReferralView } from './referral-views';

export const OUTBOX_TOPIC_HOTLINE_ORDER = 'hotline12345.order';
export const HOTLINE_TARGET_NAME = '12345政务服务便民热线';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

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
    private readonly workflow: CaseWorkflowService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: Access,
  ) {}

  /** The 12345 hotline is always a target; departments are added by admins (and the demo). */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureHotlineTarget();
  }

  async ensureHotlineTarget(): Promise<void> {
    const repo = this.dataSource.getRepository(ReferralTargetEntity);
    if (!(await repo.exist({ where: { kind: ReferralTargetKind.Hotline12345 } }))) {
      await repo.insert({ kind: ReferralTargetKind.Hotline12345, name: HOTLINE_TARGET_NAME, phone: '12345', orgUnitId: null, active: true });
    }
  }

  async targets(): Promise<ReferralTargetView[]> {
    const rows = await this.dataSource.getRepository(ReferralTargetEntity).find({ where: { active: true }, order: { kind: 'ASC', id: 'ASC' } });
    return rows.map(targetView);
  }

  /** An officer refers a case: target, reason, named station contact, due dates. The case moves to referred. */
  async refer(caller: Caller, caseId: number, dto: CreateReferralDto): Promise<ReferralView> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff || !caller.permissions.has(Permission.CaseHandle)) throw new DomainException(ErrorCode.Forbidden);
    if (nextStatus(entity.status, CaseAction.Refer) === null) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
    const target = await this.dataSource.getRepository(ReferralTargetEntity).findOne({ where: { id: dto.targetId, active: true } });
    if (!target) throw new DomainException(ErrorCode.ReferralTargetInvalid);
    const contact = await this.stationContact(entity, dto.contactUserId ?? caller.user.id);
    const now = new Date();
    const receiptDueAt = dto.receiptDueAt ? new Date(dto.receiptDueAt) : new Date(now.getTime() + this.config.referralDue.receiptHours * HOUR);
    const replyDueAt = dto.replyDueAt ? new Date(dto.replyDueAt) : new Date(now.getTime() + this.config.referralDue.replyHours * HOUR);
    if (receiptDueAt.getTime() <= now.getTime() || replyDueAt.getTime() < receiptDueAt.getTime()) throw new DomainException(ErrorCode.ReferralDueInvalid);

    const id = await this.dataSource.transaction(async (m) => {
      await this.workflow.transition(m, entity, CaseAction.Refer, { userId: caller.user.id, role: caller.user.role }, referredNote(target), now);
      const inserted = await m.getRepository(ReferralEntity).insert({
        caseId: entity.id, targetId: target.id, reason: dto.reason.trim(), contactUserId: contact.id, createdBy: caller.user.id,
        status: ReferralStatus.Sent, category: `${entity.kind}.${entity.subcategory}`, branchPath: branchPathOf(entity.orgPath),
        receiptDueAt, replyDueAt, signedAt: null, signedByLabel: null, repliedAt: null, replyOutcome: null, replyEvidence: null,
        repliedByLabel: null, idempotencyKey: `jws-referral-${randomUUID()}`, externalOrderNo: null,
        externalStatus: target.kind === ReferralTargetKind.Hotline12345 ? HotlineOrderStatus.Pending : null, externalSyncedAt: null,
        escalation: EscalationLevel.None, nextCheckAt: receiptDueAt, leaseOwner: null, leaseUntil: null, createdAt: now, updatedAt: now,
      });
      const referralId = Number(inserted.identifiers[0].id);
      await this.event(m, entity.id, TimelineEventType.Note, caller.user, `转办理由：${dto.reason.trim()}（联系人：${contact.nickname}）`, false, now);
      if (target.kind === ReferralTargetKind.Hotline12345) {
        await this.notifications.enqueue(m, OUTBOX_TOPIC_HOTLINE_ORDER, `referral:${referralId}:order`, { referralId });
      } else if (target.kind === ReferralTargetKind.PoliceDepartment) {
        await this.notifications.notify(m, await this.staffOf(m, target.id), { title: '收到转办，请签收', body: `${entity.number}“${entity.title}”：${dto.reason}`.slice(0, 200), caseId: null }, `referral:${referralId}:new`);
      }
      await this.countPileUp(m, target, entity, now);
      return referralId;
    });
    return this.view(caller, await this.dataSource.getRepository(ReferralEntity).findOneByOrFail({ id }));
  }

  /** The contact must be police (officer or station leader) of the case's own station. */
  private async stationContact(entity: CaseEntity, userId: number): Promise<UserEntity> {
    const { stationId } = pathIds(entity.orgPath);
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: userId, disabled: false } });
    if (!user || !stationId || user.orgUnitId !== stationId || ![Role.CommunityOfficer, Role.StationLeader].includes(user.role)) {
      throw new DomainException(ErrorCode.ReferralContactInvalid);
    }
    return user;
  }

  /**
   * 转办分流 pile-ups: referrals to one target in one category, per branch and period. Reaching the
   * threshold raises one agenda item for the 转办分流联席 meeting, listed for branch and city leaders.
   */
  private async countPileUp(m: EntityManager, target: ReferralTargetEntity, entity: CaseEntity, now: Date): Promise<void> {
    const { threshold, periodDays } = this.config.referralPileup;
    const period = periodDays * DAY;
    const periodStart = new Date(Math.floor(now.getTime() / period) * period);
    const periodEnd = new Date(periodStart.getTime() + period);
    const category = `${entity.kind}.${entity.subcategory}`;
    const branchPath = branchPathOf(entity.orgPath);
    const count = await m
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where('r.target_id = :t AND r.category = :category AND r.branch_path = :branchPath AND r.created_at >= :from AND r.created_at < :to', {
        t: target.id, category, branchPath, from: periodStart, to: periodEnd,
      })
      .getCount();
    if (count < threshold) return;
    const items = m.getRepository(ReferralAgendaItemEntity);
    const existing = await items.findOne({ where: { targetId: target.id, category, branchPath, periodStart } });
    if (existing) {
      await items.update({ id: existing.id }, { count, updatedAt: now });
      return;
    }
    await items.createQueryBuilder().insert().values({ targetId: target.id, category, branchPath, periodStart, periodEnd, count, threshold, createdAt: now, updatedAt: now }).orIgnore().execute();
    const { branchId } = pathIds(entity.orgPath);
    const leaders = [
      ...(await leadersOf(m, entity.orgPath, [Role.BranchLeader])),
      ...(await m.getRepository(UserEntity).find({ where: { role: Role.CityLeader, disabled: false } })).map((u) => u.id),
    ];
    await this.notifications.notify(
      m, leaders,
      { title: '转办分流联席：同类诉求集中', body: `${categoryLabel(category)}诉求转${target.name}已达${count}件（阈值${threshold}），已列入联席会议议题`, caseId: null },
      `agenda:${target.id}:${category}:${branchId}:${periodStart.getTime()}`,
    );
  }

  /** Department staff's list: referrals to their own departments only. */
  async departmentList(caller: Caller, status?: ReferralStatus): Promise<ReferralView[]> {
    const targetIds = await this.myTargetIds(caller);
    if (!targetIds.length) return [];
    const rows = await this.dataSource.getRepository(ReferralEntity).find({
      where: { targetId: In(targetIds), ...(status ? { status } : {}) },
      order: { id: 'DESC' },
      take: 100,
    });
    return this.views(caller, rows);
  }

  /** Referrals of a case, for police who may see the case. */
  async ofCase(caller: Caller, caseId: number): Promise<ReferralView[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff) throw new DomainException(ErrorCode.Forbidden);
    const rows = await this.dataSource.getRepository(ReferralEntity).find({ where: { caseId }, order: { id: 'ASC' } });
    return this.views(caller, rows);
  }

  /** What anyone who may see the case (the resident too) reads of its referrals, in plain words. */
  async steps(caller: Caller, caseId: number): Promise<ReferralStepView[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const staff = viewerOf(caller, entity).isStaff;
    const rows = await this.dataSource.getRepository(ReferralEntity).find({ where: { caseId }, order: { id: 'ASC' } });
    const targets = await this.targetMap(rows.map((r) => r.targetId));
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
    await this.dataSource.transaction(async (m) => {
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
    const target = await this.dataSource.getRepository(ReferralTargetEntity).findOneByOrFail({ id: referral.targetId });
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
    await this.dataSource.transaction(async (m) => {
      const ok = await this.markReplied(m, referral, target, { userId: caller.user.id, role: caller.user.role, label }, dto.outcome.trim(), dto.evidence?.trim() || null, new Date());
      if (!ok) throw new DomainException(ErrorCode.ReferralAlreadyHandled);
    });
    return this.view(caller, await this.reload(id));
  }

  /** Conditional: only a referral still waiting for its receipt is signed. Restarts the due clock on the reply. */
  async markSigned(m: EntityManager, referral: ReferralEntity, label: string, by: Pick<UserEntity, 'id' | 'role'> | null, now: Date): Promise<boolean> {
    const result = await m.getRepository(ReferralEntity).update(
      { id: referral.id, status: ReferralStatus.Sent },
      { status: ReferralStatus.Signed, signedAt: now, signedByLabel: label, escalation: EscalationLevel.None, nextCheckAt: referral.replyDueAt, leaseOwner: null, leaseUntil: null, updatedAt: now },
    );
    if (!result.affected) return false;
    const target = await m.getRepository(ReferralTargetEntity).findOneByOrFail({ id: referral.targetId });
    const who = target.kind === ReferralTargetKind.Hotline12345 ? '12345' : target.name;
    await this.event(m, referral.caseId, TimelineEventType.Note, by, `${who}已签收，正在办理`, true, now);
    await this.notifications.notify(m, [referral.contactUserId], { title: '转办已签收', body: `${who}已签收转办事项`, caseId: referral.caseId }, `referral:${referral.id}:signed`);
    return true;
  }

  /** Conditional: a referral is replied once; the case returns to the officer (转办回复) in the same transaction. */
  async markReplied(m: EntityManager, referral: ReferralEntity, target: ReferralTargetEntity, by: Replier, outcome: string, evidence: string | null, now: Date): Promise<boolean> {
    const result = await m.getRepository(ReferralEntity).update(
      { id: referral.id, status: In([ReferralStatus.Sent, ReferralStatus.Signed]) },
      {
        status: ReferralStatus.Replied, repliedAt: now, replyOutcome: outcome.slice(0, 1000), replyEvidence: evidence?.slice(0, 1000) ?? null,
        repliedByLabel: by.label.slice(0, 64), nextCheckAt: null, leaseOwner: null, leaseUntil: null, updatedAt: now,
        ...(referral.signedAt ? {} : { signedAt: now, signedByLabel: by.label.slice(0, 64) }),
      },
    );
    if (!result.affected) return false;
    const who = target.kind === ReferralTargetKind.Hotline12345 ? '12345' : target.name;
    const entity = await this.cases.records.get(referral.caseId, m);
    const stillOpen = await m.getRepository(ReferralEntity).count({ where: { caseId: referral.caseId, status: In([ReferralStatus.Sent, ReferralStatus.Signed]) } });
    if (entity.status === CaseStatus.Referred && stillOpen === 0) {
      await this.workflow.transition(m, entity, CaseAction.ReturnFromReferral, { userId: by.userId, role: by.role }, `${who}已回复：${outcome}`.slice(0, 500), now);
    } else {
      await this.event(m, referral.caseId, TimelineEventType.Note, by.userId ? { id: by.userId, role: by.role as Role } : null, `${who}已回复：${outcome}`.slice(0, 500), true, now);
    }
    const officer = entity.officerId ? [entity.officerId] : [];
    await this.notifications.notify(m, [referral.contactUserId, ...officer], { title: '转办已回复，请跟进办结', body: `${entity.number}：${who}回复“${outcome}”`.slice(0, 200), caseId: entity.id }, `referral:${referral.id}:replied`);
    return true;
  }

  /** Branch and city leaders: 转办分流联席 agenda items in their subtree, with the cases behind each. */
  async agenda(caller: Caller): Promise<ReferralAgendaItemView[]> {
    if (caller.scope.kind !== 'subtree') return [];
    const items = await this.dataSource
      .getRepository(ReferralAgendaItemEntity)
      .createQueryBuilder('a')
      .where('a.branch_path LIKE :prefix', { prefix: `${caller.scope.pathPrefix}%` })
      .orderBy('a.id', 'DESC')
      .take(100)
      .getMany();
    const targets = await this.targetMap(items.map((i) => i.targetId));
    const out: ReferralAgendaItemView[] = [];
    for (const item of items) {
      const referrals = await this.dataSource
        .getRepository(ReferralEntity)
        .createQueryBuilder('r')
        .where('r.target_id = :t AND r.category = :c AND r.branch_path = :b AND r.created_at >= :from AND r.created_at < :to', {
          t: item.targetId, c: item.category, b: item.branchPath, from: item.periodStart, to: item.periodEnd,
        })
        .orderBy('r.id', 'ASC')
        .getMany();
      const cases = referrals.length ? await this.cases.records.findMany(referrals.map((r) => r.caseId)) : [];
      const branchId = Number(item.branchPath.split('/').filter(Boolean)[1]);
      const branch = branchId ? await this.dataSource.getRepository(OrgUnitEntity).findOneBy({ id: branchId }) : null;
      out.push({
        id: item.id, target: targetView(targets.get(item.targetId) as ReferralTargetEntity), category: item.category,
        categoryLabel: categoryLabel(item.category), branchName: branch?.name ?? '', periodStart: item.periodStart.toISOString(),
        periodEnd: item.periodEnd.toISOString(), count: referrals.length, threshold: item.threshold,
        cases: cases.map((c) => ({ caseId: c.id, number: c.number, title: c.title, status: c.status })), createdAt: item.createdAt.toISOString(),
      });
    }
    return out;
  }

  /**
   * The access check for a referral id (access/access.ts): the staff of the department it was sent
   * to (assignee), or police who may see its case; else 404, audited.
   */
  async requireReferral(caller: Caller, id: number): Promise<ReferralEntity> {
    const referral = await this.dataSource.getRepository(ReferralEntity).findOneBy({ id });
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
    const rows = await this.dataSource.getRepository(ReferralTargetStaffEntity).find({ where: { userId: caller.user.id } });
    return rows.map((r) => r.targetId);
  }

  private async isStaffOf(caller: Caller, targetId: number): Promise<boolean> {
    return (await this.myTargetIds(caller)).includes(targetId);
  }

  async staffOf(m: EntityManager, targetId: number): Promise<number[]> {
    return (await m.getRepository(ReferralTargetStaffEntity).find({ where: { targetId } })).map((r) => r.userId);
  }

  private reload(id: number): Promise<ReferralEntity> {
    return this.dataSource.getRepository(ReferralEntity).findOneByOrFail({ id });
  }

  private async view(caller: Caller, referral: ReferralEntity): Promise<ReferralView> {
    return (await this.views(caller, [referral]))[0];
  }

  private async views(caller: Caller, rows: ReferralEntity[]): Promise<ReferralView[]> {
    if (!rows.length) return [];
    const ds = this.dataSource;
    const cases = new Map((await this.cases.records.findMany(rows.map((r) => r.caseId))).map((c) => [c.id, c]));
    const communities = new Map((await ds.getRepository(OrgUnitEntity).find({ where: { id: In([...cases.values()].map((c) => c.communityId)) } })).map((o) => [o.id, o]));
    const contacts = new Map((await ds.getRepository(UserEntity).find({ where: { id: In(rows.map((r) => r.contactUserId)) } })).map((u) => [u.id, u]));
    const targets = await this.targetMap(rows.map((r) => r.targetId));
    const mine = new Set(await this.myTargetIds(caller));
    return rows.map((r) => {
      const entity = cases.get(r.caseId) as CaseEntity;
      const target = targets.get(r.targetId) as ReferralTargetEntity;
      const department = mine.has(r.targetId);
      const police = !department && caller.permissions.has(Permission.CaseHandle) && target.kind !== ReferralTargetKind.PoliceDepartment;
      return toReferralView(
        r,
        { entity, communityName: communities.get(entity.communityId)?.name ?? '', target, contact: contacts.get(r.contactUserId) ?? null },
        { sign: department && r.status === ReferralStatus.Sent, reply: r.status !== ReferralStatus.Replied && ((department && r.status === ReferralStatus.Signed) || police) },
      );
    });
  }

  private async targetMap(ids: number[]): Promise<Map<number, ReferralTargetEntity>> {
    if (!ids.length) return new Map();
    return new Map((await this.dataSource.getRepository(ReferralTargetEntity).find({ where: { id: In([...new Set(ids)]) } })).map((t) => [t.id, t]));
  }

  /** A timeline event on the referral's case (public ones are what the resident reads). */
  event(m: EntityManager, caseId: number, type: TimelineEventType, by: Pick<UserEntity, 'id' | 'role'> | null, note: string, isPublic: boolean, at: Date) {
    return this.cases.timeline.append(m, caseId, { type, actor: by ? { userId: by.id, role: by.role } : null, isPublic, note, at });
  }

  reporterOf(m: EntityManager, entity: CaseEntity): Promise<number | null> {
    return this.workflow.reporterUserId(m, entity);
  }

  /** Referrals of a 12345 order number (adapter). */
  byOrderNo(m: EntityManager, orderNo: string): Promise<ReferralEntity | null> {
    return m.getRepository(ReferralEntity).findOne({ where: { externalOrderNo: orderNo } });
  }

  /** Referrals still waiting for their 12345 order (the adapter's delivery). */
  pendingOrder(m: EntityManager, referralId: number): Promise<ReferralEntity | null> {
    return m.getRepository(ReferralEntity).findOne({ where: { id: referralId, externalOrderNo: IsNull() } });
  }
}

export function categoryLabel(category: string): string {
  const [kind, sub] = category.split('.') as [CaseKind, string];
  const subLabel = CASE_SUBCATEGORIES[kind]?.find((s) => s.code === sub)?.label;
  return `${CASE_KIND_LABELS[kind] ?? kind}·${subLabel ?? sub}`;
}
