import {
  CaseSummary, ErrorCode, InquiryOutcome, InquiryView, INQUIRY_OUTCOME_LABELS, InspectionCaseView, InspectionItem, Page, Permission, ResponseTrail,
  Role, ROLE_LABELS, TimelineEventType,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '../audit';
import { CaseEntity, CasesApi } from '../cases';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { NotificationsService } from '../notifications';
import { leadersOf, OrgUnits } from '../org';
import { InquiryEntity } from './data/inquiry.entity';
import { InquiriesRepository } from './data/inquiries.repository';
import { ResponseTrails } from './response-trail';

/**
 * 责任追究 (信访/督察, docs/accountability.md): the inspector's list of overdue and escalated cases
 * with their response-time trails, and 核查 (inquiries) — written by inspectors only, read by them
 * and by the police over the case. Every read and every write leaves an audit entry.
 */
@Injectable()
export class InspectionService {
  constructor(
    private readonly cases: CasesApi,
    private readonly trails: ResponseTrails,
    private readonly inquiries: InquiriesRepository,
    private readonly notifications: NotificationsService,
    private readonly accounts: Accounts,
    private readonly units: OrgUnits,
    private readonly audit: AuditService,
    private readonly db: Database,
  ) {}

  /** Overdue or escalated open cases of the inspector's jurisdiction, most overdue first, each with its trail. */
  async list(caller: Caller, page: number, pageSize: number, now = new Date()): Promise<Page<InspectionItem>> {
    const summaries = await this.cases.trails.overduePage(caller.scope, page, pageSize, now);
    const items = await this.items(summaries.items, now);
    await this.audit.recordFor(caller, { action: AuditAction.InspectionListRead, detail: `page=${page} total=${summaries.total}` });
    return { ...summaries, items };
  }

  /** One case's trail and its 核查 (a case of the jurisdiction, overdue or not). */
  async caseView(caller: Caller, caseId: number, now = new Date()): Promise<InspectionCaseView> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseInspect);
    const community = await this.units.find(entity.communityId);
    const summary = { id: entity.id, title: entity.title, kind: entity.kind, status: entity.status, communityName: community?.name ?? '', createdAt: entity.createdAt.toISOString() };
    const [[item], inquiries] = await Promise.all([this.items([summary], now), this.views(await this.inquiries.ofCase(entity.id))]);
    await this.audit.recordFor(caller, { action: AuditAction.InspectionCaseRead, targetType: 'case', targetId: entity.id });
    return { item, inquiries };
  }

  /** 核查: findings and an outcome on a case of the inspector's jurisdiction; its officer and the station's leaders are told. */
  async open(caller: Caller, caseId: number, findings: string, outcome: InquiryOutcome, now = new Date()): Promise<InquiryView> {
    if (!caller.permissions.has(Permission.CaseInspect)) throw new DomainException(ErrorCode.Forbidden, undefined, '只有信访督察可以发起核查');
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseInspect);
    const text = findings.trim();
    const label = INQUIRY_OUTCOME_LABELS[outcome];
    const saved = await this.db.transaction(async ({ manager: m }) => {
      const row = await this.inquiries.insert(m, {
        caseId: entity.id, orgPath: entity.orgPath, officerId: entity.officerId, inspectorId: caller.user.id, outcome, findings: text, createdAt: now,
      });
      await this.cases.timeline.append(m, entity.id, {
        type: TimelineEventType.InquiryOpened, actor: { userId: caller.user.id, role: caller.user.role }, isPublic: false,
        note: `${caller.user.nickname}发起核查，结论：${label}`, at: now,
      });
      const leaders = await leadersOf(m, entity.orgPath, [Role.StationLeader]);
      const told = [...new Set([...(entity.officerId ? [entity.officerId] : []), ...leaders])].filter((id) => id !== caller.user.id);
      await this.notifications.notify(m, told, {
        title: `${ROLE_LABELS[Role.Inspector]}核查：${entity.title}`, body: `核查结论：${label}。${text}`.slice(0, 480), caseId: entity.id,
      }, `case:${entity.id}:inquiry:${row.id}`);
      await this.audit.recordFor(caller, { action: AuditAction.InquiryOpened, targetType: 'case', targetId: entity.id, detail: `inquiry ${row.id}: ${outcome}` }, m);
      return row;
    });
    const [view] = await this.views([saved]);
    return view;
  }

  /** A case's 核查: inspectors over it, and the police who may read the case (its officer, the leaders over it). */
  async ofCase(caller: Caller, caseId: number): Promise<InquiryView[]> {
    const inspects = caller.permissions.has(Permission.CaseInspect);
    if (!inspects && !caller.permissions.has(Permission.CaseRead)) throw new DomainException(ErrorCode.Forbidden);
    const entity = await this.cases.requireCase(caller, caseId, inspects ? Permission.CaseInspect : Permission.CaseRead);
    const views = await this.views(await this.inquiries.ofCase(entity.id));
    await this.audit.recordFor(caller, { action: AuditAction.InquiryRead, targetType: 'case', targetId: entity.id, detail: `count=${views.length}` });
    return views;
  }

  /** The 核查 of the inspector's jurisdiction, newest first. */
  async history(caller: Caller, page: number, pageSize: number): Promise<Page<InquiryView>> {
    if (caller.scope.kind !== 'subtree') return { items: [], total: 0, page, pageSize };
    const { rows, total } = await this.inquiries.page(caller.scope.pathPrefix, page, pageSize);
    const items = await this.views(rows);
    await this.audit.recordFor(caller, { action: AuditAction.InquiryRead, detail: `page=${page} total=${total}` });
    return { items, total, page, pageSize };
  }

  private async items(summaries: Pick<CaseSummary, 'id' | 'title' | 'kind' | 'status' | 'communityName' | 'createdAt'>[], now: Date): Promise<InspectionItem[]> {
    const ids = summaries.map((s) => s.id);
    const [entities, trails, counts, numbers] = await Promise.all([
      this.cases.records.findMany(ids), this.trails.of(ids, now), this.inquiries.countsOf(ids), this.cases.records.numbers(ids),
    ]);
    const byId = new Map<number, CaseEntity>(entities.map((e) => [e.id, e]));
    const officers = await this.accounts.findMany(entities.flatMap((e) => (e.officerId ? [e.officerId] : [])));
    return summaries.map((s) => {
      const officerId = byId.get(s.id)?.officerId ?? null;
      const trail = trails.get(s.id) as ResponseTrail;
      return {
        caseId: s.id, number: numbers.get(s.id) ?? String(s.id), title: s.title, kind: s.kind, status: s.status, communityName: s.communityName,
        officerName: officerId ? officers.get(officerId)?.nickname ?? null : null, createdAt: s.createdAt,
        escalation: Math.max(0, ...trail.deadlines.map((d) => d.escalation)), trail, inquiryCount: counts.get(s.id) ?? 0,
      };
    });
  }

  private async views(rows: InquiryEntity[]): Promise<InquiryView[]> {
    if (!rows.length) return [];
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    const [cases, numbers, people] = await Promise.all([
      this.cases.records.findMany(caseIds), this.cases.records.numbers(caseIds),
      this.accounts.findMany([...new Set(rows.flatMap((r) => [r.inspectorId, ...(r.officerId ? [r.officerId] : [])]))]),
    ]);
    const titles = new Map(cases.map((c) => [c.id, c.title]));
    return rows.map((r) => ({
      id: r.id, caseId: r.caseId, caseNumber: numbers.get(r.caseId) ?? String(r.caseId), caseTitle: titles.get(r.caseId) ?? '',
      inspectorName: people.get(r.inspectorId)?.nickname ?? '（已删除）', officerName: r.officerId ? people.get(r.officerId)?.nickname ?? null : null,
      findings: r.findings, outcome: r.outcome, createdAt: r.createdAt.toISOString(),
    }));
  }
}
