import { WechatErrcode } from './errors';
import { startFakeWechat } from './fake-server';
import { PNG_SIGNATURE, readPngText } from './png';
import { APP_ID, APP_SECRET, failure, useFakeWechat } from './client-spec-support';

const TEMPLATE = 'tmpl-report-status';
const env = useFakeWechat();
const client = env.client;

describe('logging in with a wx.login code', () => {
  it('returns the openid and a session key, and a unionid only for users bound to one', async () => {
    const wx = client();
    const plain = await wx.code2Session(env.fake.state.issueCode('o-resident-1'));
    expect(plain).toEqual({ openid: 'o-resident-1', sessionKey: expect.any(String) });
    expect(Buffer.from(plain.sessionKey, 'base64')).toHaveLength(16);

    const bound = await wx.code2Session(env.fake.state.issueCode('o-resident-2', { unionid: 'u-2' }));
    expect(bound).toEqual({ openid: 'o-resident-2', sessionKey: expect.any(String), unionid: 'u-2' });
    expect(bound.sessionKey).not.toBe(plain.sessionKey);
  });

  it('accepts demo:<openid> codes so the h5 demo can log in without wx.login', async () => {
    await expect(client().code2Session('demo:o-demo-officer')).resolves.toMatchObject({ openid: 'o-demo-officer' });
  });

  it('rejects a code that was already used with 40029, which is not worth retrying', async () => {
    const wx = client();
    const code = env.fake.state.issueCode('o-resident-1');
    await wx.code2Session(code);
    const err = await failure(wx.code2Session(code));
    expect(err).toMatchObject({ errcode: WechatErrcode.INVALID_CODE, retryable: false, api: '/sns/jscode2session' });
  });

  it('rejects a code older than five minutes', async () => {
    let now = Date.now();
    const local = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET, now: () => now });
    try {
      const code = local.state.issueCode('o-slow-user');
      now += 5 * 60_000;
      const err = await failure(client({ baseUrl: local.url }).code2Session(code));
      expect(err.errcode).toBe(WechatErrcode.INVALID_CODE);
    } finally {
      await local.close();
    }
  });

  it('retries once when WeChat is busy and then logs the user in', async () => {
    env.fake.state.failNext('/sns/jscode2session', WechatErrcode.BUSY);
    await expect(client().code2Session(env.fake.state.issueCode('o-resident-1'))).resolves.toMatchObject({ openid: 'o-resident-1' });
  });

  it('gives up after a single retry when WeChat stays busy, reporting a retryable error', async () => {
    env.fake.state.failNext('/sns/jscode2session', WechatErrcode.BUSY);
    env.fake.state.failNext('/sns/jscode2session', WechatErrcode.BUSY);
    env.fake.state.failNext('/sns/jscode2session', WechatErrcode.BUSY);
    const err = await failure(client().code2Session(env.fake.state.issueCode('o-resident-1')));
    expect(err).toMatchObject({ errcode: WechatErrcode.BUSY, retryable: true });
    // The third injected failure is still queued: exactly two attempts were made.
    expect(env.fake.state.takeInjectedFailure('/sns/jscode2session')).toMatchObject({ json: { errcode: WechatErrcode.BUSY } });
    expect(env.fake.state.takeInjectedFailure('/sns/jscode2session')).toBeUndefined();
  });

  it('tells blocked (high-risk) users apart with 40226', async () => {
    env.fake.state.blockOpenid('o-risky-user');
    const err = await failure(client().code2Session(env.fake.state.issueCode('o-risky-user')));
    expect(err).toMatchObject({ errcode: WechatErrcode.USER_BLOCKED, retryable: false });
  });

  it('reports the per-user rate limit (45011) as retryable', async () => {
    const wx = client();
    for (let i = 0; i < 100; i++) await wx.code2Session('test:o-hammering-user');
    const err = await failure(wx.code2Session('test:o-hammering-user'));
    expect(err).toMatchObject({ errcode: WechatErrcode.RATE_LIMITED, retryable: true });
  });

  it('reports a wrong app secret as 40125', async () => {
    const err = await failure(client({ appSecret: 'not-the-secret' }).code2Session('demo:o-1'));
    expect(err.errcode).toBe(WechatErrcode.INVALID_APPSECRET);
  });
});

