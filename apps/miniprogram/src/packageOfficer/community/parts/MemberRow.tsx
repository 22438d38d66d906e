import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { type MemberView } from '@jws/contracts'

import { api } from '../../../api'
import RevealPhone from '../../../components/RevealPhone'
import { displayPhone, memberTypeLabel } from '../../../lib/labels'

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
        {reveal && member.phone && (
          // 查看号码: the responsible officer reveals one member's number, audited on the server against that member.
          <RevealPhone idKey={member.membershipId} reveal={async () => (await api.revealMemberPhone(reveal.communityId, member.membershipId)).phone} />
        )}
      </View>
      {children}
    </View>
  )
}
