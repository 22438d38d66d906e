import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FIGURE_COUNTER_LABELS, FIGURE_COUNTERS, type FigureCounter, type FigurePeriod, type FiguresView } from '@jws/contracts'

import { ROUTES } from '../../../lib/paths'

const recordsUrl = (counter: FigureCounter, period: FigurePeriod, orgId?: number) =>
  `${ROUTES.figureRecords}?counter=${counter}&from=${period.from}&to=${period.to}${orgId ? `&orgId=${orgId}` : ''}`

/** The six counters; each opens the records behind it (a counter without a source says 未接入). */
export default function Counters({ view }: { view: FiguresView }) {
  return (
    <View className='card' id='figures-counters'>
      <Text className='card__title'>工作量</Text>
      <View className='figures__counters'>
        {FIGURE_COUNTERS.map((c) => {
          const unavailable = view.unavailable.includes(c)
          return (
            <View
              key={c}
              id={`figures-counter-${c}`}
              className='figures__counter'
              ariaRole='button'
              ariaLabel={`${FIGURE_COUNTER_LABELS[c]} ${unavailable ? '未接入' : view.counters[c]}，查看明细`}
              onClick={() => void Taro.navigateTo({ url: recordsUrl(c, view.period, view.node?.id) })}
            >
              <Text className='figures__counter-value'>{unavailable ? '未接入' : view.counters[c]}</Text>
              <Text className='figures__counter-label'>{FIGURE_COUNTER_LABELS[c]}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
