import { Anonymity, CaseKind, ContactPreference, RoomDetail, ServerFrame } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { factories } from './factories';
import { TestApp } from './test-app';

/** Test data for mediation: a dispute reported by resident1 and a room opened on it by officer1. */
export function mediationFixtures(t: () => TestApp, tokens: Record<string, string>) {
  const { as, userId } = factories(t, tokens);

  const reportDispute = async (title = '楼上装修噪音扰民', anonymity = Anonymity.None) => {
    const res = await t().http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send({
      kind: CaseKind.Dispute, subcategory: 'neighbour', title, description: '楼上每天晚上十点后还在装修，多次沟通无果',
      otherParty: '楼上602住户', contactPreference: ContactPreference.InApp, anonymity,
    });
    if (res.status !== 201) throw new Error(`report failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  };

  /** A room with resident1 (applicant), informant1 (respondent), mediator1 and officer1. */
  const openRoom = async (title?: string, body: Record<string, unknown> = {}, anonymity = Anonymity.None): Promise<RoomDetail> => {
    const caseId = await reportDispute(title, anonymity);
    const res = await t().http.post('/api/mediation/rooms').set(as('officer1')).send({
      caseId, respondentUserId: await userId('informant1'), mediatorUserId: await userId('mediator1'), ...body,
    });
    if (res.status !== 201) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as RoomDetail;
  };

  const memberOf = (room: RoomDetail, role: string) => {
    const member = room.members.find((mm) => mm.role === role);
    if (!member) throw new Error(`no ${role} in room`);
    return member;
  };

  return { as, userId, reportDispute, openRoom, memberOf };
}

/** A real ws client that records every frame it gets and waits for the one a test expects. */
export class WsClient {
  readonly frames: ServerFrame[] = [];
  closeCode: number | null = null;
  private waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
    ws.on('close', (code) => (this.closeCode = code));
  }

  static async connect(baseUrl: string, token?: string): Promise<WsClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`);
    const client = new WsClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if (token) await client.next((f) => f.type === 'ready' || f.type === 'error');
    return client;
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The first frame (already received or coming) that matches; fails after `ms`. */
  next(match: (f: ServerFrame) => boolean, ms = 5000): Promise<ServerFrame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(this.frames.slice(-5))}`)), ms);
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  /** Waits until a message with `text` arrived, live or in a resume batch. */
  receivedText(roomId: number, text: string, ms = 5000): Promise<ServerFrame> {
    return this.next(
      (f) => (f.type === 'message' && f.roomId === roomId && f.message.text === text) || (f.type === 'messages' && f.roomId === roomId && f.messages.some((m) => m.text === text)),
      ms,
    );
  }

  /** Sequence numbers of every message of a room received so far, in arrival order. */
  seqs(roomId: number): number[] {
    return this.frames.flatMap((f) =>
      f.type === 'message' && f.roomId === roomId ? [f.message.seq] : f.type === 'messages' && f.roomId === roomId ? f.messages.map((m) => m.seq) : [],
    );
  }

  texts(roomId: number): (string | null)[] {
    return this.frames.flatMap((f) =>
      f.type === 'message' && f.roomId === roomId ? [f.message.text] : f.type === 'messages' && f.roomId === roomId ? f.messages.map((m) => m.text) : [],
    );
  }

  async join(roomId: number, lastSeq?: number): Promise<void> {
    this.send({ type: 'join', roomId, ...(lastSeq !== undefined ? { lastSeq } : {}) });
    await this.next((f) => (f.type === 'joined' && f.roomId === roomId) || (f.type === 'error' && f.roomId === roomId));
  }

  closed(): Promise<number> {
    if (this.closeCode !== null) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
  }

  close(): void {
    this.ws.terminate();
  }
}
