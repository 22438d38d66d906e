import type { MessageView } from '@jws/contracts';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const REDIS_CHANNEL = 'jws:mediation:messages';

/** Something that wants the messages of a room as they are stored (a socket's room subscription). */
export interface RoomListener {
  offer(message: MessageView): void;
}

/**
 * Fan-out of stored room messages to the sockets of this instance and, with REDIS_URL, to every
 * other instance through one pub/sub channel. Messages are published only after their
 * transaction committed, so a listener that sees a gap can read the missing ones from the database.
 */
@Injectable()
export class RoomHub implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RoomHub.name);
  private readonly rooms = new Map<number, Set<RoomListener>>();
  private readonly instanceId = randomUUID();
  private pub: Redis | null = null;
  private sub: Redis | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
    this.pub = new Redis(this.config.redisUrl, options);
    this.sub = new Redis(this.config.redisUrl, options);
    for (const client of [this.pub, this.sub]) client.on('error', (err: Error) => this.logger.warn(`redis: ${err.message}`));
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    this.sub.on('message', (_channel: string, raw: string) => {
      const { origin, messages } = JSON.parse(raw) as { origin: string; messages: MessageView[] };
      if (origin !== this.instanceId) this.deliver(messages);
    });
    await this.sub.subscribe(REDIS_CHANNEL);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pub?.quit(), this.sub?.quit()].filter(Boolean));
  }

  get shared(): boolean {
    return this.pub !== null;
  }

  listen(roomId: number, listener: RoomListener): void {
    let set = this.rooms.get(roomId);
    if (!set) this.rooms.set(roomId, (set = new Set()));
    set.add(listener);
  }

  unlisten(roomId: number, listener: RoomListener): void {
    const set = this.rooms.get(roomId);
    if (!set) return;
    set.delete(listener);
    if (!set.size) this.rooms.delete(roomId);
  }

  /** Called after commit with the messages a change stored, in sequence order. */
  publish(messages: MessageView[]): void {
    if (!messages.length) return;
    this.deliver(messages);
    if (this.pub) {
      this.pub.publish(REDIS_CHANNEL, JSON.stringify({ origin: this.instanceId, messages })).catch((err: Error) => {
        // Other instances' sockets notice the gap with the next message or resume on reconnect.
        this.logger.warn(`redis publish failed: ${err.message}`);
      });
    }
  }

  private deliver(messages: MessageView[]): void {
    for (const message of messages) {
      const set = this.rooms.get(message.roomId);
      if (set) for (const listener of set) listener.offer(message);
    }
  }
}
