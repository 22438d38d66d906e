import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MembershipStatus, type MembershipView, type UserView } from '@jws/contracts'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import TabPage from '../../components/TabPage'
import { useAsync } from '../../hooks/useAsync'
import { displayPhone, memberTypeLabel, membershipStatusLabel, roleLabel } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import { loadMeAndMemberships, signOut } from '../../session/auth'
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

export default function MinePage() {
  const state = useAsync(loadMeAndMemberships, [], { reloadOnShow: true })

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
