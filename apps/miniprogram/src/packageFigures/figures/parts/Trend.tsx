import { Text, View } from '@tarojs/components'
import { FIGURE_COUNTER_LABELS, FIGURE_COUNTERS, formatRate, type FigureTrend } from '@jws/contracts'

import { AsyncContent } from '../../../components/StatusBlock'
import type { AsyncState } from '../../../hooks/useAsync'

/** 2026-12-01 至 2026-12-07 → 12-01–12-07; one day → 12-07. */
const shortPeriod = (from: string, to: string) => (from === to ? from.slice(5) : `${from.slice(5)}–${to.slice(5)}`)

/**
 * 趋势: the last periods of the chosen kind, the current one last, as numbers (the trend charts of
 * #22 need a chart library that runs in WeChat and h5; until then the figures behind them).
 */
export default function Trend({ state }: { state: AsyncState<FigureTrend> }) {
  return (
    <View className='card' id='figures-trend'>
      <Text className='card__title'>趋势</Text>
      <AsyncContent state={state} errorId='figures-trend-error'>
        {(trend) => (
          <>
            {trend.points.map((p) => (
              <View key={p.period.from} className='figures__trend-row' id={`figures-trend-${p.period.from}`}>
                <Text className='figures__trend-period'>{shortPeriod(p.period.from, p.period.to)}</Text>
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
