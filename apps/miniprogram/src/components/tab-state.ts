import { useSyncExternalStore } from 'react'

import type { TabKey } from '../lib/routes'

/**
 * Which tab is showing. WeChat creates one custom tab bar per tab page, so the
 * selection lives here and every instance reads it.
 */
let selected: TabKey = 'home'
const listeners = new Set<() => void>()

export function selectTab(key: TabKey): void {
  if (selected === key) return
  selected = key
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const getSelected = (): TabKey => selected

export function useSelectedTab(): TabKey {
  return useSyncExternalStore(subscribe, getSelected, getSelected)
}
