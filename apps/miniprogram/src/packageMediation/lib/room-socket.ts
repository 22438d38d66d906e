import {
  ErrorCode, MessageKind, WS_PATH, type CaucusView, type ClientFrame, type MessageView, type ServerFrame,
} from '@jws/contracts'

import { api } from '../../api'
import { readAuth } from '../../api/tokens'
import { platform } from '../../platform'
import type { SocketConnection } from '../../platform/types'

export type ConnectionState = 'connecting' | 'open' | 'reconnecting'

export interface RoomListener {
  /** New messages of the room, in sequence order, each delivered once. */
  onMessages(messages: MessageView[]): void
  onError(frame: Extract<ServerFrame, { type: 'error' }>): void
}

interface Pending {
  roomId: number
  frame: Extract<ClientFrame, { type: 'send' }>
}

const PING_MS = 20_000
const MAX_BACKOFF_MS = 15_000

let counter = 0
/** A client message id: unique per message, so a resend after a reconnect is stored once. */
export function newClientMsgId(): string {
  counter += 1
  return `m-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/**
 * The one socket of the app (WeChat allows five): rooms multiplexed on it, the token sent in a
 * first frame, reconnect with backoff, and resume by the last sequence number seen per room, so
 * nothing is lost or shown twice. Unacknowledged sends are resent after a reconnect (the server
 * stores a clientMsgId once).
 */
class RoomSocket {
  private conn: SocketConnection | null = null
  private ready = false
  private state: ConnectionState = 'connecting'
  private readonly rooms = new Map<number, { lastSeq: number; listeners: Set<RoomListener> }>()
  private readonly pending = new Map<string, Pending>()
  /** Every clientMsgId sent from this app: its echo is the person's own message, in any channel. */
  private readonly sent = new Set<string>()
  private readonly stateListeners = new Set<(s: ConnectionState) => void>()
  private readonly caucusListeners = new Set<(mainRoomId: number, caucus: CaucusView) => void>()
  private retry = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private ping: ReturnType<typeof setInterval> | null = null

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener)
    listener(this.state)
    return () => this.stateListeners.delete(listener)
  }

  private setState(state: ConnectionState) {
    this.state = state
    for (const l of this.stateListeners) l(state)
  }

  /** A 背靠背 channel was opened for the signed-in person (in main room `mainRoomId`). */
  onCaucus(listener: (mainRoomId: number, caucus: CaucusView) => void): () => void {
    this.caucusListeners.add(listener)
    return () => this.caucusListeners.delete(listener)
  }

  /** Follow a room from `lastSeq` (the highest sequence number already shown). */
  join(roomId: number, lastSeq: number, listener: RoomListener): () => void {
    let room = this.rooms.get(roomId)
    if (!room) this.rooms.set(roomId, (room = { lastSeq, listeners: new Set() }))
    room.lastSeq = Math.max(room.lastSeq, lastSeq)
    room.listeners.add(listener)
    if (this.ready) this.raw({ type: 'join', roomId, lastSeq: room.lastSeq })
    else this.connect()
    return () => {
      room?.listeners.delete(listener)
      if (room && room.listeners.size === 0) {
        this.rooms.delete(roomId)
        if (this.ready) this.raw({ type: 'leave', roomId })
      }
      if (this.rooms.size === 0) this.shutdown()
    }
  }

  send(roomId: number, kind: MessageKind.Text | MessageKind.Image, content: { text?: string; uploadId?: string }): string {
    const clientMsgId = newClientMsgId()
    const frame: Pending['frame'] = { type: 'send', roomId, clientMsgId, kind, ...content }
    this.pending.set(clientMsgId, { roomId, frame })
    this.sent.add(clientMsgId)
    if (this.ready) this.raw(frame)
    return clientMsgId
  }

  /** True for a message this app sent (its echo, also one arriving after the person changed channel). */
  sentHere(clientMsgId: string | null): boolean {
    return clientMsgId !== null && this.sent.has(clientMsgId)
  }

  recall(roomId: number, seq: number): void {
    if (this.ready) this.raw({ type: 'recall', roomId, seq })
  }

  /** After the app comes back to the foreground or the network returns: reconnect at once. */
  wake(): void {
    if (this.rooms.size && !this.conn) {
      this.retry = 0
      this.connect()
    }
  }

  private raw(frame: ClientFrame) {
    this.conn?.send(JSON.stringify(frame))
  }

  private connect() {
    if (this.conn || this.timer) return
    const token = readAuth()?.accessToken
    if (!token) return
    this.setState(this.retry ? 'reconnecting' : 'connecting')
    this.conn = platform.openSocket(platform.socketUrl(WS_PATH), {
      onOpen: () => this.raw({ type: 'auth', token }),
      onMessage: (data) => this.receive(data),
      onClose: () => this.dropped(),
    })
  }

  private receive(data: string) {
    let frame: ServerFrame
    try {
      frame = JSON.parse(data) as ServerFrame
    } catch {
      return
    }
    switch (frame.type) {
      case 'ready':
        this.ready = true
        this.retry = 0
        this.setState('open')
        for (const [roomId, room] of this.rooms) this.raw({ type: 'join', roomId, lastSeq: room.lastSeq })
        for (const p of this.pending.values()) this.raw(p.frame)
        this.ping = setInterval(() => this.raw({ type: 'ping' }), PING_MS)
        return
      case 'messages':
        return this.deliver(frame.roomId, frame.messages)
      case 'message':
        return this.deliver(frame.roomId, [frame.message])
      case 'ack':
        this.pending.delete(frame.clientMsgId)
        return
      case 'caucus':
        for (const l of this.caucusListeners) l(frame.roomId, frame.caucus)
        return
      case 'error': {
        if (frame.code === ErrorCode.TokenExpired || frame.code === ErrorCode.TokenInvalid) {
          // Any API call refreshes an expired access token; the reconnect then uses the new one.
          void api.me().catch(() => undefined)
          return
        }
        // A refused send is not retried: the person is told why.
        if (frame.clientMsgId) this.pending.delete(frame.clientMsgId)
        const room = frame.roomId ? this.rooms.get(frame.roomId) : undefined
        for (const l of room?.listeners ?? []) l.onError(frame)
        return
      }
      default:
        return
    }
  }

  private deliver(roomId: number, messages: MessageView[]) {
    const room = this.rooms.get(roomId)
    if (!room) return
    const fresh = messages.filter((m) => m.seq > room.lastSeq).sort((a, b) => a.seq - b.seq)
    if (!fresh.length) return
    room.lastSeq = fresh[fresh.length - 1].seq
    for (const l of room.listeners) l.onMessages(fresh)
  }

  private dropped() {
    this.conn = null
    this.ready = false
    if (this.ping) clearInterval(this.ping)
    this.ping = null
    if (!this.rooms.size) return
    this.setState('reconnecting')
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.retry)
    this.retry += 1
    this.timer = setTimeout(() => {
      this.timer = null
      this.connect()
    }, delay)
  }

  private shutdown() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const conn = this.conn
    this.conn = null
    this.ready = false
    conn?.close()
  }
}

export const roomSocket = new RoomSocket()
