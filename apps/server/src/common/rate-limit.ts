import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { AuthedRequest } from './request-context';

/** Multiplier for every limit, from RATE_LIMIT_SCALE; set once at start-up (tests that submit a lot raise it). */
export const RateLimitScale = { value: 1 };

/**
 * Counts per signed-in person when there is one, else per address: many residents share one
 * carrier NAT address, so an address-wide limit on reporting would lock out a whole district.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const { caller, ip } = req as unknown as AuthedRequest;
    return caller ? `user:${caller.user.id}` : `ip:${String(ip)}`;
  }
}

/** `limitPerMinute` requests per minute per caller on this route. */
export function RateLimit(limitPerMinute: number) {
  return applyDecorators(
    UseGuards(CallerThrottlerGuard),
    Throttle({ default: { limit: () => limitPerMinute * RateLimitScale.value, ttl: 60_000 } }),
  );
}
