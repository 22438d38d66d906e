import { CaseKind } from '../cases';
import type { ServiceMatter } from './types';
import { HOTLINE_12345, station, police, hotline, department, report, disputeReport, CALL_110, disputeOf } from './routes';

/** The catalogue's matters of 纠纷, in the order the guide lists them. */
export const MATTERS_DISPUTES: readonly ServiceMatter[] = [
  // 纠纷
  {
    code: 'dispute.neighbour', title: '邻里纠纷', category: '纠纷', common: true,
    synonyms: ['邻居矛盾', '邻里矛盾', '漏水纠纷'],
    phrases: ['和邻居吵架了', '楼上漏水到我家', '邻居占用公共过道'],
    summary: '邻里纠纷上报社区民警，由民警和警民联调员调解，可在网上调解室调解；网上谈不拢的，可到派出所警民联调室当面调解。',
    emergency: { when: '正在打架、有人受伤，或受到威胁时，立即拨打110', phone: CALL_110 },
    routes: [
      disputeReport('neighbour', '纠纷的起因、对方是哪一户、已经怎么沟通过', ['网上调解不成的，民警可预约派出所警民联调室当面调解']),
      station('辖区派出所（警民联调室）', ['到辖区派出所说明纠纷情况', '民警安排警民联调员当面调解，达成协议的签订调解协议书'], []),
    ],
    assist: disputeOf('neighbour'),
  },
  {
    code: 'dispute.family', title: '家庭纠纷、家暴', category: '纠纷',
    synonyms: ['家庭矛盾', '家庭暴力', '婚姻纠纷', '家暴告诫'],
    phrases: ['老公打我', '家里吵架', '家暴'],
    summary: '家庭矛盾可上报社区民警调解。遭受家庭暴力的请报警：公安机关对情节较轻的家暴向施暴人出具告诫书；也可向法院申请人身安全保护令，妇联12338提供帮助。',
    emergency: { when: '正在遭受家暴或受到威胁时，立即拨打110；到安全的地方后保存伤情照片、就医记录', phone: CALL_110 },
    routes: [
      disputeReport('family', '家庭矛盾的情况和您希望得到的帮助', ['存在家庭暴力的不适用调解，请直接报警或到派出所']),
      station('辖区派出所（家暴告诫）', ['受害人或其近亲属到派出所报案，说明家暴经过', '民警调查取证；情节较轻、不予治安处罚的，向施暴人出具告诫书，并告知居委会、妇联', '需要时，派出所协助您向法院申请人身安全保护令'], ['居民身份证', '伤情照片、就医记录等证据']),
      department('妇联维权热线', '12338', ['拨打12338，说明需要的帮助（法律咨询、心理疏导、临时庇护）']),
    ],
    assist: disputeOf('family'),
  },
  {
    code: 'dispute.property', title: '物业纠纷', category: '纠纷',
    synonyms: ['物业费纠纷', '物业服务投诉', '业委会'],
    phrases: ['物业不管事', '物业乱收费', '电梯坏了物业不修'],
    summary: '物业服务质量、收费问题由住建部门（物业主管）和街道处理，拨打12345；业主与物业发生冲突、需要当面调解的，可上报社区民警。',
    routes: [
      hotline('小区名称和物业服务、收费问题', '住建部门和属地街道'),
      disputeReport('property', '小区名称、和物业的分歧、已经怎么沟通过'),
    ],
    assist: disputeOf('property'),
  },
  {
    code: 'dispute.wages', title: '劳资欠薪', category: '纠纷', common: true,
    synonyms: ['拖欠工资', '讨薪', '欠薪', '劳动纠纷'],
    phrases: ['老板不给工资', '工资拖了好几个月', '包工头跑了'],
    summary: '拖欠工资由人社部门劳动保障监察处理，拨打12333或12345投诉；恶意欠薪、逃匿的，由人社部门移送公安。请通过正规渠道理性维权。',
    emergency: { when: '讨薪发生冲突、有人受伤或扬言极端行为时，拨打110', phone: CALL_110 },
    routes: [
      department('人力资源和社会保障局劳动保障监察', '12333', ['拨打12333或到劳动保障监察窗口投诉', '提供用人单位名称、欠薪时段和金额、劳动合同或考勤工资记录', '也可向劳动人事争议仲裁委员会申请仲裁']),
      hotline('欠薪的单位和情况', '人社部门'),
      report('上报矛盾纠纷（劳资）', CaseKind.Dispute, 'wages', ['需要社区民警协调的，点下方“上报矛盾纠纷”写清用人单位和欠薪情况', '民警登记后转人社部门处理并跟踪结果']),
    ],
    assist: disputeOf('wages'),
  },
  {
    code: 'dispute.consumer', title: '消费纠纷', category: '纠纷',
    synonyms: ['消费投诉', '退款纠纷', '商家欺诈'],
    phrases: ['买到假货', '商家不退钱', '预付卡老板跑路了'],
    summary: '消费纠纷由市场监管部门处理，拨打12315或在全国12315平台投诉；商家卷款跑路、涉嫌诈骗的向派出所报案。',
    routes: [
      department('市场监督管理局', '12315', ['拨打12315或在“全国12315平台”小程序投诉', '提供商家名称、消费凭证和经过', '市场监管部门组织调解或查处']),
      hotline('消费纠纷情况', '市场监管部门'),
      station('辖区派出所（报案）', ['商家卷款跑路、涉嫌诈骗的，带消费凭证、合同到派出所报案'], ['居民身份证', '消费凭证、合同、聊天记录']),
    ],
    assist: disputeOf('consumer'),
  },
  {
    code: 'dispute.land', title: '土地、拆迁纠纷', category: '纠纷',
    synonyms: ['宅基地纠纷', '征地拆迁', '土地承包纠纷'],
    phrases: ['宅基地被占了', '拆迁补偿不合理'],
    summary: '宅基地、土地承包纠纷由乡镇（街道）调处，征收补偿问题由征收部门处理，可拨打12345反映；对处理不服的可依法申请复议或起诉。',
    emergency: { when: '因土地纠纷发生打架、毁坏财物，或强拆中受到人身威胁时，拨打110', phone: CALL_110 },
    routes: [
      hotline('土地或拆迁纠纷的情况', '乡镇（街道）、自然资源或房屋征收部门'),
      department('自然资源和规划局', HOTLINE_12345, ['拨打12345转自然资源和规划部门，说明地块位置和纠纷情况', '对处理决定不服的，可依法申请行政复议或提起诉讼']),
    ],
    assist: disputeOf('other'),
  },
  {
    code: 'dispute.traffic_compensation', title: '交通事故赔偿纠纷', category: '纠纷',
    synonyms: ['事故赔偿', '车损赔偿'],
    phrases: ['撞车后对方不赔钱'],
    summary: '交通事故损害赔偿，双方可共同申请交警调解；调解不成或不愿调解的，可向法院起诉，也可申请人民调解。',
    routes: [
      police('交警大队事故处理中队', '事故赔偿调解', ['收到事故认定书后10日内，双方共同向交警书面申请调解', '交警组织调解，达成协议的制作调解书', '调解不成的，凭调解终结书向法院起诉'], '122'),
    ],
    assist: disputeOf('other'),
  },
];
