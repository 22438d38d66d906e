import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { WechatApiError, WechatErrcode } from './errors';
import { startFakeWechat } from './fake-server';
import { APP_ID, APP_SECRET, failure, useFakeWechat } from './client-spec-support';

/* WechatClient against an unreachable or silent WeChat, and keeping its secrets (client.spec.ts covers the APIs). */

const env = useFakeWechat();
const client = env.client;

describe('network trouble', () => {
  it('reports an unreachable WeChat as a retryable -2', async () => {
    const closed = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
    await closed.close();
    const err = await failure(client({ baseUrl: closed.url }).code2Session('demo:o-1'));
    expect(err).toMatchObject({ errcode: WechatErrcode.NETWORK, retryable: true });
    expect(err.message).toContain('(ECONNREFUSED)');
    expect(err.message).not.toContain(APP_SECRET);
  });

  it('gives up on a WeChat that accepts the connection and never answers, after the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const err = await failure(client({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 }).getAccessToken());
      expect(err).toMatchObject({ errcode: WechatErrcode.NETWORK, retryable: true });
      expect(err.message).toContain('timed out after 100 ms');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('gives up after the timeout with a retryable -2', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const err = await failure(client({ fetch: hanging, timeoutMs: 50 }).getAccessToken());
    expect(err).toMatchObject({ errcode: WechatErrcode.NETWORK, retryable: true });
    expect(err.message).toContain('timed out');
  });
});

describe('secrets', () => {
  it('never appear in errors, even when WeChat or the network echo them', async () => {
    const wx = client();
    const token = await wx.getAccessToken();
    const errors: WechatApiError[] = [];

    // WeChat echoing our secret and token back in errmsg.
    env.fake.state.failNext('/wxa/msg_sec_check', 45009, `quota for ${APP_SECRET} / ${token}`);
    errors.push(await failure(wx.msgSecCheck({ openid: 'o-1', content: 'hi', scene: 1 })));
    env.fake.state.failNext('/sns/jscode2session', WechatErrcode.INVALID_CODE, `bad request ?secret=${APP_SECRET}`);
    errors.push(await failure(wx.code2Session('demo:o-1')));
    // Token-bearing call failing after a refresh, and a network failure whose URL held the token.
    env.fake.state.failNext('/wxa/getwxacodeunlimit', WechatErrcode.INVALID_TOKEN);
    env.fake.state.failNext('/wxa/getwxacodeunlimit', WechatErrcode.TOKEN_EXPIRED);
    errors.push(await failure(wx.getUnlimitedQrCode({ scene: 'a=1', page: 'pages/index/index' })));
    const leakyFetch: typeof fetch = (input) => Promise.reject(new TypeError(`fetch failed for ${String(input)}`));
    const offline = client({ fetch: leakyFetch });
    errors.push(await failure(offline.code2Session('demo:o-1')));
    errors.push(await failure(offline.getAccessToken()));

    const tokens = [token, await wx.getAccessToken()];
    for (const err of errors) {
      for (const text of [String(err), err.message, err.stack ?? '', inspect(err), JSON.stringify(err)]) {
        expect(text).not.toContain(APP_SECRET);
        for (const t of tokens) expect(text).not.toContain(t);
      }
    }
  });

  it('are not visible when the client itself is logged or serialised', async () => {
    const wx = client();
    const token = await wx.getAccessToken();
    for (const text of [inspect(wx, { depth: 5, showHidden: true }), JSON.stringify(wx)]) {
      expect(text).not.toContain(APP_SECRET);
      expect(text).not.toContain(token);
    }
  });
});
