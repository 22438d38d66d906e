/**
 * A local stand-in for the city's 12345 work-order platform (and its 综治 report endpoint), for
 * tests and the demo. It speaks the contract of docs/integrations/12345.md: bearer token,
 * idempotent order creation, order lookup, and signed status webhooks back to the caller. It can
 * be driven in-process through `state` or over HTTP through `/__fake/...` (no authentication:
 * it listens on 127.0.0.1 by default).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateWorkOrderBody, GOVERNANCE_REPORTS_PATH, signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER, WORK_ORDER_STATES, WORK_ORDERS_PATH,
  WorkOrder, WorkOrderEvent, WorkOrderState,
} from './protocol';

export interface FakeHotlineOptions {
  port?: number;
  host?: string;
  token: string;
  webhookSecret: string;
  /** Demo: accept each new order after this many ms, and reply after `autoReplyMs` (0 = never). */
  autoAcceptMs?: number;
  autoReplyMs?: number;
}

export interface FakeOrder {
  order: WorkOrder;
  idempotencyKey: string;
  body: CreateWorkOrderBody;
}

export interface FakeHotlineState {
  orders: Map<string, FakeOrder>;
  /** Every POST of a work order that reached the fake (also the refused ones while down). */
  createRequests: number;
  governanceReports: { idempotencyKey: string; body: unknown }[];
  /** While true every API call answers 503 (the platform is down). */
  down: boolean;
  /** Changes an order and posts the signed webhook; answers the webhook's HTTP status (0 if unreachable). */
  advance(orderNo: string, status: WorkOrderState, outcome?: string, secret?: string): Promise<number>;
}

export interface FakeHotline {
  url: string;
  state: FakeHotlineState;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startFakeHotline(options: FakeHotlineOptions): Promise<FakeHotline> {
  let sequence = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const state: FakeHotlineState = {
    orders: new Map(),
    createRequests: 0,
    governanceReports: [],
    down: false,
    async advance(orderNo, status, outcome, secret = options.webhookSecret) {
      const found = state.orders.get(orderNo);
      if (!found) throw new Error(`no order ${orderNo}`);
      const at = new Date().toISOString();
      found.order = {
        ...found.order,
        status,
        updatedAt: at,
        reply: status === 'replied' || status === 'rejected' ? { outcome: outcome ?? '已办结', department: '12345承办单位', at } : found.order.reply,
      };
      const event: WorkOrderEvent = { eventId: randomUUID(), orderNo, status, reply: found.order.reply, at };
      const raw = JSON.stringify(event);
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const res = await fetch(found.body.callbackUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signPayload(secret, timestamp, raw), [TIMESTAMP_HEADER]: timestamp },
          body: raw,
          signal: AbortSignal.timeout(5000),
        });
        return res.status;
      } catch {
        return 0;
      }
    },
  };

  const authorised = (req: IncomingMessage) => req.headers.authorization === `Bearer ${options.token}`;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const raw = await readBody(req);

    // Control API for tests and the demo.
    if (path === '/__fake/orders' && req.method === 'GET') return send(res, 200, [...state.orders.values()].map((o) => ({ ...o.order, title: o.body.title })));
    if (path === '/__fake/down' && req.method === 'POST') {
      state.down = Boolean((JSON.parse(raw.toString() || '{}') as { down?: boolean }).down);
      return send(res, 200, { down: state.down });
    }
    const control = /^\/__fake\/orders\/([^/]+)\/status$/.exec(path);
    if (control && req.method === 'POST') {
      const body = JSON.parse(raw.toString() || '{}') as { status?: WorkOrderState; outcome?: string };
      if (!body.status || !WORK_ORDER_STATES.includes(body.status) || !state.orders.has(control[1])) return send(res, 400, { error: 'bad_request' });
      return send(res, 200, { webhookStatus: await state.advance(control[1], body.status, body.outcome) });
    }

    if (path === WORK_ORDERS_PATH && req.method === 'POST') state.createRequests++;
    if (state.down) return send(res, 503, { error: 'service_unavailable', message: '系统维护中' });
    if (!authorised(req)) return send(res, 401, { error: 'unauthorized' });

    if (path === WORK_ORDERS_PATH && req.method === 'POST') {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!/^[\w:-]{8,64}$/.test(key)) return send(res, 400, { error: 'idempotency_key_required' });
      let body: CreateWorkOrderBody;
      try {
        body = JSON.parse(raw.toString()) as CreateWorkOrderBody;
      } catch {
        return send(res, 400, { error: 'invalid_json' });
      }
      if (!body.title || !body.content || !body.callbackUrl) return send(res, 400, { error: 'missing_fields' });
      const existing = [...state.orders.values()].find((o) => o.idempotencyKey === key);
      if (existing) return send(res, 200, existing.order);
      const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      const orderNo = `GD${day}${String(++sequence).padStart(4, '0')}`;
      const order: WorkOrder = { orderNo, status: 'received', updatedAt: new Date().toISOString(), reply: null };
      state.orders.set(orderNo, { order, idempotencyKey: key, body });
      if (options.autoAcceptMs) later(options.autoAcceptMs, () => void state.advance(orderNo, 'accepted'));
      if (options.autoReplyMs) later(options.autoReplyMs, () => void state.advance(orderNo, 'replied', '已转城市管理局现场处理，问题已解决'));
      return send(res, 201, order);
    }
    const get = new RegExp(`^${WORK_ORDERS_PATH}/([^/]+)$`).exec(path);
    if (get && req.method === 'GET') {
      const found = state.orders.get(decodeURIComponent(get[1]));
      return found ? send(res, 200, found.order) : send(res, 404, { error: 'not_found' });
    }
    if (path === GOVERNANCE_REPORTS_PATH && req.method === 'POST') {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!state.governanceReports.some((r) => r.idempotencyKey === key)) {
        state.governanceReports.push({ idempotencyKey: key, body: JSON.parse(raw.toString() || '{}') });
      }
      return send(res, 202, { accepted: true });
    }
    return send(res, 404, { error: 'not_found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: 'internal', message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
