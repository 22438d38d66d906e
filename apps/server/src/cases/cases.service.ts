import {
  Anonymity, CaseDetail, CaseKind, computeDeadlines, CaseStatus, CaseSummary, CASE_KIND_LABELS, EscalationLevel, CASE_SUBCATEGORIES, ErrorCode,
  Page, Permission, Role, SEALABLE_KINDS, STATION_ALERT_KINDS, TimelineEventType,
} from '@jws/contracts';
import { ContactPreference } from '@jws/contracts';
import { WechatClient } from '@jws/wechat';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Access, allows, Facts, Relation, Rule } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Database, UnitOfWork } from '../common/db';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { idempotencyUserKey } from '../personal-data/sealed-links';
import { UploadsService } from '../uploads/uploads.service';
import { CaseDeadlineEntity } from './data/case-deadline.entity';
import { CaseEventEntity } from './data/case-event.entity';
import { leadersOf } from './case-people';
import { CaseTimeline, TimelineActor } from './case-timeline';
import { CaseRecordsRepository } from './data/case-records.repository';
import { CasePageRow, CaseReportsRepository } from './data/case-reports.repository';
import { caseNumber } from './case-number';
import { CaseRelations, toCaseDetail, viewerOf } from './case-views';
import { CaseEntity } from './data/case.entity';
import { CasesRepository, isReporterOf, QueueFilter, reporterKeyOf, sealedReporterKeyOf } from './data/cases.repository';
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

type SubmittedBy = { actor: TimelineActor | null; note: string | null };

/** The reporter's community as a report needs it. */
interface ReportCommunity {
  id: number;
  name: string;
  path: string;
  officerId: number | null;
  officerName: string | null;
  /** The station leaders to alert at once, when the report's kind calls for it (submissionContext). */
  stationLeaderIds?: number[];
}

