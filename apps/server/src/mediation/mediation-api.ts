import { Injectable } from '@nestjs/common';
import { OfflineRepository } from './data/offline.repository';
import { RoomsRepository } from './data/rooms.repository';

/** A room as other features name it. */
export interface RoomName {
  id: number;
  caseId: number;
  title: string;
}

/** 警民联调室 to add, with its slots (the demo's). */
export interface OfflineRoomSeed {
  stationId: number;
  name: string;
  address: string;
  slots: { startsAt: Date; endsAt: Date }[];
}

/**
 * The mediation feature's face for other features (mediation/index.ts): rooms by id as other
 * features name them (the dead-letter list, notices), and what the demo seeds. Rooms are opened,
 * read and written through MediationService and RoomChatService, which check the caller.
 */
@Injectable()
export class MediationApi {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly offline: OfflineRepository,
  ) {}

  /** The rooms of `ids` that exist (main rooms and 背靠背 channels), by id: their title and case. */
  async names(ids: readonly number[]): Promise<Map<number, RoomName>> {
    const rooms = await this.rooms.findMany(ids);
    return new Map(rooms.map((r) => [r.id, { id: r.id, caseId: r.caseId, title: r.title }]));
  }

  /** How many rooms there are (the demo seeds its room once). */
  roomCount(): Promise<number> {
    return this.rooms.count();
  }

  /** How many 警民联调室 there are, retired ones included. */
  offlineRoomCount(): Promise<number> {
    return this.offline.countRooms();
  }

  /** Adds a 警民联调室 with bookable slots (the demo's); returns its id. */
  async addOfflineRoom(seed: OfflineRoomSeed): Promise<number> {
    const id = await this.offline.insertRoom({ stationId: seed.stationId, name: seed.name, address: seed.address });
    if (seed.slots.length) await this.offline.insertSlots(seed.slots.map((s) => ({ offlineRoomId: id, startsAt: s.startsAt, endsAt: s.endsAt, createdAt: new Date() })));
    return id;
  }
}
