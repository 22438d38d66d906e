import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { Database, workClaimed } from '../../common/db';
import { MediationFollowupEntity } from './mediation-followup.entity';

/** 履行回访 rows, claimed by the scheduler with a lease (common/db/lease.ts). */
@Injectable()
export class FollowupsRepository {
  constructor(private readonly db: Database) {}

  /** Claims the due follow-ups (at most `batch`) for `owner` until `until`, and works each claimed one. */
  workDue(now: Date, batch: number, lease: { owner: string; until: Date }, work: (id: number) => Promise<boolean>): Promise<number> {
    return workClaimed(
      this.db.manager.getRepository(MediationFollowupEntity),
      { where: { doneAt: IsNull(), nextCheckAt: LessThanOrEqual(now) }, sql: 'done_at IS NULL AND next_check_at <= :now', order: { nextCheckAt: 'ASC' }, batch },
      lease,
      now,
      work,
    );
  }

  get(m: EntityManager, id: number): Promise<MediationFollowupEntity> {
    return m.getRepository(MediationFollowupEntity).findOneOrFail({ where: { id } });
  }

  /** Done (the reminder went out), if `owner` still holds its lease. */
  async done(m: EntityManager, id: number, owner: string, at: Date): Promise<void> {
    await m.getRepository(MediationFollowupEntity).update({ id, leaseOwner: owner }, { doneAt: at, nextCheckAt: null, leaseOwner: null, leaseUntil: null });
  }
}
