import { CaseKind } from '../cases';
import { RouteType, type ServiceRoute } from './types';

/* Builders of the catalogue's routes (one per kind of place), shared by its category files. */

export const HOTLINE_12345 = '12345';
export const WST_LINK = 'https://www.ahzwfw.gov.cn';
export const HALL_ADDRESS = '市政务服务中心公安综合窗口（以当地公布地址为准）';
export const OFFICE_HOURS = '工作日 9:00—12:00，13:30—17:00';
export const STATION_HOURS = '工作日 8:30—12:00，14:00—17:30（以所在派出所公布为准，部分派出所周末值班）';

/** 皖事通: the service to search for, and what differs from the usual online steps. */
export const wanshitong = (service: string, extra: string[] = []): ServiceRoute => ({
  type: RouteType.WanShiTong,
  title: `皖事通“${service}”`,
  steps: ['打开“皖事通”（微信小程序或App），完成实名认证', `搜索“${service}”，按页面提示填写、上传材料并提交`, ...extra, '在“我的办件”里查看进度和结果'],
  link: WST_LINK,
});

export const hall = (what: string, materials: string[]): ServiceRoute => ({
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
export const station = (title: string, steps: string[], materials: string[] = []): ServiceRoute => ({
  type: RouteType.Station,
  title,
  steps,
  hours: STATION_HOURS,
  ...(materials.length ? { materials } : {}),
});

export const police = (departmentName: string, what: string, steps: string[], phone?: string): ServiceRoute => ({
  type: RouteType.PoliceDepartment,
  title: `${departmentName}：${what}`,
  departmentName,
  steps,
  hours: OFFICE_HOURS,
  ...(phone ? { phone } : {}),
});

export const hotline = (what: string, who: string): ServiceRoute => ({
  type: RouteType.Hotline12345,
  title: '拨打12345政务服务便民热线',
  steps: ['拨打12345（24小时）', `说明${what}，讲清地点、时间和经过`, `热线派单给${who}办理，记下工单号可随时查询进度`],
  phone: HOTLINE_12345,
});

export const department = (departmentName: string, phone: string, steps: string[]): ServiceRoute => ({
  type: RouteType.Department,
  title: `${departmentName}（${phone}）`,
  departmentName,
  phone,
  steps,
});

/** This product's own 上报 form, opened with the kind and subcategory chosen. */
export const report = (title: string, kind: CaseKind, subcategory: string, steps: string[], mediation = false): ServiceRoute => ({
  type: RouteType.Report,
  title,
  steps,
  report: { kind, subcategory, ...(mediation ? { mediation: true } : {}) },
});

export const disputeReport = (subcategory: string, what: string, extra: string[] = []): ServiceRoute =>
  report('上报矛盾纠纷，申请网上调解', CaseKind.Dispute, subcategory, [
    `点下方“上报矛盾纠纷”，写清${what}`,
    '社区民警受理后联系您，了解双方情况',
    '在“我的上报”打开这条上报，点“申请调解”：民警安排警民联调员，在网上调解室与对方协商，达成的调解协议双方确认',
    ...extra,
  ], true);

export const hazardReport = (subcategory: string, what: string, extra: string[] = []): ServiceRoute =>
  report('上报安全隐患', CaseKind.Hazard, subcategory, [
    `点下方“上报安全隐患”，写清${what}，可附照片`,
    '社区民警受理后到现场核查，督促整改；需要其他部门处理的由民警转办并跟踪',
    ...extra,
    '在“我的上报”查看处理进度和结果',
  ]);

export const CALL_110 = '110';
export const householdWindow = '户籍所在地派出所户籍窗口';

export const service = (subcategory: string) => ({ kind: CaseKind.ServiceNeed, subcategory });
export const disputeOf = (subcategory: string) => ({ kind: CaseKind.Dispute, subcategory });
export const hazardOf = (subcategory: string) => ({ kind: CaseKind.Hazard, subcategory });
