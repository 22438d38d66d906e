import {
  Anonymity, CaseDetail, CaseKind, CaseStatus, CASE_SUBCATEGORIES, ContactPreference, ErrorCode, Permission, SEALABLE_KINDS, STATION_ALERT_KINDS,
  TimelineEventType,
} from '@jws/contracts';
import { WechatClient } from '@jws/wechat';
import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Database, UnitOfWork } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { NotificationsService } from '../notifications/notifications.service';
import { idempotencyUserKey } from '../personal-data/sealed-links';
import { UploadsService } from '../uploads/uploads.service';
import { CaseIntakeService, ReportCommunity } from './case-intake.service';
import { CaseTimeline } from './case-timeline';
import { CaseDeadlineEntity } from './data/case-deadline.entity';
import { CaseEventEntity } from './data/case-event.entity';
import { CaseReportsRepository } from './data/case-reports.repository';
import { CaseEntity } from './data/case.entity';
import { reporterKeyOf, sealedReporterKeyOf } from './data/cases.repository';
import { casePage, CasesService, STATUS_PHRASE } from './cases.service';
import { CreateCaseDto } from './dto/case.dto';

/** 上报: a resident's report, idempotent by its key, written in one unit of work. */
@Injectable()
export class CaseReportingService {
  private readonly logger = new Logger(CaseReportingService.name);

  constructor(
    private readonly cases: CasesService,
    private readonly intake: CaseIntakeService,
    private readonly notifications: NotificationsService,
    private readonly uploads: UploadsService,
    private readonly wechat: WechatClient,
    private readonly timeline: CaseTimeline,
    private readonly reports: CaseReportsRepository,
    private readonly db: Database,
  ) {}

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
      return this.cases.detail(caller, known.earlier.caseId);
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
        const { entity, events, deadlines } = await this.intake.insertNewCase(
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
    return this.cases.detailOf(caller, entity, {
      communityName: community.name,
      officerName: community.officerName,
      reporter: entity.reporterId ? { nickname: caller.user.nickname, phone: caller.user.phone } : null,
      events,
      deadlines,
      photoIds,
    });
  }

  private async replay(caller: Caller, key: string, requestHash: string): Promise<CaseDetail | null> {
    const existing = await this.reports.earlier(idempotencyUserKey(caller.user.id, key), key);
    if (!existing) return null;
    if (existing.requestHash !== requestHash) throw new DomainException(ErrorCode.IdempotencyKeyConflict);
    return this.cases.detail(caller, existing.caseId);
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
    const notices = await this.intake.staffNotices(m, caseId, dto.kind, `${community.name}：${dto.title}`, community);
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
