import {
  Anonymity, CaseKind, CaseStatus, CASE_KIND_LABELS, CASE_SUBCATEGORIES, computeDeadlines, ContactPreference, ErrorCode, EscalationLevel, Role,
  STATION_ALERT_KINDS, TimelineEventType,
} from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Database, UnitOfWork } from '../common/db';
import { DomainException } from '../common/domain.exception';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { caseNumber } from './case-number';
import { leadersOf } from '../org';
import { CaseTimeline, TimelineActor } from './case-timeline';
import { CaseDeadlineEntity } from './data/case-deadline.entity';
import { CaseEventEntity } from './data/case-event.entity';
import { CaseRecordsRepository } from './data/case-records.repository';
import { CaseReportsRepository } from './data/case-reports.repository';
import { CaseEntity } from './data/case.entity';

/** Fields of a new case that differ between a resident's report and a partner's. */
export type NewCaseFields = Pick<
  CaseEntity,
  | 'kind' | 'subcategory' | 'title' | 'description' | 'reporterId' | 'reporterKey' | 'anonymity' | 'contactPreference'
  | 'addressText' | 'latitude' | 'longitude' | 'occurredAt' | 'otherParty' | 'heldForReview'
>;

export type SubmittedBy = { actor: TimelineActor | null; note: string | null };

/** The reporter's community as a report needs it. */
export interface ReportCommunity {
  id: number;
  name: string;
  path: string;
  officerId: number | null;
  officerName: string | null;
  /** The station leaders to alert at once, when the report's kind calls for it (submissionContext). */
  stationLeaderIds?: number[];
}

/**
 * A new case, whatever its origin (a resident's report: CaseReportingService; a partner system's):
 * the case row, its deadlines and its first timeline entry, and the staff told of it.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly timeline: CaseTimeline,
    private readonly reports: CaseReportsRepository,
    private readonly records: CaseRecordsRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
  async insertNewCase(
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
  async staffNotices(
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
}
