import { MembershipStatus, OrgLevel, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database, selectRows } from '../../common/db';

/** A person as a room names them. */
export interface RoomPerson {
  id: number;
  nickname: string;
}

/**
 * What mediation reads of the people around a room, from identity's and org's tables (read only,
 * plain columns: no personal data): a station's mediators, a user's nickname, a community
 * membership, the caller's org unit. To go through identity's and org's faces once they publish these.
 */
@Injectable()
export class RoomPeopleRepository {
  constructor(private readonly db: Database) {}

  /** The station's mediators (警民联调员 roster), enabled ones, by id. */
  async mediatorsOf(stationId: number | null, m: EntityManager = this.db.manager): Promise<RoomPerson[]> {
    const rows = await selectRows<{ id: number | string; nickname: string }>(
      m, 'SELECT id, nickname FROM users WHERE role = ? AND org_unit_id = ? AND disabled = ? ORDER BY id ASC', [Role.Mediator, stationId ?? -1, false],
    );
    return rows.map((r) => ({ id: Number(r.id), nickname: String(r.nickname) }));
  }

  async person(id: number, m: EntityManager = this.db.manager): Promise<RoomPerson | null> {
    const [row] = await selectRows<{ id: number | string; nickname: string }>(m, 'SELECT id, nickname FROM users WHERE id = ?', [id]);
    return row ? { id: Number(row.id), nickname: String(row.nickname) } : null;
  }

  /** Whether the user is an active member of the community. */
  async inCommunity(m: EntityManager, userId: number, communityId: number): Promise<boolean> {
    const rows = await selectRows(m, 'SELECT id FROM memberships WHERE user_id = ? AND community_id = ? AND status = ? LIMIT 1', [userId, communityId, MembershipStatus.Active]);
    return rows.length > 0;
  }

  /** The org unit's id when it is a station (派出所), else null. */
  async stationOf(orgUnitId: number | null): Promise<number | null> {
    if (!orgUnitId) return null;
    const [row] = await selectRows<{ id: number | string; level: string }>(this.db.manager, 'SELECT id, level FROM org_units WHERE id = ?', [orgUnitId]);
    return row && row.level === OrgLevel.Station ? Number(row.id) : null;
  }
}
