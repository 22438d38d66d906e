import type { MessageView, ServerFrame } from '@jws/contracts';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const REDIS_CHANNEL = 'jws:mediation:messages';

/** Something that wants the messages of a room as they are stored (a socket's room subscription). */
export interface RoomListener {
  offer(message: MessageView): void;
}

/** A socket's signed-in person, for frames addressed to people rather than rooms (a new caucus). */
export interface UserListener {
  push(frame: ServerFrame): void;
}

/** What goes over the Redis channel: stored messages of rooms, or a frame for some people. */
type Published = { messages?: MessageView[]; users?: { userIds: number[]; frame: ServerFrame } };

/**
 * Fan-out of stored room messages to the sockets of this instance and, with REDIS_URL, to every
 * other instance through one pub/sub channel. Messages are published only after their
 * transaction committed, so a listener that sees a gap can read the missing ones from the database.
 */
@Injectable()
export class RoomHub implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RoomHub.name);
  private readonly rooms = new Map<number, Set<RoomListener>>();
  private readonly users = new Map<number, Set<UserListener>>();
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
      // `<origin>|<json>`: what this instance published itself comes back too, and is not parsed.
      if (raw.startsWith(this.instanceId)) return;
      const { messages, users } = JSON.parse(raw.slice(raw.indexOf('|') + 1)) as Published;
      if (messages) this.deliver(messages);
      if (users) this.deliverToUsers(users.userIds, users.frame);
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
    addListener(this.rooms, roomId, listener);
  }

  unlisten(roomId: number, listener: RoomListener): void {
    removeListener(this.rooms, roomId, listener);
  }

  listenUser(userId: number, listener: UserListener): void {
    addListener(this.users, userId, listener);
  }

  unlistenUser(userId: number, listener: UserListener): void {
    removeListener(this.users, userId, listener);
  }

  /** Called after commit with the messages a change stored, in sequence order. */
  publish(messages: MessageView[]): void {
    if (!messages.length) return;
    this.deliver(messages);
    // Other instances' sockets notice the gap with the next message or resume on reconnect.
    this.share({ messages });
  }

  /**
   * A frame for some people's sockets, wherever they are connected (after commit). Nothing is
   * stored: a person who is offline reads the same state over HTTP when they open the room.
   */
  publishToUsers(userIds: number[], frame: ServerFrame): void {
    if (!userIds.length) return;
    this.deliverToUsers(userIds, frame);
    this.share({ users: { userIds, frame } });
  }

  private share(published: Published): void {
    this.pub?.publish(REDIS_CHANNEL, `${this.instanceId}|${JSON.stringify(published)}`).catch((err: Error) => this.logger.warn(`redis publish failed: ${err.message}`));
  }

  private deliverToUsers(userIds: number[], frame: ServerFrame): void {
    for (const userId of userIds) for (const listener of this.users.get(userId) ?? []) listener.push(frame);
  }

  private deliver(messages: MessageView[]): void {
    for (const message of messages) {
      const set = this.rooms.get(message.roomId);
      if (set) for (const listener of set) listener.offer(message);
    }
  }
}

function addListener<L>(map: Map<number, Set<L>>, key: number, listener: L): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(listener);
}

/** Drops the listener, and the key with its last one. */
function removeListener<L>(map: Map<number, Set<L>>, key: number, listener: L): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(listener);
  if (!set.size) map.delete(key);
}
