import { ServerFrame } from '@jws/contracts';
import sharp from 'sharp';
import { WsClient } from './mediation-support';
import { bearer, startTestApp, TestApp } from './test-app';
import { CALLERS, CallerName, EXPECTED, FOREIGN_SIDE, OWN_SIDE, WS_JOIN, WS_JOIN_CAUCUS } from './authz/expected';
import { Probe, probeFor } from './authz/requests';
import { buildWorld, Side, World } from './authz/world';

/**
 * The authorization matrix (issue #19): every operation of the live OpenAPI document, and the
 * websocket room join, is called by every demo account and by an anonymous caller, with the ids of
 * the caller's own side of the city and with ids from another jurisdiction. Each answer's class —
 * allowed (the access check let it through: 2xx, or a 4xx about the input or the object's state)
 * or refused (401, 403, 404) — must be the one the table in authz/expected.ts gives; ids from
 * another jurisdiction are refused to everyone unless the table marks the object unplaced. An
 * operation missing from the table fails the test, so no endpoint ships unclassified.
 */
type Class = 'allowed' | 'refused';
const classOf = (status: number): Class => ([401, 403, 404].includes(status) ? 'refused' : 'allowed');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('authorization matrix: every operation × every demo role and anonymous × own and foreign ids (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let baseUrl: string;
  let photo: Buffer;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '100000' });
    baseUrl = await t.listen();
    w = await buildWorld(t);
    photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 9, g: 9, b: 9 } } }).png().toBuffer();
  }, 120_000);
  afterAll(() => t?.close());

  const send = async (method: string, probe: Probe, who: CallerName): Promise<{ status: number; code?: string; listed: number }> => {
    let req = t.http[method as 'get'](probe.path);
    if (who !== 'anonymous') req = req.set(bearer(w.tokens[who]));
    if (probe.query) req = req.query(probe.query);
    if (method === 'post') req = req.set('Idempotency-Key', `authz-${Math.random().toString(36).slice(2)}-${Date.now()}`);
    if (probe.upload) req = req.attach('file', photo, { filename: 'p.png', contentType: 'image/png' });
    else if (probe.body !== undefined) req = req.send(probe.body as object);
    const res = await req;
    const items: unknown = Array.isArray(res.body) ? res.body : res.body?.items;
    return { status: res.status, code: typeof res.body?.code === 'string' ? res.body.code : undefined, listed: Array.isArray(items) ? items.length : 0 };
  };

  it('answers each operation as the table says, and refuses ids from another jurisdiction', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    const unclassified = operations.filter((op) => !EXPECTED[op]);
    const sockets: [string, (side: Side) => number][] = [[WS_JOIN, (side) => side.roomId], [WS_JOIN_CAUCUS, (side) => side.caucusRoomId]];
    const stale = Object.keys(EXPECTED).filter((op) => !sockets.some(([name]) => name === op) && !operations.includes(op));

    const mismatches: string[] = [];
    const fivexx: string[] = [];
    const observed = new Map<string, Set<CallerName>>();
    let pairs = 0;
    let calls = 0;
    const check = (op: string, who: CallerName, which: 'own' | 'foreign', got: Class, want: Class, detail: string) => {
      if (which === 'own' && got === 'allowed') observed.set(op, (observed.get(op) ?? new Set()).add(who));
      if (got !== want) mismatches.push(`${op} as ${who} with ${which} ids: ${got}, expected ${want} (${detail})`);
    };

    const askAll = async (op: string, who: CallerName) => {
      const row = EXPECTED[op];
      const method = op.split(' ')[0].toLowerCase();
      pairs++;
      const own = OWN_SIDE[who] === 'home' ? w.home : w.away;
      const ownProbe = await probeFor(op, own, w, who);
      const ownAnswer = await send(method, ownProbe, who);
      calls++;
      if (ownAnswer.status >= 500) fivexx.push(`${op} as ${who}: ${ownAnswer.status}`);
      const wantOwn: Class = row.allowed.includes(who) ? 'allowed' : 'refused';
      check(op, who, 'own', classOf(ownAnswer.status), wantOwn, `${ownAnswer.status} ${ownAnswer.code ?? ''}`);

      const foreignName = FOREIGN_SIDE[who];
      if (!foreignName) return;
      const foreign: Side = foreignName === 'home' ? w.home : w.away;
      const foreignProbe = await probeFor(op, foreign, w, who);
      // Only operations that name an object have ids to take from elsewhere.
      if (JSON.stringify(foreignProbe).replace(UUID, '') === JSON.stringify(ownProbe).replace(UUID, '')) return;
      const foreignAnswer = await send(method, foreignProbe, who);
      calls++;
      if (foreignAnswer.status >= 500) fivexx.push(`${op} as ${who} (foreign): ${foreignAnswer.status}`);
      check(op, who, 'foreign', classOf(foreignAnswer.status), row.unplaced || row.scopedList ? wantOwn : 'refused', `${foreignAnswer.status} ${foreignAnswer.code ?? ''}`);
      if (row.scopedList && foreignAnswer.listed > 0) mismatches.push(`${op} as ${who} with foreign ids lists ${foreignAnswer.listed} items from another jurisdiction`);
    };
    for (const op of operations.filter((o) => EXPECTED[o])) {
      // Reads change nothing another caller depends on, so every caller asks at once; writes go one by one.
      if (op.startsWith('GET ')) await Promise.all(CALLERS.map((who) => askAll(op, who)));
      else for (const who of CALLERS) await askAll(op, who);
    }

    // The websocket room joins (docs/realtime.md): joined, or NOT_FOUND like a room that does not exist.
    const join = async (who: CallerName, roomId: number): Promise<Class> => {
      const client = await WsClient.connect(baseUrl, who === 'anonymous' ? undefined : w.tokens[who]);
      try {
        if (who === 'anonymous') client.send({ type: 'auth', token: 'not-a-token' });
        client.send({ type: 'join', roomId });
        const frame: ServerFrame | 'closed' = await Promise.race([
          client.next((f) => (f.type === 'joined' && f.roomId === roomId) || f.type === 'error'),
          client.closed().then(() => 'closed' as const),
        ]);
        return frame !== 'closed' && frame.type === 'joined' ? 'allowed' : 'refused';
      } finally {
        client.close();
      }
    };
    for (const [name, roomOf] of sockets) {
      for (const who of CALLERS) {
        pairs++;
        calls++;
        const want: Class = EXPECTED[name].allowed.includes(who) ? 'allowed' : 'refused';
        check(name, who, 'own', await join(who, roomOf(OWN_SIDE[who] === 'home' ? w.home : w.away)), want, 'socket join');
        const foreignName = FOREIGN_SIDE[who];
        if (!foreignName) continue;
        calls++;
        check(name, who, 'foreign', await join(who, roomOf(foreignName === 'home' ? w.home : w.away)), 'refused', 'socket join');
      }
    }

    const observedTable = [...observed].map(([op, set]) => `  '${op}': [${[...set].map((x) => `'${x}'`).join(', ')}],`).join('\n');
    console.log(`authorization matrix: ${operations.length} operations + ${sockets.length} socket joins × ${CALLERS.length} callers = ${pairs} pairs, ${calls} calls`);
    if (mismatches.length) {
      console.log(`observed allowed (own ids):\n${observedTable}`);
    }
    expect({ unclassified, stale, fivexx, mismatches }).toEqual({ unclassified: [], stale: [], fivexx: [], mismatches: [] });
    expect(pairs).toBe((operations.length + sockets.length) * CALLERS.length);
  }, 600_000);
});
