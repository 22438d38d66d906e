import { CaseKind } from './cases';

/**
 * 办事指引 service routing: where a resident gets a matter done. Police business that can be done
 * online goes to the provincial 皖事通 app; other police business to the 政务服务大厅 window, the
 * resident's own 派出所 or a 警种 department; matters outside police powers to the responsible
 * department, mostly through the 12345 hotline.
 */
export enum RouteType {
  Report = 'report', // 本程序上报（上报矛盾纠纷、上报安全隐患……），民警跟踪办理
  WanShiTong = 'wanshitong', // 皖事通 online
  ServiceHall = 'service_hall', // 政务服务大厅
  Station = 'station', // 派出所
  PoliceDepartment = 'police_department', // 警种部门
  Hotline12345 = 'hotline_12345', // 12345 政务服务便民热线
  Department = 'department', // 其他政府部门
}

export const ROUTE_TYPE_LABELS: Record<RouteType, string> = {
  [RouteType.Report]: '警务室上报',
  [RouteType.WanShiTong]: '皖事通在线办',
  [RouteType.ServiceHall]: '政务服务大厅',
  [RouteType.Station]: '派出所',
  [RouteType.PoliceDepartment]: '公安警种部门',
  [RouteType.Hotline12345]: '12345热线',
  [RouteType.Department]: '其他政府部门',
};

export interface ServiceRoute {
  type: RouteType;
  /** Short heading, e.g. 皖事通“居住证申领”. */
  title: string;
  /** Plain steps a resident can follow alone. */
  steps: string[];
  /** A link the resident can copy (皖事通 web, a department's site). */
  link?: string;
  /** Where and when (大厅, 派出所, 警种窗口). */
  address?: string;
  hours?: string;
  /** What to bring. */
  materials?: string[];
  /** Phone to call (12345, a department). */
  phone?: string;
  /** Department name for 警种 / 其他部门 routes. */
  departmentName?: string;
  /**
   * Filled in by the server when a 皖事通 mini program is configured (WANSHITONG_APP_ID): the
   * client opens it with navigateToMiniProgram; otherwise it shows the steps and the link.
   */
  miniProgram?: { appId: string; path: string } | null;
  /**
   * 警务室上报 routes: the report this product's own 上报 form is opened with (kind and subcategory
   * chosen), and whether the steps offer 申请网上调解 once it is sent.
   */
  report?: ReportPrefill;
}

/** What a 警务室上报 route fills in on the 上报 form. */
export interface ReportPrefill {
  kind: CaseKind;
  subcategory: string;
  /** A dispute the community officer can mediate: the case page then offers 申请调解. */
  mediation?: boolean;
}

/** When to call an emergency number instead of following the routes (110 / 119 / 122). */
export interface EmergencyAdvice {
  /** The situations, as a resident recognises them. */
  when: string;
  phone: string;
}

/** A station's contact as residents see it (派出所名称、地址、电话), from the jurisdiction data. */
export interface StationContact {
  id: number;
  name: string;
  address: string | null;
  phone: string | null;
}

/** A matter of the catalogue (办事事项). */
export interface ServiceMatter {
  /** Stable code, e.g. `household.birth`. */
  code: string;
  title: string;
  /** Group shown in the guide, e.g. 户籍, 证件, 纠纷. */
  category: string;
  /** Other names of the matter (同义词). */
  synonyms: string[];
  /** How residents say it (口语说法), e.g. 孩子上户口, 楼上太吵. */
  phrases: string[];
  summary: string;
  routes: ServiceRoute[];
  /** Shown above the routes: when to call 110 (or 119, 122) at once instead. */
  emergency?: EmergencyAdvice;
  /** For 请民警协助: the service case created for a resident who cannot do it alone. */
  assist: { kind: CaseKind; subcategory: string };
  /** Shown as a common matter on 首页. */
  common?: boolean;
}

/** A matter as the API returns it: with the catalogue version it comes from. */
export interface ServiceMatterView extends ServiceMatter {
  version: number;
}

/** One version of a matter in its history (admins): when it was saved, and whether residents see it now. */
export interface ServiceMatterVersion extends ServiceMatterView {
  savedAt: string;
  current: boolean;
}

export interface ServiceGuideSearchResult {
  query: string;
  matters: ServiceMatterView[];
  /** True when nothing matched well: the client suggests 12345 and 请民警协助. */
  suggestHotline: boolean;
  suggestPoliceHelp: boolean;
}

/** 请民警协助 modes for hard cases (网上帮办, 窗口陪办, 上门服务). */
export enum AssistMode {
  Online = 'online',
  Window = 'window',
  HomeVisit = 'home_visit',
}

