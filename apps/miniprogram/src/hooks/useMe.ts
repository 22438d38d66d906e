import type { UserView } from '@jws/contracts'

import { loadMe } from '../session/auth'
import { useUser } from '../session/store'
import { useAsync, type AsyncState } from './useAsync'

/**
 * The signed-in user. Shows the stored user at once (so the tab bar and headers do not
 * flicker) and refreshes it from GET /api/me once per app run.
 */
export function useMe(): AsyncState<UserView> & { user: UserView | null } {
  const state = useAsync(loadMe, [])
  const user = useUser()
  return { ...state, user }
}
