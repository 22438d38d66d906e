import { Role, STAFF_UNIT_LEVELS } from '@jws/contracts';

/**
 * Jurisdiction scope of a caller (管辖范围). Every query that returns records takes one, so
 * forgetting it is a type error rather than a data leak.
 * - subtree: leaders, inspectors (信访/督察) and admins see the org subtree under `pathPrefix`;
 * - officer: a community officer sees the communities they are responsible for;
 * - self: a resident sees only their own records;
 * - none: roles whose work is not tied to communities (mediators, departments, legal reviewers).
 */
export type Scope =
  | { kind: 'subtree'; pathPrefix: string }
  | { kind: 'officer'; officerId: number }
  | { kind: 'self'; userId: number }
  | { kind: 'none' };

/** Level of the org unit each leader role is attached to (shared with the app's invitation form). */
export const ROLE_ORG_LEVEL = STAFF_UNIT_LEVELS;

export function scopeFor(user: { id: number; role: Role }, orgPath: string | null): Scope {
  switch (user.role) {
    case Role.Resident:
    case Role.Informant:
      return { kind: 'self', userId: user.id };
    case Role.CommunityOfficer:
      return { kind: 'officer', officerId: user.id };
    case Role.StationLeader:
    case Role.BranchLeader:
    case Role.CityLeader:
    case Role.Inspector:
    case Role.Admin:
      return orgPath ? { kind: 'subtree', pathPrefix: orgPath } : { kind: 'none' };
    case Role.Mediator:
    case Role.DepartmentStaff:
    case Role.LegalReviewer:
      return { kind: 'none' };
  }
}

/** A scope as a string: two callers with the same key are shown the same records (a cache key). */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'subtree':
      return `subtree:${scope.pathPrefix}`;
    case 'officer':
      return `officer:${scope.officerId}`;
    case 'self':
      return `self:${scope.userId}`;
    case 'none':
      return 'none';
  }
}

/** Whether a community (with its materialised path and officer) lies inside a scope. */
export function communityInScope(scope: Scope, community: { path: string; officerId: number | null }): boolean {
  switch (scope.kind) {
    case 'subtree':
      return community.path.startsWith(scope.pathPrefix);
    case 'officer':
      return community.officerId === scope.officerId;
    case 'self':
    case 'none':
      return false;
  }
}

/** Ids along a materialised path: /city/branch/station/community/ → { branchId, stationId }. */
export function pathIds(orgPath: string): { branchId: number | null; stationId: number | null } {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  return { branchId: ids[1] ?? null, stationId: ids[2] ?? null };
}