export const ASSIST_MODE_LABELS: Record<AssistMode, string> = {
  [AssistMode.Online]: '网上帮办',
  [AssistMode.Window]: '窗口陪办',
  [AssistMode.HomeVisit]: '上门服务',
};

/** POST /api/service-guide/:code/assist (resident, header Idempotency-Key). */
export interface AssistRequest {
  /** The route the resident was looking at. */
  routeType: RouteType;
  /** What they could not do alone. */
  note: string;
  communityId?: number;
}

/** POST /api/cases/:id/assist-plan (officer): a named helper and a mode on record. */
export interface AssistPlanRequest {
  helperName: string;
  mode: AssistMode;
  note?: string;
}

/** PUT /api/service-guide/:code (admin): a new version of one matter. */
export type ServiceMatterUpdate = Omit<ServiceMatter, 'code'>;

export const HOTLINE_12345 = '12345';
const WST_LINK = 'https://www.ahzwfw.gov.cn';
const HALL_ADDRESS = '市政务服务中心公安综合窗口（以当地公布地址为准）';
const OFFICE_HOURS = '工作日 9:00—12:00，13:30—17:00';
const STATION_HOURS = '工作日 8:30—12:00，14:00—17:30（以所在派出所公布为准，部分派出所周末值班）';

/** 皖事通: the service to search for, and what differs from the usual online steps. */
const wanshitong = (service: string, extra: string[] = []): ServiceRoute => ({
  type: RouteType.WanShiTong,
  title: `皖事通“${service}”`,
  steps: ['打开“皖事通”（微信小程序或App），完成实名认证', `搜索“${service}”，按页面提示填写、上传材料并提交`, ...extra, '在“我的办件”里查看进度和结果'],
  link: WST_LINK,
});

const hall = (what: string, materials: string[]): ServiceRoute => ({
  type: RouteType.ServiceHall,
  title: '政务服务大厅公安综合窗口',
  steps: ['带齐材料到市或县（区）政务服务中心取号', `在公安综合窗口说明办理${what}，提交材料`, '按窗口告知的时间和方式领取结果（可选邮寄）'],
  address: HALL_ADDRESS,
  hours: OFFICE_HOURS,
  materials,
});

/**
 * 派出所: the window (户籍窗口 or the station's front desk) and the real steps there. The app shows
 * the resident's own station (name, address, phone) under every 派出所 route.
 */
const station = (title: string, steps: string[], materials: string[] = []): ServiceRoute => ({
  type: RouteType.Station,
  title,
  steps,
  hours: STATION_HOURS,
  ...(materials.length ? { materials } : {}),
});

const police = (departmentName: string, what: string, steps: string[], phone?: string): ServiceRoute => ({
  type: RouteType.PoliceDepartment,
  title: `${departmentName}：${what}`,
  departmentName,
  steps,
  hours: OFFICE_HOURS,
  ...(phone ? { phone } : {}),
});

const hotline = (what: string, who: string): ServiceRoute => ({
  type: RouteType.Hotline12345,
  title: '拨打12345政务服务便民热线',
  steps: ['拨打12345（24小时）', `说明${what}，讲清地点、时间和经过`, `热线派单给${who}办理，记下工单号可随时查询进度`],
  phone: HOTLINE_12345,
});

const department = (departmentName: string, phone: string, steps: string[]): ServiceRoute => ({
  type: RouteType.Department,
  title: `${departmentName}（${phone}）`,
  departmentName,
  phone,
  steps,
});

/** This product's own 上报 form, opened with the kind and subcategory chosen. */
const report = (title: string, kind: CaseKind, subcategory: string, steps: string[], mediation = false): ServiceRoute => ({
  type: RouteType.Report,
  title,
  steps,
  report: { kind, subcategory, ...(mediation ? { mediation: true } : {}) },
});

const disputeReport = (subcategory: string, what: string, extra: string[] = []): ServiceRoute =>
  report('上报矛盾纠纷，申请网上调解', CaseKind.Dispute, subcategory, [
    `点下方“上报矛盾纠纷”，写清${what}`,
    '社区民警受理后联系您，了解双方情况',
    '在“我的上报”打开这条上报，点“申请调解”：民警安排警民联调员，在网上调解室与对方协商，达成的调解协议双方确认',
    ...extra,
  ], true);

const hazardReport = (subcategory: string, what: string, extra: string[] = []): ServiceRoute =>
  report('上报安全隐患', CaseKind.Hazard, subcategory, [
    `点下方“上报安全隐患”，写清${what}，可附照片`,
    '社区民警受理后到现场核查，督促整改；需要其他部门处理的由民警转办并跟踪',
    ...extra,
    '在“我的上报”查看处理进度和结果',
  ]);

