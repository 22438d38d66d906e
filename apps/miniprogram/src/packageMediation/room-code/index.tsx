import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'

import { readAuth } from '../../api/tokens'
import { loginUrl, roomInviteUrl } from '../../lib/routes'
import { platform } from '../../platform'
import './index.scss'

/** The server's limit on an invitation token (JoinRoomInvitationDto). */
const CODE_MAX = 64

/**
 * 输入调解邀请码: the code staff gave by message (shown to them under 邀请 in the room) opens the
 * room, which joins it. Someone not signed in (h5) signs in first and comes back to the room.
 */
export default function RoomCodePage() {
  const router = useRouter()
  const [code, setCode] = useState(router.params.code ?? '')
  const [error, setError] = useState('')

  function submit() {
    const trimmed = code.trim()
    if (!trimmed) {
      setError('请输入调解邀请码')
      return
    }
    setError('')
    const room = roomInviteUrl(trimmed)
    const signedOut = platform.loginMode === 'demo' && !readAuth()
    void Taro.navigateTo({ url: signedOut ? loginUrl(room) : room })
  }

  return (
    <View className='page'>
      <View className='card' id='room-code'>
        <Text className='card__title'>输入调解邀请码</Text>
        <Text className='muted'>邀请码由社区民警或调解员发给您，输入后即可进入网上调解室。</Text>
        <View className={`room-code__input${error ? ' field--error' : ''}`}>
          <Input
            id='room-code-input'
            value={code}
            placeholder='请输入调解邀请码'
            maxLength={CODE_MAX}
            clearable
            onChange={(value) => {
              setCode(value)
              if (error) setError('')
            }}
            onConfirm={submit}
          />
        </View>
        {error && (
          <Text className='field__error' id='room-code-error'>
            {error}
          </Text>
        )}
        <Button block className='block-button' id='room-code-submit' type='primary' onClick={submit}>
          进入调解室
        </Button>
      </View>
    </View>
  )
}
