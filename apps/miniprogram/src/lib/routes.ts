import { Permission, type UserView } from '@jws/contracts'

import { getUser, userCan } from '../session/store'

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
  offlineRooms: '/packageMediation/offline-rooms/index',
} as const

export type TabKey = 'home' | 'report' | 'mine' | 'workbench'

export interface TabItem {
  key: TabKey
  text: string
  path: string
}

/** Order of the tab bar. 工作台 is filtered out for users without Permission.WorkbenchAccess. */
export const TABS: readonly TabItem[] = [
  { key: 'home', text: '首页', path: ROUTES.home },
  { key: 'report', text: '上报', path: ROUTES.report },
  { key: 'mine', text: '我的', path: ROUTES.mine },
  { key: 'workbench', text: '工作台', path: ROUTES.workbench },
]

/** Staff (who may read cases) handle a report on their own case page. */
export const isStaffCaseReader = (user: UserView | null): boolean => userCan(user, Permission.CaseRead)

/** The page of one report (上报), as the signed-in person sees it. */
export const caseUrl = (id: number): string => `${isStaffCaseReader(getUser()) ? ROUTES.officerCase : ROUTES.case}?id=${id}`

/** 办事指引 results for a query, and one matter. */
export const guideUrl = (q: string): string => `${ROUTES.guide}?q=${encodeURIComponent(q)}`
export const matterUrl = (code: string): string => `${ROUTES.matter}?code=${encodeURIComponent(code)}`
/** 工作台 → one community (its name is loaded from the server); `pending`: opened at its 待审核. */
export const officerCommunityUrl = (id: number, opts: { pending?: boolean } = {}): string =>
  `${ROUTES.officerCommunity}?id=${id}${opts.pending ? '&show=pending' : ''}`
/** A mediation room (调解室). */
export const roomUrl = (id: number): string => `${ROUTES.room}?id=${id}`

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
