import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { ErrorCode, MEMBERSHIP_REFUSAL_REASON_MAX, MEMBERSHIP_REFUSAL_REASON_MIN, hasWords, textLength, type MemberView } from '@jws/contracts'

import { api, errorMessage } from '../../../api'
import { isApiError } from '../../../api/errors'
import Chips from '../../../components/Chips'

/** Reasons officers give most often; tapping one fills the reason, which can still be edited. */
const QUICK_REFUSAL_REASONS = ['非本社区居民', '信息不全，请补充后重新申请', '无法核实身份', '重复申请'] as const

/** The request was decided meanwhile (by another officer, or in another window): it leaves the list. */
export const isGone = (e: unknown): boolean => isApiError(e) && (e.code === ErrorCode.MembershipNotPending || e.code === ErrorCode.NotFound)

/**
 * 拒绝 asks why (the resident is told) and asks again before refusing: one mis-tap on 拒绝 only
 * opens this panel. What was typed stays when the server refuses it.
 */
export function RefusePanel({ member, onCancel, onRefused, onGone }: {
  member: MemberView
  onCancel: () => void
  onRefused: () => Promise<void>
  onGone: (message: string) => Promise<void>
}) {
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const id = member.membershipId

  async function submit() {
    const text = reason.trim()
    if (!text) return setError('请填写拒绝理由')
    // Counted as people count (an emoji is one character); emoji or punctuation alone say nothing.
    if (!hasWords(text)) return setError('请写明拒绝理由')
    if (textLength(text) < MEMBERSHIP_REFUSAL_REASON_MIN) return setError(`拒绝理由至少${MEMBERSHIP_REFUSAL_REASON_MIN}个字`)
    setBusy(true)
    setError('')
    try {
      await api.refuseMembership(id, { reason: text })
      void Taro.showToast({ title: '已拒绝', icon: 'success' })
      await onRefused()
    } catch (e) {
      if (isGone(e)) await onGone(errorMessage(e))
      else setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='community__refuse' id={`refuse-panel-${id}`}>
      <Text className='community__refuse-title'>{`拒绝${member.nickname}的加入申请`}</Text>
      <Text className='muted community__hint'>拒绝理由会告知申请人，对方可补充后重新申请。</Text>
      <Chips
        id={`refuse-quick-${id}`}
        options={QUICK_REFUSAL_REASONS.map((r, i) => ({ value: r, label: r, id: `refuse-quick-${id}-${i}` }))}
        value={QUICK_REFUSAL_REASONS.find((r) => r === reason.trim()) ?? null}
        onChange={(r) => {
          setReason(r)
          setError('')
        }}
      />
      <View className='community__input' id={`refuse-reason-${id}`}>
        <TextArea
          value={reason}
          placeholder='请填写拒绝理由（必填）'
          maxLength={MEMBERSHIP_REFUSAL_REASON_MAX}
          showCount
          autoSize
          onChange={(value) => {
            setReason(value)
            if (error) setError('')
          }}
        />
      </View>
      {error && (
        <Text className='error-text' id={`refuse-error-${id}`}>
          {error}
        </Text>
      )}
      <View className='community__refuse-buttons'>
        <Button id={`refuse-cancel-${id}`} fill='outline' disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button id={`refuse-confirm-${id}`} type='danger' loading={busy} disabled={busy} onClick={() => void submit()}>
          确认拒绝
        </Button>
      </View>
    </View>
  )
}
