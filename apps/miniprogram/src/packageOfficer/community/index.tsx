import { useEffect, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import {
  ErrorCode, MEMBERSHIP_REFUSAL_REASON_MAX, MEMBERSHIP_REFUSAL_REASON_MIN, MembershipStatus, Permission, hasWords, textLength, type MemberView,
} from '@jws/contracts'

import { api, errorMessage } from '../../api'
import { isApiError } from '../../api/errors'
import Chips from '../../components/Chips'
import PagedList from '../../components/PagedList'
import { EmptyBlock, ErrorBlock, Loading } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { usePaged, type PagedState } from '../../hooks/usePaged'
import { platform } from '../../platform'
import { displayPhone, formatDateTime, memberTypeLabel } from '../../lib/labels'
import { useMe } from '../../hooks/useMe'
import { userCan } from '../../session/store'
import './index.scss'

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

function MemberRow({ member, reveal, children }: { member: MemberView; reveal?: { communityId: number }; children?: ReactNode }) {
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

/**
 * 邀请居民加入: the codes that still let people in (newest first, so the officer sees what is live
 * after leaving the page), a new one on request, and 作废 for one shared too widely.
 */
function InviteCard({ communityId }: { communityId: number }) {
  const live = useAsync(() => api.liveInvites(communityId), [communityId])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const codes = live.data ?? []

  async function create() {
    setBusy(true)
    setError('')
    try {
      const made = await api.createInvite(communityId)
      live.set([made, ...codes])
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  async function revoke(code: string) {
    const { confirm } = await Taro.showModal({ title: '作废邀请码', content: `作废后无法再用 ${code} 加入；已加入的居民不受影响。`, confirmText: '作废' })
    if (!confirm) return
    setError('')
    try {
      live.set(await api.revokeInvite(communityId, code))
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <View className='card' id='invite-card'>
      <Text className='card__title'>邀请居民加入</Text>
      {codes.length ? (
        codes.map((invite, i) => (
          <View key={invite.code} className='community__invite' id={`invite-${invite.code}`}>
            <Text className='community__invite-code' id={i === 0 ? 'invite-code' : undefined} userSelect>
              {invite.code}
            </Text>
            <Text className='muted'>有效期至 {formatDateTime(invite.expiresAt)}</Text>
            <View className='row'>
              <Button size='small' type='primary' id={i === 0 ? 'invite-copy' : `invite-copy-${invite.code}`} onClick={() => void Taro.setClipboardData({ data: invite.code })}>
                复制
              </Button>
              <Button size='small' type='danger' fill='outline' id={`invite-revoke-${invite.code}`} onClick={() => void revoke(invite.code)}>
                作废
              </Button>
            </View>
          </View>
        ))
      ) : (
        <Text className='muted' id='invite-none'>{live.data ? '目前没有可用的邀请码。生成后发给居民，居民在“加入社区”页输入即可加入。' : '加载中…'}</Text>
      )}
      {(error || live.error) && (
        <Text className='error-text' id='invite-error'>
          {error || errorMessage(live.error)}
        </Text>
      )}
      <Button block className='block-button' id='invite-create' fill='outline' type='primary' loading={busy} disabled={busy} onClick={() => void create()}>
        生成新邀请码
      </Button>
    </View>
  )
}

const PAGE_SIZE = 20

/**
 * One status of a community's members, a page at a time. Remembers whether the server lets the
 * caller reveal numbers (the community's responsible officer).
 */
function useMembers(communityId: number, status: MembershipStatus, onCanReveal: (can: boolean) => void) {
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

/** Reasons officers give most often; tapping one fills the reason, which can still be edited. */
const QUICK_REFUSAL_REASONS = ['非本社区居民', '信息不全，请补充后重新申请', '无法核实身份', '重复申请'] as const

/** The request was decided meanwhile (by another officer, or in another window): it leaves the list. */
const isGone = (e: unknown): boolean => isApiError(e) && (e.code === ErrorCode.MembershipNotPending || e.code === ErrorCode.NotFound)

/**
 * 拒绝 asks why (the resident is told) and asks again before refusing: one mis-tap on 拒绝 only
 * opens this panel. What was typed stays when the server refuses it.
 */
function RefusePanel({ member, onCancel, onRefused, onGone }: {
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

/**
 * 待审核: 通过 is one tap; 拒绝 opens RefusePanel. A decided request leaves the list; one decided
 * meanwhile elsewhere says so (该申请已处理) and leaves it too.
 */
function PendingRequests({ pending, canApprove, reveal, onDecided }: {
  pending: PagedState<MemberView>
  canApprove: boolean
  reveal?: { communityId: number }
  onDecided: () => Promise<void>
}) {
  const [approving, setApproving] = useState<number | null>(null)
  const [refusing, setRefusing] = useState<number | null>(null)
  const [error, setError] = useState('')

  async function approve(member: MemberView) {
    setApproving(member.membershipId)
    setError('')
    try {
      await api.approveMembership(member.membershipId)
      void Taro.showToast({ title: '已通过', icon: 'success' })
      setRefusing(null)
      await onDecided()
    } catch (e) {
      setError(errorMessage(e))
      if (isGone(e)) await onDecided()
    } finally {
      setApproving(null)
    }
  }

  function openRefusal(member: MemberView) {
    setError('')
    setRefusing(refusing === member.membershipId ? null : member.membershipId)
  }

  return (
    <View className='card' id='pending-list'>
      <Text className='card__title'>待审核{pending.items ? `（${pending.total}）` : ''}</Text>
      {error && (
        <Text className='error-text' id='decision-error'>
          {error}
        </Text>
      )}
      <PagedList state={pending} id='list-pending' moreId='more-pending' empty={{ title: '暂无待审核的入群申请' }}>
        {(m) => (
          <View key={m.membershipId} id={`pending-${m.membershipId}`}>
            <MemberRow member={m} reveal={reveal}>
              {canApprove && (
                <View className='community__decide'>
                  <Button
                    id={`approve-${m.membershipId}`}
                    type='primary'
                    disabled={approving !== null}
                    loading={approving === m.membershipId}
                    onClick={() => void approve(m)}
                  >
                    通过
                  </Button>
                  <Button
                    id={`refuse-${m.membershipId}`}
                    type='danger'
                    fill={refusing === m.membershipId ? 'solid' : 'outline'}
                    disabled={approving !== null}
                    onClick={() => openRefusal(m)}
                  >
                    拒绝
                  </Button>
                </View>
              )}
            </MemberRow>
            {canApprove && refusing === m.membershipId && (
              <RefusePanel
                member={m}
                onCancel={() => setRefusing(null)}
                onRefused={async () => {
                  setRefusing(null)
                  await onDecided()
                }}
                onGone={async (message) => {
                  setRefusing(null)
                  setError(message)
                  await onDecided()
                }}
              />
            )}
          </View>
        )}
      </PagedList>
    </View>
  )
}

function MemberList({ active, reveal }: { active: PagedState<MemberView>; reveal?: { communityId: number } }) {
  return (
    <View className='card' id='member-list'>
      <Text className='card__title'>社区成员{active.items ? `（${active.total}）` : ''}</Text>
      {reveal && <Text className='muted community__hint'>号码默认隐藏；需要联系居民时点“查看号码”，每次查看都会记录。</Text>}
      <PagedList state={active} id='list-members' moreId='more-members' empty={{ title: '还没有成员', description: '生成邀请码邀请居民加入吧' }}>
        {(m) => (
          <View key={m.membershipId} id={`member-${m.membershipId}`}>
            <MemberRow member={m} reveal={reveal} />
          </View>
        )}
      </PagedList>
    </View>
  )
}

/**
 * One community seen by its officer: members, pending join requests (with each 申请说明), invite
 * codes. Its name comes from the server, so an id outside the caller's jurisdiction (or none at
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
      {userCan(user, Permission.CommunityInviteCreate) && <InviteCard communityId={communityId} />}
      <PendingRequests
        pending={pending}
        canApprove={userCan(user, Permission.CommunityJoinApprove)}
        reveal={reveal}
        onDecided={async () => {
          await Promise.all([pending.reload(), active.reload()])
        }}
      />
      <MemberList active={active} reveal={reveal} />
    </View>
  )
}
