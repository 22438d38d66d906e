import { MESSAGE_BURST, MESSAGE_RATE_PER_MINUTE } from '@jws/contracts';
import type Redis from 'ioredis';
import { RateLimitScale } from '../common/rate-limit';

/** Per-user token bucket: a burst of MESSAGE_BURST, then MESSAGE_RATE_PER_MINUTE. */
export interface ChatRateLimiter {
  take(userId: number): boolean | Promise<boolean>;
}

/** The bucket on this instance, when the service runs alone. */
export class MessageRateLimiter implements ChatRateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  take(userId: number, now = Date.now()): boolean {
    const scale = RateLimitScale.value;
    const capacity = MESSAGE_BURST * scale;
    const perMs = (MESSAGE_RATE_PER_MINUTE * scale) / 60_000;
    const bucket = this.buckets.get(userId) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (this.buckets.size > 50_000) this.buckets.clear();
    this.buckets.set(userId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * The same bucket in Redis, shared by every instance (REDIS_URL): one atomic script per message,
 * on Redis's clock. The key lives as long as the bucket takes to fill up again.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or capacity
local at = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs))
return taken
`;

export class SharedMessageRateLimiter implements ChatRateLimiter {
  constructor(private readonly redis: Redis) {}

  async take(userId: number): Promise<boolean> {
    const scale = RateLimitScale.value;
    const taken = await this.redis.eval(TAKE_SCRIPT, 1, `chat:bucket:${userId}`, MESSAGE_BURST * scale, (MESSAGE_RATE_PER_MINUTE * scale) / 60_000);
    return taken === 1;
  }
}
