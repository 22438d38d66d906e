import { CaseKind } from './cases';

/**
 * 办事指引 service routing: where a resident gets a matter done. Police business that can be done
 * online goes to the provincial 皖事通 app; other police business to the 政务服务大厅 window, the
 * resident's own 派出所 or a 警种 department; matters outside police powers to the responsible
 * department, mostly through the 12345 hotline.
 */
export enum RouteType {
  WanShiTong = 'wanshitong', // 皖事通 online
  ServiceHall = 'service_hall', // 政务服务大厅
  Station = 'station', // 派出所
  PoliceDepartment = 'police_department', // 警种部门
  Hotline12345 = 'hotline_12345', // 12345 政务服务便民热线
  Department = 'department', // 其他政府部门
}

export const ROUTE_TYPE_LABELS: Record<RouteType, string> = {
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

const wanshitong = (service: string, extra: string[] = []): ServiceRoute => ({
  type: RouteType.WanShiTong,
  title: `皖事通“${service}”`,
  steps: ['打开“皖事通”（微信小程序或App）', `搜索“${service}”`, '实名认证后按提示填写、上传材料并提交', ...extra, '在“我的办件”里查看进度'],
  link: WST_LINK,
});

const hall = (materials: string[], window = '公安综合窗口'): ServiceRoute => ({
  type: RouteType.ServiceHall,
  title: `政务服务大厅${window}`,
  steps: ['带齐材料到大厅取号', `在${window}提交材料`, '按窗口告知的时间领取结果'],
  address: HALL_ADDRESS,
  hours: OFFICE_HOURS,
  materials,
});

const station = (what: string, materials: string[] = ['本人居民身份证']): ServiceRoute => ({
  type: RouteType.Station,
  title: `派出所户籍窗口：${what}`,
  steps: ['到户籍所在地（或居住地）派出所户籍窗口', `说明要办理${what}`, '现场核验后办理'],
  hours: '工作日 8:30—12:00，14:00—17:30（部分派出所周末值班）',
  materials,
});

const police = (departmentName: string, what: string, phone?: string): ServiceRoute => ({
  type: RouteType.PoliceDepartment,
  title: `${departmentName}：${what}`,
  departmentName,
  steps: [`到${departmentName}服务窗口或拨打咨询电话`, `说明要办理${what}`],
  hours: OFFICE_HOURS,
  ...(phone ? { phone } : {}),
});

const hotline = (what: string): ServiceRoute => ({
  type: RouteType.Hotline12345,
  title: '拨打12345政务服务便民热线',
  steps: ['拨打12345（24小时）', `说明${what}，讲清地点和经过`, '记下工单号，可随时查询办理进度'],
  phone: HOTLINE_12345,
});

const department = (departmentName: string, phone: string, what: string): ServiceRoute => ({
  type: RouteType.Department,
  title: `${departmentName}（${phone}）`,
  departmentName,
  phone,
  steps: [`拨打${phone}联系${departmentName}`, `说明${what}`],
});

const service = (subcategory: string) => ({ kind: CaseKind.ServiceNeed, subcategory });
const disputeOf = (subcategory: string) => ({ kind: CaseKind.Dispute, subcategory });
const hazardOf = (subcategory: string) => ({ kind: CaseKind.Hazard, subcategory });

/**
 * The seeded catalogue (at least 40 common matters). The server copies it into versioned rows
 * on first start; admins edit those rows in 工作台, this list stays the starting point.
 */
export const SERVICE_CATALOGUE: readonly ServiceMatter[] = [
  // 户籍
  {
    code: 'household.birth', title: '出生登记（新生儿落户）', category: '户籍', common: true,
    synonyms: ['新生儿落户', '出生入户', '新生儿上户口', '报户口'],
    phrases: ['孩子上户口', '宝宝上户口', '小孩落户', '给孩子报户口', '刚生了孩子怎么上户口'],
    summary: '新生儿出生后在父亲或母亲户口所在地申报户口，可在皖事通“出生一件事”在线办理。',
    routes: [wanshitong('出生一件事', ['同时可办理预防接种、医保参保']), station('出生登记', ['出生医学证明', '父母双方居民身份证、户口簿', '结婚证'])],
    assist: service('household'),
  },
  {
    code: 'household.move_in', title: '户籍迁入', category: '户籍', common: true,
    synonyms: ['户口迁入', '落户', '投靠落户', '购房落户', '人才落户'],
    phrases: ['把户口迁过来', '买房了想落户', '户口迁到这边', '投靠子女落户'],
    summary: '符合落户条件的，可在皖事通申请户口迁入（省内“跨省通办”“迁移一站办”），或到迁入地派出所办理。',
    routes: [wanshitong('户口迁入'), station('户口迁入', ['居民身份证', '户口簿', '房产证或落户条件证明材料'])],
    assist: service('household'),
  },
  {
    code: 'household.move_out', title: '户籍迁出', category: '户籍',
    synonyms: ['户口迁出', '迁出证明', '准迁证'],
    phrases: ['把户口迁走', '户口迁到外地', '开迁移证'],
    summary: '省内迁移实行“一站式”办理，迁入地直接办理；跨省迁移按迁入地要求办理。',
    routes: [wanshitong('户口迁移'), station('户口迁出')],
    assist: service('household'),
  },
  {
    code: 'household.info_change', title: '户口信息变更更正', category: '户籍',
    synonyms: ['户口本信息变更', '改名', '更正出生日期', '变更民族', '户籍信息更正'],
    phrases: ['户口本上名字写错了', '想改名字', '户口本信息不对'],
    summary: '姓名、出生日期等户籍信息的变更、更正，需到户籍所在地派出所申请。',
    routes: [station('户口信息变更更正', ['居民身份证', '户口簿', '变更更正的证明材料'])],
    assist: service('household'),
  },
  {
    code: 'household.cancel', title: '死亡注销户口', category: '户籍',
    synonyms: ['户口注销', '销户', '死亡销户'],
    phrases: ['家里老人去世了户口怎么办', '给去世的人销户口'],
    summary: '公民死亡后，家属持死亡证明到户籍所在地派出所注销户口，可在皖事通“身后一件事”办理。',
    routes: [wanshitong('身后一件事'), station('死亡注销户口', ['死亡医学证明或火化证明', '死者户口簿、居民身份证', '申报人身份证'])],
    assist: service('household'),
  },
  {
    code: 'household.split', title: '分户、立户', category: '户籍',
    synonyms: ['分户', '立户', '单独立户'],
    phrases: ['想自己单独一个户口本', '从父母户口分出来'],
    summary: '有合法固定住所的可申请分户或立户，到住所地派出所办理。',
    routes: [station('分户立户', ['居民身份证', '户口簿', '房屋产权证明'])],
    assist: service('household'),
  },
  {
    code: 'household.certificate', title: '户籍证明开具', category: '户籍',
    synonyms: ['户籍证明', '亲属关系证明', '户口证明'],
    phrases: ['开个户口证明', '证明我们是亲属'],
    summary: '户籍证明、亲属关系证明多数可在皖事通在线开具，电子证明与纸质同等有效。',
    routes: [wanshitong('户籍证明'), station('户籍证明开具')],
    assist: service('certificate'),
  },
  {
    code: 'household.booklet_reissue', title: '户口簿补领、换领', category: '户籍',
    synonyms: ['户口本丢了', '户口簿补办', '换户口本'],
    phrases: ['户口本丢了怎么办', '户口本破了换一本'],
    summary: '户口簿丢失、损坏的，由户主或成员到户籍所在地派出所补领、换领。',
    routes: [station('户口簿补领换领', ['户主或成员居民身份证'])],
    assist: service('household'),
  },
  // 身份证
  {
    code: 'id_card.apply', title: '身份证办理（首次、换领）', category: '身份证', common: true,
    synonyms: ['身份证申领', '身份证换领', '身份证到期', '办身份证'],
    phrases: ['身份证快过期了', '孩子第一次办身份证', '身份证换新'],
    summary: '首次申领、到期换领身份证，可在派出所或政务服务大厅办理；异地可“跨省通办”。',
    routes: [station('身份证申领换领', ['户口簿', '原身份证（换领时）']), hall(['户口簿', '原身份证（换领时）']), wanshitong('身份证办理进度查询')],
    assist: service('household'),
  },
  {
    code: 'id_card.lost', title: '身份证挂失、补领', category: '身份证', common: true,
    synonyms: ['身份证挂失', '身份证补办', '身份证丢失'],
    phrases: ['身份证丢了', '身份证被偷了', '钱包连身份证一起丢了'],
    summary: '身份证丢失先挂失防止被冒用，再到派出所或大厅补领；急用可申请临时身份证。',
    routes: [wanshitong('身份证挂失'), station('身份证补领和临时身份证', ['户口簿'])],
    assist: service('household'),
  },
  {
    code: 'id_card.temporary', title: '临时身份证', category: '身份证',
    synonyms: ['临时身份证明', '乘机证明'],
    phrases: ['身份证丢了要坐火车', '急用身份证'],
    summary: '正在申领、换领、补领身份证期间急用的，可申请临时居民身份证，或在皖事通生成电子身份证明。',
    routes: [station('临时身份证', ['户口簿']), wanshitong('电子身份证明')],
    assist: service('household'),
  },
  // 居住
  {
    code: 'residence.permit', title: '居住证', category: '居住', common: true,
    synonyms: ['居住证申领', '居住证签注', '暂住证', '流动人口居住登记'],
    phrases: ['外地人办居住证', '在这边租房要办什么证', '居住证到期续签'],
    summary: '在居住地居住半年以上的非户籍人员，可在皖事通申领居住证、办理年度签注。',
    routes: [wanshitong('居住证申领'), station('居住登记和居住证', ['居民身份证', '租房合同或住所证明', '就业、就学证明'])],
    assist: service('household'),
  },
  {
    code: 'residence.rental_registration', title: '出租房屋登记', category: '居住',
    synonyms: ['出租屋登记', '房屋出租备案', '租客登记'],
    phrases: ['房子租出去要登记吗', '租客信息怎么报'],
    summary: '出租房屋的房东应登记租客信息，可在皖事通或向社区民警报送。',
    routes: [wanshitong('出租房屋登记'), station('出租房屋和租客登记', ['房东身份证', '房产证明', '租客身份证'])],
    assist: service('household'),
  },
  // 出入境
  {
    code: 'exit_entry.passport', title: '护照办理', category: '出入境', common: true,
    synonyms: ['护照申领', '普通护照', '护照换发', '出国证件'],
    phrases: ['出国要办护照', '护照过期了'],
    summary: '普通护照实行全国通办，可在皖事通预约，到出入境窗口采集指纹后办理。',
    routes: [wanshitong('出入境预约'), police('出入境管理大队', '护照办理')],
    assist: service('other'),
  },
  {
    code: 'exit_entry.hk_macau', title: '港澳通行证及签注', category: '出入境',
    synonyms: ['港澳通行证', '港澳签注', '往来港澳通行证'],
    phrases: ['去香港要办什么', '去澳门旅游签注'],
    summary: '往来港澳通行证可全国通办；再次签注可在皖事通或自助签注机办理。',
    routes: [wanshitong('港澳台签注'), police('出入境管理大队', '港澳通行证')],
    assist: service('other'),
  },
  {
    code: 'exit_entry.taiwan', title: '台湾通行证及签注', category: '出入境',
    synonyms: ['往来台湾通行证', '赴台签注'],
    phrases: ['去台湾要办什么证'],
    summary: '往来台湾通行证和签注到出入境窗口或在线预约办理。',
    routes: [wanshitong('出入境预约'), police('出入境管理大队', '台湾通行证')],
    assist: service('other'),
  },
  {
    code: 'exit_entry.foreigner', title: '外国人住宿登记', category: '出入境',
    synonyms: ['境外人员住宿登记', '外国人临时住宿'],
    phrases: ['家里来了外国朋友要登记吗', '外国人住我家'],
    summary: '外国人在旅馆以外住宿的，应在入住后24小时内向派出所办理住宿登记。',
    routes: [station('外国人住宿登记', ['外国人护照', '留宿人身份证']), police('出入境管理大队', '外国人住宿登记')],
    assist: service('other'),
  },
  // 证明
  {
    code: 'certificate.no_crime', title: '无犯罪记录证明', category: '证明', common: true,
    synonyms: ['无犯罪证明', '无违法犯罪记录证明', '良民证'],
    phrases: ['找工作要开无犯罪证明', '开个没犯过罪的证明'],
    summary: '本人可在皖事通在线申请无犯罪记录证明，审核通过后下载电子证明。',
    routes: [wanshitong('无犯罪记录证明'), station('无犯罪记录证明', ['居民身份证', '用途说明'])],
    assist: service('certificate'),
  },
  // 交通
  {
    code: 'traffic.violation', title: '交通违法处理', category: '交通', common: true,
    synonyms: ['违章处理', '交通违章', '罚款缴纳', '电子警察'],
    phrases: ['车子被拍了', '违章怎么交罚款', '查违章'],
    summary: '非现场交通违法可在“交管12123”App或皖事通查询、处理并缴纳罚款。',
    routes: [wanshitong('交通违法处理', ['也可用“交管12123”App办理']), police('交警大队', '交通违法处理', '122')],
    assist: service('other'),
  },
  {
    code: 'traffic.license', title: '驾驶证业务', category: '交通',
    synonyms: ['驾驶证换证', '驾照补办', '驾驶证到期', '驾照'],
    phrases: ['驾照快到期了', '驾驶证丢了', '驾照分扣完了'],
    summary: '驾驶证换领、补领、提交体检证明等可在“交管12123”App办理，也可到车管所。',
    routes: [wanshitong('驾驶证业务', ['也可用“交管12123”App办理']), police('车辆管理所', '驾驶证业务')],
    assist: service('other'),
  },
  {
    code: 'traffic.vehicle', title: '机动车登记与检验', category: '交通',
    synonyms: ['上牌', '车辆年检', '过户', '机动车登记'],
    phrases: ['新车上牌', '车子年审', '二手车过户'],
    summary: '机动车注册、转移登记到车管所或机动车登记服务站，6年内免检车可在线申领检验标志。',
    routes: [police('车辆管理所', '机动车登记'), wanshitong('机动车检验标志')],
    assist: service('other'),
  },
  {
    code: 'traffic.ebike', title: '电动自行车上牌', category: '交通',
    synonyms: ['电动车上牌', '电动车登记', '电瓶车牌照'],
    phrases: ['电瓶车上牌照', '新买的电动车怎么上牌'],
    summary: '电动自行车凭购车发票、合格证和身份证到登记点上牌，部分地区可在线预约。',
    routes: [police('交警大队', '电动自行车登记'), wanshitong('电动自行车登记预约')],
    assist: service('other'),
  },
  {
    code: 'traffic.accident', title: '交通事故处理', category: '交通',
    synonyms: ['车祸', '剐蹭', '交通事故快处'],
    phrases: ['车被蹭了', '撞车了怎么办'],
    summary: '有人员伤亡的立即拨打122或110；轻微财产损失事故可用“交管12123”快处快赔。',
    routes: [police('交警大队', '交通事故处理', '122')],
    assist: service('other'),
  },
  {
    code: 'traffic.parking', title: '乱停车、占用消防通道', category: '交通',
    synonyms: ['违停', '乱停车', '堵消防通道', '车辆挡道'],
    phrases: ['门口车子挡着出不去', '小区消防通道被车堵了'],
    summary: '道路违停可向交警反映；小区内乱停车由物业管理，占用消防通道可报告民警或消防部门。',
    routes: [police('交警大队', '违停举报', '122'), hotline('乱停车的位置和车牌')],
    assist: hazardOf('traffic'),
  },
  // 治安
  {
    code: 'public_security.dog', title: '犬类登记', category: '治安',
    synonyms: ['养狗登记', '犬证', '狗证', '犬只免疫登记'],
    phrases: ['养狗要办证吗', '给狗上户口', '狗咬人了'],
    summary: '城市养犬应登记并年检，携带犬只出户须拴绳；犬只伤人可报警。',
    routes: [police('治安管理大队', '犬类登记'), hotline('不文明养犬的地点')],
    assist: service('other'),
  },
  {
    code: 'public_security.noise', title: '噪音扰民', category: '治安', common: true,
    synonyms: ['噪声扰民', '夜间施工噪音', '广场舞噪音', '装修噪音'],
    phrases: ['楼上太吵', '半夜装修', '邻居吵得睡不着', '广场舞声音太大', '工地晚上施工'],
    summary: '生活噪音可先由社区民警或物业调解；夜间施工噪音由住建、生态环境部门处理，可拨打12345。',
    routes: [hotline('噪音的地点和时间段'), station('噪音扰民调解', [])],
    assist: disputeOf('neighbour'),
  },
  {
    code: 'public_security.lost_found', title: '失物招领', category: '治安',
    synonyms: ['捡到东西', '丢东西', '失物'],
    phrases: ['捡到一个钱包', '手机丢了'],
    summary: '拾到物品可交给社区民警或派出所；财物被盗请报警。',
    routes: [station('失物招领', [])],
    assist: service('lost'),
  },
  {
    code: 'public_security.fraud', title: '防诈骗咨询与反诈', category: '治安',
    synonyms: ['电信诈骗', '网络诈骗', '反诈'],
    phrases: ['接到可疑电话', '被骗了钱', '有人让我转账'],
    summary: '正在被骗请立即拨打110或96110；已被骗请保存证据后报警。',
    routes: [police('反诈中心', '诈骗报案与咨询', '96110')],
    assist: { kind: CaseKind.CrimeLead, subcategory: 'fraud' },
  },
  {
    code: 'public_security.fire', title: '消防隐患', category: '治安',
    synonyms: ['楼道堆物', '电动车楼道充电', '飞线充电', '消防栓损坏'],
    phrases: ['楼道里给电瓶车充电', '楼道堆满东西', '消防通道堵了'],
    summary: '楼道堆物、飞线充电等消防隐患可向社区民警上报，也可拨打96119举报。',
    routes: [station('消防隐患上报', []), department('消防救援支队', '96119', '隐患位置')],
    assist: hazardOf('fire'),
  },
  // 纠纷
  {
    code: 'dispute.neighbour', title: '邻里纠纷', category: '纠纷', common: true,
    synonyms: ['邻居矛盾', '邻里矛盾', '漏水纠纷'],
    phrases: ['和邻居吵架了', '楼上漏水到我家', '邻居占用公共过道'],
    summary: '邻里纠纷可申请社区民警和警民联调员调解，网上调解不成的到警民联调室。',
    routes: [station('邻里纠纷调解', [])],
    assist: disputeOf('neighbour'),
  },
  {
    code: 'dispute.family', title: '家庭纠纷、家暴', category: '纠纷',
    synonyms: ['家庭矛盾', '家庭暴力', '婚姻纠纷'],
    phrases: ['老公打我', '家里吵架', '家暴'],
    summary: '正在遭受家暴请立即拨打110；家庭矛盾可申请调解，妇联热线12338可求助。',
    routes: [station('家庭纠纷调解、家暴告诫', []), department('妇联维权热线', '12338', '需要的帮助')],
    assist: disputeOf('family'),
  },
  {
    code: 'dispute.property', title: '物业纠纷', category: '纠纷',
    synonyms: ['物业费纠纷', '物业服务投诉', '业委会'],
    phrases: ['物业不管事', '物业乱收费', '电梯坏了物业不修'],
    summary: '物业服务问题由住建（物业）部门管理，可拨打12345；涉及治安的可找社区民警。',
    routes: [hotline('小区名称和物业问题'), department('住房和城乡建设局物业科', HOTLINE_12345, '物业服务问题')],
    assist: disputeOf('property'),
  },
  {
    code: 'dispute.wages', title: '劳资欠薪', category: '纠纷', common: true,
    synonyms: ['拖欠工资', '讨薪', '欠薪', '劳动纠纷'],
    phrases: ['老板不给工资', '工资拖了好几个月', '包工头跑了'],
    summary: '拖欠工资由人社部门劳动保障监察处理，拨打12333或12345；聚集讨薪请理性表达诉求。',
    routes: [department('人力资源和社会保障局劳动保障监察', '12333', '用人单位和欠薪情况'), hotline('欠薪情况')],
    assist: disputeOf('wages'),
  },
  {
    code: 'dispute.consumer', title: '消费纠纷', category: '纠纷',
    synonyms: ['消费投诉', '退款纠纷', '商家欺诈'],
    phrases: ['买到假货', '商家不退钱', '预付卡老板跑路了'],
    summary: '消费纠纷由市场监管部门处理，拨打12315；涉嫌诈骗的可报警。',
    routes: [department('市场监督管理局', '12315', '商家和消费经过'), hotline('消费纠纷情况')],
    assist: disputeOf('consumer'),
  },
  {
    code: 'dispute.land', title: '土地、拆迁纠纷', category: '纠纷',
    synonyms: ['宅基地纠纷', '征地拆迁', '土地承包纠纷'],
    phrases: ['宅基地被占了', '拆迁补偿不合理'],
    summary: '土地、征收纠纷由乡镇（街道）和自然资源部门处理，可拨打12345反映。',
    routes: [hotline('土地或拆迁纠纷的情况'), department('自然资源和规划局', HOTLINE_12345, '土地纠纷')],
    assist: disputeOf('other'),
  },
  {
    code: 'dispute.traffic_compensation', title: '交通事故赔偿纠纷', category: '纠纷',
    synonyms: ['事故赔偿', '车损赔偿'],
    phrases: ['撞车后对方不赔钱'],
    summary: '交通事故赔偿可申请交警调解，调解不成可向法院起诉。',
    routes: [police('交警大队事故处理中队', '事故赔偿调解', '122')],
    assist: disputeOf('other'),
  },
  // 民生
  {
    code: 'livelihood.municipal', title: '市政设施损坏', category: '民生', common: true,
    synonyms: ['路灯不亮', '井盖丢失', '道路破损', '下水道堵塞'],
    phrases: ['路灯坏了', '井盖没了', '路上有个大坑', '下水道堵了'],
    summary: '路灯、井盖、道路等市政设施由城管（市政）部门维修，拨打12345或12319。',
    routes: [hotline('设施的位置和损坏情况'), department('城市管理局', '12319', '设施位置')],
    assist: hazardOf('facility'),
  },
  {
    code: 'livelihood.street_vendor', title: '占道经营', category: '民生',
    synonyms: ['流动摊贩', '占道摆摊', '店外经营'],
    phrases: ['门口有人摆摊', '摊贩占了人行道', '夜市太乱'],
    summary: '占道经营由城管部门管理，拨打12345或12319。',
    routes: [hotline('摆摊的位置和时间'), department('城市管理局', '12319', '占道经营位置')],
    assist: service('other'),
  },
  {
    code: 'livelihood.environment', title: '环境污染', category: '民生',
    synonyms: ['油烟扰民', '污水排放', '垃圾焚烧', '异味'],
    phrases: ['楼下饭店油烟太大', '河里有人排污水', '有人烧垃圾'],
    summary: '环境污染由生态环境部门处理，拨打12369或12345。',
    routes: [department('生态环境局', '12369', '污染位置和时间'), hotline('污染情况')],
    assist: service('other'),
  },
  {
    code: 'livelihood.water_power', title: '停水停电停气', category: '民生',
    synonyms: ['停水', '停电', '燃气故障', '供暖'],
    phrases: ['家里没水了', '小区停电了', '暖气不热'],
    summary: '水、电、气故障拨打各公司服务电话（供电95598），或拨打12345。',
    routes: [department('国网供电服务', '95598', '停电地址'), hotline('停水停电的小区和时间')],
    assist: service('other'),
  },
  {
    code: 'livelihood.social_security', title: '社保医保', category: '民生',
    synonyms: ['社保缴费', '医保报销', '养老保险', '退休'],
    phrases: ['社保怎么交', '医保卡怎么用', '退休金'],
    summary: '社保业务在皖事通或人社窗口办理，医保业务拨打12393。',
    routes: [wanshitong('社保服务'), department('医疗保障局', '12393', '医保问题'), department('人力资源和社会保障局', '12333', '社保问题')],
    assist: service('other'),
  },
  {
    code: 'livelihood.elderly_help', title: '困难群众求助', category: '民生',
    synonyms: ['困难救助', '低保', '独居老人', '临时救助'],
    phrases: ['家里困难需要帮助', '独居老人没人照顾', '生病没钱看'],
    summary: '低保、临时救助由民政部门和街道办理；紧急困难可找社区民警协助。',
    routes: [department('民政局', HOTLINE_12345, '困难情况'), station('困难群众求助', [])],
    assist: service('help'),
  },
  {
    code: 'livelihood.school', title: '入学、教育问题', category: '民生',
    synonyms: ['孩子入学', '学区', '转学', '校外培训'],
    phrases: ['孩子上学', '学籍问题'],
    summary: '入学、学籍问题由教育部门处理；入学需要的户籍、居住证明可在皖事通开具。',
    routes: [hotline('入学问题'), wanshitong('居住证明')],
    assist: service('other'),
  },
  {
    code: 'livelihood.housing_provident', title: '住房公积金', category: '民生',
    synonyms: ['公积金提取', '公积金贷款'],
    phrases: ['公积金怎么取'],
    summary: '公积金提取、贷款在皖事通或公积金中心办理，热线12329。',
    routes: [wanshitong('公积金提取'), department('住房公积金管理中心', '12329', '公积金业务')],
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
