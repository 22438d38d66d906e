import { BulletinStatus, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { Database, forUpdate, selectRows, workClaimed } from '../../common/db';
import { BulletinEntity } from './bulletin.entity';

/** Urgent 预警 whose review is overdue, claimed with a lease (common/db/lease.ts) and escalated step by step. */
@Injectable()
export class BulletinDeadlinesRepository {
  constructor(private readonly db: Database) {}

  /** Claims due rows (pending review, next check passed) under `lease` and works each; how many `work` reported done. */
  claimDue(now: Date, lease: { owner: string; until: Date }, batch: number, work: (id: number) => Promise<boolean>): Promise<number> {
    return workClaimed(
      this.db.manager.getRepository(BulletinEntity),
      {
        where: { status: BulletinStatus.PendingReview, reviewNextCheckAt: LessThanOrEqual(now) },
        sql: 'status = :pending AND review_next_check_at <= :now',
        params: { pending: BulletinStatus.PendingReview },
        order: { reviewNextCheckAt: 'ASC', id: 'ASC' },
        batch,
      },
      lease,
      now,
      work,
    );
  }

  locked(m: EntityManager, id: number): Promise<BulletinEntity | null> {
    return m.getRepository(BulletinEntity).findOne({ where: { id }, ...forUpdate(m) });
  }

  /** The next step, written only while `owner` holds the lease; false when it no longer does. */
  async escalate(m: EntityManager, id: number, owner: string, level: number, nextCheckAt: Date | null): Promise<boolean> {
    const done = await m.getRepository(BulletinEntity).update(
      { id, leaseOwner: owner },
      { reviewEscalation: level, reviewNextCheckAt: nextCheckAt, leaseUntil: null, leaseOwner: null },
    );
    return Boolean(done.affected);
  }

  /** Nothing more to do for it (decided, withdrawn, or escalated all the way). */
  async retire(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(BulletinEntity).update({ id }, { reviewNextCheckAt: null, leaseUntil: null, leaseOwner: null });
  }

  /** Active users of `role` whose org unit is one of `unitIds` (the reviewers at a bulletin's unit and above). */
  async usersIn(m: EntityManager, role: Role, unitIds: readonly number[]): Promise<number[]> {
    if (!unitIds.length) return [];
    const rows = await selectRows<{ id: number }>(m,
      `SELECT id FROM users WHERE role = ? AND disabled = ? AND org_unit_id IN (${unitIds.map(() => '?').join(', ')})`, [role, false, ...unitIds]);
    return rows.map((r) => Number(r.id));
  }
}
