import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { MembershipStatus, Permission } from '@jws/contracts'

import { api } from '../../api'
import OfficerCard from '../../components/OfficerCard'
import { ErrorBlock, Loading } from '../../components/StatusBlock'
import TabPage from '../../components/TabPage'
import { useAsync } from '../../hooks/useAsync'
import { roleLabel } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import { loadMe } from '../../session/auth'
import { userCan } from '../../session/store'
import './index.scss'

async function loadHome() {
  const user = await loadMe()
  // Only residents belong to communities; staff see their communities in 工作台.
  const memberships = userCan(user, Permission.CommunityJoin) ? await api.myMemberships() : null
  return { user, memberships }
}

function JoinPrompt() {
  return (
    <View className='card' id='join-prompt'>
      <Text className='card__title'>您还未加入社区</Text>
      <Text className='muted'>加入所在社区后，可以在这里看到您的社区民警并直接联系。</Text>
      <Button
        block className='block-button'
        id='home-join'
        type='primary'
        onClick={() => void Taro.navigateTo({ url: ROUTES.join })}
      >
        加入社区
      </Button>
    </View>
  )
}

export default function HomePage() {
  const { data, error, loading, reload } = useAsync(loadHome, [], { reloadOnShow: true })

  let body
  if (!data && loading) body = <Loading />
  else if (!data) body = <ErrorBlock error={error} onRetry={reload} id='home-error' />
  else if (data.memberships === null) {
    body = (
      <View className='card' id='staff-card'>
        <Text className='card__title'>{data.user.nickname}，您好</Text>
        <Text className='muted'>
          您的身份是{roleLabel(data.user)}。社区成员、入群审核和邀请码请在“工作台”处理。
        </Text>
        {userCan(data.user, Permission.WorkbenchAccess) && (
          <Button block className='block-button' type='primary' onClick={() => void Taro.switchTab({ url: ROUTES.workbench })}>
            进入工作台
          </Button>
        )}
      </View>
    )
  } else {
    const active = data.memberships.filter((m) => m.status === MembershipStatus.Active)
    const pending = data.memberships.filter((m) => m.status === MembershipStatus.Pending)
    body = (
      <>
        {active.map((m, index) => (
          <OfficerCard key={m.id} officer={m.officer} communityName={m.communityName} primary={index === 0} />
        ))}
        {active.length === 0 && pending.length > 0 && (
          <View className='card' id='join-pending'>
            <Text className='card__title'>加入申请待民警审核</Text>
            {pending.map((m) => (
              <Text key={m.id} className='muted home__pending-community'>
                {m.communityName}
              </Text>
            ))}
            <Text className='muted'>民警通过后，这里会显示您的社区民警。</Text>
            <Button
              block
              className='block-button'
              fill='outline'
              type='primary'
              onClick={() => void Taro.navigateTo({ url: ROUTES.join })}
            >
              有邀请码？直接加入
            </Button>
          </View>
        )}
        {active.length === 0 && pending.length === 0 && <JoinPrompt />}
        {error && <ErrorBlock error={error} onRetry={reload} />}
      </>
    )
  }

  return (
    <TabPage tab='home'>
      <View className='home__banner'>
        <Text className='home__banner-title'>指尖上的警务室</Text>
        <Text className='home__banner-text'>您身边的社区民警，一键联系</Text>
      </View>
      {body}
    </TabPage>
  )
}
