import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MembershipStatus, type MembershipView } from '@jws/contracts'

import { memberTypeLabel, membershipStatusLabel } from '../../../lib/labels'
import { type OnRequested, NoteField, useAskToJoin } from './shared'

/**
 * 我的加入申请: requests waiting for the officer, and refused ones with the officer's reason and
 * 重新申请 (the same request, pending again), which opens the previous 申请说明 to add to (信息不全
 * is the usual reason). Shown only when there is one.
 */
export function MyRequests({ memberships, onRequested }: { memberships: MembershipView[]; onRequested: OnRequested }) {
  const [editing, setEditing] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const { busyId, error, setError, ask } = useAskToJoin(onRequested)
  const shown = memberships.filter((m) => m.status === MembershipStatus.Pending || m.status === MembershipStatus.Refused)
  if (shown.length === 0) return null
  const anyPending = shown.some((m) => m.status === MembershipStatus.Pending)

  function openAgain(m: MembershipView) {
    setError('')
    setNote(m.note ?? '')
    setEditing(editing === m.id ? null : m.id)
  }

  async function again(m: MembershipView) {
    if (!(await ask(m.id, m.communityId, m.memberType, note.trim()))) return
    setEditing(null)
    void Taro.showToast({ title: '已重新提交', icon: 'success' })
  }

  return (
    <View className='card' id='join-requests'>
      <Text className='card__title'>我的加入申请</Text>
      {error && (
        <Text className='error-text' id='join-requests-error'>
          {error}
        </Text>
      )}
      {shown.map((m) => (
        <View key={m.id} id={`join-request-${m.id}`}>
          <View className='row list-item'>
            <View className='list-item__main'>
              <Text className='list-item__title'>{m.communityName}</Text>
              <Text className='list-item__meta'>{memberTypeLabel(m.memberType)}</Text>
              {m.note && (
                <Text className='list-item__meta join__note' id={`join-note-${m.id}`}>
                  申请说明：{m.note}
                </Text>
              )}
              {m.status === MembershipStatus.Refused && (
                <Text className='join__refusal' id={`join-refusal-${m.id}`}>
                  {m.refusalReason ? `未通过原因：${m.refusalReason}` : '未通过'}
                </Text>
              )}
            </View>
            {m.status === MembershipStatus.Refused ? (
              <Button
                id={`join-again-${m.id}`}
                type='primary'
                fill={editing === m.id ? 'solid' : 'outline'}
                disabled={busyId !== null}
                onClick={() => openAgain(m)}
              >
                重新申请
              </Button>
            ) : (
              <View id={`join-request-status-${m.id}`}>
                <Tag type='warning'>{membershipStatusLabel(m.status)}</Tag>
              </View>
            )}
          </View>
          {m.status === MembershipStatus.Refused && editing === m.id && (
            <View className='join__again' id={`join-again-panel-${m.id}`}>
              <NoteField
                id={`join-again-note-${m.id}`}
                value={note}
                onChange={(value) => {
                  setNote(value)
                  if (error) setError('')
                }}
              />
              <Button
                block
                className='block-button'
                id={`join-again-submit-${m.id}`}
                type='primary'
                loading={busyId === m.id}
                disabled={busyId !== null}
                onClick={() => void again(m)}
              >
                提交申请
              </Button>
            </View>
          )}
        </View>
      ))}
      {anyPending && (
        <Text className='muted' id='join-requests-hint'>
          民警审核后会在“消息”中通知您。
        </Text>
      )}
    </View>
  )
}
