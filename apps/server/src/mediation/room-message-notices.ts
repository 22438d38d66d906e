import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService, RoomMessageNotice } from '../notifications/notifications.service';
import { MembersRepository } from './data/members.repository';

/** The most rooms told in one read and one write (their members' rows, their notices). */
const ROOMS_PER_ROUND = 200;

interface RoomRef {
  id: number;
  caseId: number;
  title: string;
}

/**
 * 调解室有新消息 for the members who are away. A busy room would otherwise cost three statements
 * a line for a notice nobody needs twice (a member keeps one unread notice a room), so the
 * lines of a room are gathered for ROOM_NOTICE_WINDOW_MS and told once: every member but those
 * who wrote meanwhile (they are in the room) gets the notice if they have none unread, and the
 * writers' own notices of the room are read. The rooms of a window are told together, up to
 * ROOMS_PER_ROUND at a time: one read of their members, one of their unread notices and one write,
 * not three round trips a room. 0 tells at once, line by line. What is gathered is
 * told before the instance stops (a rolling restart loses none); a crash can lose one window's
 * notices, never a message. A notice that fails is logged and never fails the message.
 */
@Injectable()
export class RoomMessageNotices implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RoomMessageNotices.name);
  private pending = new Map<number, { room: RoomRef; writers: Map<number, string> }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** `writerUserId` (named `writerName`) wrote a line in `room`. */
  async wrote(room: RoomRef, writerUserId: number, writerName: string): Promise<void> {
    if (this.config.roomNoticeWindowMs <= 0) return this.tell([{ room, writers: new Map([[writerUserId, writerName]]) }]);
    const entry = this.pending.get(room.id) ?? { room, writers: new Map<number, string>() };
    // The latest writer last: the notice names them.
    entry.writers.delete(writerUserId);
    entry.writers.set(writerUserId, writerName);
    this.pending.set(room.id, entry);
    this.timer ??= setTimeout(() => void this.flush(), this.config.roomNoticeWindowMs);
  }

  /** Tells every room gathered so far. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const entries = [...this.pending.values()];
    this.pending = new Map();
    for (let i = 0; i < entries.length; i += ROOMS_PER_ROUND) await this.tell(entries.slice(i, i + ROOMS_PER_ROUND));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async tell(entries: { room: RoomRef; writers: Map<number, string> }[]): Promise<void> {
    try {
      const members = await this.members.userIdsOf(entries.map((e) => e.room.id));
      await this.notifications.notifyRoomMessages(entries.map(({ room, writers }): RoomMessageNotice => ({
        room,
        senderUserIds: [...writers.keys()],
        memberUserIds: members.get(room.id) ?? [],
        body: `${[...writers.values()].at(-1) ?? ''}在“${room.title}”调解室发来新消息`,
      })));
    } catch (err) {
      const rooms = entries.map((e) => e.room.id).join(', ');
      this.logger.warn(`rooms ${rooms}: new-message notices not written: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
