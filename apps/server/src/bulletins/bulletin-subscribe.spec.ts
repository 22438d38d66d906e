import { BulletinKind } from '@jws/contracts';
import { bulletinMessageData } from './bulletin-subscribe.service';

describe('the 警务公告 subscribe message fields', () => {
  it('keeps within WeChat’s field limits: thing ≤ 20 characters, phrase ≤ 5, time in China time', () => {
    const data = bulletinMessageData({
      title: '冒充快递客服以理赔为名索要银行卡验证码的诈骗又出现了，请大家提高警惕', kind: BulletinKind.LegalPublicity,
      orgName: '基准市公安局蚌山分局法制大队第一中队执法监督室', at: new Date('2026-12-08T01:30:00Z'),
    });
    expect(data).toEqual({
      thing1: '冒充快递客服以理赔为名索要银行卡验证码的',
      phrase2: '法治宣传',
      thing3: '基准市公安局蚌山分局法制大队第一中队执法',
      time4: '2026-12-08 09:30',
    });
    expect([...data.thing1]).toHaveLength(20);
    expect([...data.thing3]).toHaveLength(20);
  });
});
