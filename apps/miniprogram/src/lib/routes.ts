import { Permission, type UserView } from '@jws/contracts'

import { getUser, userCan } from '../session/store'

export { afterLoginUrl, loginUrl, roomInviteUrl, ROUTES } from './paths'
import { ROUTES } from './paths'

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
