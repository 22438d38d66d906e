import { effectiveRoles, permissionsOf } from '@jws/contracts';
import type { Caller } from '../common/request-context';
import { scopeFor } from '../org/scope';
import { UserEntity } from './data/user.entity';

/** The caller a user acts as: roles, permissions and jurisdiction scope from one place. */
export function callerFor(user: UserEntity, orgPath: string | null, ip: string | null = null, requestId: string | null = null): Caller {
  const roles = effectiveRoles(user.role, user.isInformant);
  return { user, roles, permissions: permissionsOf(roles), scope: scopeFor(user, orgPath), ip, requestId };
}
