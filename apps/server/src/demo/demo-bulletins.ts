import { blocksFromText, BulletinKind, WarningType } from '@jws/contracts';
import type { BulletinsDemo, DemoBulletin } from '../bulletins';

/** 蚌山分局's groups and who pushes into them: officer1 (天桥), officer2 (涂山路), station_leader1 (the enterprise group). */
const BENGSHAN = (daysAgo: number) => [
  { by: 'officer1', groups: ['胜利社区警民议事群', '纬四路社区警民议事群'], daysAgo },
  { by: 'officer2', groups: ['延安社区警民议事群', '涂山社区警民议事群'], daysAgo },
  { by: 'station_leader1', groups: ['天桥派出所企业服务群'], daysAgo },
];
const TIANQIAO = (daysAgo: number) => [
  { by: 'officer1', groups: ['胜利社区警民议事群', '纬四路社区警民议事群'], daysAgo },
  { by: 'station_leader1', groups: ['天桥派出所企业服务群'], daysAgo },
];
const CHENGGUAN = (daysAgo: number) => [
  { by: 'officer3', groups: ['禹王社区警民议事群', '东园村警民议事群'], daysAgo },
  { by: 'station_leader2', groups: ['城关派出所企业服务群'], daysAgo },
];

const library = (
  kind: BulletinKind, title: string, text: string, daysAgo: number | null,
  extra: { warningType?: WarningType; legalBasis?: string; tags?: string[] } = {}, shares: DemoBulletin['shares'] = [],
): DemoBulletin => ({
  author: 'department_staff1',
  reviewer: 'legal_reviewer1',
  content: { kind, title, body: blocksFromText(text), ...extra },
  pushes: daysAgo === null ? [] : BENGSHAN(daysAgo),
  shares,
});

/**
 * officer1 forwarded the first bulletin into the real WeChat groups of 纬四路 (bound to its 警民议事群)
 * and of 胜利 (opened by resident1 and informant1, waiting in 绑定微信群 for officer1 to say which group it is).
 */
const SHARED = [
  { by: 'officer1', daysAgo: 6, wechatGroup: '纬四路社区居民微信群', openers: ['resident2'], boundTo: '纬四路社区警民议事群' },
  { by: 'officer1', daysAgo: 6, wechatGroup: '胜利社区居民微信群', openers: ['resident1', 'informant1'] },
];

/**
 * A week of bulletins of every kind in the seeded groups (one a day from 蚌山分局's 素材库, 正气 from
 * the stations; today's only one, so each group has a slot left), one approved 法治宣传 not yet
 * pushed, and one 预警 waiting for legal_reviewer1; the first one's card shared into two real WeChat
 * groups (one bound, one waiting for officer1 to bind it).
 */
