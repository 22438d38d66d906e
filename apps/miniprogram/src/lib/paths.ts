// Page paths and the sign-in return address: plain functions with no Taro import, so the unit
// tier (node) tests them; routes.ts re-exports them with the helpers that read the session.

/** Page paths, in one place so navigation calls and the tab bar cannot drift from app.config.ts. */
export const ROUTES = {
  home: '/pages/home/index',
  report: '/pages/report/index',
  mine: '/pages/mine/index',
  workbench: '/pages/workbench/index',
  join: '/pages/join/index',
  login: '/pages/login/index',
  case: '/pages/case/index',
  /** The case page of staff, with the handling tools (packageOfficer, loaded only by them). */
  officerCase: '/packageOfficer/case/index',
  notifications: '/pages/notifications/index',
  officerCommunity: '/packageOfficer/community/index',
  officerQueue: '/packageOfficer/queue/index',
  unsealLog: '/packageOfficer/unseal-log/index',
  supervision: '/packageOfficer/supervision/index',
  guide: '/pages/guide/index',
  matter: '/pages/matter/index',
  refer: '/packageReferral/refer/index',
  referralInbox: '/packageReferral/inbox/index',
  referral: '/packageReferral/detail/index',
  referralAgenda: '/packageReferral/agenda/index',
  governanceDigest: '/packageReferral/digest/index',
  guideEdit: '/packageReferral/guide-edit/index',
  referralTargets: '/packageReferral/targets/index',
  deadLetters: '/packageReferral/dead-letters/index',
  room: '/packageMediation/room/index',
  /** 输入调解邀请码: a code received by message opens the room (no link in the mini program). */
  roomCode: '/packageMediation/room-code/index',
  offlineRooms: '/packageMediation/offline-rooms/index',
  /** 调解协议书 of a room (`?roomId=`), laid out for printing. */
  agreement: '/packageMediation/agreement/index',
  /** 人员邀请 (leaders and admins), 领取邀请 (the invitee, `?token=`), 审计日志 (admins and city leaders). */
  staffInvites: '/packageAdmin/staff-invites/index',
  staffClaim: '/packageAdmin/staff-claim/index',
  audit: '/packageAdmin/audit/index',
  /** 公告: a reader's list and one bulletin (main package); writing, review and pushing (packageBulletin). */
  bulletins: '/pages/bulletins/index',
  bulletin: '/pages/bulletin/index',
  bulletinWrite: '/packageBulletin/write/index',
  bulletinList: '/packageBulletin/list/index',
  bulletinManage: '/packageBulletin/manage/index',
  bulletinStats: '/packageBulletin/stats/index',
  /** 传言: the staff's list of their scope (packageBulletin); 报告传言 and 我的传言报告 (packageRumour). */
  rumourList: '/packageBulletin/rumours/index',
  rumourReport: '/packageRumour/report/index',
  rumoursMine: '/packageRumour/mine/index',
  /** 微信群绑定: WeChat groups the officer's share cards were opened from, to bind to their groups. */
  bulletinWechatGroups: '/packageBulletin/wechat-groups/index',
  figures: '/packageFigures/figures/index',
  figureRecords: '/packageFigures/records/index',
  /** 责任追究 (信访/督察): the overdue list with trails, one case's trail with 核查, the 核查 history. */
  inspection: '/packageInspection/list/index',
  inspectionCase: '/packageInspection/case/index',
  inquiries: '/packageInspection/inquiries/index',
  /** 会商调度 (leaders): the schedule, a period's printable 研判材料 (`?from=&orgId=`), the record form (`?from=`), a review (`?id=`), 重大问题; 我的督办事项. */
  reviews: '/packageReview/reviews/index',
  reviewPacket: '/packageReview/packet/index',
  reviewRecord: '/packageReview/record/index',
  review: '/packageReview/review/index',
  majorIssues: '/packageReview/issues/index',
  followUps: '/packageReview/follow-ups/index',
  /** 激励奖励: 一事一奖 (propose `?caseId=`, the staff list with 审批), 我的奖励 (residents), 成绩突出社区民警 (leaders). */
  rewardPropose: '/packageRewards/propose/index',
  rewards: '/packageRewards/list/index',
  myRewards: '/packageRewards/mine/index',
  officerRanking: '/packageRewards/ranking/index',
} as const

/** A mediation room opened with an invitation code (the value its link carries as `?invite=`). */
export const roomInviteUrl = (code: string): string => `${ROUTES.room}?invite=${encodeURIComponent(code)}`

/** The login page, to come back to `address` once signed in (a deep link, or where a visitor acted). */
export const loginUrl = (address?: string): string =>
  address ? `${ROUTES.login}?redirect=${encodeURIComponent(address)}` : ROUTES.login

const APP_PAGES = new Set<string>(Object.values(ROUTES))

/**
 * Where to go after signing in: `redirect` when it names a page of this app other than the login
 * page (anything else, e.g. an outside address, is ignored), else 首页.
 */
export function afterLoginUrl(redirect: string | undefined): string {
  if (!redirect) return ROUTES.home
  const address = decodeURIComponent(redirect)
  const path = address.split('?')[0]
  return APP_PAGES.has(path) && path !== ROUTES.login ? address : ROUTES.home
}
