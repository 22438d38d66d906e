import { useEffect, useState } from 'react'

/**
 * The current time, refreshed every `everyMs` (a minute by default), for text that counts down
 * (还剩 29 分钟): a page left open keeps telling the truth without a reload.
 */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
