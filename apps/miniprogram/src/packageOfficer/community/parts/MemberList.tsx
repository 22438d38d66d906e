import { Text, View } from '@tarojs/components'
import { MembershipStatus, type MemberView } from '@jws/contracts'

import { api } from '../../../api'
import PagedList from '../../../components/PagedList'
import { usePaged, type PagedState } from '../../../hooks/usePaged'
import { InformantAction } from './InformantAction'
import { MemberRow } from './MemberRow'

const PAGE_SIZE = 20

/**
 * One status of a community's members, a page at a time. Remembers whether the server lets the
 * caller reveal numbers (the community's responsible officer).
 */
export function useMembers(communityId: number, status: MembershipStatus, onCanReveal: (can: boolean) => void) {
  return usePaged(
    async (page) => {
      if (communityId <= 0) return { items: [], total: 0, page, pageSize: PAGE_SIZE }
      const result = await api.communityMembers(communityId, { status, page, pageSize: PAGE_SIZE })
      onCanReveal(result.canRevealPhone)
      return result
    },
    [communityId, status],
  )
}

/** `canNameInformants`: the caller may name 信息员 (the responsible officer). */
export function MemberList({ active, reveal, canNameInformants }: { active: PagedState<MemberView>; reveal?: { communityId: number }; canNameInformants?: boolean }) {
  return (
    <View className='card' id='member-list'>
      <Text className='card__title'>社区成员{active.items ? `（${active.total}）` : ''}</Text>
      {reveal && <Text className='muted community__hint'>号码默认隐藏；需要联系居民时点“查看号码”，每次查看都会记录。</Text>}
      <PagedList state={active} id='list-members' moreId='more-members' empty={{ title: '还没有成员', description: '生成邀请码邀请居民加入吧' }}>
        {(m) => (
          <View key={m.membershipId} id={`member-${m.membershipId}`}>
            <MemberRow member={m} reveal={reveal}>
              {canNameInformants && (
                <InformantAction member={m} onChanged={(updated) => active.replace((x) => (x.membershipId === updated.membershipId ? { ...x, isInformant: updated.isInformant } : x))} />
              )}
            </MemberRow>
          </View>
        )}
      </PagedList>
    </View>
  )
}
