import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MembershipStatus, Permission, type CaseSummary, type MembershipView, type UserView } from '@jws/contracts'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import RoomList from '../../components/RoomList'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import TabPage from '../../components/TabPage'
import { useAsync } from '../../hooks/useAsync'
import { usePaged } from '../../hooks/usePaged'
import { caseKindLabel, caseStatusTag } from '../../lib/case-labels'
import { residentStatusLabel } from '../../lib/case-words'
import { displayPhone, formatDateTime, memberTypeLabel, membershipStatusLabel, roleLabel } from '../../lib/labels'
import { caseUrl, ROUTES } from '../../lib/routes'
import { loadMeAndMemberships, signOut } from '../../session/auth'
import { useUser, userCan } from '../../session/store'
import { platform } from '../../platform'
import './index.scss'


const STATUS_TAG: Record<MembershipStatus, 'success' | 'warning' | 'danger' | 'default'> = {
  [MembershipStatus.Active]: 'success',
  [MembershipStatus.Pending]: 'warning',
  [MembershipStatus.Refused]: 'danger',
  [MembershipStatus.Left]: 'default',
}

async function logout() {
  const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出当前账号吗？', confirmText: '退出' })
  if (!confirm) return
  await signOut()
  // manual=1: in the mini program, do not log straight back in.
  void Taro.reLaunch({ url: `${ROUTES.login}?manual=1` })
}

function Profile({ user }: { user: UserView }) {
  return (
    <View className='card mine__profile' id='mine-profile'>
      <View className='mine__avatar'>
        <Text>{user.nickname.slice(0, 1)}</Text>
      </View>
      <View className='mine__profile-info'>
        <Text className='mine__nickname' id='mine-nickname'>{user.nickname}</Text>
        <Text className='muted' id='mine-role'>{roleLabel(user)}</Text>
        <Text className='muted' id='mine-phone'>手机号：{displayPhone(user.phone)}</Text>
        {user.orgUnitName && <Text className='muted'>单位：{user.orgUnitName}</Text>}
      </View>
    </View>
  )
}

function Memberships({ memberships }: { memberships: MembershipView[] }) {
  return (
    <View className='card' id='membership-list'>
      <Text className='card__title'>我的社区</Text>
      {memberships.length === 0 ? (
        <EmptyBlock title='您还未加入社区' description='使用民警提供的邀请码即可加入' />
      ) : (
        memberships.map((m) => (
          <View key={m.id} className='row list-item' id={`membership-${m.id}`}>
            <View className='list-item__main'>
              <Text className='list-item__title'>{m.communityName}</Text>
              <Text className='list-item__meta'>{memberTypeLabel(m.memberType)}</Text>
              {m.status === MembershipStatus.Refused && m.refusalReason && (
                <Text className='mine__refusal' id={`membership-reason-${m.id}`}>未通过原因：{m.refusalReason}</Text>
              )}
            </View>
            <Tag type={STATUS_TAG[m.status] ?? 'default'}>{membershipStatusLabel(m.status)}</Tag>
          </View>
        ))
      )}
      <Button block className='block-button' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>
        加入社区
      </Button>
    </View>
  )
}

/** 消息 with the unread count; the list page marks what it shows as read. */
function MessagesEntry() {
  const unread = useAsync(api.unreadCount, [], { reloadOnShow: true })
  const count = unread.data?.count ?? 0
  return (
    <View className='card row mine__entry' id='mine-notifications' ariaRole='button' onClick={() => void Taro.navigateTo({ url: ROUTES.notifications })}>
      <Text className='mine__entry-title'>消息</Text>
      <View className='row'>
        {count > 0 && (
          <Text className='mine__badge' id='notifications-badge'>
            {count > 99 ? '99+' : count}
          </Text>
        )}
        <Text className='muted'>查看 ›</Text>
      </View>
    </View>
  )
}

/** 输入调解邀请码: a code received by message (the mini program has no link to tap) opens the room. */
function RoomCodeEntry() {
  return (
    <View className='card row mine__entry' id='mine-room-code' ariaRole='button' onClick={() => void Taro.navigateTo({ url: ROUTES.roomCode })}>
      <Text className='mine__entry-title'>输入调解邀请码</Text>
      <Text className='muted'>进入调解室 ›</Text>
    </View>
  )
}

/** 我的奖励: 一事一奖 the station approved, and the 正气 naming consent. */
function RewardsEntry() {
  return (
    <View className='card row mine__entry' id='mine-rewards' ariaRole='button' onClick={() => void Taro.navigateTo({ url: ROUTES.myRewards })}>
      <Text className='mine__entry-title'>我的奖励</Text>
      <Text className='muted'>一事一奖 ›</Text>
    </View>
  )
}

function MyCaseRow({ c }: { c: CaseSummary }) {
  return (
    <View className='row list-item' id={`my-case-${c.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: caseUrl(c.id) })}>
      <View className='list-item__main'>
        <Text className='list-item__title'>{c.title}</Text>
        <Text className='list-item__meta'>
          {caseKindLabel(c.kind)} · {formatDateTime(c.createdAt)}
        </Text>
      </View>
      <Tag type={caseStatusTag(c.status)}>{residentStatusLabel(c.status)}</Tag>
    </View>
  )
}

/** 我的上报: the person's own reports, newest first, with their status. */
function MyCases() {
  const list = usePaged((page) => api.myCases(page, 10), [], { reloadOnShow: true })
  return (
    <View className='card'>
      <Text className='card__title'>我的上报</Text>
      <PagedList
        state={list}
        id='my-cases'
        moreId='my-cases-more'
        empty={{ title: '还没有上报', description: '遇到矛盾纠纷、安全隐患等情况，可以在“上报”页告诉民警。' }}
      >
        {(c) => <MyCaseRow key={c.id} c={c} />}
      </PagedList>
    </View>
  )
}

export default function MinePage() {
  const state = useAsync(loadMeAndMemberships, [], { reloadOnShow: true })
  const user = useUser()

  return (
    <TabPage tab='mine'>
      <AsyncContent state={state}>
        {({ user, memberships }) => (
          <>
            <Profile user={user} />
            {memberships && <Memberships memberships={memberships} />}
          </>
        )}
      </AsyncContent>
      {user && <MessagesEntry />}
      <RoomCodeEntry />
      {userCan(user, Permission.CaseReport) && <RewardsEntry />}
      {userCan(user, Permission.CaseReport) && <RoomList id='mine-rooms' title='我的调解室' hideWhenEmpty />}
      {userCan(user, Permission.CaseReport) && <MyCases />}
      {/* Always reachable, even when loading the profile failed. */}
      <View className='card'>
        {platform.loginMode === 'demo' && (
          <Button block className='block-button' id='mine-switch-account' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.login })}>
            切换演示账号
          </Button>
        )}
        <Button block className='block-button' id='mine-logout' type='danger' fill='outline' onClick={() => void logout()}>
          退出登录
        </Button>
      </View>
    </TabPage>
  )
}
