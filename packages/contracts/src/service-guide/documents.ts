import type { ServiceMatter } from './types';
import { wanshitong, hall, station, police, service } from './routes';

/** The catalogue's matters of 身份证、居住、出入境、证明, in the order the guide lists them. */
export const MATTERS_DOCUMENTS: readonly ServiceMatter[] = [
  // 身份证
  {
    code: 'id_card.apply', title: '身份证办理（首次、换领）', category: '身份证', common: true,
    synonyms: ['身份证申领', '身份证换领', '身份证到期', '办身份证'],
    phrases: ['身份证快过期了', '孩子第一次办身份证', '身份证换新'],
    summary: '首次申领、到期换领身份证，本人到派出所户籍窗口或政务服务大厅现场采集照片和指纹；在户籍地以外可“跨省通办”，证件可邮寄到家。',
    routes: [
      station('派出所户籍窗口', ['本人到派出所户籍窗口（不满16周岁的由监护人陪同）', '现场拍照、采集指纹，缴纳工本费', '约15个工作日后凭回执领取，或选择邮寄'], ['户口簿', '原身份证（换领时）']),
      hall('身份证申领或换领', ['户口簿', '原身份证（换领时）']),
      wanshitong('身份证办理进度'),
    ],
    assist: service('household'),
  },
  {
    code: 'id_card.lost', title: '身份证挂失、补领', category: '身份证', common: true,
    synonyms: ['身份证挂失', '身份证补办', '身份证丢失'],
    phrases: ['身份证丢了', '身份证被偷了', '钱包连身份证一起丢了'],
    summary: '身份证丢失后尽快到派出所申请补领，补领即作废旧证，防止被冒用；急用可同时申请临时身份证。被盗的同时报案。',
    routes: [
      station('派出所户籍窗口', ['本人到派出所户籍窗口申请补领（旧证同时作废）', '现场拍照、采集指纹，缴纳工本费', '急用的同时申请临时身份证，一般当场或次日领取', '约15个工作日后领取新证，或选择邮寄'], ['户口簿']),
      wanshitong('电子身份证明', ['补领期间可出示电子身份证明办理部分业务']),
    ],
    assist: service('household'),
  },
  {
    code: 'id_card.temporary', title: '临时身份证', category: '身份证',
    synonyms: ['临时身份证明', '乘机证明'],
    phrases: ['身份证丢了要坐火车', '急用身份证'],
    summary: '正在申领、换领、补领身份证期间急需使用的，可到派出所申请临时居民身份证（有效期3个月）；乘火车可在车站公安制证窗口办理临时乘车身份证明。',
    routes: [
      station('派出所户籍窗口', ['在申领、换领或补领身份证的同时提出申请', '现场拍照，缴纳工本费', '一般当场或3日内领取'], ['户口簿']),
      wanshitong('电子身份证明'),
    ],
    assist: service('household'),
  },
  // 居住
  {
    code: 'residence.permit', title: '居住证', category: '居住', common: true,
    synonyms: ['居住证申领', '居住证签注', '暂住证', '流动人口居住登记'],
    phrases: ['外地人办居住证', '在这边租房要办什么证', '居住证到期续签'],
    summary: '离开户籍地到本市居住的，先办居住登记；居住半年以上、有合法稳定就业、住所或连续就读的，可申领居住证，每年签注一次。',
    routes: [
      wanshitong('居住证申领', ['居住证签注也在这里办理']),
      station('居住地派出所（或社区警务室）', ['到居住地派出所或社区警务室办理居住登记', '居住满半年后提交申领材料', '约15个工作日后领取居住证'], ['居民身份证', '租房合同或房屋产权证明', '劳动合同、营业执照或就读证明之一']),
    ],
    assist: service('household'),
  },
  {
    code: 'residence.rental_registration', title: '出租房屋登记', category: '居住',
    synonyms: ['出租屋登记', '房屋出租备案', '租客登记'],
    phrases: ['房子租出去要登记吗', '租客信息怎么报'],
    summary: '出租房屋的，房东应在租客入住后及时登记租客身份信息，可在皖事通办理，也可交给社区民警。',
    routes: [
      wanshitong('出租房屋登记'),
      station('辖区派出所（社区民警）', ['联系社区民警或到辖区派出所', '提交房屋和租客信息，民警登记', '租客退租、换人时同样告知民警'], ['房东身份证', '房屋产权证明', '租客身份证']),
    ],
    assist: service('household'),
  },
  // 出入境
  {
    code: 'exit_entry.passport', title: '护照办理', category: '出入境', common: true,
    synonyms: ['护照申领', '普通护照', '护照换发', '出国证件'],
    phrases: ['出国要办护照', '护照过期了'],
    summary: '普通护照全国通办，可在任一出入境窗口办理；先在皖事通或“移民局”App预约，本人到窗口采集指纹和照片。',
    routes: [
      wanshitong('出入境预约'),
      police('出入境管理大队', '护照办理', ['按预约时间本人到出入境接待大厅（可凭居民身份证全国通办）', '现场拍照、采集指纹，缴费', '约7个工作日后领取，或选择邮寄']),
    ],
    assist: service('other'),
  },
  {
    code: 'exit_entry.hk_macau', title: '港澳通行证及签注', category: '出入境',
    synonyms: ['港澳通行证', '港澳签注', '往来港澳通行证'],
    phrases: ['去香港要办什么', '去澳门旅游签注'],
    summary: '往来港澳通行证全国通办，到出入境窗口办理；已有电子通行证的，再次签注可在皖事通或自助签注机办理。',
    routes: [
      wanshitong('港澳台签注'),
      police('出入境管理大队', '港澳通行证', ['本人到出入境接待大厅申请（首次办证须到窗口）', '现场拍照、采集指纹，缴费', '约7个工作日后领取，或选择邮寄']),
    ],
    assist: service('other'),
  },
  {
    code: 'exit_entry.taiwan', title: '台湾通行证及签注', category: '出入境',
    synonyms: ['往来台湾通行证', '赴台签注'],
    phrases: ['去台湾要办什么证'],
    summary: '大陆居民往来台湾通行证和签注到出入境窗口办理，可先在线预约。',
    routes: [
      wanshitong('出入境预约'),
      police('出入境管理大队', '台湾通行证', ['本人到出入境接待大厅申请', '现场拍照、采集指纹，缴费', '按窗口告知时间领取']),
    ],
    assist: service('other'),
  },
  {
    code: 'exit_entry.foreigner', title: '外国人住宿登记', category: '出入境',
    synonyms: ['境外人员住宿登记', '外国人临时住宿'],
    phrases: ['家里来了外国朋友要登记吗', '外国人住我家'],
    summary: '外国人在旅馆以外住宿的，留宿人或本人应在入住后24小时内向居住地派出所办理住宿登记。',
    routes: [
      station('居住地派出所', ['入住后24小时内，留宿人带外国人护照到居住地派出所', '填写《境外人员住宿登记表》，民警登记', '外国人离开时告知派出所'], ['外国人护照及有效签证或居留许可', '留宿人身份证', '房屋产权证明或租房合同']),
      police('出入境管理大队', '外国人住宿登记咨询', ['拨打或到出入境接待大厅咨询签证、居留问题']),
    ],
    assist: service('other'),
  },
  // 证明
  {
    code: 'certificate.no_crime', title: '无犯罪记录证明', category: '证明', common: true,
    synonyms: ['无犯罪证明', '无违法犯罪记录证明', '良民证'],
    phrases: ['找工作要开无犯罪证明', '开个没犯过罪的证明'],
    summary: '本人可在皖事通在线申请无犯罪记录证明，审核通过后下载电子证明；也可到户籍地或居住地派出所申请，一般3个工作日内出具。',
    routes: [
      wanshitong('无犯罪记录证明'),
      station('户籍地或居住地派出所', ['本人到户籍地或居住地派出所，填写申请表并说明用途', '民警查询核实', '一般3个工作日内出具，按告知时间领取'], ['居民身份证', '用途说明（如单位的要求）']),
    ],
    assist: service('certificate'),
  },
];
