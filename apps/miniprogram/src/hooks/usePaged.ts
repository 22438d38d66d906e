import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@jws/contracts'

import { isApiError } from '../api/errors'
import { useReloadOnShow } from './useReloadOnShow'

export interface PagedState<T> {
  /** undefined until the first page arrived. */
  items: T[] | undefined
  total: number
  error: Error | null
  loadingMore: boolean
  hasMore: boolean
  /** Appends the next page. */
  loadMore: () => Promise<void>
  /** Starts again from page 1. */
  reload: () => Promise<void>
  /** Changes the loaded items in place (e.g. one row an action returned), keeping the pages loaded. */
  replace: (change: (item: T) => T) => void
}

/**
 * A server-paged list (Page<T>, pages from 1) with "load more". Answers that arrive after a
 * newer reload started are ignored; `reloadOnShow` refreshes page 1 when the page shows again.
 */
export function usePaged<T>(
  load: (page: number) => Promise<Page<T>>,
  deps: readonly unknown[],
  options: { reloadOnShow?: boolean } = {},
): PagedState<T> {
  const [items, setItems] = useState<T[] | undefined>(undefined)
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [pageSize, setPageSize] = useState(0)
  const [error, setError] = useState<Error | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const pageRef = useRef(0)
  const busy = useRef(false)

  const fetchPage = useCallback(async (next: number, replace: boolean) => {
    const mine = replace ? ++generation.current : generation.current
    setError(null)
    try {
      const result = await loadRef.current(next)
      if (mine !== generation.current) return
      pageRef.current = result.page || next
      setPage(result.page || next)
      setPageSize(result.pageSize || result.items.length)
      setTotal(result.total)
      setItems((prev) => (replace || !prev ? result.items : [...prev, ...result.items]))
    } catch (e) {
      if (mine !== generation.current) return
      if (isApiError(e) && e.code === 'SIGNED_OUT') return
      setError(e instanceof Error ? e : new Error(String(e)))
    }
  }, [])

  const reload = useCallback(() => fetchPage(1, true), [fetchPage])

  const loadMore = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    setLoadingMore(true)
    try {
      await fetchPage(pageRef.current + 1, false)
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [fetchPage])

  useEffect(() => {
    setItems(undefined)
    void reload()
  }, deps)

  useReloadOnShow(reload, options.reloadOnShow)

  const replace = useCallback((change: (item: T) => T) => setItems((prev) => prev?.map(change)), [])

  const loaded = items?.length ?? 0
  const hasMore = items !== undefined && loaded < total && (pageSize === 0 || page * pageSize < total)
  return { items, total, error, loadingMore, hasMore, loadMore, reload, replace }
}
