import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MembershipStatus, Permission, type CommunityInviteView, type MemberView } from '@jws/contracts'

import { api, errorMessage } from '../../api'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { displayPhone, formatDateTime, memberTypeLabel } from '../../lib/labels'
import { useMe } from '../../hooks/useMe'
import { userCan } from '../../session/store'
import './index.scss'

function MemberRow({ member, children }: { member: MemberView; children?: ReactNode }) {
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
      </View>
      {children}
    </View>
  )
}

function InviteCard({ communityId }: { communityId: number }) {
  const [invite, setInvite] = useState<CommunityInviteView | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function create() {
    setBusy(true)
    setError('')
    try {
      setInvite(await api.createInvite(communityId))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card' id='invite-card'>
      <Text className='card__title'>邀请居民加入</Text>
      {invite ? (
        <View className='community__invite'>
          <Text className='community__invite-code' id='invite-code' userSelect>
            {invite.code}
          </Text>
          <Text className='muted'>有效期至 {formatDateTime(invite.expiresAt)}</Text>
          <Button
            block className='block-button'
            id='invite-copy'
            type='primary'
            onClick={() => void Taro.setClipboardData({ data: invite.code })}
          >
            复制邀请码
          </Button>
        </View>
      ) : (
        <Text className='muted'>生成邀请码后发给居民，居民在“加入社区”页输入即可加入。</Text>
      )}
      {error && (
        <Text className='error-text' id='invite-error'>
          {error}
        </Text>
      )}
      <Button block className='block-button' id='invite-create' fill='outline' type='primary' loading={busy} disabled={busy} onClick={() => void create()}>
        {invite ? '重新生成邀请码' : '生成邀请码'}
      </Button>
    </View>
  )
}

function PendingRequests({ pending, canApprove, onDecided }: { pending: MemberView[]; canApprove: boolean; onDecided: () => Promise<void> }) {
  const [deciding, setDeciding] = useState<number | null>(null)
  const [error, setError] = useState('')

  async function decide(member: MemberView, approve: boolean) {
    setDeciding(member.membershipId)
    setError('')
    try {
      if (approve) await api.approveMembership(member.membershipId)
      else await api.refuseMembership(member.membershipId)
      void Taro.showToast({ title: approve ? '已通过' : '已拒绝', icon: 'success' })
      await onDecided()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setDeciding(null)
    }
  }

  return (
    <View className='card' id='pending-list'>
      <Text className='card__title'>待审核（{pending.length}）</Text>
      {error && (
        <Text className='error-text' id='decision-error'>
          {error}
        </Text>
      )}
      {pending.length === 0 ? (
        <Text className='muted'>暂无待审核的入群申请</Text>
      ) : (
        pending.map((m) => (
          <View key={m.membershipId} id={`pending-${m.membershipId}`}>
            <MemberRow member={m}>
              {canApprove && (
                <View className='community__decide'>
                  <Button
                    id={`approve-${m.membershipId}`}
                    type='primary'
                    disabled={deciding !== null}
                    loading={deciding === m.membershipId}
                    onClick={() => void decide(m, true)}
                  >
                    通过
                  </Button>
                  <Button
                    id={`refuse-${m.membershipId}`}
                    type='danger'
                    fill='outline'
                    disabled={deciding !== null}
                    onClick={() => void decide(m, false)}
                  >
                    拒绝
                  </Button>
                </View>
              )}
            </MemberRow>
          </View>
        ))
      )}
    </View>
  )
}

function MemberList({ active }: { active: MemberView[] }) {
  return (
    <View className='card' id='member-list'>
      <Text className='card__title'>社区成员（{active.length}）</Text>
      {active.length === 0 ? (
        <Text className='muted'>还没有成员，生成邀请码邀请居民加入吧</Text>
      ) : (
        active.map((m) => (
          <View key={m.membershipId} id={`member-${m.membershipId}`}>
            <MemberRow member={m} />
          </View>
        ))
      )}
    </View>
  )
}

/** One community seen by its officer: members, pending join requests, invite codes. */
export default function CommunityPage() {
  const router = useRouter()
  const communityId = Number(router.params.id)
  const validId = Number.isInteger(communityId) && communityId > 0
  const communityName = router.params.name ? decodeURIComponent(router.params.name) : '社区'
  const { user } = useMe()
  const members = useAsync(async () => (validId ? api.communityMembers(communityId) : []), [communityId])

  if (!validId) {
    return (
      <View className='page'>
        <EmptyBlock title='未找到该社区' />
      </View>
    )
  }

  return (
    <View className='page'>
      <View className='community__header'>
        <Text className='community__title' id='community-title'>{communityName}</Text>
      </View>
      {userCan(user, Permission.CommunityInviteCreate) && <InviteCard communityId={communityId} />}
      <AsyncContent state={members}>
        {(all) => (
          <>
            <PendingRequests
              pending={all.filter((m) => m.status === MembershipStatus.Pending)}
              canApprove={userCan(user, Permission.CommunityJoinApprove)}
              onDecided={members.reload}
            />
            <MemberList active={all.filter((m) => m.status === MembershipStatus.Active)} />
          </>
        )}
      </AsyncContent>
    </View>
  )
}
