import { OrgLevel, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, selectRows } from '../../common/db';

/** A user as referrals name them (no personal data: the work phone is public). */
export interface ReferralPerson {
  id: number;
  nickname: string;
  workPhone: string | null;
  role: Role;
  orgUnitId: number | null;
  disabled: boolean;
}

/** An org unit as referrals name it. */
export interface ReferralUnit {
  id: number;
  name: string;
  level: OrgLevel;
}

const PERSON = 'SELECT id, nickname, work_phone, role, org_unit_id, disabled FROM users';
const ids = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function personOf(r: Record<string, unknown>): ReferralPerson {
  return {
    id: Number(r.id), nickname: String(r.nickname), workPhone: r.work_phone == null ? null : String(r.work_phone), role: r.role as Role,
    orgUnitId: r.org_unit_id == null ? null : Number(r.org_unit_id), disabled: Boolean(Number(r.disabled)),
  };
}

/**
 * The people and units referrals name: reads of identity's `users` and org's `org_units` by their
 * columns (no personal data), as the case page reads them (cases/data/case-reports.repository.ts).
 */
@Injectable()
export class ReferralPeopleRepository {
  constructor(private readonly db: Database) {}

  async person(id: number): Promise<ReferralPerson | null> {
    const [row] = await selectRows(this.db.manager, `${PERSON} WHERE id = ?`, [id]);
    return row ? personOf(row) : null;
  }

  /** The users of `userIds`, by id. */
  async people(userIds: readonly number[]): Promise<Map<number, ReferralPerson>> {
    const wanted = [...new Set(userIds)];
    if (!wanted.length) return new Map();
    const rows = await selectRows(this.db.manager, `${PERSON} WHERE id IN (${ids(wanted)})`, wanted);
    return new Map(rows.map((r) => [Number(r.id), personOf(r)]));
  }

  /** The enabled city leaders. */
  async cityLeaderIds(m: EntityManager): Promise<number[]> {
    const rows = await selectRows(m, 'SELECT id FROM users WHERE role = ? AND disabled = ? ORDER BY id', [Role.CityLeader, false]);
    return rows.map((r) => Number(r.id));
  }

  /** Enabled department staff (警种部门), by name. */
  async departmentStaff(): Promise<ReferralPerson[]> {
    const rows = await selectRows(this.db.manager, `${PERSON} WHERE role = ? AND disabled = ? ORDER BY nickname, id`, [Role.DepartmentStaff, false]);
    return rows.map(personOf);
  }

  /** How many of `userIds` are enabled department staff. */
  async countDepartmentStaff(m: EntityManager, userIds: readonly number[]): Promise<number> {
    if (!userIds.length) return 0;
    const [row] = await selectRows(m, `SELECT COUNT(*) AS n FROM users WHERE id IN (${ids(userIds)}) AND role = ? AND disabled = ?`, [
      ...userIds, Role.DepartmentStaff, false,
    ]);
    return Number(row?.n ?? 0);
  }

  async unit(id: number, m: EntityManager = this.db.manager): Promise<ReferralUnit | null> {
    const [row] = await selectRows(m, 'SELECT id, name, level FROM org_units WHERE id = ?', [id]);
    return row ? { id: Number(row.id), name: String(row.name), level: row.level as OrgLevel } : null;
  }

  /** Names of the org units among `unitIds` (nulls skipped), by id. */
  async unitNames(unitIds: readonly (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(unitIds.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const rows = await selectRows(this.db.manager, `SELECT id, name FROM org_units WHERE id IN (${ids(wanted)})`, wanted);
    return new Map(rows.map((r) => [Number(r.id), String(r.name)]));
  }

  /** The city and branch units (a target's 所属单位), in tree order. */
  async cityAndBranches(): Promise<{ id: number; name: string }[]> {
    const rows = await selectRows(this.db.manager, 'SELECT id, name FROM org_units WHERE level IN (?, ?) ORDER BY path', [OrgLevel.City, OrgLevel.Branch]);
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
  }
}
