/**
 * A local stand-in for api.weixin.qq.com. WeChat's servers cannot be reached from our machines,
 * so tests, the demo and browser tests run against this. It speaks the same request/response
 * shapes (see /work/shared/WECHAT.md) and can be driven in-process through `state` or from
 * other processes through the `/__fake/...` control API.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handle } from './fake-server/routes';
import { sendJson } from './fake-server/http';
import { FakeWechatState } from './fake-server/state';
import type { FakeWechat, FakeWechatOptions } from './fake-server/types';

export { FakeWechatState } from './fake-server/state';
export { FakeImageCheck, fakeImageCheck } from './fake-server/media';
export { CODE_TTL_MS, DEFAULT_REVIEW_WORDS, DEFAULT_RISKY_WORDS, LOGIN_RATE_LIMIT_PER_MIN, TOKEN_TTL_S } from './fake-server/types';
export type { FakeReply, FakeWechat, FakeWechatOptions, SentMessage } from './fake-server/types';

/** Starts the fake on node:http. Remember to `close()` it. */
export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const state = new FakeWechatState(options);
  const server = createServer((req, res) => {
    handle(state, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'fake wechat internal error' });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Clients keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
