import { ErrorCode } from '@jws/contracts';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditAction, AuditService } from '../audit';
import { DomainException } from '../common/domain.exception';
import type { AuthedRequest } from '../common/request-context';
import { AUTH_METADATA, AuthOptions } from './authenticated.decorator';
import { CallerCache, KnownCaller } from './caller-cache';
import { AccessClaims, TokenService } from './token.service';
import { UsersRepository } from './data/users.repository';

/** Global guard: every route is closed unless marked @Public() or @Authenticated(...). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly users: UsersRepository,
    private readonly cache: CallerCache,
  ) {}

  /** The user a token names (cached for a few seconds), or null when unknown. */
  async known(userId: number): Promise<KnownCaller | null> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    const stamp = this.cache.stamp();
    const user = await this.users.find(userId);
    if (!user) return null;
    const orgUnit = await this.users.unit(user.orgUnitId);
    return this.cache.set(user, orgUnit?.path ?? null, stamp);
  }

  /**
   * Who an access token is, for a request or a socket: a valid signature with `exp`, a user who
   * is not disabled, and a token version no older than the user's. Logout, a revoked refresh
   * family or a role change raise the version (TokenService.revokeAccess): the older tokens are
   * answered TOKEN_EXPIRED, so a client refreshes, and signs in again if its refresh token went too.
   */
  async authenticate(token: string): Promise<{ known: KnownCaller; claims: AccessClaims }> {
    const claims = await this.tokens.verifyAccess(token);
    const known = await this.known(claims.sub);
    if (!known || known.user.disabled) throw new DomainException(ErrorCode.TokenInvalid);
    if (claims.ver < known.user.tokenVersion) throw new DomainException(ErrorCode.TokenExpired);
    return { known, claims };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const options = this.reflector.getAllAndOverride<AuthOptions | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Routes outside our controllers (static files, health of the framework) carry no metadata.
    if (!options) return context.getClass().name.endsWith('Controller') ? false : true;
    if (options.public) return true;

    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw new DomainException(ErrorCode.Unauthenticated);
    const { known } = await this.authenticate(header.slice(7).trim());
    req.caller = { ...known.base, ip: req.ip ?? null, requestId: req.id ? String(req.id) : null };
    if (options.permission && !req.caller.permissions.has(options.permission)) {
      await this.audit.recordFor(req.caller, {
        action: AuditAction.AccessDenied,
        targetType: 'route',
        targetId: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`.slice(0, 64),
        outcome: 'denied',
        detail: `missing permission ${options.permission}`,
      });
      throw new DomainException(ErrorCode.Forbidden);
    }
    return true;
  }
}
