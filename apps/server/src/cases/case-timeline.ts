import { CaseStatus, Role, TimelineEventType } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnitOfWork } from '../common/db';
import { CaseEventEntity } from './data/case-event.entity';
import { CaseEventsRepository } from './data/case-events.repository';

/** Who an entry names: a user and their role, the role alone (a sealed informant), or nobody (the system). */
export interface TimelineActor {
  userId: number | null;
  role: Role | null;
}

/** A timeline entry: its kind (TimelineEventType) says what happened; the note is text to show, never matched. */
export interface TimelineEntry {
  type: TimelineEventType;
  /** Null for the system (the scheduler, a partner platform). */
  actor: TimelineActor | null;
  /** Residents see public entries only; internal ones are for police. */
  isPublic: boolean;
  note?: string | null;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  at?: Date;
}

const NOTE_MAX = 1000;

function eventOf(caseId: number, entry: TimelineEntry): Omit<CaseEventEntity, 'id'> {
  return {
    caseId,
    type: entry.type,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    actorId: entry.actor?.userId ?? null,
    actorRole: entry.actor?.role ?? null,
    isPublic: entry.isPublic,
    note: entry.note == null ? null : entry.note.slice(0, NOTE_MAX),
    at: entry.at ?? new Date(),
  };
}

/**
 * case-timeline: the only writer of `case_events` (every feature appends through CasesApi.timeline).
 * Entries are written in the transaction of the change they record.
 */
@Injectable()
export class CaseTimeline {
  constructor(private readonly events: CaseEventsRepository) {}

  /** Appends an entry now, in `m`'s transaction. */
  async append(m: EntityManager, caseId: number, entry: TimelineEntry): Promise<void> {
    await this.events.insert(m, eventOf(caseId, entry));
  }

  /** Appends an entry with the unit's closing writes; the returned event gets its id once they have run. */
  appendLater(uow: UnitOfWork, caseId: number, entry: TimelineEntry): CaseEventEntity {
    const event = Object.assign(new CaseEventEntity(), { id: 0, ...eventOf(caseId, entry) });
    this.events.insertLater(uow, event, (id) => (event.id = id));
    return event;
  }

  /** Whether the case has an entry of this kind (e.g. MediationRequested, one per case). */
  async has(m: EntityManager, caseId: number, type: TimelineEventType): Promise<boolean> {
    return (await this.events.count(m, caseId, type)) > 0;
  }

  /** The case's latest entry of this kind, if any. */
  latest(caseId: number, type: TimelineEventType): Promise<CaseEventEntity | null> {
    return this.events.latest(caseId, type);
  }

  /** The whole timeline, oldest first. */
  list(caseId: number, m?: EntityManager): Promise<CaseEventEntity[]> {
    return this.events.list(caseId, m);
  }
}
