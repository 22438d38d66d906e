import { WechatErrcode } from './errors';
import { fakeImageCheck } from './fake-server';
import { onePixelPng } from './png';
import { failure, useFakeWechat } from './client-spec-support';

const env = useFakeWechat();

describe('image safety check (img_sec_check, the image as multipart media)', () => {
  const image = onePixelPng({ scene: 'a', page: 'pages/index/index' });
  const other = onePixelPng({ scene: 'b', page: 'pages/index/index' });

  it('passes an image and answers risky for one WeChat flags (87014), sending the exact bytes', async () => {
    const check = fakeImageCheck(env.fake.state);
    check.reset();
    check.markRisky(other);
    await expect(env.client().imgSecCheck({ image, contentType: 'image/png' })).resolves.toEqual({ suggest: 'pass' });
    await expect(env.client().imgSecCheck({ image: other, contentType: 'image/png' })).resolves.toEqual({ suggest: 'risky' });
    expect(check.checked).toHaveLength(2);
  });

  it('throws other failures, so the caller can hand the image to a person', async () => {
    env.fake.state.failNext('/wxa/img_sec_check', WechatErrcode.BUSY, 'system busy');
    const wx = env.client();
    const err = await failure(wx.imgSecCheck({ image, contentType: 'image/png' }));
    expect(err).toMatchObject({ errcode: WechatErrcode.BUSY, api: '/wxa/img_sec_check' });
  });
});
