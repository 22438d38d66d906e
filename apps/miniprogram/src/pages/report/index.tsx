import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

import TabPage from '../../components/TabPage'
import { platform } from '../../platform'

/** Numbers to call while online reporting is not open yet. */
const HOTLINES = [
  { number: '110', label: '报警', hint: '遇到违法犯罪、紧急危险，请立即拨打' },
  { number: '119', label: '火警', hint: '火灾及抢险救援' },
  { number: '120', label: '急救', hint: '医疗急救' },
  { number: '12345', label: '政务服务便民热线', hint: '非警务类咨询、投诉和求助' },
] as const

export default function ReportPage() {
  return (
    <TabPage tab='report'>
      <View className='card' id='report-notice'>
        <Text className='card__title'>线上上报即将开放</Text>
        <Text className='muted'>
          矛盾纠纷、安全隐患、线索和求助的线上上报正在建设中。紧急情况请直接拨打下列电话。
        </Text>
      </View>
      <View className='card' id='hotline-list'>
        <Text className='card__title'>紧急电话</Text>
        {HOTLINES.map((line) => (
          <View key={line.number} className='row list-item'>
            <View className='list-item__main'>
              <Text className='list-item__title'>
                {line.number} {line.label}
              </Text>
              <Text className='list-item__meta'>{line.hint}</Text>
            </View>
            <Button
              id={`call-${line.number}`}
              type={line.number === '110' ? 'danger' : 'primary'}
              fill={line.number === '110' ? 'solid' : 'outline'}
              onClick={() => void platform.makePhoneCall(line.number)}
            >
              拨打
            </Button>
          </View>
        ))}
      </View>
    </TabPage>
  )
}
