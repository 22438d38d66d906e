import { AuditEntryView, Page } from '@jws/contracts';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GroupCommit } from '../common/group-commit';
import type { Caller } from '../common/request-context';
import type { AuditEntryEntity } from './data/audit-entry.entity';
import { AuditActorsRepository } from './data/audit-actors.repository';
import { AuditEntriesRepository } from './data/audit-entries.repository';

export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string | number;
  outcome?: 'ok' | 'denied';
  detail?: string;
}

export interface AuditFilter {
  action?: string;
  /** 按人员: entries of what one person did. */
  actorId?: number;
  targetType?: string;
  targetId?: string;
}

/** Well-known audit actions. */
export const AuditAction = {
  SignIn: 'auth.sign_in',
  SignInDemo: 'auth.sign_in_demo',
  RefreshReuse: 'auth.refresh_reuse',
  AccessDenied: 'access.denied',
  PersonalDataRead: 'personal_data.read',
  RoleGranted: 'permission.role_granted',
  InformantChanged: 'permission.informant_changed',
  StaffInvited: 'permission.staff_invited',
  /** 撤销 of a staff invitation nobody had used. */
  StaffInvitationRevoked: 'permission.staff_invitation_revoked',
  CommunityHandover: 'org.community_handover',
  MembershipDecided: 'org.membership_decided',
  /** A community invite code made void (作废) before it ran out. */
  InviteRevoked: 'org.invite_revoked',
  AuditRead: 'audit.read',
  InformantUnsealed: 'informant.unsealed',
  /** 催办: a leader urged a case's responsible officer; the instruction is the detail. */
  CaseUrged: 'case.urged',
  TranscriptRead: 'mediation.transcript_read',
  OfflineRoomChanged: 'mediation.offline_room_changed',
  /** A referral target (转办对象) added, edited, retired or restored, with its staff list. */
  ReferralTargetChanged: 'referral.target_changed',
  /** A bulletin approved or returned (detail: the decision and comment), withdrawn (the reason) or pushed (the groups). */
  BulletinReviewed: 'bulletin.reviewed',
  BulletinWithdrawn: 'bulletin.withdrawn',
  BulletinPushed: 'bulletin.pushed',
  BulletinPushCancelled: 'bulletin.push_cancelled',
  BulletinHeld: 'bulletin.held',
  BulletinReviewOverdue: 'bulletin.review_overdue',
  BulletinSubmitted: 'bulletin.submitted',
  RumourReported: 'rumour.reported',
  RumourLinked: 'rumour.linked',
  RumourDebunked: 'rumour.debunked',
  /** A real WeChat group (openGId, from a share card) bound to a police group (detail: the group). */
  WechatGroupBound: 'wechat_group.bound',
  /** A 安全防范 action (巡逻 / 走访 / 提示) recorded (figures/prevention.service.ts). */
  PreventionRecorded: 'prevention.recorded',
  /** 责任追究 (inspection/): the overdue list, one case's trail, a 核查 opened, the 核查 read. */
  InspectionListRead: 'inspection.list_read',
  InspectionCaseRead: 'inspection.case_read',
  InquiryOpened: 'inspection.inquiry_opened',
  InquiryRead: 'inspection.inquiry_read',
  /** 会商调度 (reviews/): a review recorded with its decisions, a follow-up done, a 重大问题 raised or answered. */
  ReviewRecorded: 'review.recorded',
  FollowUpDone: 'review.follow_up_done',
  MajorIssueRaised: 'review.major_issue_raised',
  MajorIssueAnswered: 'review.major_issue_answered',
  RewardProposed: 'reward.proposed',
  RewardDecided: 'reward.decided',
  RewardNamingConsent: 'reward.naming_consent',
  OfficerHonoured: 'officer.honoured',
} as const;

/**
 * Append-only audit log. There is no update or delete path in the API; the only removal is the
 * retention purge of entries older than AUDIT_RETENTION_DAYS (at least 180).
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private purgeTimer: NodeJS.Timeout | null = null;
  /**
   * Entries written outside a transaction go in group commits (common/group-commit.ts): the
   * request still waits until its entry is stored, but concurrent requests' entries share an
   * INSERT (a busy case page wrote one per read).
   */
  private readonly group = new GroupCommit<Omit<AuditEntryEntity, 'id'>>((entries) => this.entries.append(entries));

  constructor(
    private readonly entries: AuditEntriesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly actors: AuditActorsRepository,
  ) {}

  async record(
    who: Pick<Caller, 'ip' | 'requestId'> & { userId: number | null },
    input: AuditInput,
    manager?: EntityManager,
  ): Promise<void> {
    const entry = entryOf(who, input);
    if (manager) await this.entries.append([entry], manager);
    else await this.group.add(entry);
  }

  recordFor(caller: Caller, input: AuditInput, manager?: EntityManager): Promise<void> {
    return this.record({ userId: caller.user.id, ip: caller.ip, requestId: caller.requestId }, input, manager);
  }

  /** Several entries of one caller in one statement (e.g. each person whose data a list showed). */
  recordManyFor(caller: Caller, inputs: AuditInput[], manager?: EntityManager): Promise<void> {
    const who = { userId: caller.user.id, ip: caller.ip, requestId: caller.requestId };
    return this.entries.append(inputs.map((input) => entryOf(who, input)), manager);
  }

  /** Newest first; `filter` narrows to one action and/or what the entries are about (谁看过这个人的信息). */
  async list(caller: Caller, page: number, pageSize: number, filter: AuditFilter = {}): Promise<Page<AuditEntryView>> {
    const [rows, total] = await this.entries.page(filter, page, pageSize);
    const about = `${filter.actorId ? ` actor=${filter.actorId}` : ''}${filter.targetType || filter.targetId ? ` target=${filter.targetType ?? '*'}:${filter.targetId ?? '*'}` : ''}`;
    await this.recordFor(caller, { action: AuditAction.AuditRead, detail: `page=${page}${about}` });
    const names = await this.actors.names([...new Set(rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])))]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorId === null ? null : names.get(r.actorId) ?? null,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        outcome: r.outcome,
        ip: r.ip,
        detail: r.detail,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** Removes entries past retention; idempotent, so running it on several instances is harmless. */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.auditRetentionDays * 86_400_000);
    return this.entries.purgeBefore(cutoff);
  }

  onApplicationBootstrap(): void {
    this.purgeTimer = setInterval(() => {
      this.purgeExpired().catch((err: unknown) => this.logger.warn(`audit purge failed: ${String(err)}`));
    }, 6 * 3600_000);
    this.purgeTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }
}

function entryOf(who: Pick<Caller, 'ip' | 'requestId'> & { userId: number | null }, input: AuditInput): Omit<AuditEntryEntity, 'id'> {
  return {
    at: new Date(),
    actorId: who.userId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId === undefined ? null : String(input.targetId),
    outcome: input.outcome ?? 'ok',
    ip: who.ip,
    requestId: who.requestId,
    detail: input.detail?.slice(0, 500) ?? null,
  };
}
