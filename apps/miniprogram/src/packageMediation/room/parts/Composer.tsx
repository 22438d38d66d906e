import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { MAX_PHOTO_BYTES, MESSAGE_TEXT_MAX, MessageKind } from '@jws/contracts'

import { api, errorMessage } from '../../../api'
import { droppedPhotosMessage } from '../../../lib/photo-choice'
import { platform } from '../../../platform'
import { roomSocket } from '../../lib/room-socket'

/**
 * The input line under the chat, pinned to the bottom of the screen above the safe area. In the
 * mini program the page does not move up with the keyboard (adjustPosition off, which would push the
 * header away): the line rises by the keyboard's height instead.
 */
export default function Composer({ roomId, readOnly, error, setError, onSent }: {
  roomId: number
  readOnly: boolean
  error: string
  setError: (error: string) => void
  /** A message left: the chat goes to its end to show it. */
  onSent: () => void
}) {
  const [text, setText] = useState('')
  const [keyboard, setKeyboard] = useState(0)

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
    onSent()
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
    if (!uploaded) return
    roomSocket.send(roomId, MessageKind.Image, { uploadId: uploaded.id })
    onSent()
  }

  return (
    <View className='room__composer-bar' id='room-composer' style={keyboard ? { paddingBottom: `${keyboard}px` } : undefined}>
      {error && <Text className='room__error' id='room-error'>{error}</Text>}
      {readOnly ? (
        <Text className='muted' id='room-readonly'>调解已结束，调解室只能查看</Text>
      ) : (
        <View className='room__composer'>
          <View className='room__input field-box' id='room-input'>
            <Input
              value={text}
              placeholder='输入消息'
              maxLength={MESSAGE_TEXT_MAX + 20}
              confirmType='send'
              adjustPosition={false}
              onKeyboardHeightChange={(e) => setKeyboard(e.detail.height)}
              onBlur={() => setKeyboard(0)}
              onChange={setText}
              onConfirm={sendText}
            />
          </View>
          <Button size='small' id='room-image' fill='outline' onClick={() => void sendImage()}>图片</Button>
          <Button size='small' id='room-send' type='primary' onClick={sendText}>发送</Button>
        </View>
      )}
    </View>
  )
}
