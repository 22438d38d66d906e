import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '@jws/contracts'

import { actorLabel } from '../../../lib/case-labels'
import { timelineSentence } from '../../../lib/case-words'
import { formatDateTime } from '../../../lib/labels'

/** 办理进度, each entry a sentence; `reporter` words it for the person who reported (民警已受理您的上报). */
export default function Timeline({ c, reporter }: { c: CaseDetail; reporter: boolean }) {
  // Newest first: the latest step is what people come to see.
  const events = [...c.timeline].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id))
  return (
    <View className='card' id='case-timeline'>
      <Text className='card__title'>办理进度（最新在上）</Text>
      {events.length === 0 ? (
        <Text className='muted'>暂无记录</Text>
      ) : (
        events.map((e) => (
          <View key={e.id} className='case__event' id={`timeline-${e.id}`}>
            <View className='case__event-dot' />
            <View className='case__event-body'>
              <View className='case__event-head'>
                <Text className='case__event-title'>{timelineSentence(e, reporter)}</Text>
                {!e.public && <Tag type='warning'>仅内部</Tag>}
              </View>
              <Text className='case__event-meta'>
                {formatDateTime(e.at)} · {actorLabel(e.actorLabel)}
              </Text>
              {e.note && <Text className='case__event-note'>{e.note}</Text>}
            </View>
          </View>
        ))
      )}
    </View>
  )
}