/** Reporting (上报) and reading cases. Status changes live in CaseWorkflowService. */
@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
    private readonly access: Access,
    private readonly notifications: NotificationsService,
    private readonly uploads: UploadsService,
    private readonly wechat: WechatClient,
    private readonly timeline: CaseTimeline,
    private readonly reports: CaseReportsRepository,
    private readonly records: CaseRecordsRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
   * 上报. One transaction writes the case (its number is derived from the id: case-number.ts), its
   * deadlines and timeline, the idempotency key,
   * the sealed identity or photos if any, and every notification with its outbox row; the answer
   * is built from what was written rather than read back. Past the case row (whose id the rest
   * carries), the writes go as one StatementBatch: on MySQL the report is three round trips in
   * all (the context read, BEGIN with the case row, the batch with COMMIT; leanTransaction).
   */
  async create(caller: Caller, dto: CreateCaseDto, idempotencyKey: string | undefined): Promise<CaseDetail> {
    if (!idempotencyKey || !/^[\w-]{8,64}$/.test(idempotencyKey)) throw new DomainException(ErrorCode.IdempotencyKeyRequired);
    const requestHash = createHash('sha256').update(JSON.stringify(canonical(dto))).digest('hex');
    if (!caller.permissions.has(Permission.CaseReport)) throw new DomainException(ErrorCode.Forbidden);
    const known = await this.submissionContext(caller, idempotencyKey, dto.kind);
    if (known.earlier) {
      if (known.earlier.requestHash !== requestHash) throw new DomainException(ErrorCode.IdempotencyKeyConflict);
      return this.detail(caller, known.earlier.caseId);
    }

    if (!CASE_SUBCATEGORIES[dto.kind].some((s) => s.code === dto.subcategory)) throw new DomainException(ErrorCode.SubcategoryInvalid);
    if (dto.anonymity === Anonymity.Sealed && !(caller.user.isInformant && SEALABLE_KINDS.includes(dto.kind))) {
      throw new DomainException(ErrorCode.SealNotAllowed);
    }
    if (dto.kind === CaseKind.Hazard && !dto.addressText?.trim() && dto.latitude === undefined) {
      throw new DomainException(ErrorCode.ValidationFailed, ['安全隐患请填写具体位置']);
    }
    const community = dto.communityId === undefined ? known.communities[0] : known.communities.find((c) => c.id === dto.communityId);
    if (!community) throw new DomainException(dto.communityId === undefined ? ErrorCode.NoCommunity : ErrorCode.NotFound);
    const heldForReview = await this.needsReview(caller, `${dto.title}\n${dto.description}\n${dto.otherParty ?? ''}`);
    const now = new Date();

    let created: { entity: CaseEntity; events: CaseEventEntity[]; deadlines: CaseDeadlineEntity[]; photoIds: string[] };
    try {
      created = await this.db.transaction(async (uow) => {
        const m = uow.manager;
        const sealed = dto.anonymity === Anonymity.Sealed;
        const { entity, events, deadlines } = await this.insertNewCase(
          uow,
          {
            kind: dto.kind,
            subcategory: dto.subcategory,
            title: dto.title.trim(),
            description: dto.description.trim(),
            reporterId: sealed ? null : caller.user.id,
            reporterKey: sealed ? sealedReporterKeyOf(caller.user.id) : reporterKeyOf(caller.user.id),
            anonymity: dto.anonymity,
            // A sealed informant is not phoned: nobody handling the case may hold the number.
            contactPreference: sealed && dto.contactPreference === ContactPreference.Phone ? ContactPreference.InApp : dto.contactPreference,
            addressText: dto.addressText?.trim() || null,
            latitude: dto.latitude ?? null,
            longitude: dto.longitude ?? null,
            occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : null,
            otherParty: dto.otherParty?.trim() || null,
            heldForReview,
          },
          community,
          now,
          // A sealed report's events never name the informant (the role still says 匿名信息员).
          { actor: { userId: sealed ? null : caller.user.id, role: caller.user.role }, note: null },
        );
        // The key is unique per user: of concurrent submissions with one key, the first to insert
        // it holds the row and every other waits here, then fails once that one commits, rolls back
        // its own case and replays the first one's instead (the catch below).
        // The submitter is a keyed hash of user and key (idempotencyUserKey): the row does not name the
        // user, nor tie this submission to the user's others, so it cannot link an informant to a sealed case.
        this.reports.addIdempotencyKey(uow, {
          userKey: idempotencyUserKey(caller.user.id, idempotencyKey), key: idempotencyKey, requestHash, caseId: entity.id, createdAt: now,
        });
        if (sealed) {
          // The one record of who made it, encrypted. Nothing goes to the audit log: an entry
          // written now, even without actor or address, would sit next to the informant's sign-in
          // by time and order. Unsealing it is audited (informant.unsealed).
          await this.reports.addSealedReporter(m, entity.id, caller.user.id);
        }
        let photoIds: string[] = [];
        if (dto.photoIds?.length) {
          await this.uploads.claimForCase(m, caller.user.id, dto.photoIds, entity.id, { disown: sealed });
          photoIds = await this.uploads.photoIdsOf(entity.id, m);
        }
        // Timeline events go with the unit's closing writes in their order, so their ids keep it.
        if (heldForReview) {
          events.push(this.timeline.appendLater(uow, entity.id, {
            type: TimelineEventType.HeldForReview, actor: null, isPublic: false, note: '内容安全检测未通过或不可用，待民警人工审核', at: now,
          }));
        }
        await this.notifyCreated(m, uow, entity.id, dto, community, caller);
        return { entity, events, deadlines, photoIds };
      });
    } catch (err) {
      const again = await this.replay(caller, idempotencyKey, requestHash);
      if (again) return again;
      throw err;
    }
    const { entity, events, deadlines, photoIds } = created;
    return this.detailOf(caller, entity, {
      communityName: community.name,
      officerName: community.officerName,
      reporter: entity.reporterId ? { nickname: caller.user.nickname, phone: caller.user.phone } : null,
      events,
      deadlines,
      photoIds,
    });
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
    const community = await this.reports.community(input.communityId);
    if (!community) throw new DomainException(ErrorCode.NotFound);
    const now = new Date();
    const id = await this.db.transaction(async (uow) => {
      const m = uow.manager;
      const { entity } = await this.insertNewCase(
        uow,
        {
          kind: input.kind, subcategory: input.subcategory, title: input.title.trim(), description: input.description.trim(),
          reporterId: null, reporterKey: input.reporterKey, anonymity: Anonymity.None, contactPreference: ContactPreference.NoContact,
          addressText: input.addressText?.trim() || null, latitude: input.latitude, longitude: input.longitude, occurredAt: null,
          otherParty: null, heldForReview: false,
        },
        community,
        now,
        { actor: null, note: `由合作平台“${input.partnerName}”转来；如需联系诉求人，请通过该平台` },
      );
      await this.notifications.notifyAll(m, await this.staffNotices(m, entity.id, input.kind, `${community.name}：${input.title.trim()}（${input.partnerName}转来）`, community), uow);
      await uow.flush();
      await claim(m, entity.id);
      return entity.id;
    });
    return this.records.get(id);
  }

  /**
   * Writes a new case the one way every origin shares: the row (assigned to the community's
   * officer at once), both deadlines, and the `submitted` timeline event; returns
   * them as written. The case row is inserted at once (its id is in everything else); the rest
   * goes with the unit's closing writes, and the `submitted` event gets its id once they have run.
   */
  private async insertNewCase(
    uow: UnitOfWork,
    fields: NewCaseFields,
    community: Pick<ReportCommunity, 'id' | 'path' | 'officerId'>,
    now: Date,
    submittedBy: SubmittedBy,
  ): Promise<{ entity: CaseEntity; events: CaseEventEntity[]; deadlines: CaseDeadlineEntity[] }> {
    const [firstResponse, resolution] = computeDeadlines(fields.kind, now, this.config.caseDeadlines);
    const entity = Object.assign(new CaseEntity(), {
      ...fields,
      id: 0,
      // Derived from the id, set below once the INSERT has generated it.
      number: '',
      communityId: community.id,
      orgPath: community.path,
      officerId: community.officerId,
      status: CaseStatus.Submitted,
      seriousRisk: false,
      nextDueAt: firstResponse.dueAt,
      escalation: EscalationLevel.None,
      duplicateOfId: null,
      rating: null,
      ratingComment: null,
      urgedAt: null,
      resolvedAt: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    } satisfies Omit<CaseEntity, 'deriveNumber'>) as CaseEntity;
    entity.id = await this.reports.insertCase(uow, entity);
    entity.number = caseNumber(now, entity.id);
    const deadlines = [firstResponse, resolution].map((d) =>
      Object.assign(new CaseDeadlineEntity(), {
        caseId: entity.id, kind: d.kind, dueAt: d.dueAt, metAt: null, escalation: 0, nextCheckAt: d.dueAt, leaseOwner: null, leaseUntil: null,
      }),
    );
    this.reports.addDeadlines(uow, deadlines);
    const submitted = this.timeline.appendLater(uow, entity.id, {
      type: TimelineEventType.Submitted, toStatus: CaseStatus.Submitted, ...submittedBy, isPublic: true, at: now,
    });
    return { entity, events: [submitted], deadlines };
  }

  /** The community officer hears of every new case; leads and anomalies also alert the station leader. */
  private async staffNotices(
    m: EntityManager,
    caseId: number,
    kind: CaseKind,
    body: string,
    community: Pick<ReportCommunity, 'path' | 'officerId' | 'stationLeaderIds'>,
  ): Promise<Notice[]> {
    const label = CASE_KIND_LABELS[kind];
    const notices: Notice[] = [];
    if (community.officerId) {
      notices.push({ userIds: [community.officerId], input: { title: `新${label}上报`, body, caseId }, dedupeKey: `case:${caseId}:new:officer` });
    }
    // Leads and anomalies go to the station's leaders too; so does any report from a community
    // without a 责任民警 (not yet assigned, or between officers), rather than after the
    // first-response deadline's escalation.
    const leadsOrAnomaly = STATION_ALERT_KINDS.includes(kind);
    if (leadsOrAnomaly || !community.officerId) {
      const leaders = community.stationLeaderIds ?? (await leadersOf(m, community.path, [Role.StationLeader]));
      const title = leadsOrAnomaly ? `新${label}（请关注）` : `新${label}（社区暂无责任民警，请安排）`;
      notices.push({ userIds: leaders, input: { title, body, caseId }, dedupeKey: `case:${caseId}:new:station` });
    }
    return notices;
  }

  private async replay(caller: Caller, key: string, requestHash: string): Promise<CaseDetail | null> {
    const existing = await this.reports.earlier(idempotencyUserKey(caller.user.id, key), key);
    if (!existing) return null;
    if (existing.requestHash !== requestHash) throw new DomainException(ErrorCode.IdempotencyKeyConflict);
    return this.detail(caller, existing.caseId);
  }

  /**
   * What a submission needs to know first, in one statement: an earlier use of its key, and the
   * reporter's active communities (the report's community is one of them, by default the first)
   * with each officer's name for the answer and, for the kinds that alert the station leader at
   * once (leads, anomalies), each community's station leaders (its parent unit's; leadersOf
   * finds the same people from the path), which thus cost no read inside the transaction. The
   * one-row derived table keeps a row when there is neither, so a retry still finds its case if
   * the reporter has since left every community.
   */
  private async submissionContext(
    caller: Caller,
    key: string,
    kind: CaseKind,
  ): Promise<{ earlier: { requestHash: string; caseId: number } | null; communities: ReportCommunity[] }> {
    const alertsStation = STATION_ALERT_KINDS.includes(kind);
    const rows = await this.reports.submissionContext(caller.user.id, idempotencyUserKey(caller.user.id, key), key, alertsStation);
    const first = rows[0];
    const communities = new Map<number, ReportCommunity>();
    for (const r of rows) {
      if (r.communityId == null) continue;
      let community = communities.get(r.communityId);
      if (!community) {
        community = {
          id: r.communityId,
          name: String(r.name),
          path: String(r.path),
          officerId: r.officerId,
          // The officer's name as the case page shows it (null when the officer has no user row).
          officerName: r.officerId == null ? null : r.officerName,
          ...(alertsStation ? { stationLeaderIds: [] } : {}),
        };
        communities.set(community.id, community);
      }
      if (r.stationLeaderId != null) community.stationLeaderIds?.push(r.stationLeaderId);
    }
    return {
      earlier: first?.requestHash == null ? null : { requestHash: first.requestHash, caseId: Number(first.earlierCaseId) },
      communities: [...communities.values()],
    };
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

  private async notifyCreated(m: EntityManager, uow: UnitOfWork, caseId: number, dto: CreateCaseDto, community: ReportCommunity, caller: Caller): Promise<void> {
    const notices = await this.staffNotices(m, caseId, dto.kind, `${community.name}：${dto.title}`, community);
    notices.push({
      userIds: [caller.user.id],
      input: {
        title: '已收到您的上报',
        body: `“${dto.title}”已转给${community.name}的社区民警办理`,
        caseId,
        wechat: { page: casePage(caseId), data: { thing1: dto.title.slice(0, 20), phrase2: STATUS_PHRASE[CaseStatus.Submitted], thing3: `${community.name}民警将尽快处理`.slice(0, 20) } },
        confidential: dto.anonymity === Anonymity.Sealed,
      },
      dedupeKey: `case:${caseId}:submitted`,
    });
    await this.notifications.notifyAll(m, notices, uow);
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
  private async detailOf(caller: Caller, entity: CaseEntity, relations: CaseRelations): Promise<CaseDetail> {
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

/** Stable form of a submission for the idempotency hash (key order and absent fields do not matter). */
function canonical(dto: CreateCaseDto): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(dto).sort()) {
    const value = (dto as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
}
