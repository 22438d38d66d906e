import { ErrorCode, Permission } from '@jws/contracts';
import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { AuthedRequest, Caller } from '../common/request-context';
import { ApiErrors } from '../common/api-errors.decorator';

export const AUTH_METADATA = 'jws:auth';

export interface AuthOptions {
  /** Permission the caller must hold (from the shared role → permission map). */
  permission?: Permission;
  /** Route needs no sign-in at all. */
  public?: boolean;
}

/** Who may call a route. Routes without this decorator are refused: access is opt-in. */
export function Authenticated(options: Omit<AuthOptions, 'public'> = {}) {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, options),
    ApiBearerAuth(),
    ApiErrors(ErrorCode.Unauthenticated, ErrorCode.TokenExpired, ...(options.permission ? [ErrorCode.Forbidden] : [])),
  );
}

export function Public() {
  return SetMetadata(AUTH_METADATA, { public: true } satisfies AuthOptions);
}

/** The signed-in caller, as attached by the AuthGuard. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<AuthedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without @Authenticated');
  return caller;
});
