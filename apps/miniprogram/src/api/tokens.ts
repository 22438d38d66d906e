import Taro from '@tarojs/taro'
import type { TokenPair, UserView } from '@jws/contracts'

const STORAGE_KEY = 'jws.auth'

/** What survives an app restart: our own tokens and the last known user (for the tab bar). */
export interface StoredAuth {
  accessToken: string
  refreshToken: string
  user: UserView | null
}

export function readAuth(): StoredAuth | null {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY)
    if (typeof value === 'object' && value !== null && typeof (value as StoredAuth).accessToken === 'string') {
      return value as StoredAuth
    }
  } catch {
    // Unreadable storage is the same as no session.
  }
  return null
}

export function writeAuth(tokens: TokenPair, user: UserView | null): void {
  const value: StoredAuth = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user }
  Taro.setStorageSync(STORAGE_KEY, value)
}

export function writeUser(user: UserView): void {
  const current = readAuth()
  if (current) Taro.setStorageSync(STORAGE_KEY, { ...current, user })
}

export function clearAuth(): void {
  Taro.removeStorageSync(STORAGE_KEY)
}
