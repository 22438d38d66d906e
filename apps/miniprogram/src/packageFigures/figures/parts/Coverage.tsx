import { Text, View } from '@tarojs/components'
import type { Coverage as CoverageView } from '@jws/contracts'

const ROWS: [keyof CoverageView, string, string][] = [
  ['groups', '群组', '个'], ['members', '群成员', '人'], ['residents', '覆盖群众', '人'], ['enterprises', '覆盖企业', '家'],
]

/** 一警一群 coverage now. */
export default function Coverage({ coverage }: { coverage: CoverageView }) {
  return (
    <View className='card' id='figures-coverage'>
      <Text className='card__title'>一警一群覆盖（当前）</Text>
      {ROWS.map(([key, label, unit]) => (
        <View key={key} className='row' id={`figures-coverage-${key}`}>
          <Text>{label}</Text>
          <Text>{`${coverage[key]} ${unit}`}</Text>
        </View>
      ))}
    </View>
  )
}
