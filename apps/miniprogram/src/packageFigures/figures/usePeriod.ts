import { useState } from 'react'
import { type FigurePeriod, periodContaining, type PeriodKind } from '@jws/contracts'

import { chinaDate } from '../../lib/china-time'

/** The period kinds the page offers, and the period of the chosen kind that contains today (China time). */
export const PAGE_PERIOD_KINDS: readonly Exclude<PeriodKind, 'custom'>[] = ['day', 'week', 'xun', 'month']

export function usePeriod(initial: Exclude<PeriodKind, 'custom'> = 'month'): { kind: Exclude<PeriodKind, 'custom'>; setKind: (k: Exclude<PeriodKind, 'custom'>) => void; period: FigurePeriod } {
  const [kind, setKind] = useState(initial)
  return { kind, setKind, period: periodContaining(kind, chinaDate(Date.now())) }
}
