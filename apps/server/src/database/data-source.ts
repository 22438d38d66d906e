import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AuditEntryEntity } from '../audit/data/audit-entry.entity';
import { RefreshTokenEntity } from '../identity/data/refresh-token.entity';
import { StaffInvitationEntity } from '../identity/data/staff-invitation.entity';
import { UserEntity } from '../identity/data/user.entity';
import { CommunityHandoverEntity } from '../org/data/community-handover.entity';
import { CommunityInviteEntity } from '../org/data/community-invite.entity';
import { PoliceGroupEntity } from '../org/data/group.entity';
import { MembershipEntity } from '../org/data/membership.entity';
import { OrgUnitEntity } from '../org/data/org-unit.entity';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { Cases1764100000000 } from './migrations/1764100000000-cases';
import { CaseIndexes1764300000000 } from './migrations/1764300000000-case-indexes';
import { CaseEntity } from '../cases/data/case.entity';
import { CaseEventEntity } from '../cases/data/case-event.entity';
import { CaseDeadlineEntity } from '../cases/data/case-deadline.entity';
import { CaseSealedReporterEntity } from '../cases/data/case-sealed-reporter.entity';
import { CaseUnsealEntity } from '../cases/data/case-unseal.entity';
import { IdempotencyKeyEntity } from '../cases/data/idempotency-key.entity';
import { UploadEntity } from '../uploads/data/upload.entity';
import { NotificationEntity } from '../notifications/data/notification.entity';
import { OutboxEntity } from '../notifications/data/outbox.entity';
import { Open3111764200000000 } from './migrations/1764200000000-open311';
import { Open311PartnerEntity } from '../open311/data/open311-partner.entity';
import { Open311TokenEntity } from '../open311/data/open311-token.entity';
import { Referrals1764500000000 } from './migrations/1764500000000-referrals';
import { SealedUnlinkable1764600000000 } from './migrations/1764600000000-sealed-unlinkable';
import { QueueDue1764700000000 } from './migrations/1764700000000-queue-due';
import { OfflineRoomRetire1764800000000 } from './migrations/1764800000000-offline-room-retire';
import { RoomNotices1764900000000 } from './migrations/1764900000000-room-notices';
import { StationQueue1765000000000 } from './migrations/1765000000000-station-queue';
import { DerivedCaseNumber1765100000000 } from './migrations/1765100000000-derived-case-number';
import { OutboxClaimOwner1765200000000 } from './migrations/1765200000000-outbox-claim-owner';
import { AuditTarget1765300000000 } from './migrations/1765300000000-audit-target';
import { RoomNoticeLinks1765400000000 } from './migrations/1765400000000-room-notice-links';
import { AnonymousApplicants1765500000000 } from './migrations/1765500000000-anonymous-applicants';
import { JoinDecisions1765600000000 } from './migrations/1765600000000-join-decisions';
import { Supervision1765700000000 } from './migrations/1765700000000-supervision';
import { RoomReadPositions1765900000000 } from './migrations/1765900000000-room-read-positions';
import { TimelineKinds1766020000000 } from './migrations/1766020000000-timeline-kinds';
import { SealedReportAudit1766040000000 } from './migrations/1766040000000-sealed-report-audit';
import { TokenVersion1766050000000 } from './migrations/1766050000000-token-version';
import { GuideRoutes1766230000000 } from './migrations/1766230000000-guide-routes';
import { StaffInvitationRevoke1766600000000 } from './migrations/1766600000000-staff-invitation-revoke';
import { BulletinSafety1767100000000 } from './migrations/1767100000000-bulletin-safety';
import { Bulletins1766800000000 } from './migrations/1766800000000-bulletins';
import { RumourReports1767200000000 } from './migrations/1767200000000-rumour-reports';
import { BULLETIN_ENTITIES } from '../bulletins/data/entities';
import { Reviews1767400000000 } from './migrations/1767400000000-reviews';
import { REVIEW_ENTITIES } from '../reviews/data/entities';
import { PreventionActions1766900000000 } from './migrations/1766900000000-prevention-actions';
import { PreventionActionEntity } from '../figures/data/prevention-action.entity';
import { InspectionInquiries1767500000000 } from './migrations/1767500000000-inspection-inquiries';
import { NotificationsByCase1767500000001 } from './migrations/1767500000001-notifications-by-case';
import { InquiryEntity } from '../inspection/data/inquiry.entity';
import { FigureSnapshotDayEntity, FigureSnapshotEntity, FigureSnapshotOpenCaseEntity, FigureSnapshotRecordEntity } from '../figures/data/figure-snapshot.entity';
import { FigureSnapshots1766900000001 } from './migrations/1766900000001-figure-snapshots';
import { FigureSnapshotOpenCases1767700000000 } from './migrations/1767700000000-figure-snapshot-open-cases';
import { WechatGroupShares1767300000000 } from './migrations/1767300000000-wechat-group-shares';
import { HotlineTarget1767900000000 } from './migrations/1767900000000-hotline-target';
import { Rewards1767600000000 } from './migrations/1767600000000-rewards';
import { REWARD_ENTITIES } from '../rewards/data/entities';
import { CaseAssistEntity } from '../service-guide/data/case-assist.entity';
import { ServiceMatterEntity } from '../service-guide/data/service-matter.entity';
import { CaseGovernanceEntity } from '../referrals/data/case-governance.entity';
import { ReferralAgendaItemEntity } from '../referrals/data/referral-agenda-item.entity';
import { ReferralEntity } from '../referrals/data/referral.entity';
import { ReferralTargetEntity } from '../referrals/data/referral-target.entity';
import { ReferralTargetStaffEntity } from '../referrals/data/referral-target-staff.entity';
import { MEDIATION_ENTITIES } from '../mediation/data/mediation-entities';
import { Mediation1764400000000 } from './migrations/1764400000000-mediation';

