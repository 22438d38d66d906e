import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { MembershipStatus } from '@jws/contracts'

import { api, errorMessage } from '../../../api'
import { inviteCodeFromParams } from '../../../lib/invite-code'
import { ROUTES } from '../../../lib/routes'

export function JoinByCode() {
  const router = useRouter()
  const [code, setCode] = useState(() => inviteCodeFromParams(router.params))
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState('')

  async function submit() {
    const trimmed = code.trim()
    if (!trimmed) {
      setError('请输入邀请码')
      return
    }
    setSubmitting(true)
    setError('')
    try {
      const membership = await api.joinByCode({ code: trimmed })
      const pending = membership?.status === MembershipStatus.Pending
      await Taro.showToast({ title: pending ? '已提交，待民警审核' : '已加入社区', icon: 'success' })
      // 首页 reloads on show and now shows the officer card.
      void Taro.switchTab({ url: ROUTES.home })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='card'>
      <Text className='card__title'>使用邀请码加入</Text>
      <Text className='muted'>邀请码由您的社区民警提供，也可以扫描民警出示的小程序码。</Text>
      <View className='join__input'>
        <Input
          id='join-code-input'
          value={code}
          placeholder='请输入民警提供的邀请码'
          maxLength={32}
          clearable
          onChange={(value) => {
            setCode(value)
            if (error) setError('')
          }}
          onConfirm={() => void submit()}
        />
      </View>
      {error && (
        <Text className='error-text' id='join-error'>
          {error}
        </Text>
      )}
      <Button block className='block-button' id='join-submit' type='primary' loading={submitting} disabled={submitting} onClick={() => void submit()}>
        加入社区
      </Button>
    </View>
  )
}
