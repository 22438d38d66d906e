import { useSyncExternalStore } from 'react'
import { can, type Permission, type UserView } from '@jws/contracts'

import { readAuth } from '../api/tokens'

/** The signed-in user, shared by pages and the tab bar (which WeChat renders once per tab page). */
let currentUser: UserView | null = readAuth()?.user ?? null
const listeners = new Set<() => void>()

export function getUser(): UserView | null {
  return currentUser
}

export function setUser(user: UserView | null): void {
  currentUser = user
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useUser(): UserView | null {
  return useSyncExternalStore(subscribe, getUser, getUser)
}

/** Hides what the server would refuse; the server still checks. */
export function userCan(user: UserView | null, permission: Permission): boolean {
  return user !== null && can(user.roles?.length ? user.roles : [user.role], permission)
}
