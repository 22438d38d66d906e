import { Text, View } from '@tarojs/components'
import { FIGURE_RATE_LABELS, FIGURE_RATES, formatRate, rateRatio, type FiguresView } from '@jws/contracts'

/**
 * The three rates with numerator and denominator, and the ranking of the node among its siblings
 * (the stations of its branch, the branches of the city), each with a bar of its ratio.
 */
export default function Rates({ view }: { view: FiguresView }) {
  return (
    <View className='card' id='figures-rates'>
      <Text className='card__title'>三率</Text>
      {FIGURE_RATES.map((r) => {
        const rate = view.rates[r]
        const ranking = view.rankings[r]
        return (
          <View key={r} className='figures__rate' id={`figures-rate-${r}`}>
            <View className='row'>
              <Text>{FIGURE_RATE_LABELS[r]}</Text>
              <Text id={`figures-rate-${r}-value`}>{`${formatRate(rate)}（${rate.numerator}/${rate.denominator}）`}</Text>
            </View>
            {ranking.map((row) => (
              <View key={row.orgId} className={`figures__rank${row.self ? ' figures__rank--self' : ''}`} id={`figures-rank-${r}-${row.orgId}`}>
                <View className='row list-item__meta'>
                  <Text>{`${row.rank ?? '—'}. ${row.name}${row.self ? '（本单位）' : ''}`}</Text>
                  <Text>{`${formatRate(row)}（${row.numerator}/${row.denominator}）`}</Text>
                </View>
                <View className='figures__bar'>
                  <View className='figures__bar-fill' style={{ width: `${Math.round((rateRatio(row) ?? 0) * 100)}%` }} />
                </View>
              </View>
            ))}
          </View>
        )
      })}
    </View>
  )
}
