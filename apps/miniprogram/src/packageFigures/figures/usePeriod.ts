import { useState } from 'react'
import { type FigurePeriod, periodContaining, type PeriodKind } from '@jws/contracts'

import { chinaDate } from '../../lib/china-time'

type PageKind = Exclude<PeriodKind, 'custom'>

/** The period kinds the page offers, and the period of the chosen kind that contains today (China time). */
export const PAGE_PERIOD_KINDS: readonly PageKind[] = ['day', 'week', 'xun', 'month']

/** The kind last chosen: coming back to 数据 (or the page being mounted again) keeps it. */
let lastKind: PageKind = 'month'

export function usePeriod(): { kind: PageKind; setKind: (k: PageKind) => void; period: FigurePeriod } {
  const [kind, setKindState] = useState(lastKind)
  const setKind = (k: PageKind) => {
    lastKind = k
    setKindState(k)
  }
  return { kind, setKind, period: periodContaining(kind, chinaDate(Date.now())) }
}
