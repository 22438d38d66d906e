import type { CaseKind } from '../cases';

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
