import {
  Anonymity, CaseDetail, CaseKind, computeDeadlines, CaseStatus, CaseSummary, CASE_KIND_LABELS, CASE_SUBCATEGORIES, ErrorCode,
  MembershipStatus, Page, Permission, Role, SEALABLE_KINDS, STATION_ALERT_KINDS, TimelineEventType,
} from '@jws/contracts';
import { ContactPreference, OrgLevel } from '@jws/contracts';
import { WechatClient } from '@jws/wechat';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditAction, AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { UserEntity } from '../identity/user.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { MembershipEntity } from '../org/membership.entity';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { UploadsService } from '../uploads/uploads.service';
import { CaseDeadlineEntity } from './case-deadline.entity';
import { CaseEventEntity } from './case-event.entity';
import { leadersOf } from './case-people';
import { CaseSealedReporterEntity, IdempotencyKeyEntity, UploadEntity } from './case-support.entities';
import { CaseRelations, toCaseDetail, viewerOf } from './case-views';
import { CaseEntity } from './case.entity';
import { CasesRepository, QueueFilter, reporterKeyOf } from './cases.repository';
import { CreateCaseDto } from './dto/case.dto';

/** Short status words for WeChat `phrase` fields (≤ 5 characters). */
export const STATUS_PHRASE: Record<CaseStatus, string> = {
  [CaseStatus.Submitted]: '已提交',
  [CaseStatus.Accepted]: '已受理',
  [CaseStatus.InProgress]: '办理中',
  [CaseStatus.Resolved]: '已办结',
  [CaseStatus.Closed]: '已关闭',
  [CaseStatus.Rejected]: '不予受理',
  [CaseStatus.Duplicate]: '重复上报',
  [CaseStatus.Transferred]: '已转交',
  [CaseStatus.Referred]: '已转办',
  [CaseStatus.InMediation]: '调解中',
  [CaseStatus.Reopened]: '已重开',
};

export const casePage = (caseId: number) => `pages/case/index?id=${caseId}`;

/** Fields of a new case that differ between a resident's report and a partner's. */
type NewCaseFields = Pick<
  CaseEntity,
  | 'kind' | 'subcategory' | 'title' | 'description' | 'reporterId' | 'reporterKey' | 'anonymity' | 'contactPreference'
  | 'addressText' | 'latitude' | 'longitude' | 'occurredAt' | 'otherParty' | 'heldForReview'
>;

type SubmittedBy = Pick<CaseEventEntity, 'actorId' | 'actorRole' | 'note'>;

