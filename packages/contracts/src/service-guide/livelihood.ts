import { CaseKind } from '../cases';
import type { ServiceMatter } from './types';
import { HOTLINE_12345, wanshitong, hotline, department, report, hazardReport, CALL_110, service, hazardOf } from './routes';

/** The catalogue's matters of 民生, in the order the guide lists them. */
export const MATTERS_LIVELIHOOD: readonly ServiceMatter[] = [
  // 民生
  {
    code: 'livelihood.municipal', title: '市政设施损坏', category: '民生', common: true,
    synonyms: ['路灯不亮', '井盖丢失', '道路破损', '下水道堵塞'],
    phrases: ['路灯坏了', '井盖没了', '路上有个大坑', '下水道堵了'],
    summary: '路灯、井盖、道路等市政设施由城管（市政）部门维修，拨打12345或12319；井盖缺失、路面塌陷等危及安全的，可同时上报社区民警先设置警示。',
    routes: [
      hotline('设施的位置和损坏情况', '城管（市政）部门'),
      department('城市管理局', '12319', ['拨打12319，说明设施位置和损坏情况']),
      hazardReport('facility', '设施的准确位置和危险情况（如井盖缺失、路面塌陷）'),
    ],
    assist: hazardOf('facility'),
  },
  {
    code: 'livelihood.street_vendor', title: '占道经营', category: '民生',
    synonyms: ['流动摊贩', '占道摆摊', '店外经营'],
    phrases: ['门口有人摆摊', '摊贩占了人行道', '夜市太乱'],
    summary: '占道经营、流动摊贩由城管部门管理，拨打12345或12319反映。',
    routes: [
      hotline('摆摊的位置和时间', '城管部门'),
      department('城市管理局', '12319', ['拨打12319，说明占道经营的位置和时间段']),
    ],
    assist: service('other'),
  },
  {
    code: 'livelihood.environment', title: '环境污染', category: '民生',
    synonyms: ['油烟扰民', '污水排放', '垃圾焚烧', '异味'],
    phrases: ['楼下饭店油烟太大', '河里有人排污水', '有人烧垃圾'],
    summary: '排污、废气、异味等环境污染由生态环境部门处理，拨打12369；餐饮油烟、露天烧垃圾由城管部门处理，拨打12345。',
    routes: [
      department('生态环境局', '12369', ['拨打12369，说明污染位置、时间和情况，可提供照片视频']),
      hotline('污染的位置和情况', '生态环境或城管部门'),
    ],
    assist: service('other'),
  },
  {
    code: 'livelihood.water_power', title: '停水停电停气', category: '民生',
    synonyms: ['停水', '停电', '燃气故障', '供暖'],
    phrases: ['家里没水了', '小区停电了', '暖气不热'],
    summary: '停电拨打供电服务热线95598；停水、燃气、供暖故障拨打各公司服务电话或12345。',
    emergency: { when: '闻到燃气味时，立即关闭阀门、开窗通风，不要开关电器，到室外拨打燃气公司抢修电话或119', phone: '119' },
    routes: [
      department('国网供电服务', '95598', ['拨打95598，报小区地址和户号', '供电公司告知是计划停电还是故障，安排抢修']),
      hotline('停水、停气或供暖问题的小区和时间', '供水、燃气、供热公司和主管部门'),
    ],
    assist: service('other'),
  },
  {
    code: 'livelihood.social_security', title: '社保医保', category: '民生',
    synonyms: ['社保缴费', '医保报销', '养老保险', '退休'],
    phrases: ['社保怎么交', '医保卡怎么用', '退休金'],
    summary: '社保缴费、养老保险、退休待遇在皖事通或人社窗口办理（12333）；医保参保、报销拨打医保热线12393。',
    routes: [
      wanshitong('社保服务'),
      department('人力资源和社会保障局', '12333', ['拨打12333咨询养老、失业、工伤保险和退休待遇']),
      department('医疗保障局', '12393', ['拨打12393咨询医保参保、报销和异地就医备案']),
    ],
    assist: service('other'),
  },
  {
    code: 'livelihood.elderly_help', title: '困难群众求助', category: '民生',
    synonyms: ['困难救助', '低保', '独居老人', '临时救助'],
    phrases: ['家里困难需要帮助', '独居老人没人照顾', '生病没钱看'],
    summary: '低保、特困供养、临时救助向户籍地乡镇（街道）申请，由民政部门审核；独居老人等需要上门关照的，可上报社区民警协调社区。',
    emergency: { when: '有人走失、突发疾病或生命危险时，拨打110或120', phone: CALL_110 },
    routes: [
      department('乡镇（街道）社会救助窗口', HOTLINE_12345, ['到户籍地乡镇（街道）便民服务中心提出救助申请', '民政部门调查核实后审批，结果会告知您', '咨询可拨打12345转民政部门']),
      report('上报求助', CaseKind.ServiceNeed, 'help', ['需要社区民警上门了解或协调社区帮助的，点下方“上报求助服务”写清情况', '民警联系您并协调社区、民政等部门']),
    ],
    assist: service('help'),
  },
  {
    code: 'livelihood.school', title: '入学、教育问题', category: '民生',
    synonyms: ['孩子入学', '学区', '转学', '校外培训'],
    phrases: ['孩子上学', '学籍问题'],
    summary: '入学、转学、学籍问题由教育部门处理，拨打12345；入学需要的户籍证明、居住证可在皖事通办理。',
    routes: [
      hotline('入学、转学或学籍问题', '教育部门'),
      wanshitong('居住证申领', ['入学需要户籍证明的，搜索“户籍证明”']),
    ],
    assist: service('other'),
  },
  {
    code: 'livelihood.housing_provident', title: '住房公积金', category: '民生',
    synonyms: ['公积金提取', '公积金贷款'],
    phrases: ['公积金怎么取'],
    summary: '公积金查询、提取和贷款在皖事通或住房公积金管理中心办理，热线12329。',
    routes: [
      wanshitong('公积金提取'),
      department('住房公积金管理中心', '12329', ['拨打12329咨询提取、贷款业务', '需要到窗口的，带身份证和相关证明到公积金管理中心']),
    ],
    assist: service('other'),
  },
];
