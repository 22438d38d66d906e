import type { UserView } from '@jws/contracts'

import { readAuth } from '../api/tokens'
import { platform } from '../platform'
import { loadMe } from '../session/auth'
import { useUser } from '../session/store'
import { useAsync } from './useAsync'

/**
 * The signed-in user for pages a visitor may browse too (首页, 办事指引): null without a session,
 * and no trip to the login page. The mini program is always signed in (silently, at launch).
 */
export function useSignedInUser(): { user: UserView | null; loaded: boolean } {
  const signedIn = () => platform.loginMode === 'wechat' || readAuth() !== null
  const state = useAsync(async () => (signedIn() ? loadMe() : null), [])
  const user = useUser()
  return { user: signedIn() ? user : null, loaded: state.data !== undefined || state.error !== null }
}
