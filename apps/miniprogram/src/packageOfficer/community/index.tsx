import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { MembershipStatus, Permission } from '@jws/contracts'

import { api } from '../../api'
import { EmptyBlock, ErrorBlock, Loading } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import { userCan } from '../../session/store'
import { InviteCard } from './parts/InviteCard'
import { OfficerHistory } from './parts/OfficerHistory'
import { PendingRequests } from './parts/PendingRequests'
import { MemberList, useMembers } from './parts/MemberList'
import './index.scss'

/**
 * One community seen by its officer: its responsible officer and their history (移交 for leaders),
 * members, pending join requests (with each 申请说明), invite codes. Its name comes from the server, so an id outside the caller's jurisdiction (or none at
 * all) is one 未找到 with 返回, and nothing else is asked for. `show=pending` (新的加入申请 in 消息)
 * scrolls to 待审核.
 */
export default function CommunityPage() {
  const router = useRouter()
  const communityId = Number(router.params.id)
  const validId = Number.isInteger(communityId) && communityId > 0
  const showPending = router.params.show === 'pending'
  const community = useAsync(() => (validId ? api.workbenchCommunity(communityId) : Promise.resolve(null)), [communityId, validId])
  const found = community.data ? communityId : 0
  const { user } = useMe()
  const [canReveal, setCanReveal] = useState(false)
  const pending = useMembers(found, MembershipStatus.Pending, setCanReveal)
  const active = useMembers(found, MembershipStatus.Active, setCanReveal)
  const reveal = canReveal ? { communityId } : undefined

  useEffect(() => {
    if (showPending && pending.items) void Taro.pageScrollTo({ selector: '#pending-list', duration: 0 }).catch(() => undefined)
  }, [showPending, pending.items !== undefined])

  if (!validId || community.data === null) {
    return (
      <View className='page'>
        <EmptyBlock title='未找到该社区' id='community-not-found' />
      </View>
    )
  }
  if (!community.data) {
    return (
      <View className='page'>
        {community.error ? <ErrorBlock error={community.error} onRetry={() => void community.reload()} id='community-load-error' /> : <Loading />}
      </View>
    )
  }

  return (
    <View className='page'>
      <View className='community__header'>
        <Text className='community__title' id='community-title'>{community.data.name}</Text>
      </View>
      <OfficerHistory
        community={community.data}
        canHandover={userCan(user, Permission.CommunityHandover)}
        onHandedOver={async (updated) => community.set(updated)}
      />
      {userCan(user, Permission.CommunityInviteCreate) && <InviteCard communityId={communityId} />}
      <PendingRequests
        pending={pending}
        canApprove={userCan(user, Permission.CommunityJoinApprove)}
        reveal={reveal}
        onDecided={async () => {
          await Promise.all([pending.reload(), active.reload()])
        }}
      />
      <MemberList active={active} reveal={reveal} canNameInformants={userCan(user, Permission.InformantGrant)} />
    </View>
  )
}
