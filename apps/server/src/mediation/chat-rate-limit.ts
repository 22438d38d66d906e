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
 * The same bucket in Redis, shared by every instance (REDIS_URL), on Redis's clock. The takes that
 * arrive in one turn of the event loop go together: one atomic script (EVALSHA) over their
 * buckets, one round trip for all of them instead of one per message. Each key is its own bucket,
 * taken in arrival order (a person twice in a turn is counted twice). A key lives as long as its
 * bucket takes to fill up again.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = math.ceil(capacity / perMs)
local taken = {}
for i, key in ipairs(KEYS) do
  local bucket = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(bucket[1]) or capacity
  local at = tonumber(bucket[2]) or now
  tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
  taken[i] = 0
  if tokens >= 1 then
    tokens = tokens - 1
    taken[i] = 1
  end
  redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', key, ttl)
end
return taken
`;

/** The most buckets one script call takes. */
const MAX_TAKES = 500;

type TakeRedis = Redis & { chatTake(...args: (string | number)[]): Promise<number[]> };

export class SharedMessageRateLimiter implements ChatRateLimiter {
  private readonly redis: TakeRedis;
  private pending: { userId: number; done: (taken: boolean) => void; fail: (err: unknown) => void }[] = [];

  constructor(redis: Redis) {
    if (!('chatTake' in redis)) redis.defineCommand('chatTake', { lua: TAKE_SCRIPT });
    this.redis = redis as TakeRedis;
  }

  take(userId: number): Promise<boolean> {
    return new Promise((done, fail) => {
      if (!this.pending.length) setImmediate(() => this.flush());
      this.pending.push({ userId, done, fail });
    });
  }

  private flush(): void {
    const all = this.pending;
    this.pending = [];
    for (let i = 0; i < all.length; i += MAX_TAKES) {
      const batch = all.slice(i, i + MAX_TAKES);
      const scale = RateLimitScale.value;
      this.redis
        .chatTake(batch.length, ...batch.map((p) => `chat:bucket:${p.userId}`), MESSAGE_BURST * scale, (MESSAGE_RATE_PER_MINUTE * scale) / 60_000)
        .then((taken) => batch.forEach((p, k) => p.done(taken[k] === 1)), (err: unknown) => batch.forEach((p) => p.fail(err)));
    }
  }
}
