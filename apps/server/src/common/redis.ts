import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * The Redis that several instances share (REDIS_URL), or null when the service runs alone. Keys
 * carry REDIS_KEY_PREFIX (ioredis `keyPrefix`); channels are prefixed by `SharedRedis.channel`.
 */
export const REDIS = Symbol('REDIS');

/** Shared state across instances: a command connection and one subscriber connection for broadcasts. */
@Injectable()
export class SharedRedis implements OnApplicationShutdown {
  private readonly logger = new Logger(SharedRedis.name);
  /** Messages this instance published are not handed back to it. */
  private readonly origin = randomUUID();
  private subscriber: Redis | null = null;
  private readonly handlers = new Map<string, (payload: unknown) => void>();
  private readonly connected = new Set<() => void>();

  constructor(
    @Inject(REDIS) readonly client: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  channel(name: string): string {
    return `${this.config.redisKeyPrefix}${name}`;
  }

  /**
   * Receives what other instances broadcast on `name`. `onConnected` runs each time the
   * subscription is (re)established: whatever was broadcast while it was down is lost, so a cache
   * should forget everything then. Never waits for Redis: start-up does not depend on it, and
   * ioredis subscribes again by itself after a reconnect.
   */
  subscribe(name: string, handler: (payload: unknown) => void, onConnected?: () => void): void {
    if (!this.client) return;
    if (!this.subscriber) {
      // No retry limit here: a subscription waits for Redis instead of failing.
      const subscriber = this.client.duplicate({ maxRetriesPerRequest: null });
      this.subscriber = subscriber;
      subscriber.on('error', (err: Error) => this.logger.warn(`redis subscriber: ${err.message}`));
      subscriber.on('message', (channel: string, raw: string) => {
        const { origin, payload } = JSON.parse(raw) as { origin: string; payload: unknown };
        if (origin !== this.origin) this.handlers.get(channel)?.(payload);
      });
      subscriber.on('ready', () => {
        for (const connected of this.connected) connected();
      });
    }
    this.handlers.set(this.channel(name), handler);
    if (onConnected) this.connected.add(onConnected);
    this.subscriber.subscribe(this.channel(name)).catch((err: Error) => this.logger.warn(`redis subscribe failed: ${err.message}`));
  }

  /** Tells the other instances; a failure is logged, callers have already acted locally. */
  broadcast(name: string, payload: unknown): void {
    this.client?.publish(this.channel(name), JSON.stringify({ origin: this.origin, payload }))
      .catch((err: Error) => this.logger.warn(`redis publish failed: ${err.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.subscriber?.quit(), this.client?.quit()].filter(Boolean)).catch(() => undefined);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis | null => {
        if (!config.redisUrl) return null;
        const client = new Redis(config.redisUrl, { keyPrefix: config.redisKeyPrefix, maxRetriesPerRequest: 3 });
        client.on('error', (err: Error) => new Logger('Redis').warn(`redis: ${err.message}`));
        return client;
      },
    },
    SharedRedis,
  ],
  exports: [REDIS, SharedRedis],
})
export class RedisModule {}
