/**
 * The identity feature's face: what other features may import from identity (docs/architecture.md).
 * Its data (entities, repositories: identity/data/) stays inside.
 */
export { IdentityModule } from './identity.module';
export { IdentityService } from './identity.service';
export type { ClientInfo, InvitationGrant } from './identity.service';
export { Accounts } from './accounts';
export { TokenService, sha256 } from './token.service';
export { AuthGuard } from './auth.guard';
export { CallerCache } from './caller-cache';
export type { KnownCaller } from './caller-cache';
export { callerFor } from './caller';
export { Authenticated, CurrentCaller, Public } from './authenticated.decorator';
export type { UserEntity } from './data/user.entity';
