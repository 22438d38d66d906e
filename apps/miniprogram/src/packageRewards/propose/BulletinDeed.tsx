import { Text, View } from '@tarojs/components'
import { BulletinKind, BulletinStatus, MembershipStatus } from '@jws/contracts'
import { useState } from 'react'

import { api } from '../../api'
import { bulletinsApi } from '../../api/bulletins'
import Chips from '../../components/Chips'
import { useAsync } from '../../hooks/useAsync'

export interface BulletinDeedChoice {
  bulletinId: number | null
  residentId: number | null
}

/**
 * The deed as a 正气 bulletin: one of the approved 正气 the officer may push, and the resident it
 * praises, a member of one of their communities. The post says 某居民 until that resident agrees.
 */
export default function BulletinDeed({ value, onChange }: { value: BulletinDeedChoice; onChange: (v: BulletinDeedChoice) => void }) {
  const [communityId, setCommunityId] = useState<number | null>(null)
  const bulletins = useAsync(async () => (await bulletinsApi.list({ status: BulletinStatus.Approved, pageSize: 50 })).items.filter((b) => b.kind === BulletinKind.Positive), [])
  const communities = useAsync(async () => (await api.workbenchCommunities({ pageSize: 50 })).items, [])
  const members = useAsync(
    async () => (communityId ? (await api.communityMembers(communityId, { status: MembershipStatus.Active, page: 1, pageSize: 100 })).items : []),
    [communityId],
  )
  return (
    <View id='reward-bulletin-deed'>
      <Text className='muted'>正气公告（公告中用“某居民”指代受表扬的居民，居民同意后才显示其名字）</Text>
      {bulletins.data && bulletins.data.length === 0 && <Text className='muted'>暂无审核通过的正气公告</Text>}
      <Chips
        id='reward-bulletin' value={value.bulletinId} onChange={(id) => onChange({ ...value, bulletinId: id })}
        options={(bulletins.data ?? []).map((b) => ({ value: b.id, label: b.title, id: `reward-bulletin-${b.id}` }))}
      />
      <Text className='muted'>受表扬的居民所在社区</Text>
      <Chips
        id='reward-community' scroll value={communityId} onChange={(id) => { setCommunityId(id); onChange({ ...value, residentId: null }) }}
        options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name, id: `reward-community-${c.id}` }))}
      />
      {communityId !== null && (
        <Chips
          id='reward-resident' value={value.residentId} onChange={(id) => onChange({ ...value, residentId: id })}
          options={(members.data ?? []).map((m) => ({ value: m.userId, label: `${m.nickname} ${m.phone ?? ''}`.trim(), id: `reward-resident-${m.userId}` }))}
        />
      )}
    </View>
  )
}