export const DEMO_BULLETINS: DemoBulletin[] = [
  library(BulletinKind.LegalPublicity, '高空抛物不是小事，伤人要担刑责', '从楼上扔下的一个易拉罐，就可能伤人性命。\n\n**高空抛物罪**：从建筑物或者高空抛掷物品，情节严重的，处一年以下有期徒刑、拘役或者管制，并处或者单处罚金。\n\n- 不往窗外扔任何东西\n- 发现高空抛物及时报警', 6,
    { legalBasis: '《中华人民共和国刑法》第二百九十一条之二', tags: ['民法典', '邻里'] }, SHARED),
  library(BulletinKind.Warning, '警惕冒充公检法的电话诈骗', '近日，辖区一位居民接到自称“公安局”的电话，称其涉嫌洗钱，要求把存款转入“安全账户”，被骗12万元。\n\n**公检法机关不会通过电话办案，更没有“安全账户”。**\n\n接到此类电话请立即挂断，拨打110核实。', 5,
    { warningType: WarningType.Case, legalBasis: '《中华人民共和国反电信网络诈骗法》', tags: ['反诈'] }),
  library(BulletinKind.LegalPublicity, '文明养犬，出门请拴绳', '携犬出户时，应当为犬只佩戴犬牌并采取系犬绳等措施。\n\n饲养动物干扰他人正常生活的，处警告；警告后不改正的，处二百元以上五百元以下罚款。', 4,
    { legalBasis: '《中华人民共和国治安管理处罚法》第七十五条', tags: ['养犬'] }),
  library(BulletinKind.Warning, '年底入室盗窃高发，出门请锁好门窗', '年底外出增多，入室盗窃进入高发期。\n\n- 出门锁好门窗，不在门口放钥匙\n- 贵重物品不要放在家中显眼处\n- 发现陌生人在楼道徘徊，及时告诉社区民警', 3,
    { warningType: WarningType.Security, tags: ['防盗'] }),
  library(BulletinKind.Rumour, '网传“全城停水一周”不实', '近日有群消息称“本市自来水厂检修，全城停水一周”。\n\n经向供水公司核实，**本周没有任何停水计划**。请勿转发不实信息，停水通知以供水公司公告为准。', 2,
    { tags: ['辟谣'] }),
  library(BulletinKind.Warning, '冬季取暖，谨防一氧化碳中毒', '天气转冷，使用煤炉、燃气热水器取暖要注意：\n\n1. 保持室内通风\n2. 不在密闭浴室使用燃气热水器\n3. 发现头晕、恶心，立即开窗并离开房间', 1,
    { warningType: WarningType.Prevention, tags: ['安全'] }),
  library(BulletinKind.LegalPublicity, '不出租、出借银行卡和手机卡', '把自己的银行卡、手机卡借给别人用，可能被用于诈骗转账。\n\n**出租、出借、出售电话卡和银行卡的，将被依法处理并纳入失信名单。**', 0,
    { legalBasis: '《中华人民共和国反电信网络诈骗法》第三十一条', tags: ['反诈'] }),
  library(BulletinKind.LegalPublicity, '网吧不得接纳未成年人', '网吧等营业性上网场所不得允许未成年人进入。发现违规接纳未成年人的，可以向社区民警反映。', null,
    { legalBasis: '《中华人民共和国未成年人保护法》第五十八条', tags: ['未成年人'] }),
  {
    author: 'officer1',
    reviewer: 'station_leader1',
    content: { kind: BulletinKind.Positive, title: '胜利社区居民拾金不昧', body: blocksFromText('胜利社区某居民在小区门口捡到一个钱包，内有现金和证件，第一时间交到了警务室，失主已领回。\n\n为这份热心点赞！'), tags: ['好人好事'] },
    pushes: TIANQIAO(3),
  },
  {
    author: 'officer3',
    reviewer: 'station_leader2',
    content: { kind: BulletinKind.Positive, title: '禹王社区志愿者雪天扫雪', body: blocksFromText('大雪过后，禹王社区的治安志愿者一早就清扫了小区主干道和台阶，方便老人出行。'), tags: ['互助'] },
    pushes: CHENGGUAN(5),
  },
  {
    author: 'officer3',
    reviewer: 'station_leader2',
    content: { kind: BulletinKind.Positive, title: '东园村村民协助找回走失老人', body: blocksFromText('东园村几位村民在村口发现一位走失的老人，陪伴老人并联系民警，老人已平安回家。'), tags: ['互助'] },
    pushes: CHENGGUAN(1),
  },
  {
    author: 'department_staff1',
    content: {
      kind: BulletinKind.Warning, warningType: WarningType.Case, title: '冒充快递理赔的诈骗又出现了',
      body: blocksFromText('有居民接到自称快递客服的电话，称包裹丢失要双倍理赔，引导其下载会议软件并共享屏幕，随后卡内钱款被转走。\n\n**快递理赔不需要下载任何软件，也不需要共享屏幕。**'),
      legalBasis: '《中华人民共和国反电信网络诈骗法》', tags: ['反诈'],
    },
  },
];

export function seedDemoBulletins(demo: BulletinsDemo): Promise<boolean> {
  return demo.seed(DEMO_BULLETINS);
}
