import { CaseKind } from '../cases';
import type { ServiceMatter } from './types';
import { wanshitong, station, police, hotline, department, report, disputeReport, hazardReport, CALL_110, service, disputeOf, hazardOf } from './routes';

/** The catalogue's matters of 交通、治安, in the order the guide lists them. */
export const MATTERS_TRAFFIC_AND_ORDER: readonly ServiceMatter[] = [
  // 交通
  {
    code: 'traffic.violation', title: '交通违法处理', category: '交通', common: true,
    synonyms: ['违章处理', '交通违章', '罚款缴纳', '电子警察'],
    phrases: ['车子被拍了', '违章怎么交罚款', '查违章'],
    summary: '非现场交通违法（电子警察拍的）可在“交管12123”App查询、处理并缴纳罚款；有异议的到交警大队违法处理窗口。',
    routes: [
      wanshitong('交通违法处理', ['也可用“交管12123”App办理']),
      police('交警大队违法处理窗口', '交通违法处理', ['带驾驶证、行驶证到违法处理窗口', '对违法记录有异议的当场提出，民警复核'], '122'),
    ],
    assist: service('other'),
  },
  {
    code: 'traffic.license', title: '驾驶证业务', category: '交通',
    synonyms: ['驾驶证换证', '驾照补办', '驾驶证到期', '驾照'],
    phrases: ['驾照快到期了', '驾驶证丢了', '驾照分扣完了'],
    summary: '驾驶证期满换证、补证、提交体检证明可在“交管12123”App办理，也可到车管所；记满12分的到车管所参加学习和考试。',
    routes: [
      wanshitong('驾驶证业务', ['也可用“交管12123”App办理']),
      police('车辆管理所', '驾驶证业务', ['带身份证、驾驶证和体检证明到车管所或驾驶人考场服务站', '记满12分的报名满分学习和考试'], '122'),
    ],
    assist: service('other'),
  },
  {
    code: 'traffic.vehicle', title: '机动车登记与检验', category: '交通',
    synonyms: ['上牌', '车辆年检', '过户', '机动车登记'],
    phrases: ['新车上牌', '车子年审', '二手车过户'],
    summary: '新车注册、二手车过户到车管所或机动车登记服务站；6年以内的非营运小客车免上线检测，在“交管12123”App申领检验标志。',
    routes: [
      police('车辆管理所', '机动车登记', ['带身份证、购车发票或交易凭证、车辆合格证到车管所或登记服务站', '查验车辆后办理登记、领取号牌']),
      wanshitong('机动车检验标志', ['也可用“交管12123”App申领']),
    ],
    assist: service('other'),
  },
  {
    code: 'traffic.ebike', title: '电动自行车上牌', category: '交通',
    synonyms: ['电动车上牌', '电动车登记', '电瓶车牌照'],
    phrases: ['电瓶车上牌照', '新买的电动车怎么上牌'],
    summary: '符合新国标的电动自行车，凭购车发票、合格证和身份证到交警部门设立的登记点上牌；部分登记点可在线预约。',
    routes: [
      police('交警大队电动自行车登记点', '电动自行车登记', ['车主带车、购车发票、产品合格证和身份证到登记点', '查验车辆后当场发放号牌']),
      wanshitong('电动自行车登记预约'),
    ],
    assist: service('other'),
  },
  {
    code: 'traffic.accident', title: '交通事故处理', category: '交通',
    synonyms: ['车祸', '剐蹭', '交通事故快处'],
    phrases: ['车被蹭了', '撞车了怎么办'],
    summary: '有人受伤的不要移动车辆，立即报警；只有车损、没有人伤的轻微事故，拍照后把车移到路边，用“交管12123”快处快赔。',
    emergency: { when: '有人受伤、车辆起火，或对方逃逸、饮酒驾车时，立即拨打122或110', phone: '122' },
    routes: [
      police('交警大队事故处理中队', '交通事故处理', ['只有车损的：开启危险报警灯，从前后左右拍照后把车移到路边', '在“交管12123”App选择“快处快赔”，双方在线确认责任', '向保险公司报案理赔；对责任有异议的拨打122由交警处理'], '122'),
    ],
    assist: service('other'),
  },
  {
    code: 'traffic.parking', title: '乱停车、占用消防通道', category: '交通',
    synonyms: ['违停', '乱停车', '堵消防通道', '车辆挡道'],
    phrases: ['门口车子挡着出不去', '小区消防通道被车堵了'],
    summary: '小区内占用、堵塞消防通道的是消防安全隐患，可上报社区民警；道路上的违法停车由交警处理（122）；小区内一般乱停车先找物业。',
    routes: [
      hazardReport('fire', '消防通道的位置、被什么车辆堵住，拍下车牌', ['一般的小区内乱停车先找物业协调']),
      police('交警大队', '道路违法停车', ['拨打122说明道路名称、车牌和停放位置', '交警到场处理，必要时拖移车辆'], '122'),
    ],
    assist: hazardOf('fire'),
  },
  // 治安
  {
    code: 'public_security.dog', title: '犬类登记', category: '治安',
    synonyms: ['养狗登记', '犬证', '狗证', '犬只免疫登记'],
    phrases: ['养狗要办证吗', '给狗上户口', '狗咬人了'],
    summary: '城市养犬须先给犬只做狂犬病免疫，再到养犬登记点办理登记并按年度年检；携犬出户须拴绳、及时清理粪便，禁养犬种不得饲养。',
    emergency: { when: '被狗咬伤的，先用清水冲洗伤口并尽快到医院处置；犬只正在伤人或主人拒不处理的，拨打110', phone: CALL_110 },
    routes: [
      police('公安局养犬登记点（治安管理大队）', '犬类登记', ['先到动物诊疗机构给犬只免疫，取得免疫证明', '带身份证、免疫证明和犬只照片到养犬登记点', '登记后领取犬牌，每年按时年检']),
      hotline('不文明养犬的地点和情况', '属地街道或城管、公安'),
    ],
    assist: service('other'),
  },
  {
    code: 'public_security.noise', title: '噪音扰民', category: '治安', common: true,
    synonyms: ['噪声扰民', '夜间施工噪音', '广场舞噪音', '装修噪音'],
    phrases: ['楼上太吵', '半夜装修', '邻居吵得睡不着', '广场舞声音太大', '工地晚上施工'],
    summary: '邻居生活噪音先和对方或物业沟通，沟通不成上报社区民警调解；工地夜间施工、商铺经营噪音由生态环境、住建和城管部门处理，拨打12345。',
    emergency: { when: '深夜噪音正在持续、劝阻无效，或因噪音发生争吵推搡时，拨打110，民警到场处置', phone: CALL_110 },
    routes: [
      disputeReport('neighbour', '噪音来自哪一户、什么时间段、持续多久', ['小区装修在规定时间以外施工的，也可同时告知物业']),
      hotline('噪音的来源（工地、商铺、装修）、地点和时间段', '生态环境、住建或城管部门'),
    ],
    assist: disputeOf('neighbour'),
  },
  {
    code: 'public_security.lost_found', title: '失物招领', category: '治安',
    synonyms: ['捡到东西', '丢东西', '失物'],
    phrases: ['捡到一个钱包', '手机丢了'],
    summary: '拾到物品可交给社区民警或派出所招领；丢了东西可上报，民警帮助查找。财物被偷、被抢的请报警。',
    emergency: { when: '财物正在被偷、被抢，或刚被偷、被抢时，立即拨打110', phone: CALL_110 },
    routes: [
      report('上报失物招领', CaseKind.ServiceNeed, 'lost', ['点下方“上报求助服务”，写清丢失或拾到的物品、时间和地点', '社区民警联系您：拾到的物品交给民警登记招领，丢失的帮助查找', '在“我的上报”查看结果']),
      station('辖区派出所', ['把拾到的物品交到派出所值班室登记', '丢失证件的，按证件的补领办法办理'], []),
    ],
    assist: service('lost'),
  },
  {
    code: 'public_security.fraud', title: '防诈骗咨询与反诈', category: '治安',
    synonyms: ['电信诈骗', '网络诈骗', '反诈'],
    phrases: ['接到可疑电话', '被骗了钱', '有人让我转账'],
    summary: '凡是让您转账、刷单、“屏幕共享”、提供验证码的都是诈骗。拿不准先打96110咨询；已经转账的立即拨打110，越快越有可能止付。',
    emergency: { when: '已经转账或正在被要求转账时，立即拨打110，说清转出的账户和时间，争取紧急止付', phone: CALL_110 },
    routes: [
      police('反诈中心', '诈骗咨询和预警', ['接到可疑电话、短信，拿不准时拨打96110咨询', '接到96110来电请务必接听，那是民警在提醒您'], '96110'),
      station('辖区派出所（报案）', ['已被骗的，带身份证、转账记录、聊天记录和对方账号到派出所报案', '民警受案后出具受案回执'], ['居民身份证', '转账凭证', '聊天记录、对方账号']),
      report('上报诈骗线索', CaseKind.CrimeLead, 'fraud', ['发现诈骗窝点、收购银行卡和电话卡等线索的，点下方“上报违法犯罪线索”', '民警核查，举报人信息保密']),
    ],
    assist: { kind: CaseKind.CrimeLead, subcategory: 'fraud' },
  },
  {
    code: 'public_security.fire', title: '消防隐患', category: '治安',
    synonyms: ['楼道堆物', '电动车楼道充电', '飞线充电', '消防栓损坏'],
    phrases: ['楼道里给电瓶车充电', '楼道堆满东西', '消防通道堵了'],
    summary: '楼道堆物、电动车进楼入户或飞线充电、消防设施损坏等隐患，上报社区民警核查督促整改；也可拨打96119向消防部门举报。',
    emergency: { when: '已经起火、冒烟或闻到焦糊味时，立即拨打119，并从安全出口撤离，不要乘电梯', phone: '119' },
    routes: [
      hazardReport('fire', '隐患的楼栋、楼层和情况（如几辆电动车在楼道充电）'),
      department('消防救援支队火灾隐患举报', '96119', ['拨打96119，说明隐患地点和情况', '消防部门核查后告知处理结果']),
    ],
    assist: hazardOf('fire'),
  },
];
