import { Role } from '@jws/contracts';
import { EntityManager } from 'typeorm';
import { selectRows } from '../../common/db';
import { pathIds } from '../scope';

/** Leaders who must hear about something at `orgPath`: station leaders of its station, branch leaders of its branch. */
export async function leadersOf(manager: EntityManager, orgPath: string, roles: Role[]): Promise<number[]> {
  const { branchId, stationId } = pathIds(orgPath);
  const wanted: { role: Role; orgUnitId: number }[] = [];
  if (roles.includes(Role.StationLeader) && stationId) wanted.push({ role: Role.StationLeader, orgUnitId: stationId });
  if (roles.includes(Role.BranchLeader) && branchId) wanted.push({ role: Role.BranchLeader, orgUnitId: branchId });
  if (!wanted.length) return [];
  const users = await selectRows<{ id: number | string; role: Role; org_unit_id: number | string }>(
    manager,
    `SELECT id, role, org_unit_id FROM users WHERE role IN (${wanted.map(() => '?').join(', ')}) ` +
      `AND org_unit_id IN (${wanted.map(() => '?').join(', ')}) AND disabled = ?`,
    [...wanted.map((w) => w.role), ...wanted.map((w) => w.orgUnitId), false],
  );
  return users.filter((u) => wanted.some((w) => w.role === u.role && w.orgUnitId === Number(u.org_unit_id))).map((u) => Number(u.id));
}
