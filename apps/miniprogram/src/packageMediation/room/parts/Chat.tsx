import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { MAX_PHOTO_BYTES, MESSAGE_TEXT_MAX, MessageKind } from '@jws/contracts'

import { api, errorMessage } from '../../../api'
import { droppedPhotosMessage } from '../../../lib/photo-choice'
import { platform } from '../../../platform'
import { roomSocket, type ConnectionState } from '../../lib/room-socket'
import type { ChannelFeed } from '../useChannelFeeds'
import Message from './Message'

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: '正在连接…',
  open: '已连接',
  reconnecting: '连接已断开，正在重新连接…',
}

/** The chat of the channel on screen (the main room or a caucus); its messages come from useChannelFeeds. */
export default function Chat({ roomId, feed, readOnly, myMemberId, setError, loadOlder }: {
  roomId: number
  feed: ChannelFeed
  readOnly: boolean
  myMemberId: number | null
  setError: (error: string) => void
  loadOlder: (beforeSeq: number) => Promise<void>
}) {
  const [connection, setConnection] = useState<ConnectionState>('connecting')
  const [text, setText] = useState('')
  const { messages, older, error } = feed

  useEffect(() => roomSocket.onState(setConnection), [])
  useDidShow(() => roomSocket.wake())
  useEffect(() => platform.onNetworkRestored(() => roomSocket.wake()), [])

  function sendText() {
    const body = text.trim()
    if (!body) return
    if ([...body].length > MESSAGE_TEXT_MAX) {
      setError(`消息太长，请分几条发送（每条最多${MESSAGE_TEXT_MAX}字）`)
      return
    }
    setError('')
    roomSocket.send(roomId, MessageKind.Text, { text: body })
    setText('')
  }

  async function sendImage() {
    const { images, dropped } = await platform.choosePhotos({ count: 1, maxBytes: MAX_PHOTO_BYTES })
    const [image] = images
    if (!image) {
      setError(droppedPhotosMessage(dropped, { maxCount: 1, maxBytes: MAX_PHOTO_BYTES }))
      return
    }
    setError('')
    const uploaded = await api.uploadPhoto(image).catch((e: unknown) => setError(errorMessage(e)))
    if (uploaded) roomSocket.send(roomId, MessageKind.Image, { uploadId: uploaded.id })
  }

  return (
    <View className='card'>
      <Text id='room-connection' className={`room__state room__state--${connection}`}>{CONNECTION_LABELS[connection]}</Text>
      {older && (
        <Button size='small' fill='none' id='room-older' onClick={() => void loadOlder(older).catch((e: unknown) => setError(errorMessage(e)))}>查看更早的消息</Button>
      )}
      <View className='room__messages' id='room-messages'>
        {messages.map((m) => (
          <Message key={m.seq} m={m} mine={myMemberId !== null && m.senderMemberId === myMemberId} onRecall={(seq) => roomSocket.recall(roomId, seq)} />
        ))}
      </View>
      {error && <Text className='room__error' id='room-error'>{error}</Text>}
      {readOnly ? (
        <Text className='muted' id='room-readonly'>调解已结束，调解室只能查看</Text>
      ) : (
        <View className='room__composer'>
          <View className='room__input' id='room-input'>
            <Input value={text} placeholder='输入消息' maxLength={MESSAGE_TEXT_MAX + 20} onChange={setText} onConfirm={sendText} />
          </View>
          <Button size='small' id='room-image' fill='outline' onClick={() => void sendImage()}>图片</Button>
          <Button size='small' id='room-send' type='primary' onClick={sendText}>发送</Button>
        </View>
      )}
    </View>
  )
}
