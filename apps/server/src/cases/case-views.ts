import {
  Anonymity, CaseAction, CaseDetail, CaseStatus, DeadlineView, maskPhone, Permission, REOPEN_WINDOW_DAYS, ROLE_LABELS,
  Role, TimelineEventView, actionsFrom, CASE_ACTION_PERMISSION, isUrgeable,
} from '@jws/contracts';
import type { Caller } from '../common/request-context';
import { CaseDeadlineEntity } from './data/case-deadline.entity';
import { CaseEventEntity } from './data/case-event.entity';
import { CaseEntity } from './data/case.entity';
import { isReporterOf } from './data/cases.repository';

/** Actions whose flows belong to the referral and mediation features, not to the plain action button. */
const FLOW_ACTIONS: readonly CaseAction[] = [CaseAction.Refer, CaseAction.Mediate, CaseAction.ReturnFromReferral];

export interface CaseRelations {
  communityName: string;
  officerName: string | null;
  reporter: { nickname: string; phone: string | null } | null;
  events: CaseEventEntity[];
  deadlines: CaseDeadlineEntity[];
  photoIds: string[];
}

export interface CaseViewer {
  isReporter: boolean;
  isStaff: boolean;
  isHandlingOfficer: boolean;
}

export function viewerOf(caller: Caller, entity: CaseEntity): CaseViewer {
  const isReporter = isReporterOf(caller.user.id, entity);
  const isStaff = caller.permissions.has(Permission.CaseRead) && !isReporter;
  const isHandlingOfficer = isStaff && entity.officerId === caller.user.id;
  return { isReporter, isStaff, isHandlingOfficer };
}

function reporterLabel(entity: CaseEntity, viewer: CaseViewer, rel: CaseRelations): string {
  if (viewer.isReporter) return '我';
  if (entity.anonymity === Anonymity.Sealed) return '匿名信息员';
  if (entity.anonymity === Anonymity.Others && !viewer.isHandlingOfficer) return '匿名群众';
  return rel.reporter?.nickname ?? '群众';
}

function actorLabel(event: CaseEventEntity, entity: CaseEntity): string {
  if (event.actorRole === null) return '系统';
  if (event.actorRole === Role.Resident || event.actorRole === Role.Informant) {
    if (entity.anonymity === Anonymity.Sealed) return '匿名信息员';
    // A resident who is not the reporter (a mediation's respondent) is a party, not the reporter.
    return event.actorId !== null && entity.reporterId !== null && event.actorId !== entity.reporterId ? '当事人' : '上报人';
  }
  return ROLE_LABELS[event.actorRole];
}

export function allowedActions(caller: Caller, entity: CaseEntity, viewer: CaseViewer, now: Date): CaseAction[] {
  return actionsFrom(entity.status).filter((action) => {
    if (FLOW_ACTIONS.includes(action)) return false;
    const who = CASE_ACTION_PERMISSION[action];
    if (who === 'system') return false;
    if (who === 'reporter') {
      if (!viewer.isReporter) return false;
      if (action === CaseAction.Reopen) return withinReopenWindow(entity, now);
      return true;
    }
    return viewer.isStaff && caller.permissions.has(who);
  });
}

/** 催办: a leader who may supervise, on a case of their jurisdiction that is still being handled. */
export function canUrge(caller: Caller, entity: CaseEntity, viewer: CaseViewer): boolean {
  return viewer.isStaff && caller.permissions.has(Permission.CaseSupervise) && isUrgeable(entity.status);
}

export function withinReopenWindow(entity: CaseEntity, now: Date): boolean {
  return Boolean(entity.resolvedAt && now.getTime() - entity.resolvedAt.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000);
}

/** The case as this caller may see it: residents get public events, names follow the anonymity rules. */
export function toCaseDetail(caller: Caller, entity: CaseEntity, rel: CaseRelations, now = new Date()): CaseDetail {
  const viewer = viewerOf(caller, entity);
  const deadlines: DeadlineView[] = viewer.isStaff
    ? rel.deadlines.map((d) => ({
        kind: d.kind,
        dueAt: d.dueAt.toISOString(),
        metAt: d.metAt?.toISOString() ?? null,
        overdue: !d.metAt && d.dueAt.getTime() < now.getTime(),
        escalation: d.escalation,
      }))
    : [];
  const timeline: TimelineEventView[] = rel.events
    .filter((e) => e.isPublic || viewer.isStaff)
    .map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorLabel: actorLabel(e, entity),
      note: e.note,
      public: e.isPublic,
      at: e.at.toISOString(),
    }));
  let reporterPhone: string | null = null;
  if (entity.anonymity !== Anonymity.Sealed && rel.reporter?.phone && (viewer.isStaff || viewer.isReporter)) {
    const anonymousToThisViewer = entity.anonymity === Anonymity.Others && !viewer.isHandlingOfficer && !viewer.isReporter;
    if (!anonymousToThisViewer) {
      // Staff see it masked; the handling officer reveals it with 查看号码 (an audited read of its own).
      reporterPhone = viewer.isReporter ? rel.reporter.phone : maskPhone(rel.reporter.phone);
    }
  }
  const nextDue = entity.nextDueAt;
  return {
    id: entity.id,
    number: entity.number,
    kind: entity.kind,
    subcategory: entity.subcategory,
    title: entity.title,
    status: entity.status,
    communityId: entity.communityId,
    communityName: rel.communityName,
    createdAt: entity.createdAt.toISOString(),
    nextDueAt: nextDue?.toISOString() ?? null,
    overdue: Boolean(nextDue && nextDue.getTime() < now.getTime()),
    escalation: entity.escalation,
    seriousRisk: viewer.isStaff ? entity.seriousRisk : false,
    heldForReview: entity.heldForReview,
    description: entity.description,
    addressText: entity.addressText,
    latitude: entity.latitude,
    longitude: entity.longitude,
    occurredAt: entity.occurredAt?.toISOString() ?? null,
    contactPreference: entity.contactPreference,
    anonymity: entity.anonymity,
    reporterLabel: reporterLabel(entity, viewer, rel),
    reporterPhone,
    otherParty: viewer.isReporter || viewer.isHandlingOfficer ? entity.otherParty : entity.otherParty ? '（仅责任民警可见）' : null,
    officerId: entity.officerId,
    officerName: rel.officerName,
    photos: rel.photoIds.map((id) => ({ id, url: `/api/cases/${entity.id}/photos/${id}` })),
    timeline,
    deadlines,
    allowedActions: allowedActions(caller, entity, viewer, now),
    canAddNote: viewer.isStaff && caller.permissions.has(Permission.CaseHandle),
    canFlagSeriousRisk: viewer.isStaff && caller.permissions.has(Permission.CaseHandle) && !entity.seriousRisk,
    canUnseal: viewer.isStaff && caller.permissions.has(Permission.InformantUnseal) && entity.anonymity === Anonymity.Sealed,
    canUrge: canUrge(caller, entity, viewer),
    canConfirm: viewer.isReporter && entity.status === CaseStatus.Resolved,
    rating: entity.rating,
    ratingComment: entity.ratingComment,
    duplicateOfId: entity.duplicateOfId,
  };
}
