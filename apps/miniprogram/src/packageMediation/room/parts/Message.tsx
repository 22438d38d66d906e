import { Text, View } from '@tarojs/components'
import { MessageKind, RECALL_WINDOW_MS, type MessageView } from '@jws/contracts'

import AuthImage from '../../../components/AuthImage'
import { formatDateTime } from '../../../lib/labels'

export default function Message({ m, mine, onRecall }: { m: MessageView; mine: boolean; onRecall: (seq: number) => void }) {
  if (m.kind === MessageKind.System) {
    return (
      <View className='msg msg--system' id={`msg-${m.seq}`}>
        <Text className='msg__bubble'>{m.text}</Text>
      </View>
    )
  }
  const canRecall = mine && !m.recalled && Date.now() - Date.parse(m.createdAt) < RECALL_WINDOW_MS
  return (
    <View className={`msg${mine ? ' msg--mine' : ''}`} id={`msg-${m.seq}`}>
      <Text className='msg__sender'>{m.senderName} · {formatDateTime(m.createdAt)}</Text>
      <View className='msg__bubble'>
        {m.recalled ? (
          <Text className='msg__recalled'>已撤回</Text>
        ) : m.kind === MessageKind.Image && m.imageUrl ? (
          <AuthImage className='msg__image' url={m.imageUrl} />
        ) : (
          <Text className='msg__text'>{m.text}</Text>
        )}
      </View>
      {canRecall && (
        <View className='msg__recall' id={`msg-recall-${m.seq}`} ariaRole='button' onClick={() => onRecall(m.seq)}>撤回</View>
      )}
    </View>
  )
}
