import {
  ClientFrame, ErrorCode, ERROR_MESSAGES, MESSAGE_PAGE_MAX, MessageKind, ServerFrame, WS_CLOSE, WS_PATH,
} from '@jws/contracts';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthGuard } from '../identity/auth.guard';
import { callerFor } from '../identity/caller';
import { CallerCache } from '../identity/caller-cache';
import { RoomAccess } from './room-access';
import { RoomChatService } from './room-chat.service';
import { RoomHub, UserListener } from './room-hub';
import { RoomMessagesService } from './room-messages.service';
import { MessageLoader, Outbound, RoomSubscription, sharedLoader } from './room-subscription';

/** Seconds a socket has to authenticate with a first `auth` frame when it had no `?token=`. */
const AUTH_WINDOW_MS = 10_000;
/** Refused joins a socket may make (each is audited) before it is closed as probing. */
const MAX_REFUSED_JOINS = 20;
/** Largest frame a client may send (a text message is at most 500 characters). */
const MAX_FRAME_BYTES = 16 * 1024;
const TEXT_FRAME = { binary: false } as const;

interface Connection {
  ws: WebSocket;
  caller: Caller | null;
  /** Frames addressed to the signed-in person (a new caucus), once authenticated. */
  person: UserListener | null;
  /** When the access token the socket authenticated with expires (ms); the socket goes with it. */
  expiresAt: number;
  /** The token's version: once the user's is higher (logout, revocation, role change), the socket goes. */
  tokenVersion: number;
  alive: boolean;
  refusedJoins: number;
  rooms: Map<number, RoomSubscription>;
}

const errorFrame = (code: ErrorCode, extra: { roomId?: number; clientMsgId?: string } = {}, message = ERROR_MESSAGES[code]): ServerFrame =>
  ({ type: 'error', code, message, ...extra });