const CALL_110 = '110';
const householdWindow = '户籍所在地派出所户籍窗口';

const service = (subcategory: string) => ({ kind: CaseKind.ServiceNeed, subcategory });
const disputeOf = (subcategory: string) => ({ kind: CaseKind.Dispute, subcategory });
const hazardOf = (subcategory: string) => ({ kind: CaseKind.Hazard, subcategory });

/**
 * The seeded catalogue (44 common matters). The server copies it into versioned rows on first
 * start and a migration brings the seeded rows of older databases up to it as new versions; admins
 * edit those rows in 工作台, this list stays the starting point.
 */
export const SERVICE_CATALOGUE: readonly ServiceMatter[] = [
  // 户籍
  {
    code: 'household.birth', title: '出生登记（新生儿落户）', category: '户籍', common: true,
    synonyms: ['新生儿落户', '出生入户', '新生儿上户口', '报户口'],
    phrases: ['孩子上户口', '宝宝上户口', '小孩落户', '给孩子报户口', '刚生了孩子怎么上户口'],
    summary: '婴儿出生后一个月内，由监护人到父亲或母亲户口所在地申报出生登记；可在皖事通“出生一件事”一次办好落户、医保、预防接种。',
    routes: [
      wanshitong('出生一件事', ['落户审核通过后，到派出所户籍窗口领取户口簿增页（或按页面提示邮寄）']),
      station(householdWindow, ['由父亲或母亲（监护人）到任一方户口所在地派出所户籍窗口', '提交出生医学证明等材料，民警当场审核', '符合条件的当场落户，领取户口簿增页'], ['出生医学证明', '父母双方居民身份证、户口簿', '父母结婚证']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.move_in', title: '户籍迁入', category: '户籍', common: true,
    synonyms: ['户口迁入', '落户', '投靠落户', '购房落户', '人才落户'],
    phrases: ['把户口迁过来', '买房了想落户', '户口迁到这边', '投靠子女落户'],
    summary: '符合购房、投靠、人才等落户条件的，向迁入地派出所申请；省内迁移“一站式”办理，跨省迁移可“跨省通办”，不用回迁出地。',
    routes: [
      wanshitong('户口迁入'),
      station('迁入地派出所户籍窗口', ['到迁入地派出所户籍窗口，说明落户类别（购房、投靠、人才等）', '提交材料，民警审核落户条件', '审核通过后直接办理迁入，迁出地手续由公安内部流转'], ['居民身份证', '户口簿', '房屋产权证明或落户条件证明材料']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.move_out', title: '户籍迁出', category: '户籍',
    synonyms: ['户口迁出', '迁出证明', '准迁证'],
    phrases: ['把户口迁走', '户口迁到外地', '开迁移证'],
    summary: '户口迁移由迁入地派出所受理：省内迁移直接在迁入地办理，跨省迁移按迁入地要求“跨省通办”，一般不需要回本地开迁出证明。',
    routes: [
      wanshitong('户口迁移'),
      station('迁入地派出所户籍窗口', ['先到迁入地派出所确认落户条件', '迁入地审核通过后，迁出手续由公安内部办理', '迁入地要求纸质准迁证的，再到本地户籍窗口办理迁出'], ['居民身份证', '户口簿']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.info_change', title: '户口信息变更更正', category: '户籍',
    synonyms: ['户口本信息变更', '改名', '更正出生日期', '变更民族', '户籍信息更正'],
    phrases: ['户口本上名字写错了', '想改名字', '户口本信息不对'],
    summary: '姓名、出生日期、民族等户籍信息的变更或更正，由本人（未成年人由监护人）到户籍所在地派出所申请，经审核后办理。',
    routes: [
      station(householdWindow, ['到户籍所在地派出所户籍窗口填写变更更正申请', '提交能证明正确信息的原始材料（出生医学证明、档案、学籍材料等）', '派出所调查核实后报批，按告知时间领取新户口簿页，再换领身份证'], ['居民身份证', '户口簿', '变更更正的证明材料']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.cancel', title: '死亡注销户口', category: '户籍',
    synonyms: ['户口注销', '销户', '死亡销户'],
    phrases: ['家里老人去世了户口怎么办', '给去世的人销户口'],
    summary: '公民死亡后一个月内，由家属到户籍所在地派出所注销户口，可在皖事通“身后一件事”一并办理社保、医保停保等。',
    routes: [
      wanshitong('身后一件事'),
      station(householdWindow, ['家属到死者户籍所在地派出所户籍窗口', '提交死亡证明和死者证件，民警核对后注销户口', '交回死者居民身份证，领取注销后的户口簿页（可作为继承等事项的证明）'], ['死亡医学证明或火化证明', '死者户口簿、居民身份证', '申报人身份证']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.split', title: '分户、立户', category: '户籍',
    synonyms: ['分户', '立户', '单独立户'],
    phrases: ['想自己单独一个户口本', '从父母户口分出来'],
    summary: '在户籍地有合法固定住所的，可申请分户或立户，由住所所在地派出所办理。',
    routes: [
      station('住所所在地派出所户籍窗口', ['到住所所在地派出所户籍窗口提出分户申请', '提交房屋产权证明，民警核实住所', '审核通过后立户，领取新户口簿'], ['居民身份证', '户口簿', '房屋产权证明']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.certificate', title: '户籍证明开具', category: '户籍',
    synonyms: ['户籍证明', '亲属关系证明', '户口证明'],
    phrases: ['开个户口证明', '证明我们是亲属'],
    summary: '户籍证明、户口簿上能查到的亲属关系证明可在皖事通在线开具，电子证明与纸质同等有效；户口簿上查不到的关系由派出所调查后出具。',
    routes: [
      wanshitong('户籍证明'),
      station(householdWindow, ['到户籍所在地派出所户籍窗口说明证明用途', '户口簿上能查到的当场出具；查不到的由民警调查核实后出具'], ['居民身份证', '户口簿', '证明用途说明']),
    ],
    assist: service('certificate'),
  },
  {
    code: 'household.booklet_reissue', title: '户口簿补领、换领', category: '户籍',
    synonyms: ['户口本丢了', '户口簿补办', '换户口本'],
    phrases: ['户口本丢了怎么办', '户口本破了换一本'],
    summary: '户口簿丢失、损坏的，由户主或户内成员到户籍所在地派出所补领、换领，一般当场办结。',
    routes: [
      station(householdWindow, ['户主或户内成员到户籍所在地派出所户籍窗口', '说明丢失或损坏情况（损坏的交回旧户口簿）', '民警核对户内人员信息后当场补发或换发'], ['户主或成员居民身份证', '损坏的旧户口簿（换领时）']),
    ],
    assist: service('household'),
  },
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

/** Letters and digits of a text, lower case, without spaces or punctuation. */
export function normaliseQuery(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Score below which a matter is not shown. */
export const GUIDE_MIN_SCORE = 30;

/**
 * How well `matter` answers the query (0 = not at all). Titles count most, then other names and
 * how residents say it; otherwise the overlap of two-character pieces between the query and the
 * matter's words (so 身份证掉了 still finds 身份证挂失, and a whole sentence finds its phrasing).
 */
export function scoreMatter(matter: Pick<ServiceMatter, 'title' | 'synonyms' | 'phrases' | 'category'>, query: string): number {
  const q = normaliseQuery(query);
  if (!q) return 0;
  const title = normaliseQuery(matter.title);
  const names = [...matter.synonyms, ...matter.phrases].map(normaliseQuery).filter(Boolean);
  if (title === q) return 100;
  if (names.includes(q)) return 90;
  const qLen = Array.from(q).length;
  if (qLen >= 2 && title.includes(q)) return 75;
  if (names.some((n) => qLen >= 2 && n.includes(q))) return 65;
  if (q.includes(title) || names.some((n) => Array.from(n).length >= 2 && q.includes(n))) return 60;
  const qGrams = bigrams(q);
  if (!qGrams.size) return 0;
  const words = [title, ...names, normaliseQuery(matter.category)];
  const queryCovered = [...qGrams].filter((g) => words.some((w) => w.includes(g))).length / qGrams.size;
  // A long sentence around a known phrasing: most of one name's pieces appear in the query.
  const nameCovered = Math.max(
    0,
    ...[title, ...names].map((w) => {
      const grams = [...bigrams(w)];
      return grams.length >= 2 ? grams.filter((g) => qGrams.has(g)).length / grams.length : 0;
    }),
  );
  return Math.round(Math.max(queryCovered, nameCovered * 0.9) * 55);
}

/** Ranked matters for a query (best first, ties in catalogue order); an empty query gives the common ones. */
export function searchMatters<T extends ServiceMatter>(matters: readonly T[], query: string, limit = 10): T[] {
  if (!normaliseQuery(query)) return matters.filter((m) => m.common).slice(0, limit);
  return matters
    .map((m, index) => ({ m, index, score: scoreMatter(m, query) }))
    .filter((x) => x.score >= GUIDE_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.m);
}
