import { useCallback, useEffect, useRef } from 'react'

import { api } from '../../api'

/** At most one read report per channel in this time (the first at once, the latest at its end). */
const READ_REPORT_MS = 3000

/**
 * Tells the server how far the person has read each channel, so the unread marks on the tabs are
 * right the next time the room opens. Reports only move forward and are throttled; a lost one is
 * made good by the next.
 */
export function useReadReports(enabled: boolean) {
  const reported = useRef(new Map<number, number>())
  const pending = useRef(new Map<number, number>())
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flush = useCallback(() => {
    for (const [id, seq] of pending.current) {
      reported.current.set(id, seq)
      void api.markRoomRead(id, seq).catch(() => reported.current.delete(id))
    }
    pending.current.clear()
  }, [])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
    flush()
  }, [flush])
  return useCallback((id: number, seq: number) => {
    if (!enabled || seq <= (pending.current.get(id) ?? reported.current.get(id) ?? 0)) return
    pending.current.set(id, seq)
    if (timer.current) return
    flush()
    const tick = () => {
      timer.current = pending.current.size ? setTimeout(tick, READ_REPORT_MS) : null
      flush()
    }
    timer.current = setTimeout(tick, READ_REPORT_MS)
  }, [enabled, flush])
}