export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  StaffInvitationEntity,
  OrgUnitEntity,
  PoliceGroupEntity,
  MembershipEntity,
  CommunityInviteEntity,
  CommunityHandoverEntity,
  AuditEntryEntity,
  CaseEntity,
  CaseEventEntity,
  CaseDeadlineEntity,
  IdempotencyKeyEntity,
  CaseSealedReporterEntity,
  CaseUnsealEntity,
  UploadEntity,
  NotificationEntity,
  OutboxEntity,
  Open311PartnerEntity,
  Open311TokenEntity,
  ServiceMatterEntity,
  CaseAssistEntity,
  ReferralTargetEntity,
  ReferralTargetStaffEntity,
  ReferralEntity,
  ReferralAgendaItemEntity,
  CaseGovernanceEntity,
  ...MEDIATION_ENTITIES,
  ...BULLETIN_ENTITIES,
  PreventionActionEntity,
  FigureSnapshotEntity,
  FigureSnapshotDayEntity,
  FigureSnapshotRecordEntity,
  InquiryEntity,
  FigureSnapshotOpenCaseEntity,
  ...REVIEW_ENTITIES,
  ...REWARD_ENTITIES,
];

/** Migrations in order. Committed files; `synchronize` is never on. */
export const MIGRATIONS = [
  Foundation1764000000000, Cases1764100000000, Open3111764200000000, CaseIndexes1764300000000, Mediation1764400000000,
  Referrals1764500000000, SealedUnlinkable1764600000000, QueueDue1764700000000,
  OfflineRoomRetire1764800000000, RoomNotices1764900000000, StationQueue1765000000000,
  DerivedCaseNumber1765100000000, OutboxClaimOwner1765200000000, AuditTarget1765300000000, RoomNoticeLinks1765400000000,
  AnonymousApplicants1765500000000, JoinDecisions1765600000000, Supervision1765700000000, RoomReadPositions1765900000000,
  TimelineKinds1766020000000, SealedReportAudit1766040000000, TokenVersion1766050000000, GuideRoutes1766230000000,
  StaffInvitationRevoke1766600000000,
  Bulletins1766800000000,
  PreventionActions1766900000000, FigureSnapshots1766900000001,
  Reviews1767400000000,
  BulletinSafety1767100000000,
  RumourReports1767200000000,
  WechatGroupShares1767300000000,
  InspectionInquiries1767500000000, NotificationsByCase1767500000001,
  FigureSnapshotOpenCases1767700000000,
  HotlineTarget1767900000000,
  Rewards1767600000000,
];

/** MySQL (mysql2) when DATABASE_URL is set, otherwise the embedded SQLite file (sql.js, no native build). */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: false as const,
  };
  if (database.kind === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectorPackage: 'mysql2',
      // Multi-statement queries carry StatementBatch (common/sql.ts): a report's writes in one
      // round trip. Values are always escaped by the driver and statement texts are the code's
      // own, never built from input.
      extra: { connectionLimit: 20, multipleStatements: true },
    };
  }
  return {
    ...common,
    type: 'sqljs',
    location: database.file,
    autoSave: true,
    sqlJsConfig: { locateFile: (file: string) => join(require.resolve('sql.js'), '..', file) },
  };
}
