import type { FastifyRequest } from 'fastify';
import type { UserEntity } from '../identity';
import type { Scope } from '../org/scope';
import type { Permission, Role } from '@jws/contracts';

/** What the auth guard attaches to a request. */
export interface Caller {
  user: UserEntity;
  roles: Role[];
  permissions: Set<Permission>;
  scope: Scope;
  ip: string | null;
  requestId: string | null;
}

export type AuthedRequest = FastifyRequest & { caller?: Caller };
