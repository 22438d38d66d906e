import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { OUTBOX_TOPIC_LABELS, wechatSendErrorHint, type OutboxDeadLetterView } from '@jws/contracts'

import { api } from '../../api'
import { errorMessage } from '../../api/errors'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { formatDateTime } from '../../lib/labels'
import '../referral.scss'

/**
 * Admins: outgoing messages (WeChat subscribe messages) that failed for good, with WeChat's
 * answer, and 重新发送 once the cause is fixed. Residents always have the in-app notification;
 * this list is about the WeChat push only. It shows neither recipient nor content.
 */
export default function DeadLettersPage() {
  const state = useAsync(() => api.deadLetters(), [], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='dead-letters-error'>
        {(letters) => (
          <View className='card'>
            <Text className='card__title'>发送失败的消息</Text>
            <Text className='muted'>微信多次发送仍失败的订阅消息。群众在小程序“消息”里始终能看到全部通知；排除原因后可重新发送。</Text>
            {letters.length === 0 ? (
              <EmptyBlock id='dead-letters-empty' title='没有发送失败的消息' />
            ) : (
              <View id='dead-letters-list'>
                {letters.map((letter) => (
                  <DeadLetter key={letter.id} letter={letter} onRetried={() => void state.reload()} />
                ))}
              </View>
            )}
          </View>
        )}
      </AsyncContent>
    </View>
  )
}

function DeadLetter({ letter, onRetried }: { letter: OutboxDeadLetterView; onRetried: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const hint = wechatSendErrorHint(letter.lastError)

  async function retry() {
    setBusy(true)
    setError('')
    try {
      const { count } = await api.retryDeadLetter(letter.id)
      void Taro.showToast({ title: count ? '已重新排队发送' : '该消息已不在失败列表中', icon: count ? 'success' : 'none' })
      onRetried()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='list-item dead-letters__item' id={`dead-letter-${letter.id}`}>
      <View className='row'>
        <Text className='list-item__title'>{OUTBOX_TOPIC_LABELS[letter.topic] ?? letter.topic}</Text>
        <Text className='muted'>{formatDateTime(letter.createdAt)}</Text>
      </View>
      <Text className='list-item__meta'>已尝试 {letter.attempts} 次</Text>
      {hint && <Text className='list-item__title' id={`dead-letter-hint-${letter.id}`}>{hint}</Text>}
      {letter.lastError && <Text className='list-item__meta'>失败原因：{letter.lastError}</Text>}
      {error && <Text className='error-text' id={`dead-letter-error-${letter.id}`}>{error}</Text>}
      <Button size='small' type='primary' fill='outline' id={`dead-letter-retry-${letter.id}`} loading={busy} disabled={busy} onClick={() => void retry()}>
        重新发送
      </Button>
    </View>
  )
}
