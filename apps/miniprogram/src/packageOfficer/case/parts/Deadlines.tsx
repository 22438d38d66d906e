import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { deadlineCountdown, type CaseDetail } from '@jws/contracts'

import { useNow } from '../../../hooks/useNow'
import { deadlineLabel, escalationLabel } from '../../../lib/case-labels'
import { formatDateTime } from '../../../lib/labels'

/** 办理时限 (staff): each deadline with its countdown, or when it was met. */
export default function Deadlines({ c }: { c: CaseDetail }) {
  const now = useNow()
  if (c.deadlines.length === 0) return null
  return (
    <View className='card' id='case-deadlines'>
      <Text className='card__title'>办理时限</Text>
      {c.deadlines.map((d) => (
        <View key={d.kind} className='row list-item'>
          <View className='list-item__main'>
            <Text className='list-item__title'>{deadlineLabel(d.kind)}</Text>
            <Text className='list-item__meta'>
              截止 {formatDateTime(d.dueAt)}
              {d.metAt ? ` · 已于 ${formatDateTime(d.metAt)} 完成` : `（${deadlineCountdown(d.dueAt, now)}）`}
              {d.escalation > 0 ? ` · ${escalationLabel(d.escalation)}` : ''}
            </Text>
          </View>
          {d.overdue ? <Tag type='danger'>逾期</Tag> : d.metAt ? <Tag type='success'>按时</Tag> : <Tag type='primary'>进行中</Tag>}
        </View>
      ))}
    </View>
  )
}
