import { WechatClient } from './client';
import { WechatErrcode } from './errors';
import { startFakeWechat, type FakeWechat } from './fake-server';

const APP_ID = 'wx-demo-appid';
const APP_SECRET = 'demo-app-secret';

let fake: FakeWechat;
let wx: WechatClient;

beforeAll(async () => {
  fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  // A fresh client each time: reset() forgets the tokens a longer-lived client would have cached.
  wx = new WechatClient({ appId: APP_ID, appSecret: APP_SECRET, baseUrl: fake.url });
});

/** Drives the fake the way another process (demo server, browser test) would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON of the control API; the assertions check its shape
async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('fake WeChat control API', () => {
  it('issues login codes for an openid, with an optional unionid', async () => {
    const { json } = await control('POST', '/__fake/codes', { openid: 'o-officer', unionid: 'u-officer' });
    await expect(wx.code2Session(json.code)).resolves.toMatchObject({ openid: 'o-officer', unionid: 'u-officer' });
  });

  it('issues phone number codes', async () => {
    const { json } = await control('POST', '/__fake/phone-codes', { phone: '13900001111' });
    await expect(wx.getPhoneNumber(json.code)).resolves.toMatchObject({ purePhoneNumber: '13900001111' });
  });

  it('grants subscriptions and lists the messages sent', async () => {
    const granted = await control('POST', '/__fake/subscriptions', { openid: 'o-resident', templateId: 'tmpl-1', count: 2 });
    expect(granted.json).toEqual({ openid: 'o-resident', templateId: 'tmpl-1', remaining: 2 });
    await wx.sendSubscribeMessage({ touser: 'o-resident', templateId: 'tmpl-1', data: { thing1: '调解已预约' } });

    const { json } = await control('GET', '/__fake/sent-messages');
    expect(json.messages).toEqual([expect.objectContaining({ touser: 'o-resident', templateId: 'tmpl-1', data: { thing1: '调解已预约' } })]);
  });

  it('expires tokens so the next call has to refresh', async () => {
    await wx.getAccessToken();
    await control('POST', '/__fake/expire-tokens');
    await wx.msgSecCheck({ openid: 'o-resident', content: '你好', scene: 1 });
    const { json } = await control('GET', '/__fake/state');
    expect(json.tokenRequests).toBe(2);
  });

  it('injects a one-shot failure on a WeChat path', async () => {
    await control('POST', '/__fake/fail-next', { path: '/sns/jscode2session', errcode: WechatErrcode.USER_BLOCKED });
    await expect(wx.code2Session('demo:o-1')).rejects.toMatchObject({ errcode: WechatErrcode.USER_BLOCKED });
    await expect(wx.code2Session('demo:o-1')).resolves.toMatchObject({ openid: 'o-1' });
  });

  it('blocks and unblocks a user, and resets everything', async () => {
    await control('POST', '/__fake/block', { openid: 'o-bad' });
    await expect(wx.code2Session('demo:o-bad')).rejects.toMatchObject({ errcode: WechatErrcode.USER_BLOCKED });
    await control('POST', '/__fake/block', { openid: 'o-bad', blocked: false });
    await expect(wx.code2Session('demo:o-bad')).resolves.toMatchObject({ openid: 'o-bad' });

    await control('POST', '/__fake/block', { openid: 'o-bad' });
    await control('POST', '/__fake/reset');
    await expect(wx.code2Session('demo:o-bad')).resolves.toMatchObject({ openid: 'o-bad' });
  });

  it('holds WeChat calls for the set latency and counts how many were in flight at once', async () => {
    fake.state.latencyMs = 60;
    await Promise.all([1, 2, 3].map(() => wx.msgSecCheck({ openid: 'o-1', content: '你好', scene: 3 })));
    // The token call went first, alone; then the three checks overlapped.
    expect(fake.state.peakInFlight).toBe(3);
    expect(fake.state.inFlight).toBe(0);
  });

  it('answers 400 for a request it cannot use and 404 for an unknown route', async () => {
    expect((await control('POST', '/__fake/codes', {})).status).toBe(400);
    expect((await control('POST', '/__fake/nope', {})).status).toBe(404);
  });
});

describe('fake WeChat endpoints', () => {
  it('answer errors the WeChat way: HTTP 200 with a non-zero errcode', async () => {
    const res = await fetch(`${fake.url}/sns/jscode2session?appid=${APP_ID}&secret=${APP_SECRET}&js_code=nope&grant_type=authorization_code`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ errcode: WechatErrcode.INVALID_CODE, errmsg: expect.stringContaining('invalid code') });
  });

  it('refuse token-bearing calls without a valid token', async () => {
    const post = (query: string) =>
      fetch(`${fake.url}/wxa/msg_sec_check${query}`, { method: 'POST', body: JSON.stringify({ version: 2, openid: 'o', scene: 1, content: 'x' }) }).then(
        (r) => r.json(),
      );
    expect(await post('')).toMatchObject({ errcode: WechatErrcode.MISSING_ACCESS_TOKEN });
    expect(await post('?access_token=made-up')).toMatchObject({ errcode: WechatErrcode.INVALID_TOKEN });
  });

  it('check text with version 1 by failing risky content with 87014', async () => {
    const token = await wx.getAccessToken();
    const res = await fetch(`${fake.url}/wxa/msg_sec_check?access_token=${token}`, { method: 'POST', body: JSON.stringify({ content: '来赌博' }) });
    expect(await res.json()).toMatchObject({ errcode: WechatErrcode.RISKY_CONTENT });
  });
});
