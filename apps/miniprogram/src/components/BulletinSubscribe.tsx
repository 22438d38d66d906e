import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

import { bulletinsApi } from '../api/bulletins'
import { useAsync } from '../hooks/useAsync'

/**
 * 订阅警务公告提醒 (WeChat only): each acceptance of the 警务公告 template lets WeChat deliver one
 * message when a bulletin reaches my group; the server counts them (docs/bulletins.md).
 */
export default function BulletinSubscribe() {
  const state = useAsync(() => bulletinsApi.subscription(), [])
  const [note, setNote] = useState('')
  if (process.env.TARO_ENV !== 'weapp' || !state.data) return null
  const { templateId, credits } = state.data
  const ask = () => {
    // From the tap itself, as WeChat requires.
    Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option)
      .then(async (res) => {
        const accepted = (res as unknown as Record<string, string>)[templateId] === 'accept'
        state.set(await bulletinsApi.answerSubscription(accepted))
        setNote(accepted ? '已订阅：有新公告推送到您的群时，微信会提醒您一次' : '未订阅，可随时再点此订阅')
      })
      .catch(() => setNote('订阅未成功，请稍后再试'))
  }
  return (
    <View className='row' id='bulletin-subscribe'>
      <Button size='small' fill='outline' type='primary' onClick={ask}>
        {credits > 0 ? `订阅警务公告提醒（还可提醒${credits}次）` : '订阅警务公告提醒'}
      </Button>
      {note && <Text className='muted'>{note}</Text>}
    </View>
  )
}