/** Reporting (上报) and reading cases. Status changes live in CaseWorkflowService. */
@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly uploads: UploadsService,
    private readonly wechat: WechatClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The one access check for a case id from a client: outside scope → 404, audited. */
  async requireCase(caller: Caller, caseId: number, manager: EntityManager = this.dataSource.manager): Promise<CaseEntity> {
    const entity = await manager.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!entity || !(await this.canSee(caller, entity))) {
      await this.audit.recordFor(caller, { action: AuditAction.AccessDenied, targetType: 'case', targetId: caseId, outcome: 'denied' });
      throw new DomainException(ErrorCode.NotFound);
    }
    return entity;
  }

  /** The reporter always sees their case; staff within their jurisdiction scope. */
  async canSee(caller: Caller, entity: CaseEntity): Promise<boolean> {
    return entity.reporterKey === reporterKeyOf(caller.user.id) || this.repo.inScope(caller.scope, entity.id);
  }

  async create(caller: Caller, dto: CreateCaseDto, idempotencyKey: string | undefined): Promise<CaseDetail> {
    if (!idempotencyKey || !/^[\w-]{8,64}$/.test(idempotencyKey)) throw new DomainException(ErrorCode.IdempotencyKeyRequired);
    const requestHash = createHash('sha256').update(JSON.stringify(canonical(dto))).digest('hex');
    const replay = await this.replay(caller, idempotencyKey, requestHash);
    if (replay) return replay;

    if (!CASE_SUBCATEGORIES[dto.kind].some((s) => s.code === dto.subcategory)) throw new DomainException(ErrorCode.SubcategoryInvalid);
    if (dto.anonymity === Anonymity.Sealed && !(caller.user.isInformant && SEALABLE_KINDS.includes(dto.kind))) {
      throw new DomainException(ErrorCode.SealNotAllowed);
    }
    if (dto.kind === CaseKind.Hazard && !dto.addressText?.trim() && dto.latitude === undefined) {
      throw new DomainException(ErrorCode.ValidationFailed, ['安全隐患请填写具体位置']);
    }
    const community = await this.reporterCommunity(caller, dto.communityId);
    const heldForReview = await this.needsReview(caller, `${dto.title}\n${dto.description}\n${dto.otherParty ?? ''}`);
    const now = new Date();

    let caseId: number;
    try {
      caseId = await this.dataSource.transaction(async (m) => {
        // The key is claimed first: a concurrent retry with the same key waits on this unique row
        // and, once we commit, fails and replays our case instead of creating a second one.
        const keys = m.getRepository(IdempotencyKeyEntity);
        await keys.insert({ userId: caller.user.id, key: idempotencyKey, requestHash, caseId: 0, createdAt: now });
        const sealed = dto.anonymity === Anonymity.Sealed;
        const id = await this.insertNewCase(
          m,
          {
            kind: dto.kind,
            subcategory: dto.subcategory,
            title: dto.title.trim(),
            description: dto.description.trim(),
            reporterId: sealed ? null : caller.user.id,
            reporterKey: reporterKeyOf(caller.user.id),
            anonymity: dto.anonymity,
            contactPreference: dto.contactPreference,
            addressText: dto.addressText?.trim() || null,
            latitude: dto.latitude ?? null,
            longitude: dto.longitude ?? null,
            occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : null,
            otherParty: dto.otherParty?.trim() || null,
            heldForReview,
          },
          community,
          now,
          { actorId: caller.user.id, actorRole: caller.user.role, note: null },
        );
        if (sealed) await m.getRepository(CaseSealedReporterEntity).insert({ caseId: id, reporterId: String(caller.user.id) });
        if (dto.photoIds?.length) await this.uploads.claimForCase(m, caller.user.id, dto.photoIds, id);
        if (heldForReview) {
          await m.getRepository(CaseEventEntity).insert({
            caseId: id, type: TimelineEventType.HeldForReview, fromStatus: null, toStatus: null, actorId: null, actorRole: null,
            isPublic: false, note: '内容安全检测未通过或不可用，待民警人工审核', at: now,
          });
        }
        await keys.update({ userId: caller.user.id, key: idempotencyKey }, { caseId: id });
        await this.notifyCreated(m, id, dto, community, caller);
        return id;
      });
    } catch (err) {
      const again = await this.replay(caller, idempotencyKey, requestHash);
      if (again) return again;
      throw err;
    }
    return this.detail(caller, caseId);
  }

  /**
   * A report forwarded by a partner system (Open311, e.g. the 12345 hotline): no reporter account
   * (`reporterKey` names the partner, never a person), no anonymity, contact through the partner.
   * Same case, deadlines, timeline and officer notification as a resident's report. `claim` runs
   * inside the transaction (the partner's idempotency token): if it fails, nothing is created.
   */
  async createFromPartner(
    input: {
      partnerName: string; reporterKey: string; communityId: number; kind: CaseKind; subcategory: string; title: string;
      description: string; addressText: string | null; latitude: number | null; longitude: number | null;
    },
    claim: (m: EntityManager, caseId: number) => Promise<void>,
  ): Promise<CaseEntity> {
    if (!CASE_SUBCATEGORIES[input.kind].some((s) => s.code === input.subcategory)) throw new DomainException(ErrorCode.SubcategoryInvalid);
    const community = await this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id: input.communityId, level: OrgLevel.Community } });
    if (!community) throw new DomainException(ErrorCode.NotFound);
    const now = new Date();
    const id = await this.dataSource.transaction(async (m) => {
      const caseId = await this.insertNewCase(
        m,
        {
          kind: input.kind, subcategory: input.subcategory, title: input.title.trim(), description: input.description.trim(),
          reporterId: null, reporterKey: input.reporterKey, anonymity: Anonymity.None, contactPreference: ContactPreference.NoContact,
          addressText: input.addressText?.trim() || null, latitude: input.latitude, longitude: input.longitude, occurredAt: null,
          otherParty: null, heldForReview: false,
        },
        community,
        now,
        { actorId: null, actorRole: null, note: `由合作平台“${input.partnerName}”转来；如需联系诉求人，请通过该平台` },
      );
      await claim(m, caseId);
      await this.notifyStaff(m, caseId, input.kind, `${community.name}：${input.title.trim()}（${input.partnerName}转来）`, community);
      return caseId;
    });
    return this.dataSource.getRepository(CaseEntity).findOneOrFail({ where: { id } });
  }

  /**
   * Writes a new case the one way every origin shares: the row (assigned to the community's
   * officer at once), its number, both deadlines, and the `submitted` timeline event.
   */
  private async insertNewCase(m: EntityManager, fields: NewCaseFields, community: OrgUnitEntity, now: Date, submittedBy: SubmittedBy): Promise<number> {
    const cases = m.getRepository(CaseEntity);
    const [firstResponse, resolution] = computeDeadlines(fields.kind, now, this.config.caseDeadlines);
    const inserted = await cases.insert({
      ...fields,
      number: `tmp-${randomUUID().slice(0, 16)}`,
      communityId: community.id,
      orgPath: community.path,
      officerId: community.officerId,
      status: CaseStatus.Submitted,
      seriousRisk: false,
      nextDueAt: firstResponse.dueAt,
      escalation: 0,
      duplicateOfId: null,
      rating: null,
      ratingComment: null,
      resolvedAt: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const id = Number(inserted.identifiers[0].id);
    await cases.update({ id }, { number: caseNumber(now, id) });
    await m.getRepository(CaseDeadlineEntity).insert(
      [firstResponse, resolution].map((d) => ({
        caseId: id, kind: d.kind, dueAt: d.dueAt, metAt: null, escalation: 0, nextCheckAt: d.dueAt, leaseOwner: null, leaseUntil: null,
      })),
    );
    await m.getRepository(CaseEventEntity).insert({
      caseId: id, type: TimelineEventType.Submitted, fromStatus: null, toStatus: CaseStatus.Submitted,
      ...submittedBy, isPublic: true, at: now,
    });
    return id;
  }

  /** The community officer hears of every new case; leads and anomalies also alert the station leader. */
  private async notifyStaff(m: EntityManager, caseId: number, kind: CaseKind, body: string, community: OrgUnitEntity): Promise<void> {
    const label = CASE_KIND_LABELS[kind];
    if (community.officerId) {
      await this.notifications.notify(m, [community.officerId], { title: `新${label}上报`, body, caseId }, `case:${caseId}:new:officer`);
    }
    if (STATION_ALERT_KINDS.includes(kind)) {
      const leaders = await leadersOf(m, community.path, [Role.StationLeader]);
      await this.notifications.notify(m, leaders, { title: `新${label}（请关注）`, body, caseId }, `case:${caseId}:new:station`);
    }
  }

  private async replay(caller: Caller, key: string, requestHash: string): Promise<CaseDetail | null> {
    const existing = await this.dataSource.getRepository(IdempotencyKeyEntity).findOne({ where: { userId: caller.user.id, key } });
    if (!existing) return null;
    if (existing.requestHash !== requestHash) throw new DomainException(ErrorCode.IdempotencyKeyConflict);
    return this.detail(caller, existing.caseId);
  }

  /** The community a report belongs to: one of the reporter's active communities (default: the first). */
  private async reporterCommunity(caller: Caller, communityId: number | undefined): Promise<OrgUnitEntity> {
    if (!caller.permissions.has(Permission.CaseReport)) throw new DomainException(ErrorCode.Forbidden);
    const memberships = await this.dataSource.getRepository(MembershipEntity).find({
      where: { userId: caller.user.id, status: MembershipStatus.Active },
      order: { id: 'ASC' },
    });
    const chosen = communityId === undefined ? memberships[0] : memberships.find((m) => m.communityId === communityId);
    if (!chosen) throw new DomainException(communityId === undefined ? ErrorCode.NoCommunity : ErrorCode.NotFound);
    return this.dataSource.getRepository(OrgUnitEntity).findOneOrFail({ where: { id: chosen.communityId } });
  }

  /** msgSecCheck; anything but a clear pass (or WeChat being unavailable) holds the report for an officer. */
  private async needsReview(caller: Caller, text: string): Promise<boolean> {
    if (!caller.user.openid) return false;
    try {
      const result = await this.wechat.msgSecCheck({ openid: caller.user.openid, content: text, scene: 3 });
      return result.suggest !== 'pass';
    } catch (err) {
      this.logger.warn(`msgSecCheck unavailable, holding report for review: ${err instanceof Error ? err.message : String(err)}`);
      return true;
    }
  }

  private async notifyCreated(m: EntityManager, caseId: number, dto: CreateCaseDto, community: OrgUnitEntity, caller: Caller): Promise<void> {
    await this.notifyStaff(m, caseId, dto.kind, `${community.name}：${dto.title}`, community);
    await this.notifications.notify(
      m,
      [caller.user.id],
      {
        title: '已收到您的上报',
        body: `“${dto.title}”已转给${community.name}的社区民警办理`,
        caseId,
        wechat: { page: casePage(caseId), data: { thing1: dto.title.slice(0, 20), phrase2: STATUS_PHRASE[CaseStatus.Submitted], thing3: `${community.name}民警将尽快处理`.slice(0, 20) } },
      },
      `case:${caseId}:submitted`,
    );
  }

  async detail(caller: Caller, caseId: number): Promise<CaseDetail> {
    const entity = await this.requireCase(caller, caseId);
    const detail = toCaseDetail(caller, entity, await this.relations(entity));
    const viewer = viewerOf(caller, entity);
    if (viewer.isHandlingOfficer && ((detail.reporterPhone && !detail.reporterPhone.includes('*')) || entity.otherParty)) {
      await this.audit.recordFor(caller, {
        action: AuditAction.PersonalDataRead, targetType: 'case', targetId: entity.id, detail: 'reporter phone / other party',
      });
    }
    return detail;
  }

  async relations(entity: CaseEntity, manager: EntityManager = this.dataSource.manager): Promise<CaseRelations> {
    const [community, officer, reporter, events, deadlines, photos] = await Promise.all([
      manager.getRepository(OrgUnitEntity).findOne({ where: { id: entity.communityId } }),
      entity.officerId ? manager.getRepository(UserEntity).findOne({ where: { id: entity.officerId } }) : null,
      entity.reporterId ? manager.getRepository(UserEntity).findOne({ where: { id: entity.reporterId } }) : null,
      manager.getRepository(CaseEventEntity).find({ where: { caseId: entity.id }, order: { id: 'ASC' } }),
      manager.getRepository(CaseDeadlineEntity).find({ where: { caseId: entity.id }, order: { id: 'ASC' } }),
      manager.getRepository(UploadEntity).find({ select: { id: true }, where: { caseId: entity.id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      communityName: community?.name ?? '',
      officerName: officer?.nickname ?? null,
      reporter: reporter ? { nickname: reporter.nickname, phone: reporter.phone } : null,
      events,
      deadlines,
      photoIds: photos.map((p) => p.id),
    };
  }

  queue(caller: Caller, filter: QueueFilter): Promise<Page<CaseSummary>> {
    return this.repo.queue(caller.scope, filter);
  }

  mine(caller: Caller, page: number, pageSize: number): Promise<Page<CaseSummary>> {
    return this.repo.mine(caller.user.id, page, pageSize);
  }

  /** A case photo, for whoever may see the case. */
  async photo(caller: Caller, caseId: number, photoId: string): Promise<{ buffer: Buffer; contentType: string }> {
    await this.requireCase(caller, caseId);
    const upload = await this.dataSource.getRepository(UploadEntity).findOne({ where: { id: photoId, caseId: In([caseId]) } });
    if (!upload) throw new DomainException(ErrorCode.NotFound);
    return this.uploads.read(upload.id);
  }
}

/** Human-readable case number: date of submission and the id, e.g. 20261124-000123. */
export function caseNumber(at: Date, id: number): string {
  const d = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${d}-${String(id).padStart(6, '0')}`;
}

/** Stable form of a submission for the idempotency hash (key order and absent fields do not matter). */
function canonical(dto: CreateCaseDto): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(dto).sort()) {
    const value = (dto as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
}
