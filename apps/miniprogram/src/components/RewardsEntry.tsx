import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { LEADER_ROLES, Permission, type UserView } from '@jws/contracts'

import { ROUTES } from '../lib/routes'
import { userCan } from '../session/store'

/** 工作台: 激励奖励 — 一事一奖 (officers propose from a case; station leaders approve) and, for leaders, 成绩突出社区民警. */
export default function RewardsEntry({ user }: { user: UserView }) {
  const propose = userCan(user, Permission.RewardPropose)
  const ranking = LEADER_ROLES.includes(user.role) && userCan(user, Permission.FiguresRead)
  if (!propose && !ranking) return null
  return (
    <View className='card' id='workbench-rewards'>
      <Text className='card__title'>激励奖励</Text>
      <Text className='muted'>一事一奖：在上报详情页为热心居民发起奖励，由派出所领导审批。每月按响应、解决、满意、推送和奖励给社区民警排名。</Text>
      {propose && (
        <Button block className='block-button' id='workbench-rewards-open' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.rewards })}>
          {userCan(user, Permission.RewardDecide) ? '审批一事一奖' : '我发起的奖励'}
        </Button>
      )}
      {ranking && (
        <Button block className='block-button' id='workbench-ranking-open' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.officerRanking })}>
          成绩突出社区民警
        </Button>
      )}
    </View>
  )
}
