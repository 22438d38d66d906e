import { chinaIso } from './china-time'

/** How far ahead a 定时推送 may be set (the service refuses more: PUSH_TIME_INVALID). */
export const SCHEDULE_MAX_DAYS = 30

/**
 * A 定时推送's time from the picked China-time date and clock: the ISO instant, or what is wrong
 * with it (said before sending; the service checks the same).
 */
export function scheduledAt(date: string, clock: string, now: number = Date.now()): { at: string } | { problem: string } {
  if (!date || !clock) return { problem: '请选择定时推送的日期和时间' }
  const at = chinaIso(date, clock)
  if (!at) return { problem: '请选择定时推送的日期和时间' }
  const ms = Date.parse(at)
  if (ms <= now) return { problem: '定时推送的时间必须晚于现在' }
  if (ms > now + SCHEDULE_MAX_DAYS * 86_400_000) return { problem: `定时推送最多提前${SCHEDULE_MAX_DAYS}天` }
  return { at }
}
