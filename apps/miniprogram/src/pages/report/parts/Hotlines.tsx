import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

import { platform } from '../../../platform'

/** Numbers to call instead of reporting online. 110 sits on top of the page. */
const HOTLINES = [
  { number: '119', label: '火警', hint: '火灾及抢险救援' },
  { number: '120', label: '急救', hint: '医疗急救' },
  { number: '12345', label: '政务服务便民热线', hint: '非警务类咨询、投诉和求助' },
] as const

export function EmergencyCard() {
  return (
    <View className='card report__emergency' id='report-emergency'>
      <View className='row'>
        <View className='list-item__main'>
          <Text className='report__emergency-title'>紧急情况请拨打 110</Text>
          <Text className='muted'>正在发生的违法犯罪、危及人身安全的险情，请立即报警，不要在线上报。</Text>
        </View>
        <Button id='call-110' type='danger' onClick={() => void platform.makePhoneCall('110')}>
          拨打 110
        </Button>
      </View>
    </View>
  )
}

export function HotlineList() {
  return (
    <View className='card' id='hotline-list'>
      <Text className='card__title'>其他电话</Text>
      {HOTLINES.map((line) => (
        <View key={line.number} className='row list-item'>
          <View className='list-item__main'>
            <Text className='list-item__title'>
              {line.number} {line.label}
            </Text>
            <Text className='list-item__meta'>{line.hint}</Text>
          </View>
          <Button id={`call-${line.number}`} type='primary' fill='outline' onClick={() => void platform.makePhoneCall(line.number)}>
            拨打
          </Button>
        </View>
      ))}
    </View>
  )
}
