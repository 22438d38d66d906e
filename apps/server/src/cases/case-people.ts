import { Role } from '@jws/contracts';
import { EntityManager, In } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/** Ids along a materialised path: /city/branch/station/community/ → { branchId, stationId }. */
export function pathIds(orgPath: string): { branchId: number | null; stationId: number | null } {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  return { branchId: ids[1] ?? null, stationId: ids[2] ?? null };
}

/** Leaders who must hear about a case: station leaders of its station, branch leaders of its branch. */
export async function leadersOf(manager: EntityManager, orgPath: string, roles: Role[]): Promise<number[]> {
  const { branchId, stationId } = pathIds(orgPath);
  const wanted: { role: Role; orgUnitId: number }[] = [];
  if (roles.includes(Role.StationLeader) && stationId) wanted.push({ role: Role.StationLeader, orgUnitId: stationId });
  if (roles.includes(Role.BranchLeader) && branchId) wanted.push({ role: Role.BranchLeader, orgUnitId: branchId });
  if (!wanted.length) return [];
  const users = await manager.getRepository(UserEntity).find({
    select: { id: true, role: true, orgUnitId: true },
    where: { role: In(wanted.map((w) => w.role)), orgUnitId: In(wanted.map((w) => w.orgUnitId)), disabled: false },
  });
  return users.filter((u) => wanted.some((w) => w.role === u.role && w.orgUnitId === u.orgUnitId)).map((u) => u.id);
}
