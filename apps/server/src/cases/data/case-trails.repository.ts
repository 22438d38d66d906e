import { CaseSummary, EscalationLevel, Page, TERMINAL_STATUSES } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Database, isMysql, selectRows } from '../../common/db';
import { CaseEntity } from './case.entity';
import type { Scope } from '../../org/scope';
import { CaseDeadlineEntity } from './case-deadline.entity';
import { CaseEventEntity } from './case-event.entity';
import { CasesRepository } from './cases.repository';
import { OPEN_STATUSES, SUMMARY_COLUMNS } from './queue-sql';

/**
 * 责任追究's reads of cases (docs/accountability.md) and 民警交接's move of a community's open cases:
 * the overdue or escalated open cases of a subtree, every deadline and timeline entry of a page of
 * cases, and the reassignment of open cases to a community's new officer.
 */
@Injectable()
export class CaseTrailsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Open cases of a subtree with a deadline past due, or escalated to 派出所督办 or beyond, most
   * overdue first. Other scopes list nothing (inspectors sit on a branch or the city).
   */
  async overduePage(scope: Scope, page: number, pageSize: number, now: Date): Promise<Page<CaseSummary>> {
    const paging = { page, pageSize };
    if (scope.kind !== 'subtree') return { items: [], total: 0, ...paging };
    const open = OPEN_STATUSES.map(() => '?').join(', ');
    const rows = await selectRows(
      this.db.manager,
      `SELECT ${SUMMARY_COLUMNS}, COUNT(*) OVER () AS total FROM cases c INNER JOIN org_units o ON o.id = c.community_id ` +
        `WHERE c.org_path LIKE ? AND c.status IN (${open}) AND (c.next_due_at < ? OR c.escalation >= ?) ` +
        'ORDER BY c.next_due_at IS NULL, c.next_due_at ASC, c.id DESC LIMIT ? OFFSET ?',
      [`${scope.pathPrefix}%`, ...OPEN_STATUSES, now, EscalationLevel.StationSupervising, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map((r) => CasesRepository.toSummary(r, now)), total: rows.length ? Number(rows[0].total) : 0, ...paging };
  }

  /** Every deadline of the cases, met or not, earliest first. */
  deadlinesOf(caseIds: readonly number[]): Promise<CaseDeadlineEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.db.manager.getRepository(CaseDeadlineEntity).find({ where: { caseId: In([...caseIds]) }, order: { dueAt: 'ASC', id: 'ASC' } });
  }

  /** Every timeline entry of the cases, oldest first. */
  eventsOf(caseIds: readonly number[]): Promise<CaseEventEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.db.manager.getRepository(CaseEventEntity).find({ where: { caseId: In([...caseIds]) }, order: { id: 'ASC' } });
  }

  /** The ids and titles of a community's open cases, locked for the handover's transaction. */
  async openOfCommunity(m: EntityManager, communityId: number): Promise<{ id: number; title: string; officerId: number | null }[]> {
    const terminal = TERMINAL_STATUSES.map(() => '?').join(', ');
    const rows = await selectRows(
      m,
      `SELECT id, title, officer_id AS officerId FROM cases WHERE community_id = ? AND status NOT IN (${terminal}) ORDER BY id${isMysql(m) ? ' FOR UPDATE' : ''}`,
      [communityId, ...TERMINAL_STATUSES],
    );
    return rows.map((r) => ({ id: Number(r.id), title: String(r.title), officerId: r.officerId == null ? null : Number(r.officerId) }));
  }

  /** Gives the cases to another officer; the version moves so a handling screen open meanwhile reloads. */
  async reassign(m: EntityManager, caseIds: readonly number[], officerId: number, at: Date): Promise<void> {
    if (!caseIds.length) return;
    await m.getRepository(CaseEntity).update({ id: In([...caseIds]) }, { officerId, version: () => 'version + 1', updatedAt: at });
  }
}