describe('server access token', () => {
  it('is fetched once and then served from cache', async () => {
    const wx = client();
    const first = await wx.getAccessToken();
    const second = await wx.getAccessToken();
    expect(second).toBe(first);
    expect(env.fake.state.tokenRequests).toBe(1);
  });

  it('is requested only once when many callers need it at the same time', async () => {
    const wx = client();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => wx.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(env.fake.state.tokenRequests).toBe(1);
  });

  it('is renewed five minutes before WeChat would expire it', async () => {
    let now = 1_700_000_000_000;
    const wx = client({ now: () => now });
    await wx.getAccessToken();
    now += (7200 - 5 * 60 - 1) * 1000;
    await wx.getAccessToken();
    expect(env.fake.state.tokenRequests).toBe(1);
    now += 2000;
    await wx.getAccessToken();
    expect(env.fake.state.tokenRequests).toBe(2);
  });

  it('is replaced by a forced refresh, which revokes the old one', async () => {
    const wx = client();
    const old = await wx.getAccessToken();
    const fresh = await wx.getAccessToken(true);
    expect(fresh).not.toBe(old);
    expect(env.fake.state.checkAccessToken(old)).toMatchObject({ json: { errcode: WechatErrcode.INVALID_TOKEN } });
  });

  it('is refreshed once and the call retried when WeChat says it expired (42001)', async () => {
    const wx = client();
    env.fake.state.grantSubscription('o-resident-1', TEMPLATE, 1);
    await wx.getAccessToken();
    env.fake.state.expireTokens();

    await wx.sendSubscribeMessage({ touser: 'o-resident-1', templateId: TEMPLATE, data: { thing1: '已受理' } });
    expect(env.fake.state.sentMessages).toHaveLength(1);
    expect(env.fake.state.tokenRequests).toBe(2);
  });

  it('is refreshed only once when several calls hit the expired token together', async () => {
    const wx = client();
    await wx.getAccessToken();
    env.fake.state.expireTokens();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => wx.msgSecCheck({ openid: 'o-resident-1', content: '你好', scene: 2 })),
    );
    expect(results.every((r) => r.suggest === 'pass')).toBe(true);
    expect(env.fake.state.tokenRequests).toBe(2);
  });

  it('is not refreshed in a loop when WeChat keeps rejecting it', async () => {
    const wx = client();
    env.fake.state.failNext('/wxa/msg_sec_check', WechatErrcode.INVALID_TOKEN);
    env.fake.state.failNext('/wxa/msg_sec_check', WechatErrcode.INVALID_TOKEN);
    const err = await failure(wx.msgSecCheck({ openid: 'o-resident-1', content: '你好', scene: 2 }));
    expect(err).toMatchObject({ errcode: WechatErrcode.INVALID_TOKEN, retryable: false });
    expect(env.fake.state.tokenRequests).toBe(2); // the first fetch plus one forced refresh
  });
});

describe('subscribe messages', () => {
  it('delivers one message per accepted subscription, then reports 43101', async () => {
    const wx = client();
    env.fake.state.grantSubscription('o-resident-1', TEMPLATE, 1);
    const message = {
      touser: 'o-resident-1',
      templateId: TEMPLATE,
      page: 'pages/report/detail?id=42',
      data: { thing1: '电动车被盗', phrase2: '已受理' },
      miniprogramState: 'trial' as const,
    };
    await wx.sendSubscribeMessage(message);
    expect(env.fake.state.sentMessages).toEqual([
      expect.objectContaining({ touser: 'o-resident-1', templateId: TEMPLATE, page: 'pages/report/detail?id=42', data: message.data, miniprogramState: 'trial' }),
    ]);
    expect(env.fake.state.subscriptionsLeft('o-resident-1', TEMPLATE)).toBe(0);

    const err = await failure(wx.sendSubscribeMessage(message));
    expect(err).toMatchObject({ errcode: WechatErrcode.NO_SUBSCRIPTION, retryable: false });
    expect(env.fake.state.sentMessages).toHaveLength(1);
  });

  it('refuses a thing field longer than 20 characters with 47003 and keeps the subscription', async () => {
    env.fake.state.grantSubscription('o-resident-1', TEMPLATE, 1);
    const err = await failure(
      client().sendSubscribeMessage({ touser: 'o-resident-1', templateId: TEMPLATE, data: { thing1: '一'.repeat(21) } }),
    );
    expect(err.errcode).toBe(WechatErrcode.INVALID_TEMPLATE_DATA);
    expect(env.fake.state.subscriptionsLeft('o-resident-1', TEMPLATE)).toBe(1);
  });
});

describe('text safety check', () => {
  const wx = () => client();

  it('passes ordinary text with label 100 and a trace id', async () => {
    const result = await wx().msgSecCheck({ openid: 'o-resident-1', content: '楼道灯坏了，请物业来修一下', scene: 2 });
    expect(result).toEqual({ suggest: 'pass', label: 100, traceId: expect.any(String) });
  });

  it('flags risky text as illegal (20006)', async () => {
    const result = await wx().msgSecCheck({ openid: 'o-resident-1', content: '点这个诈骗链接领红包', scene: 3 });
    expect(result).toMatchObject({ suggest: 'risky', label: 20006 });
  });

  it('sends borderline text to human review', async () => {
    const result = await wx().msgSecCheck({ openid: 'o-resident-1', content: '招兼职，日结', scene: 3 });
    expect(result.suggest).toBe('review');
  });
});

describe('phone number', () => {
  it('resolves a getPhoneNumber code once', async () => {
    const wx = client();
    const code = env.fake.state.issuePhoneCode('13800138000');
    await expect(wx.getPhoneNumber(code)).resolves.toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    const err = await failure(wx.getPhoneNumber(code));
    expect(err.errcode).toBe(WechatErrcode.INVALID_CODE);
  });
});

describe('invite code image', () => {
  it('returns PNG bytes for the scene and page', async () => {
    const png = await client().getUnlimitedQrCode({ scene: 'inv=Ab3dE9', page: 'pages/invite/index', envVersion: 'trial' });
    expect(Buffer.isBuffer(png)).toBe(true);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(readPngText(png)).toEqual({ scene: 'inv=Ab3dE9', page: 'pages/invite/index' });
  });

  it('turns a JSON answer into an error (scene longer than 32 characters)', async () => {
    const err = await failure(client().getUnlimitedQrCode({ scene: 'x'.repeat(33), page: 'pages/invite/index' }));
    expect(err).toMatchObject({ errcode: WechatErrcode.INVALID_SCENE, retryable: false });
  });

  it('reports an unpublished page as 41030', async () => {
    env.fake.state.publishedPages = ['pages/index/index'];
    const err = await failure(client().getUnlimitedQrCode({ scene: 'a=1', page: 'pages/invite/index' }));
    expect(err.errcode).toBe(WechatErrcode.INVALID_PAGE);
  });
});
