import { CaseAction, CaseDetail, CaseKind, CaseSummary, EscalationLevel, Page, Permission } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../common/request-context';
import { CaseTimeline } from './case-timeline';
import type { Scope } from '../org/scope';
import { CaseFiguresRepository } from './data/case-figures.repository';
import { CaseRecordsRepository } from './data/case-records.repository';
import { CaseTrailsRepository } from './data/case-trails.repository';
import type { CaseEntity } from './data/case.entity';
import { CasesRepository } from './data/cases.repository';
import { CasesService } from './cases.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseReportingService } from './case-reporting.service';
import { Actor, CaseWorkflowService } from './case-workflow.service';
import { CaseDeadlinesWorker } from './case-deadlines.worker';
import type { CaseActionDto } from './dto/case.dto';
import { CaseDigestRepository, DigestCaseRow, DigestGroupRow, OpenCasePlace } from './data/case-digest.repository';
import { NamedCase, PublicCaseFilter, PublicCasesRepository } from './data/public-cases.repository';

/**
 * The cases feature's face for other features (cases/index.ts): the one access check on a case
 * id, the case page, and the timeline, whose only writer is case-timeline.
 */
@Injectable()
export class CasesApi {
  constructor(
    private readonly cases: CasesService,
    /** Appends to a case's timeline (`timeline.append`), in the caller's transaction. */
    readonly timeline: CaseTimeline,
    /** Case rows by id (read, locked, counted) and the narrow writes other features make on a case. */
    readonly records: CaseRecordsRepository,
    private readonly lists: CasesRepository,
    private readonly reporting: CaseReportingService,
    private readonly intake: CaseIntakeService,
    private readonly workflow: CaseWorkflowService,
    private readonly digest: CaseDigestRepository,
    private readonly publicRows: PublicCasesRepository,
    private readonly deadlines: CaseDeadlinesWorker,
    /** The counting statements of figures (数据, docs/figures.md) on cases, their events and deadlines. */
    readonly figures: CaseFiguresRepository,
    /** 责任追究's reads: overdue or escalated open cases of a subtree, every deadline and timeline entry of cases. */
    readonly trails: CaseTrailsRepository,
  ) {}

  /** An action of the state machine by a caller, as `POST /api/cases/:id/actions` (CaseWorkflowService.act). */
  act(caller: Caller, caseId: number, dto: CaseActionDto): Promise<CaseDetail> {
    return this.workflow.act(caller, caseId, dto);
  }

  /** The demo clock: moves a case's open deadlines `ms` earlier (CaseDeadlinesWorker.shift). */
  shiftDeadlines(caseId: number, ms: number): Promise<void> {
    return this.deadlines.shift(caseId, ms);
  }

  /** Runs the deadline scheduler as at `at` on one case's due rows (CaseDeadlinesWorker.escalateDue). */
  escalateDue(at: Date, caseId: number): Promise<number> {
    return this.deadlines.escalateDue(at, caseId);
  }

  /** One page of the cases the public may see (of `kinds`, not held for review) matching `filter`, newest first, and the total. */
  publicCases(kinds: readonly CaseKind[], filter: PublicCaseFilter, page: number, pageSize: number): Promise<{ rows: CaseEntity[]; total: number }> {
    return this.publicRows.page(kinds, filter, page, pageSize);
  }

  /** The case a number names, if the public may see it. */
  publicCase(kinds: readonly CaseKind[], named: NamedCase): Promise<CaseEntity | null> {
    return this.publicRows.one(kinds, named);
  }

  /**
   * One transition of the shared state machine on a case already read, in `m`'s transaction: the
   * version check, the timeline entry, deadlines and notices (CaseWorkflowService.transition).
   */
  transition(
    m: EntityManager, entity: CaseEntity, action: CaseAction, actor: Actor, note: string | null, now: Date, extra?: Partial<CaseEntity>,
  ): Promise<CaseEntity> {
    return this.workflow.transition(m, entity, action, actor, note, now, extra);
  }

  /** The reporter's user id, sealed reports included (to notify them, never to show). */
  reporterOf(m: EntityManager, entity: CaseEntity): Promise<number | null> {
    return this.workflow.reporterUserId(m, entity);
  }

  /** Cases of a scope in handling at `end` (for the governance digest): the first `limit` and the counts over all. */
  openAt(scope: Scope, end: Date, pastDay: boolean, limit: number): Promise<{ rows: DigestCaseRow[]; groups: DigestGroupRow[] }> {
    return this.digest.openAt(scope, end, pastDay, limit);
  }

  /** Every case in handling at the end of a past day, where it is and its status then (the daily snapshot keeps them for the digest). */
  placesOpenAt(end: Date): Promise<OpenCasePlace[]> {
    return this.digest.placesOpenAt(end);
  }

  /** The digest's columns of these cases (status and community come from the day's snapshot). */
  digestRowsOf(ids: readonly number[]): Promise<Omit<DigestCaseRow, 'status' | 'communityName'>[]> {
    return this.digest.digestRowsOf(ids);
  }

  /** 督办: open cases of a subtree escalated to one of `levels`, most overdue first. */
  escalated(scope: Scope, levels: readonly EscalationLevel[], page: number, pageSize: number, now?: Date): Promise<Page<CaseSummary>> {
    return this.lists.escalated(scope, levels, page, pageSize, now);
  }

  /**
   * The case behind an id a client sent, when the caller is its reporter or staff whose role holds
   * `permission` and whose jurisdiction covers it; otherwise 404, audited (access/access.ts).
   */
  requireCase(caller: Caller, caseId: number, permission: Permission, manager?: EntityManager): Promise<CaseEntity> {
    return this.cases.requireCase(caller, caseId, permission, manager);
  }

  /** Whether a case, as read, lies in a scope (a jurisdiction): the condition the lists put into SQL. */
  inScope(scope: Scope, entity: Pick<CaseEntity, 'reporterKey' | 'officerId' | 'orgPath'>): boolean {
    return CasesRepository.caseInScope(scope, entity);
  }

  /** Whether the caller may do what `permission` allows on a case already read (no audit). */
  canSee(caller: Caller, entity: CaseEntity, permission: Permission = Permission.CaseRead): boolean {
    return this.cases.canSee(caller, entity, permission);
  }

  /** 上报 (a resident's report, e.g. the service guide's 请民警协助); see CaseReportingService.create. */
  create(...args: Parameters<CaseReportingService['create']>): ReturnType<CaseReportingService['create']> {
    return this.reporting.create(...args);
  }

  /** A report forwarded by a partner system (Open311); see CaseIntakeService.createFromPartner. */
  createFromPartner(...args: Parameters<CaseIntakeService['createFromPartner']>): ReturnType<CaseIntakeService['createFromPartner']> {
    return this.intake.createFromPartner(...args);
  }

  /** The case page as this caller may see it (access-checked and audited like the API's). */
  detail(caller: Caller, caseId: number): Promise<CaseDetail> {
    return this.cases.detail(caller, caseId);
  }
}
