import {
  CASE_STATUS_LABELS, CaseStatus, DeadlineKind, EscalationLevel, ResponseTrail, Role, TimelineEventType, TrailStep,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { CasesApi } from '../cases';
import { Accounts } from '../identity';
import { NotificationsService } from '../notifications';

/** Roles whose timeline entries count as the station's reply (the officer, the station's leaders). */
const RESIDENT_ROLES: readonly (Role | null)[] = [Role.Resident, Role.Informant];

const MINUTE = 60_000;

/** Timeline kinds and the trail step each becomes; the rest (submitted, rated, 补充信息 …) are the resident's, not the response. */
const STEP_OF: Partial<Record<TimelineEventType, TrailStep['kind']>> = {
  [TimelineEventType.Escalated]: 'escalated',
  [TimelineEventType.Urged]: 'urge',
  [TimelineEventType.StatusChanged]: 'reply',
  [TimelineEventType.Note]: 'reply',
  [TimelineEventType.Reassigned]: 'handover',
  [TimelineEventType.InquiryOpened]: 'inquiry',
};

/**
 * The response-time trail of cases (责任追究, docs/accountability.md), from the records only: every
 * deadline (cases' case_deadlines), who was told and when (notifications about the case, with when
 * they were read), each escalation and 催办, and each reply of the officer or station (the case's
 * timeline). Three reads for a whole page of cases, then one for the names.
 */
@Injectable()
export class ResponseTrails {
  constructor(
    private readonly cases: CasesApi,
    private readonly notifications: NotificationsService,
    private readonly accounts: Accounts,
  ) {}

  async of(caseIds: readonly number[], now: Date): Promise<Map<number, ResponseTrail>> {
    const [deadlines, events, notices] = await Promise.all([
      this.cases.trails.deadlinesOf(caseIds),
      this.cases.trails.eventsOf(caseIds),
      this.notifications.caseNotices(caseIds),
    ]);
    const people = await this.accounts.findMany([
      ...new Set([...events.flatMap((e) => (e.actorId === null ? [] : [e.actorId])), ...notices.map((n) => n.userId)]),
    ]);
    const person = (id: number | null) => (id === null ? null : people.get(id) ?? null);
    const trails = new Map<number, ResponseTrail>(caseIds.map((id) => [id, { deadlines: [], steps: [] }]));
    for (const d of deadlines) {
      const until = d.metAt ?? now;
      trails.get(d.caseId)?.deadlines.push({
        kind: d.kind as DeadlineKind, dueAt: d.dueAt.toISOString(), metAt: d.metAt?.toISOString() ?? null,
        escalation: Number(d.escalation) as EscalationLevel, lateMinutes: Math.max(0, Math.floor((until.getTime() - d.dueAt.getTime()) / MINUTE)),
      });
    }
    for (const e of events) {
      const kind = STEP_OF[e.type];
      if (!kind || (kind === 'reply' && RESIDENT_ROLES.includes(e.actorRole as Role | null))) continue;
      const actor = person(e.actorId);
      const status = e.type === TimelineEventType.StatusChanged && e.toStatus ? `状态改为${CASE_STATUS_LABELS[e.toStatus as CaseStatus]}` : '';
      const text = [status, e.note ?? ''].filter(Boolean).join('：') || (kind === 'reply' ? '办理记录' : '');
      trails.get(e.caseId)?.steps.push({
        at: e.at.toISOString(), kind, who: actor?.nickname ?? null, whoRole: (e.actorRole as Role | null) ?? actor?.role ?? null, text,
      });
    }
    for (const n of notices) {
      const to = person(n.userId);
      // Residents told about a case are named by role only: a report anonymous to others stays so.
      const resident = to !== null && RESIDENT_ROLES.includes(to.role);
      trails.get(n.caseId)?.steps.push({
        at: n.at.toISOString(), kind: 'notice', who: resident ? '群众' : to?.nickname ?? '（已删除）', whoRole: to?.role ?? null, text: n.title,
        readAt: n.readAt?.toISOString() ?? null,
      });
    }
    // Oldest first; at the same moment the cause (an escalation, a 催办) before the notice it sent.
    const order: TrailStep['kind'][] = ['escalated', 'urge', 'handover', 'inquiry', 'reply', 'notice'];
    for (const trail of trails.values()) {
      trail.steps.sort((a, b) => a.at.localeCompare(b.at) || order.indexOf(a.kind) - order.indexOf(b.kind));
    }
    return trails;
  }
}
