import { CaseStatus, EscalationLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { Database, workClaimed } from '../../common/db';
import { CaseDeadlineEntity, DeadlineKind } from './case-deadline.entity';
import { CaseEntity } from './case.entity';

/** The lease a scheduler instance holds on the deadline rows it claimed. */
export interface DeadlineLease {
  owner: string;
  until: Date;
}

/**
 * Every statement of the case deadlines' scheduling: the scheduler's leased claims and escalation
 * steps, settling deadlines on a status change, and the queue's sort key kept in step with them.
 */
@Injectable()
export class CaseDeadlinesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Claims due deadline rows (a conditional update is the lease) and hands each id to `work`; with
   * `caseId`, only that case's rows. Answers how many `work` reported done.
   */
  claimDue(now: Date, caseId: number | undefined, lease: DeadlineLease, batch: number, work: (id: number) => Promise<boolean>): Promise<number> {
    const due = { metAt: IsNull(), nextCheckAt: LessThanOrEqual(now), ...(caseId === undefined ? {} : { caseId }) };
    const sql = `met_at IS NULL AND next_check_at <= :now${caseId === undefined ? '' : ' AND case_id = :caseId'}`;
    return workClaimed(
      this.db.manager.getRepository(CaseDeadlineEntity),
      { where: due, sql, params: { caseId }, order: { nextCheckAt: 'ASC' }, batch },
      lease,
      now,
      work,
    );
  }

  get(m: EntityManager, id: number): Promise<CaseDeadlineEntity> {
    return m.getRepository(CaseDeadlineEntity).findOneOrFail({ where: { id } });
  }

  /** Gives up the lease and stops checking the row (met, closed or at the last step). */
  async retire(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(CaseDeadlineEntity).update({ id }, { leaseOwner: null, leaseUntil: null, nextCheckAt: null });
  }

  /** One escalation step, written only while `owner` still holds the lease; the lease is given up. */
  async escalate(m: EntityManager, id: number, owner: string, escalation: EscalationLevel, nextCheckAt: Date | null): Promise<void> {
    await m.getRepository(CaseDeadlineEntity).update({ id, leaseOwner: owner }, { leaseOwner: null, leaseUntil: null, escalation, nextCheckAt });
  }

  /** Marks the case's unmet deadlines (of one kind, or all) met. */
  async meet(m: EntityManager, caseId: number, now: Date, kind?: DeadlineKind): Promise<void> {
    await m.getRepository(CaseDeadlineEntity).update({ caseId, metAt: IsNull(), ...(kind ? { kind } : {}) }, { metAt: now, nextCheckAt: null });
  }

  /** Starts a deadline over, due at `due`, unescalated and unclaimed. */
  async restart(m: EntityManager, caseId: number, kind: DeadlineKind, due: Date): Promise<void> {
    await m.getRepository(CaseDeadlineEntity).update({ caseId, kind }, { dueAt: due, metAt: null, escalation: 0, nextCheckAt: due, leaseOwner: null, leaseUntil: null });
  }

  find(m: EntityManager, caseId: number, kind: DeadlineKind): Promise<CaseDeadlineEntity | null> {
    return m.getRepository(CaseDeadlineEntity).findOne({ where: { caseId, kind } });
  }

  /** Keeps the queue's sort key (earliest unmet deadline) and escalation level in step with the rows. */
  async refreshNextDue(m: EntityManager, caseId: number): Promise<void> {
    const open = await m.getRepository(CaseDeadlineEntity).find({ where: { caseId, metAt: IsNull() }, order: { dueAt: 'ASC' } });
    await m.getRepository(CaseEntity).update(
      { id: caseId },
      { nextDueAt: open[0]?.dueAt ?? null, escalation: Math.max(0, ...open.map((d) => d.escalation)) as EscalationLevel },
    );
  }

  /** Resolved cases whose resolution is older than `cutoff` (to close as confirmed), at most `take`. */
  resolvedBefore(cutoff: Date, take: number): Promise<CaseEntity[]> {
    return this.db.manager.getRepository(CaseEntity).find({ where: { status: CaseStatus.Resolved, resolvedAt: LessThanOrEqual(cutoff) }, take });
  }
}
