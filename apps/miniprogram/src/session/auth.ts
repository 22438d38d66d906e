import Taro from '@tarojs/taro'
import { ERROR_MESSAGES, ErrorCode, Permission, type LoginResponse, type MembershipView, type UserView } from '@jws/contracts'

import { api } from '../api'
import { configureAuth } from '../api/client'
import { ApiError } from '../api/errors'
import { clearAuth, readAuth, writeAuth, writeUser } from '../api/tokens'
import { loginUrl, ROUTES } from '../lib/routes'
import { platform } from '../platform'
import { getUser, setUser, userCan } from './store'

/** Whether the stored user has been re-read from the server in this app run. */
let meIsFresh = false

/** Stores a fresh login and makes it the current session. */
export function signIn(login: LoginResponse): UserView {
  writeAuth(login, login.user)
  setUser(login.user)
  meIsFresh = true
  return login.user
}

/** Ends the session here and revokes its refresh token on the server (best effort: we are leaving anyway). */
export async function signOut(): Promise<void> {
  const stored = readAuth()
  clearAuth()
  setUser(null)
  meIsFresh = false
  if (stored) await api.logout({ refreshToken: stored.refreshToken }).catch(() => undefined)
}

function currentRoute(): string {
  const pages = Taro.getCurrentPages()
  const route = pages[pages.length - 1]?.route ?? ''
  return route.startsWith('/') ? route : `/${route}`
}

let redirectedAt = 0

/**
 * Sends the person to the login page (once, even if several requests notice at the same time),
 * which brings them back to the page they were on (a deep link lands where it pointed).
 */
export function goToLogin(): void {
  if (currentRoute().startsWith(ROUTES.login) || Date.now() - redirectedAt < 2000) return
  redirectedAt = Date.now()
  const here = platform.currentAddress()
  void Taro.reLaunch({ url: loginUrl(here.split('?')[0] === ROUTES.home ? undefined : here || undefined) })
}

let wechatLoginInFlight: Promise<UserView> | null = null

/** Mini program: wx.login → POST /api/auth/wechat. Single-flight, so pages opened together log in once. */
export function loginWithWechat(): Promise<UserView> {
  if (!wechatLoginInFlight) {
    wechatLoginInFlight = (async () => {
      const code = await platform.getLoginCode().catch(() => {
        throw new ApiError(ErrorCode.WechatUnavailable, ERROR_MESSAGES[ErrorCode.WechatUnavailable])
      })
      return signIn(await api.wechatLogin({ code }))
    })().finally(() => {
      wechatLoginInFlight = null
    })
  }
  return wechatLoginInFlight
}

/** h5 role switcher: the previous account's session is closed first. */
export async function loginAsDemoUser(username: string): Promise<UserView> {
  const login = await api.devLogin({ username })
  await signOut()
  return signIn(login)
}

/**
 * Makes sure a session exists before an authenticated request. In the mini program the
 * login is silent; in the browser the person picks a demo account on the login page.
 */
async function ensureSession(): Promise<void> {
  if (readAuth()) return
  if (platform.loginMode === 'wechat') {
    await loginWithWechat()
    return
  }
  goToLogin()
  throw ApiError.client('SIGNED_OUT')
}

let meInFlight: Promise<UserView> | null = null

/** The current user, refreshed from the server once per app run (roles can change between runs). */
export async function loadMe(): Promise<UserView> {
  await ensureSession()
  const cached = getUser()
  if (cached && meIsFresh) return cached
  if (!meInFlight) {
    meInFlight = api.me().then((me) => {
      meIsFresh = true
      writeUser(me)
      setUser(me)
      return me
    }).finally(() => {
      meInFlight = null
    })
  }
  return meInFlight
}

/** The user and, for residents, their memberships (staff see their communities in 工作台 instead). */
export async function loadMeAndMemberships(): Promise<{ user: UserView; memberships: MembershipView[] | null }> {
  const user = await loadMe()
  const memberships = userCan(user, Permission.CommunityJoin) ? await api.myMemberships() : null
  return { user, memberships }
}

configureAuth({
  ensureSession,
  onAuthLost: () => {
    setUser(null)
    meIsFresh = false
    goToLogin()
  },
})