/**
 * The WebSocket endpoint `/ws` on the service's own HTTP port (plain `ws`, protocol in
 * docs/realtime.md): token auth, rooms multiplexed on one socket, resume by last sequence,
 * heartbeats, error frames for refused sends.
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RealtimeGateway.name);
  // No permessage-deflate: chat frames are small, and compressing each for each socket costs more CPU than it saves.
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  /** Gap fills and resumes of the same room at the same point share one read. */
  private readonly loadAfter: MessageLoader = sharedLoader((roomId, after) => this.messages.after(roomId, after, MESSAGE_PAGE_MAX));
  private readonly connections = new Set<Connection>();
  private heartbeat: NodeJS.Timeout | null = null;
  private server: Server | null = null;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
  };

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly guard: AuthGuard,
    private readonly callers: CallerCache,
    private readonly access: RoomAccess,
    private readonly chat: RoomChatService,
    private readonly messages: RoomMessagesService,
    private readonly hub: RoomHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.server.on('upgrade', this.onUpgrade);
    this.heartbeat = setInterval(() => this.beat(), this.config.wsHeartbeatMs);
    this.heartbeat.unref();
    this.callers.onInvalidate((userId) => {
      this.recheck(userId).catch((err: unknown) => this.logger.warn(`socket re-check failed: ${err instanceof Error ? err.message : String(err)}`));
    });
  }

  /**
   * A user's access changed (here or on another instance): their open sockets are checked again
   * at once. A revoked token version or a disabled account closes them as an expired token would;
   * otherwise they carry on with the user's new roles.
   */
  private async recheck(userId: number): Promise<void> {
    const open = [...this.connections].filter((c) => c.caller?.user.id === userId);
    if (!open.length) return;
    const known = await this.guard.known(userId);
    for (const c of open) {
      const code = !known || known.user.disabled ? ErrorCode.TokenInvalid : known.user.tokenVersion > c.tokenVersion ? ErrorCode.TokenExpired : null;
      if (code) {
        if (c.ws.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify(errorFrame(code)));
        c.ws.close(WS_CLOSE.Unauthenticated, 'token revoked');
      } else if (known) {
        c.caller = callerFor(known.user, known.orgPath);
      }
    }
  }

  /** Before the HTTP server closes, which would otherwise wait for every open socket. */
  beforeApplicationShutdown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.server?.off('upgrade', this.onUpgrade);
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
  }

  /** Number of open sockets on this instance (bench, health). */
  get size(): number {
    return this.connections.size;
  }

  private beat(): void {
    const now = Date.now();
    for (const c of this.connections) {
      if (c.caller && c.expiresAt <= now) {
        // The client refreshes its token over HTTP and reconnects, resuming where it was.
        c.ws.send(JSON.stringify(errorFrame(ErrorCode.TokenExpired)));
        c.ws.close(WS_CLOSE.Unauthenticated, 'token expired');
        continue;
      }
      if (!c.alive) {
        c.ws.close(WS_CLOSE.Dead, 'heartbeat missed');
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    const conn: Connection = { ws, caller: null, person: null, expiresAt: Infinity, tokenVersion: 0, alive: true, refusedJoins: 0, rooms: new Map() };
    this.connections.add(conn);
    const send = (frame: Outbound) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      // A live message comes serialised once for all its sockets (room-subscription.ts), as bytes of a text frame.
      if (Buffer.isBuffer(frame)) ws.send(frame, TEXT_FRAME);
      else ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    };
    const authTimer = setTimeout(() => {
      if (!conn.caller) ws.close(WS_CLOSE.Unauthenticated, 'unauthenticated');
    }, AUTH_WINDOW_MS);
    authTimer.unref();
    ws.on('pong', () => (conn.alive = true));
    ws.on('close', () => {
      clearTimeout(authTimer);
      for (const sub of conn.rooms.values()) this.drop(sub);
      conn.rooms.clear();
      if (conn.caller && conn.person) this.hub.unlistenUser(conn.caller.user.id, conn.person);
      this.connections.delete(conn);
    });
    ws.on('error', () => ws.terminate());

    // Frames are handled one after another, so a join's resume is sent before a later send's ack.
    let chain: Promise<void> = Promise.resolve();
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
    if (token) chain = chain.then(() => this.authenticate(conn, token, send));
    ws.on('message', (data, isBinary) => {
      conn.alive = true;
      chain = chain.then(() => this.handle(conn, data.toString(), isBinary, send)).catch((err: unknown) => {
        this.logger.error(`frame failed: ${err instanceof Error ? err.message : String(err)}`);
        send(errorFrame(ErrorCode.Internal));
      });
    });
  }

  private async authenticate(conn: Connection, token: string, send: (f: Outbound) => void): Promise<void> {
    try {
      const { known, claims } = await this.guard.authenticate(token);
      conn.caller = callerFor(known.user, known.orgPath);
      conn.expiresAt = claims.exp * 1000;
      conn.tokenVersion = claims.ver;
      conn.person = { push: (frame) => send(frame) };
      if (conn.ws.readyState === WebSocket.OPEN) this.hub.listenUser(known.user.id, conn.person);
      send({ type: 'ready', userId: known.user.id, heartbeatMs: this.config.wsHeartbeatMs });
    } catch (err) {
      const code = err instanceof DomainException ? err.code : ErrorCode.TokenInvalid;
      send(errorFrame(code));
      conn.ws.close(WS_CLOSE.Unauthenticated, 'unauthenticated');
    }
  }

  private async handle(conn: Connection, raw: string, isBinary: boolean, send: (f: Outbound) => void): Promise<void> {
    let frame: ClientFrame;
    try {
      if (isBinary) throw new Error('binary');
      frame = JSON.parse(raw) as ClientFrame;
      if (typeof frame !== 'object' || frame === null || typeof frame.type !== 'string') throw new Error('shape');
    } catch {
      send(errorFrame(ErrorCode.ValidationFailed, {}, '无法识别的消息格式'));
      return;
    }
    if (frame.type === 'ping') return send({ type: 'pong' });
    if (frame.type === 'auth') {
      if (!conn.caller && typeof frame.token === 'string') await this.authenticate(conn, frame.token, send);
      return;
    }
    const caller = conn.caller;
    if (!caller) {
      send(errorFrame(ErrorCode.Unauthenticated));
      conn.ws.close(WS_CLOSE.Unauthenticated, 'unauthenticated');
      return;
    }
    const roomId = Number((frame as { roomId?: unknown }).roomId);
    if (!Number.isSafeInteger(roomId) || roomId < 1) return send(errorFrame(ErrorCode.ValidationFailed, {}, '缺少调解室编号'));
    try {
      switch (frame.type) {
        case 'join':
          return await this.join(conn, caller, roomId, Math.max(0, Math.floor(Number(frame.lastSeq) || 0)), send);
        case 'leave': {
          const sub = conn.rooms.get(roomId);
          if (sub) this.drop(sub);
          conn.rooms.delete(roomId);
          return send({ type: 'left', roomId });
        }
        case 'send': {
          const sub = conn.rooms.get(roomId);
          if (!sub) return send(errorFrame(ErrorCode.NotInRoom, { roomId, clientMsgId: frame.clientMsgId }));
          const kind = frame.kind === MessageKind.Image ? MessageKind.Image : MessageKind.Text;
          const message = await this.chat.send(caller, roomId, { clientMsgId: String(frame.clientMsgId ?? ''), kind, text: typeof frame.text === 'string' ? frame.text : undefined, uploadId: typeof frame.uploadId === 'string' ? frame.uploadId : undefined }, sub.ctx);
          send({ type: 'ack', roomId, clientMsgId: String(frame.clientMsgId), seq: message.seq });
          return;
        }
        case 'recall': {
          const sub = conn.rooms.get(roomId);
          if (!sub) return send(errorFrame(ErrorCode.NotInRoom, { roomId }));
          await this.chat.recall(caller, roomId, Number(frame.seq), sub.ctx);
          return;
        }
        default:
          return send(errorFrame(ErrorCode.ValidationFailed, { roomId }, '无法识别的消息类型'));
      }
    } catch (err) {
      if (!(err instanceof DomainException)) throw err;
      if (frame.type === 'join' && err.code === ErrorCode.NotFound && ++conn.refusedJoins > MAX_REFUSED_JOINS) {
        conn.ws.close(WS_CLOSE.Protocol, 'too many refused joins');
        return;
      }
      const clientMsgId = frame.type === 'send' ? String(frame.clientMsgId ?? '') : undefined;
      send(errorFrame(err.code, { roomId, ...(clientMsgId ? { clientMsgId } : {}) }, err.message));
    }
  }

  private drop(sub: RoomSubscription): void {
    this.hub.unlisten(sub.roomId, sub);
    sub.close();
  }

  private async join(conn: Connection, caller: Caller, roomId: number, lastSeq: number, send: (f: Outbound) => void): Promise<void> {
    const ctx = await this.access.require(caller, roomId);
    if (!ctx.member) await this.access.recordTranscriptRead(caller, roomId, `socket join after ${lastSeq}`);
    const previous = conn.rooms.get(roomId);
    if (previous) this.drop(previous);
    const sub = new RoomSubscription(ctx, lastSeq, send, this.loadAfter);
    conn.rooms.set(roomId, sub);
    // Listen first, then read: a message stored meanwhile is either read or queued, never lost.
    this.hub.listen(roomId, sub);
    send({ type: 'joined', roomId, lastSeq: ctx.room.lastSeq, status: ctx.room.status });
    await sub.start();
  }
}
