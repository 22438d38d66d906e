import { EscalationLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { parseDbDate } from '../../common/db-date';
import { Database, forUpdate, selectRows } from '../../common/db';
import { CaseDeadlineEntity, DeadlineKind } from './case-deadline.entity';
import { CaseEntity } from './case.entity';

/** An open deadline of a case with its officer's name, as 督办 lists it. */
export interface OpenDeadlineRow {
  caseId: number;
  officerId: number | null;
  officerName: string | null;
  urgedAt: Date | null;
  kind: DeadlineKind | null;
  dueAt: Date | null;
  escalation: EscalationLevel | null;
}

/**
 * Case rows as other features need them (through CasesApi): read by id, locked, counted, and the
 * few narrow writes other features make on a case (催办's claim, the demo clock's deadline shift).
 */
@Injectable()
export class CaseRecordsRepository {
  constructor(private readonly db: Database) {}

  find(id: number, m: EntityManager = this.db.manager): Promise<CaseEntity | null> {
    return m.getRepository(CaseEntity).findOne({ where: { id } });
  }

  get(id: number, m: EntityManager = this.db.manager): Promise<CaseEntity> {
    return m.getRepository(CaseEntity).findOneOrFail({ where: { id } });
  }

  /** The cases of `ids` that exist, by id. */
  findMany(ids: readonly number[], m: EntityManager = this.db.manager): Promise<CaseEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(CaseEntity).find({ where: { id: In([...new Set(ids)]) }, order: { id: 'ASC' } });
  }

  /** Reads the case locking its row for `m`'s transaction (MySQL/MariaDB; SQLite serialises writers anyway). */
  lock(m: EntityManager, id: number): Promise<CaseEntity | null> {
    return m.getRepository(CaseEntity).findOne({ where: { id }, ...forUpdate(m) });
  }

  /** 案件编号 of the cases of `ids` (derived from id and creation time). */
  async numbers(ids: readonly number[], m: EntityManager = this.db.manager): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await m.getRepository(CaseEntity).find({ select: { id: true, createdAt: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((r) => [r.id, r.number]));
  }

  count(): Promise<number> {
    return this.db.manager.getRepository(CaseEntity).count();
  }

  findOneBy(where: Partial<Pick<CaseEntity, 'title' | 'status' | 'kind'>>): Promise<CaseEntity | null> {
    return this.db.manager.getRepository(CaseEntity).findOne({ where, order: { id: 'ASC' } });
  }

  /** The cases' open deadlines with the officer's name and the last 催办, for 督办. */
  async openDeadlines(ids: readonly number[]): Promise<OpenDeadlineRow[]> {
    if (!ids.length) return [];
    const rows = await selectRows(
      this.db.manager,
      'SELECT c.id AS caseId, c.officer_id AS officerId, u.nickname AS officerName, c.urged_at AS urgedAt, ' +
        'd.kind AS kind, d.due_at AS dueAt, d.escalation AS escalation FROM cases c LEFT JOIN users u ON u.id = c.officer_id ' +
        `LEFT JOIN case_deadlines d ON d.case_id = c.id AND d.met_at IS NULL WHERE c.id IN (${ids.map(() => '?').join(', ')})`,
      [...ids],
    );
    return rows.map((r) => ({
      caseId: Number(r.caseId),
      officerId: r.officerId == null ? null : Number(r.officerId),
      officerName: r.officerName == null ? null : String(r.officerName),
      urgedAt: parseDbDate(r.urgedAt),
      kind: (r.kind ?? null) as DeadlineKind | null,
      dueAt: parseDbDate(r.dueAt),
      escalation: r.escalation == null ? null : (Number(r.escalation) as EscalationLevel),
    }));
  }

  /**
   * 催办's claim: sets `urged_at` unless the case was urged after `since`; false when it was. The
   * version stays: 催办 does not move the case, so an officer acting on it meanwhile is not refused.
   */
  async claimUrge(m: EntityManager, id: number, now: Date, since: Date): Promise<boolean> {
    const claimed = await m
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ urgedAt: now, version: () => 'version' })
      .where('id = :id AND (urged_at IS NULL OR urged_at <= :since)', { id, since })
      .execute();
    return Boolean(claimed.affected);
  }

  async urgedAt(m: EntityManager, id: number): Promise<Date | null> {
    const [row] = await selectRows<{ urgedAt: unknown }>(m, 'SELECT urged_at AS urgedAt FROM cases WHERE id = ?', [id]);
    return parseDbDate(row?.urgedAt);
  }

  /** The open (unmet) deadlines of a case, the next check first. */
  openDeadlinesOf(caseId: number, m: EntityManager = this.db.manager): Promise<CaseDeadlineEntity[]> {
    return m.getRepository(CaseDeadlineEntity).find({ where: { caseId, metAt: IsNull() }, order: { nextCheckAt: 'ASC' } });
  }

  /** Moves a deadline (the demo clock lets time run on). */
  async moveDeadline(m: EntityManager, id: number, dueAt: Date, nextCheckAt: Date | null): Promise<void> {
    await m.getRepository(CaseDeadlineEntity).update({ id }, { dueAt, nextCheckAt });
  }

  /** The due time of each case's deadline of one kind. */
  async dueAt(caseIds: readonly number[], kind: DeadlineKind): Promise<Map<number, Date>> {
    if (!caseIds.length) return new Map();
    const rows = await this.db.manager.getRepository(CaseDeadlineEntity).find({ where: { caseId: In([...new Set(caseIds)]), kind } });
    return new Map(rows.map((d) => [d.caseId, d.dueAt]));
  }
}
