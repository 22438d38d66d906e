import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Whether Redis answers a PING, on a connection of its own (so a probe never waits behind the
 * pub/sub clients' queues). Without REDIS_URL there is no Redis to check and no entry.
 */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.client = config.redisUrl
      ? new Redis(config.redisUrl, {
          lazyConnect: true,
          // A probe answers now: no queueing while disconnected, no retries of the PING itself.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectTimeout: 2000,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        })
      : null;
    // Connection errors are what check() reports; ioredis keeps reconnecting by itself.
    this.client?.on('error', () => undefined);
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async check(key: 'redis', timeoutMs: number): Promise<HealthIndicatorResult<'redis'>> {
    const session = this.indicator.check(key);
    if (!this.client) return session.up();
    try {
      if (this.client.status === 'wait') await this.client.connect();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)));
      await Promise.race([this.client.ping(), timeout]).finally(() => clearTimeout(timer));
      return session.up();
    } catch (err) {
      return session.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}
