import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { MembershipStatus, Permission, type MembershipView, type UserView } from '@jws/contracts'

import CommonMatters from '../../components/CommonMatters'
import GuideSearch from '../../components/GuideSearch'
import HomeBulletins from '../../components/HomeBulletins'
import OfficerCard from '../../components/OfficerCard'
import { AsyncContent } from '../../components/StatusBlock'
import TabPage from '../../components/TabPage'
import { useAsync } from '../../hooks/useAsync'
import { roleLabel } from '../../lib/labels'
import { loginUrl, ROUTES } from '../../lib/routes'
import { readAuth } from '../../api/tokens'
import { platform } from '../../platform'
import { loadMeAndMemberships } from '../../session/auth'
import { userCan } from '../../session/store'
import './index.scss'


/** Not in a community yet; a refused request says why and leads to the join page to ask again. */
function JoinPrompt({ refused }: { refused: MembershipView[] }) {
  return (
    <View className='card' id='join-prompt'>
      <Text className='card__title'>您还未加入社区</Text>
      {refused.map((m) => (
        <Text key={m.id} className='home__refused' id={`join-refused-${m.id}`}>
          {`加入${m.communityName}的申请未通过${m.refusalReason ? `：${m.refusalReason}` : ''}`}
        </Text>
      ))}
      <Text className='muted'>
        {refused.length ? '核实信息后可重新申请，或使用社区民警提供的邀请码加入。' : '加入所在社区后，可以在这里看到您的社区民警并直接联系。'}
      </Text>
      <Button
        block className='block-button'
        id='home-join'
        type='primary'
        onClick={() => void Taro.navigateTo({ url: ROUTES.join })}
      >
        {refused.length ? '重新申请' : '加入社区'}
      </Button>
    </View>
  )
}

/** What this person does in 工作台, in one line: only what their role may do there. */
function workbenchHint(user: UserView): string {
  if (userCan(user, Permission.CommunityJoinApprove)) return '上报办理、社区成员、入群审核和邀请码请在“工作台”处理。'
  if (userCan(user, Permission.CaseRead)) return '辖区上报、督办和日报请在“工作台”查看。'
  if (userCan(user, Permission.MediationMediate)) return '您参与的网上调解请在“工作台”的“我的调解”中进入。'
  if (userCan(user, Permission.ReferralHandle)) return '转给本部门的事项请在“工作台”签收和回复。'
  if (userCan(user, Permission.WorkbenchAccess)) return '您的工作事项请在“工作台”处理。'
  return ''
}

function StaffCard({ user }: { user: UserView }) {
  return (
    <View className='card' id='staff-card'>
      <Text className='card__title'>{user.nickname}，您好</Text>
      <Text className='muted' id='staff-card-hint'>{`您的身份是${roleLabel(user)}。${workbenchHint(user)}`}</Text>
      {userCan(user, Permission.WorkbenchAccess) && (
        <Button block className='block-button' type='primary' onClick={() => void Taro.switchTab({ url: ROUTES.workbench })}>
          进入工作台
        </Button>
      )}
    </View>
  )
}

function PendingCard({ pending }: { pending: MembershipView[] }) {
  return (
    <View className='card' id='join-pending'>
      <Text className='card__title'>加入申请待民警审核</Text>
      {pending.map((m) => (
        <Text key={m.id} className='muted home__pending-community'>
          {m.communityName}
        </Text>
      ))}
      <Text className='muted'>民警通过后，这里会显示您的社区民警。</Text>
      <Button block className='block-button' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>
        有邀请码？直接加入
      </Button>
    </View>
  )
}

/** What a resident sees: their officers, else the pending request, else how to join (and why a request was refused). */
function ResidentHome({ memberships }: { memberships: MembershipView[] }) {
  const active = memberships.filter((m) => m.status === MembershipStatus.Active)
  const pending = memberships.filter((m) => m.status === MembershipStatus.Pending)
  if (active.length > 0) {
    return (
      <>
        {active.map((m, index) => (
          <OfficerCard key={m.id} officer={m.officer} communityName={m.communityName} primary={index === 0} />
        ))}
      </>
    )
  }
  const refused = memberships.filter((m) => m.status === MembershipStatus.Refused)
  return pending.length > 0 ? <PendingCard pending={pending} /> : <JoinPrompt refused={refused} />
}

/** A visitor (h5, not signed in) browses the guide; signing in comes when they act. */
function VisitorCard() {
  return (
    <View className='card' id='visitor-card'>
      <Text className='card__title'>登录后联系您的社区民警</Text>
      <Text className='muted'>办事指引不用登录就能查。上报、加入社区、查看进度需要先登录。</Text>
      <Button block className='block-button' id='home-login' type='primary' onClick={() => void Taro.navigateTo({ url: loginUrl() })}>
        登录
      </Button>
      <Button block className='block-button link-button' id='home-room-code' fill='none' onClick={() => void Taro.navigateTo({ url: ROUTES.roomCode })}>
        收到调解邀请码？点此输入
      </Button>
    </View>
  )
}

/** The signed-in person and their memberships; null for a visitor (the mini program signs in silently). */
async function loadHome() {
  return platform.loginMode === 'wechat' || readAuth() ? loadMeAndMemberships() : null
}

export default function HomePage() {
  const state = useAsync(loadHome, [], { reloadOnShow: true })

  return (
    <TabPage tab='home'>
      <View className='home__banner'>
        <Text className='home__banner-title'>指尖上的警务室</Text>
        <Text className='home__banner-text'>您身边的社区民警，一键联系</Text>
      </View>
      <HomeBulletins />
      <View className='card' id='home-guide'>
        <Text className='card__title'>办事指引</Text>
        <GuideSearch />
        <CommonMatters />
      </View>
      <AsyncContent state={state} errorId='home-error'>
        {(home) =>
          home === null ? <VisitorCard /> : home.memberships === null ? <StaffCard user={home.user} /> : <ResidentHome memberships={home.memberships} />
        }
      </AsyncContent>
    </TabPage>
  )
}
