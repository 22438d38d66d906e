import type { CaucusView, MessageKind, MessageView, RoomStatus } from '../mediation';

/* The realtime protocol at /ws (docs/realtime.md): frames both ways and close codes. */

/** Frames a client sends. */
export type ClientFrame =
  | { type: 'auth'; token: string }
  | { type: 'join'; roomId: number; lastSeq?: number }
  | { type: 'leave'; roomId: number }
  | { type: 'send'; roomId: number; clientMsgId: string; kind: MessageKind.Text | MessageKind.Image; text?: string; uploadId?: string }
  | { type: 'recall'; roomId: number; seq: number }
  | { type: 'ping' };

/** Frames the server sends. */
export type ServerFrame =
  | { type: 'ready'; userId: number; heartbeatMs: number }
  | { type: 'joined'; roomId: number; lastSeq: number; status: RoomStatus }
  | { type: 'messages'; roomId: number; messages: MessageView[] }
  | { type: 'message'; roomId: number; message: MessageView }
  | { type: 'ack'; roomId: number; clientMsgId: string; seq: number }
  | { type: 'left'; roomId: number }
  /** To the two members of a new caucus only, on every socket of theirs: `roomId` is the main room. */
  | { type: 'caucus'; roomId: number; caucus: CaucusView }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string; roomId?: number; clientMsgId?: string };

/** Close codes of the socket. */
export const WS_CLOSE = {
  /** No valid token (or none within the auth window). */
  Unauthenticated: 4001,
  /** Heartbeat missed. */
  Dead: 4002,
  /** Frame not understood or too large. */
  Protocol: 4003,
} as const;

export const WS_PATH = '/ws';
