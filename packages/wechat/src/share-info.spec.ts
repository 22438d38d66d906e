import { WechatClient } from './client';
import { decryptShareInfo, WechatDecryptError } from './decrypt';
import { startFakeWechat, type FakeWechat } from './fake-server';

const APP_ID = 'wx-demo-appid';
let fake: FakeWechat;
let wx: WechatClient;

beforeAll(async () => {
  fake = await startFakeWechat({ appId: APP_ID, appSecret: 'demo-app-secret' });
  wx = new WechatClient({ appId: APP_ID, appSecret: 'demo-app-secret', baseUrl: fake.url });
});
afterAll(() => fake.close());

const shareInfo = async (body: object) =>
  fetch(`${fake.url}/__fake/share-info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('share info from a group card (getShareInfo), decrypted with the session_key', () => {
  it('gives the group its one openGId, whoever of its members opens the card', async () => {
    const a = await wx.code2Session(fake.state.issueCode('o-member-a'));
    const b = await wx.code2Session(fake.state.issueCode('o-member-b'));
    const fromA = fake.state.shares.shareInfo('o-member-a', '胜利社区居民群')!;
    const fromB = (await (await shareInfo({ openid: 'o-member-b', group: '胜利社区居民群' })).json()) as { encryptedData: string; iv: string };
    const gidA = decryptShareInfo(a.sessionKey, fromA.encryptedData, fromA.iv, APP_ID).openGId;
    expect(decryptShareInfo(b.sessionKey, fromB.encryptedData, fromB.iv, APP_ID).openGId).toBe(gidA);
    const other = fake.state.shares.shareInfo('o-member-a', '另一个群')!;
    expect(decryptShareInfo(a.sessionKey, other.encryptedData, other.iv, APP_ID).openGId).not.toBe(gidA);
  });

  it('does not open with a session_key from before the last login (stale), nor with another mini program’s watermark', async () => {
    const old = await wx.code2Session(fake.state.issueCode('o-member-c'));
    await wx.code2Session(fake.state.issueCode('o-member-c'));
    const info = fake.state.shares.shareInfo('o-member-c', '胜利社区居民群')!;
    expect(() => decryptShareInfo(old.sessionKey, info.encryptedData, info.iv, APP_ID)).toThrow(WechatDecryptError);
    const fresh = await wx.code2Session(fake.state.issueCode('o-member-d'));
    const foreign = fake.state.shares.shareInfo('o-member-d', '胜利社区居民群', 'wx-someone-else')!;
    expect(() => decryptShareInfo(fresh.sessionKey, foreign.encryptedData, foreign.iv, APP_ID)).toThrow(expect.objectContaining({ reason: 'invalid' }));
    expect(() => decryptShareInfo(fresh.sessionKey, 'bm90IGJhc2U2NA', 'short', APP_ID)).toThrow(expect.objectContaining({ reason: 'invalid' }));
  });

  it('refuses share info for an openid that never signed in', async () => {
    expect((await shareInfo({ openid: 'o-nobody', group: 'x' })).status).toBe(400);
  });
});
