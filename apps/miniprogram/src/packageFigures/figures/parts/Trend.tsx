import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { FIGURE_COUNTER_LABELS, FIGURE_COUNTERS, FIGURE_RATE_LABELS, FIGURE_RATES, formatRate, rateRatio, type FigureTrend } from '@jws/contracts'

import { api } from '../../../api'
import Chips from '../../../components/Chips'
import { AsyncContent } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import LineChart, { type ChartDatum } from './LineChart'

type TrendUnit = 'week' | 'month'

/** How many periods each chart shows, the current one last. */
const TREND_COUNT: Record<TrendUnit, number> = { week: 12, month: 6 }
const UNIT_LABELS: Record<TrendUnit, string> = { week: '按周', month: '按月' }

/** 2026-12-01 至 2026-12-07 → 12-01–12-07; a month → 2026-12. */
const shortPeriod = (unit: TrendUnit, from: string, to: string) => (unit === 'month' ? from.slice(0, 7) : `${from.slice(5)}–${to.slice(5)}`)
/** The axis label: a week by its Monday (12-01), a month as 12月. */
const axisPeriod = (unit: TrendUnit, from: string) => (unit === 'month' ? `${Number(from.slice(5, 7))}月` : from.slice(5))

function counterData(trend: FigureTrend, unit: TrendUnit): ChartDatum[] {
  return trend.points.flatMap((p) =>
    FIGURE_COUNTERS.filter((c) => !p.unavailable.includes(c)).map((c) => ({ period: axisPeriod(unit, p.period.from), series: FIGURE_COUNTER_LABELS[c], value: p.counters[c] })),
  )
}

function rateData(trend: FigureTrend, unit: TrendUnit): ChartDatum[] {
  return trend.points.flatMap((p) =>
    FIGURE_RATES.map((r) => ({ period: axisPeriod(unit, p.period.from), series: FIGURE_RATE_LABELS[r], value: Math.round((rateRatio(p.rates[r]) ?? 0) * 1000) / 10 })),
  )
}

/**
 * 趋势: the six counters and the three rates of the last 12 weeks or 6 months (the current one
 * last, up to now) as F2 line charts, and the same numbers as a list under them.
 */
export default function Trend({ orgId }: { orgId?: number }) {
  const [unit, setUnit] = useState<TrendUnit>('week')
  const state = useAsync(() => api.figureTrend({ unit, count: TREND_COUNT[unit], orgId }), [unit, orgId], { reloadOnShow: true })
  return (
    <View className='card' id='figures-trend'>
      <Text className='card__title'>趋势</Text>
      <Chips id='figures-trend-unit' options={(['week', 'month'] as const).map((u) => ({ value: u, label: UNIT_LABELS[u], id: `figures-trend-unit-${u}` }))} value={unit} onChange={setUnit} />
      <AsyncContent state={state} errorId='figures-trend-error'>
        {(trend) => (
          <>
            <Text className='figures__chart-title'>工作量</Text>
            <LineChart id='figures-chart-counters' label={`六项工作量${UNIT_LABELS[unit]}趋势图`} data={counterData(trend, unit)} />
            <Text className='figures__chart-title'>三率（%）</Text>
            <LineChart id='figures-chart-rates' label={`三率${UNIT_LABELS[unit]}趋势图`} data={rateData(trend, unit)} unit='%' />
            {[...trend.points].reverse().map((p) => (
              <View key={p.period.from} className='figures__trend-row' id={`figures-trend-${p.period.from}`}>
                <Text className='figures__trend-period'>{shortPeriod(unit, p.period.from, p.period.to)}</Text>
                <Text className='list-item__meta'>
                  {FIGURE_COUNTERS.filter((c) => !p.unavailable.includes(c)).map((c) => `${FIGURE_COUNTER_LABELS[c]} ${p.counters[c]}`).join(' · ')}
                </Text>
                <Text className='list-item__meta'>{`响应率 ${formatRate(p.rates.response)} · 解决率 ${formatRate(p.rates.resolution)} · 满意率 ${formatRate(p.rates.satisfaction)}`}</Text>
              </View>
            ))}
          </>
        )}
      </AsyncContent>
    </View>
  )
}
