import { TimelineEventType } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, UnitOfWork, valueTuples } from '../../common/db';
import { CaseEventEntity } from './case-event.entity';

/** The columns of case_events a new event fills, in the order `values` gives them. */
const INSERT_COLUMNS = 'case_id, type, from_status, to_status, actor_id, actor_role, is_public, note, at';
const values = (e: Omit<CaseEventEntity, 'id'>) => [e.caseId, e.type, e.fromStatus, e.toStatus, e.actorId, e.actorRole, e.isPublic, e.note, e.at];

/**
 * Every statement on `case_events`. Only CaseTimeline (cases/case-timeline.ts) writes through it:
 * the timeline is append-only, written in the transaction of the change it records.
 */
@Injectable()
export class CaseEventsRepository {
  constructor(private readonly db: Database) {}

  async insert(m: EntityManager, event: Omit<CaseEventEntity, 'id'>): Promise<number> {
    const result = await m.getRepository(CaseEventEntity).insert(event);
    return Number(result.identifiers[0]?.id);
  }

  /** Queued with the unit's other writes; `onId` gets the id once they have run. */
  insertLater(uow: UnitOfWork, event: Omit<CaseEventEntity, 'id'>, onId: (id: number) => void): void {
    uow.later(`INSERT INTO case_events (${INSERT_COLUMNS}) VALUES ${valueTuples(1, 9)}`, values(event), onId);
  }

  list(caseId: number, m: EntityManager = this.db.manager): Promise<CaseEventEntity[]> {
    return m.getRepository(CaseEventEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  }

  count(m: EntityManager, caseId: number, type: TimelineEventType): Promise<number> {
    return m.getRepository(CaseEventEntity).count({ where: { caseId, type } });
  }

  latest(caseId: number, type: TimelineEventType, m: EntityManager = this.db.manager): Promise<CaseEventEntity | null> {
    return m.getRepository(CaseEventEntity).findOne({ where: { caseId, type }, order: { id: 'DESC' } });
  }
}
