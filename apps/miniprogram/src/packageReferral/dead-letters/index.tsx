import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { OUTBOX_TOPIC_LABELS, wechatSendErrorHint, type OutboxDeadLetterView, type OutboxRetryResult } from '@jws/contracts'

import { api } from '../../api'
import { errorMessage } from '../../api/errors'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { formatDateTime } from '../../lib/labels'
import { caseUrl } from '../../lib/routes'
import '../referral.scss'

/** What the admin is told after 重新发送 (the row may have left the list by then). */
interface RetryOutcome {
  ok: boolean
  text: string
}

/** The result of 重新发送, as the admin reads it. */
function retryOutcome(result: OutboxRetryResult): RetryOutcome {
  switch (result.status) {
    case 'sent':
      return { ok: true, text: '已重新发送：微信已接收' }
    case 'skipped':
      return { ok: false, text: '未发送：该用户没有可用的订阅（或未用微信登录），群众仍可在小程序“消息”中看到此通知' }
    case 'pending':
      return { ok: false, text: `微信暂时繁忙，稍后将自动重试${result.lastError ? `（${result.lastError}）` : ''}` }
    case 'dead': {
      const hint = wechatSendErrorHint(result.lastError)
      return { ok: false, text: `再次发送失败：${result.lastError ?? '未知原因'}${hint ? `（${hint}）` : ''}` }
    }
    default:
      return { ok: false, text: '该消息已不在失败列表中' }
  }
}

/**
 * Admins: outgoing messages (WeChat subscribe messages) that failed for good, with whom each was
 * for (masked), which notice and what about, WeChat's answer, and 重新发送 once the cause is
 * fixed, which tells how it went. Residents always have the in-app notification; this list is
 * about the WeChat push only. A notice to a sealed case's informant shows 保密通知 and nothing more.
 */
export default function DeadLettersPage() {
  const state = useAsync(() => api.deadLetters(), [], { reloadOnShow: true })
  const [outcome, setOutcome] = useState<RetryOutcome | null>(null)
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='dead-letters-error'>
        {(letters) => (
          <View className='card'>
            <Text className='card__title'>发送失败的消息</Text>
            <Text className='muted'>
              微信未能送达的订阅消息：网络或微信繁忙时已自动重试多次；微信拒收的请求不会再试。群众在小程序“消息”里始终能看到全部通知；排除原因后可重新发送。
            </Text>
            {outcome && (
              <Text className={outcome.ok ? 'list-item__title' : 'error-text'} id='dead-letters-result'>
                {outcome.text}
              </Text>
            )}
            {letters.length === 0 ? (
              <EmptyBlock id='dead-letters-empty' title='没有发送失败的消息' />
            ) : (
              <View id='dead-letters-list'>
                {letters.map((letter) => (
                  <DeadLetter
                    key={letter.id}
                    letter={letter}
                    onRetried={(result) => {
                      setOutcome(retryOutcome(result))
                      void state.reload()
                    }}
                  />
                ))}
              </View>
            )}
          </View>
        )}
      </AsyncContent>
    </View>
  )
}

/** Whom and what a dead letter was about; a confidential one says 保密通知 only. */
function Subject({ letter }: { letter: OutboxDeadLetterView }) {
  if (letter.confidential) return <Text className='list-item__meta'>保密通知：不显示接收人和相关案件</Text>
  return (
    <>
      {letter.recipientName && <Text className='list-item__meta'>接收人：{letter.recipientName}</Text>}
      {letter.caseNumber &&
        (letter.caseId ? (
          <View id={`dead-letter-case-${letter.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: caseUrl(letter.caseId as number) })}>
            <Text className='list-item__meta'>案件 {letter.caseNumber}（查看）</Text>
          </View>
        ) : (
          <Text className='list-item__meta' id={`dead-letter-case-${letter.id}`}>案件 {letter.caseNumber}</Text>
        ))}
      {letter.communityName && <Text className='list-item__meta'>社区：{letter.communityName}</Text>}
    </>
  )
}

function DeadLetter({ letter, onRetried }: { letter: OutboxDeadLetterView; onRetried: (result: OutboxRetryResult) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const hint = wechatSendErrorHint(letter.lastError)
  const kind = OUTBOX_TOPIC_LABELS[letter.topic] ?? letter.topic
  const title = letter.confidential ? '保密通知' : (letter.noticeTitle ?? kind)

  async function retry() {
    setBusy(true)
    setError('')
    try {
      const result = await api.retryDeadLetter(letter.id)
      if (result.status === 'sent') void Taro.showToast({ title: '已重新发送', icon: 'success' })
      onRetried(result)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='list-item dead-letters__item' id={`dead-letter-${letter.id}`}>
      <View className='row'>
        <Text className='list-item__title' id={`dead-letter-title-${letter.id}`}>{title}</Text>
        <Text className='muted'>{formatDateTime(letter.createdAt)}</Text>
      </View>
      <Text className='list-item__meta'>{kind}</Text>
      <Subject letter={letter} />
      <Text className='list-item__meta' id={`dead-letter-attempts-${letter.id}`}>
        {letter.refused ? '微信拒收（不再重试）' : `已尝试 ${letter.attempts} 次仍失败`}
      </Text>
      {hint && <Text className='list-item__title' id={`dead-letter-hint-${letter.id}`}>{hint}</Text>}
      {letter.lastError && <Text className='list-item__meta'>失败原因：{letter.lastError}</Text>}
      {error && <Text className='error-text' id={`dead-letter-error-${letter.id}`}>{error}</Text>}
      <Button size='small' type='primary' fill='outline' id={`dead-letter-retry-${letter.id}`} loading={busy} disabled={busy} onClick={() => void retry()}>
        重新发送
      </Button>
    </View>
  )
}
