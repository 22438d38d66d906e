import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { Database } from '../../common/db';

/** A community of the demo city, as the history is spread over it. */
export interface HistoryCommunity {
  id: number;
  name: string;
  path: string;
  officerId: number;
  stationId: number;
}

/** One past case with its timeline and deadlines, as the service would have left them (property names of the cases feature's entities). */
export interface HistoryCase {
  row: ObjectLiteral;
  events: ObjectLiteral[];
  deadlines: ObjectLiteral[];
  /** An online mediation room settled at this moment (化解矛盾 online). */
  settledAt: Date | null;
}

/**
 * The bulk writes of the demo's three months of history (demo/demo-history.ts): past cases with
 * their events, deadlines and settled rooms, prevention actions, and the residents who reported
 * them. Like the rest of the demo's data part it names other features' tables; TypeORM applies
 * their entities' columns (encryption included).
 */
@Injectable()
export class DemoHistoryRepository {
  constructor(private readonly db: Database) {}

  /** Whether the history was loaded (its first reporter exists). */
  has(username: string): Promise<boolean> {
    return this.db.manager.getRepository('users').existsBy({ username });
  }

  /** The demo's communities with their officers and stations. */
  async communities(): Promise<HistoryCommunity[]> {
    const rows = await this.db.manager.getRepository('org_units').find({ where: { level: OrgLevel.Community }, order: { id: 'ASC' } });
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name), path: String(r.path), officerId: Number(r.officerId), stationId: Number(r.parentId) }));
  }

  /** Runs the history's writes in one transaction. */
  write(fn: (w: DemoHistoryWriter) => Promise<void>): Promise<void> {
    return this.db.transaction(({ manager }) => fn(new DemoHistoryWriter(manager)));
  }
}

/** The writes of one history transaction. */
export class DemoHistoryWriter {
  constructor(private readonly manager: EntityManager) {}

  private repo(table: string) {
    return this.manager.getRepository<ObjectLiteral>(table);
  }

  /** A resident who reports the history's cases, an active member of their community. */
  async resident(username: string, nickname: string, communityId: number, decidedBy: number, at: Date): Promise<number> {
    const saved = await this.repo('users').save(this.repo('users').create({
      username, nickname, role: 'resident', orgUnitId: null, isInformant: false, phone: null, workPhone: null, openid: null, unionid: null, phoneHash: null, disabled: false,
    }));
    const userId = Number(saved.id);
    await this.repo('memberships').insert({ userId, communityId, memberType: 'resident', status: 'active', note: null, joinedAt: at, decidedBy, createdAt: at });
    return userId;
  }

  /** Past cases, each with its events, deadlines and (for some disputes) a settled mediation room. */
  async cases(list: readonly HistoryCase[]): Promise<void> {
    const events: ObjectLiteral[] = [];
    const deadlines: ObjectLiteral[] = [];
    const rooms: ObjectLiteral[] = [];
    for (const c of list) {
      const result = await this.repo('cases').insert(c.row);
      const caseId = Number(result.identifiers[0].id);
      for (const e of c.events) events.push({ ...e, caseId });
      for (const d of c.deadlines) deadlines.push({ ...d, caseId });
      if (c.settledAt) {
        rooms.push({
          caseId, parentId: null, caucusMemberId: null, status: 'settled', orgPath: c.row.orgPath, officerId: c.row.officerId, title: c.row.title,
          lastSeq: 0, createdBy: c.row.officerId, createdAt: c.row.createdAt, closedAt: c.settledAt,
        });
      }
    }
    for (let i = 0; i < events.length; i += 300) await this.repo('case_events').insert(events.slice(i, i + 300));
    for (let i = 0; i < deadlines.length; i += 300) await this.repo('case_deadlines').insert(deadlines.slice(i, i + 300));
    for (let i = 0; i < rooms.length; i += 300) await this.repo('mediation_rooms').insert(rooms.slice(i, i + 300));
  }

  /** Prevention actions (巡逻 / 走访 / 提示) officers recorded (the place encrypted by the entity's transformer). */
  async preventionActions(list: readonly ObjectLiteral[]): Promise<void> {
    for (let i = 0; i < list.length; i += 300) await this.repo('prevention_actions').insert(list.slice(i, i + 300));
  }
}
