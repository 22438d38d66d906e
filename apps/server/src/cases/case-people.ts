import { Role } from '@jws/contracts';
import type { EntityManager } from 'typeorm';
import { leaderIds } from './data/leaders';

/** Ids along a materialised path: /city/branch/station/community/ → { branchId, stationId }. */
export function pathIds(orgPath: string): { branchId: number | null; stationId: number | null } {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  return { branchId: ids[1] ?? null, stationId: ids[2] ?? null };
}

/** Leaders who must hear about a case: station leaders of its station, branch leaders of its branch. */
export function leadersOf(manager: EntityManager, orgPath: string, roles: Role[]): Promise<number[]> {
  const { branchId, stationId } = pathIds(orgPath);
  const wanted: { role: Role; orgUnitId: number }[] = [];
  if (roles.includes(Role.StationLeader) && stationId) wanted.push({ role: Role.StationLeader, orgUnitId: stationId });
  if (roles.includes(Role.BranchLeader) && branchId) wanted.push({ role: Role.BranchLeader, orgUnitId: branchId });
  return leaderIds(manager, wanted);
}
