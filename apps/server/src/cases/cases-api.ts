import { CaseDetail, CaseSummary, EscalationLevel, Page, Permission } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../common/request-context';
import { CaseTimeline } from './case-timeline';
import type { Scope } from '../org/scope';
import { CaseFiguresRepository } from './data/case-figures.repository';
import { CaseRecordsRepository } from './data/case-records.repository';
import type { CaseEntity } from './data/case.entity';
import { CasesRepository } from './data/cases.repository';
import { CasesService } from './cases.service';

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
    /** The counting statements of figures (数据, docs/figures.md) on cases, their events and deadlines. */
    readonly figures: CaseFiguresRepository,
  ) {}

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

  /** Whether the caller may do what `permission` allows on a case already read (no audit). */
  canSee(caller: Caller, entity: CaseEntity, permission: Permission = Permission.CaseRead): boolean {
    return this.cases.canSee(caller, entity, permission);
  }

  /** 上报 (a resident's report, e.g. the service guide's 请民警协助); see CasesService.create. */
  create(...args: Parameters<CasesService['create']>): ReturnType<CasesService['create']> {
    return this.cases.create(...args);
  }

  /** A report forwarded by a partner system (Open311); see CasesService.createFromPartner. */
  createFromPartner(...args: Parameters<CasesService['createFromPartner']>): ReturnType<CasesService['createFromPartner']> {
    return this.cases.createFromPartner(...args);
  }

  /** The case page as this caller may see it (access-checked and audited like the API's). */
  detail(caller: Caller, caseId: number): Promise<CaseDetail> {
    return this.cases.detail(caller, caseId);
  }
}
