/* 警民联调室 (offline mediation rooms): their slots, bookings and the transfer of a room to one. */

export interface OfflineSlotView {
  id: number;
  offlineRoomId: number;
  offlineRoomName: string;
  address: string;
  startsAt: string;
  endsAt: string;
}

export interface TransferOfflineRequest { slotId: number; note?: string }
export interface OfflineOutcomeRequest { settled: boolean; note: string }
export interface CreateSlotRequest { startsAt: string; endsAt: string }

/** A slot of a 警民联调室 as its station's staff see it: booked or still free. */
export interface OfflineRoomSlot {
  id: number;
  startsAt: string;
  endsAt: string;
  booked: boolean;
}

/** 警民联调室 as its station's staff manage it (GET /api/mediation/offline-rooms). */
export interface OfflineRoomView {
  id: number;
  name: string;
  address: string;
  /** Set once retired: its free slots are no longer offered; bookings already made stay. */
  retiredAt: string | null;
  /** Slots that have not ended yet, earliest first (at most 100). */
  slots: OfflineRoomSlot[];
}

export interface CreateOfflineRoomRequest { name: string; address: string }
export const OFFLINE_ROOM_NAME_MAX = 64;
export const OFFLINE_ROOM_ADDRESS_MAX = 200;
