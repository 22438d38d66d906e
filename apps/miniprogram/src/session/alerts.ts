import { useSyncExternalStore } from 'react'
import { Permission, type WorkbenchAlerts } from '@jws/contracts'

import { api } from '../api'
import { getUser, userCan } from './store'

/**
 * What waits for a staff member (GET /api/workbench/alerts), shared by the 工作台 tab badge (one
 * tab bar per tab page in the mini program) and the 工作台 page. Refreshed whenever a tab page
 * shows and every minute while the app is open; null for residents and until first read.
 */
let alerts: WorkbenchAlerts | null = null
const listeners = new Set<() => void>()
let inFlight: Promise<void> | null = null
let lastRead = 0

const REFRESH_MS = 60_000

function publish(next: WorkbenchAlerts | null): void {
  alerts = next
  listeners.forEach((listener) => listener())
}

/** Reads the counts again (at most once at a time); a failed read keeps the last counts. */
export function refreshAlerts(): Promise<void> {
  if (!userCan(getUser(), Permission.WorkbenchAccess)) {
    if (alerts) publish(null)
    return Promise.resolve()
  }
  inFlight ??= api
    .workbenchAlerts()
    .then((next) => {
      lastRead = Date.now()
      publish(next)
    })
    .catch(() => undefined)
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

/** Set by the 工作台 page, which reads the same counts for its entries. */
export function setAlerts(next: WorkbenchAlerts): void {
  lastRead = Date.now()
  publish(next)
}

let timer: ReturnType<typeof setInterval> | null = null

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  timer ??= setInterval(() => {
    if (Date.now() - lastRead >= REFRESH_MS) void refreshAlerts()
  }, REFRESH_MS)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }
}

const getAlerts = (): WorkbenchAlerts | null => alerts

export function useAlerts(): WorkbenchAlerts | null {
  return useSyncExternalStore(subscribe, getAlerts, getAlerts)
}
