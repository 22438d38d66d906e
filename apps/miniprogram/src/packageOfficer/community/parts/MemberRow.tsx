import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { type MemberView } from '@jws/contracts'

import { api, errorMessage } from '../../../api'
import { platform } from '../../../platform'
import { displayPhone, memberTypeLabel } from '../../../lib/labels'

/**
 * 查看号码: the responsible officer reveals one member's number (audited on the server against
 * that member), then can call it. The list itself only ever holds masked numbers.
 */
function RevealPhone({ communityId, member }: { communityId: number; member: MemberView }) {
  const [phone, setPhone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function reveal() {
    setBusy(true)
    setError('')
    try {
      setPhone((await api.revealMemberPhone(communityId, member.membershipId)).phone)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (phone) {
    return (
      <View className='community__phone'>
        <Text className='community__phone-number' id={`phone-of-${member.membershipId}`} userSelect>
          {phone}
        </Text>
        <Button size='small' type='primary' id={`call-${member.membershipId}`} onClick={() => void platform.makePhoneCall(phone)}>
          拨打
        </Button>
      </View>
    )
  }
  return (
    <View className='community__phone'>
      <Button size='small' fill='outline' type='primary' id={`reveal-phone-${member.membershipId}`} loading={busy} disabled={busy} onClick={() => void reveal()}>
        查看号码
      </Button>
      {error && (
        <Text className='error-text' id={`reveal-error-${member.membershipId}`}>
          {error}
        </Text>
      )}
    </View>
  )
}

export function MemberRow({ member, reveal, children }: { member: MemberView; reveal?: { communityId: number }; children?: ReactNode }) {
  return (
    <View className='row list-item'>
      <View className='list-item__main'>
        <View className='community__name-row'>
          <Text className='list-item__title'>{member.nickname}</Text>
          {member.isInformant && <Tag type='primary' className='community__tag'>信息员</Tag>}
        </View>
        <Text className='list-item__meta'>
          {memberTypeLabel(member.memberType)} · {displayPhone(member.phone)}
        </Text>
        {member.note && (
          <Text className='community__note' id={`note-of-${member.membershipId}`} userSelect>
            申请说明：{member.note}
          </Text>
        )}
        {reveal && member.phone && <RevealPhone communityId={reveal.communityId} member={member} />}
      </View>
      {children}
    </View>
  )
}
