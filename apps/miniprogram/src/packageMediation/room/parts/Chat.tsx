import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

import { errorMessage } from '../../../api'
import { platform } from '../../../platform'
import { roomSocket, type ConnectionState } from '../../lib/room-socket'
import type { ChannelFeed } from '../useChannelFeeds'
import Message from './Message'

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: '正在连接…',
  open: '已连接',
  reconnecting: '连接已断开，正在重新连接…',
}

/** The messages of the channel on screen (the main room or a caucus), from useChannelFeeds; the input is parts/Composer. */
export default function Chat({ roomId, feed, myMemberId, setError, loadOlder }: {
  roomId: number
  feed: ChannelFeed
  myMemberId: number | null
  setError: (error: string) => void
  loadOlder: (beforeSeq: number) => Promise<void>
}) {
  const [connection, setConnection] = useState<ConnectionState>('connecting')
  const { messages, older } = feed

  useEffect(() => roomSocket.onState(setConnection), [])
  useDidShow(() => roomSocket.wake())
  useEffect(() => platform.onNetworkRestored(() => roomSocket.wake()), [])

  return (
    <View className='room__chat'>
      <Text id='room-connection' className={`room__state room__state--${connection}`}>{CONNECTION_LABELS[connection]}</Text>
      {older && (
        <Button size='small' fill='none' id='room-older' onClick={() => void loadOlder(older).catch((e: unknown) => setError(errorMessage(e)))}>查看更早的消息</Button>
      )}
      <View className='room__messages' id='room-messages'>
        {messages.map((m) => (
          <Message key={m.seq} m={m} mine={myMemberId !== null && m.senderMemberId === myMemberId} onRecall={(seq) => roomSocket.recall(roomId, seq)} />
        ))}
      </View>
    </View>
  )
}
