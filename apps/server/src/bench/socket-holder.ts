import type { ServerFrame } from '@jws/contracts';
import { WebSocket } from 'ws';

/**
 * A child of sockets.ts holding its share of the connections (one process may open at most
 * RLIMIT_NOFILE files, 20,000 on the bench machine). Told `{ sockets, localAddresses }`, it
 * connects each socket from one of the local addresses (each 127.0.0.x has its own ephemeral
 * ports), authenticates, joins its room, and answers how many are in and its own memory. Told
 * `count`, it answers how many are still open; told `close`, it ends.
 */
export interface HolderOrder {
  sockets: { url: string; token: string; roomId: number }[];
  localAddresses: string[];
}
export interface HolderReport {
  joined: number;
  failed: number;
  open: number;
  rss: number;
  firstError?: string;
}

const open: WebSocket[] = [];

function connect(s: HolderOrder['sockets'][number], localAddress: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${s.url.replace(/^http/, 'ws')}/ws`, { localAddress });
    const timer = setTimeout(() => (ws.terminate(), reject(new Error('no joined within 60 s'))), 60_000);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: s.token })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (frame.type === 'ready') ws.send(JSON.stringify({ type: 'join', roomId: s.roomId, lastSeq: 0 }));
      else if (frame.type === 'joined') {
        clearTimeout(timer);
        open.push(ws);
        resolve();
      } else if (frame.type === 'error') {
        clearTimeout(timer);
        reject(new Error(frame.code));
      }
    });
    ws.once('error', (err) => (clearTimeout(timer), reject(err)));
  });
}

const stillOpen = () => open.filter((ws) => ws.readyState === WebSocket.OPEN).length;

process.on('message', (msg: HolderOrder | 'count' | 'close') => {
  if (msg === 'close') {
    for (const ws of open) ws.terminate();
    process.exit(0);
  }
  if (msg === 'count') {
    process.send?.({ joined: open.length, failed: 0, open: stillOpen(), rss: process.memoryUsage().rss } satisfies HolderReport);
    return;
  }
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const workers = Array.from({ length: 100 }, async () => {
    while (next < msg.sockets.length) {
      const i = next++;
      await connect(msg.sockets[i], msg.localAddresses[i % msg.localAddresses.length]).catch((err: Error) => {
        failed++;
        firstError ??= err.message;
      });
    }
  });
  void Promise.all(workers).then(() =>
    process.send?.({ joined: open.length, failed, open: stillOpen(), rss: process.memoryUsage().rss, firstError } satisfies HolderReport),
  );
});
