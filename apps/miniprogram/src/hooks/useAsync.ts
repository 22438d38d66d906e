import { useCallback, useEffect, useRef, useState } from 'react'

import { isApiError, type ApiError } from '../api/errors'
import { useReloadOnShow } from './useReloadOnShow'

export interface AsyncState<T> {
  data: T | undefined
  /** Set when the last load failed; pages show `error.message`. */
  error: ApiError | Error | null
  reload: () => Promise<void>
  /** Replace the data with a fresher value (e.g. the CaseDetail an action returned). */
  set: (value: T) => void
}

interface Options {
  /** Load again each time the page is shown again (e.g. back from the join page). */
  reloadOnShow?: boolean
}

/**
 * Data / error / retry for one async source (no data and no error means loading). Keeps the
 * previous data while reloading, ignores answers that arrive after a newer load started, and
 * treats "not signed in" as still loading (the session layer is sending the person to login).
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], options: Options = {}): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | Error | null>(null)
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setError(null)
    try {
      const value = await loadRef.current()
      if (mine === generation.current) setData(value)
    } catch (e) {
      if (mine !== generation.current) return
      if (isApiError(e) && e.code === 'SIGNED_OUT') return
      setError(e instanceof Error ? e : new Error(String(e)))
    }
  }, [])

  const set = useCallback((value: T) => {
    // A load already under way would answer with older data: ignore it.
    generation.current += 1
    setError(null)
    setData(value)
  }, [])

  useEffect(() => {
    void reload()
  }, deps)

  useReloadOnShow(reload, options.reloadOnShow)

  return { data, error, reload, set }
}
