import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Anonymity, CaseStatus, Permission, type CaseDetail, type UserView } from '@jws/contracts'
import { Button } from '@nutui/nutui-react-taro'

import { ROUTES } from '../../../lib/routes'
import { userCan } from '../../../session/store'

/** 一事一奖: propose a reward for the reporter of this case (not for anonymous, refused or duplicate reports). */
export default function RewardEntry({ c, user }: { c: CaseDetail; user: UserView | null }) {
  if (!userCan(user, Permission.RewardPropose) || c.anonymity !== Anonymity.None || [CaseStatus.Rejected, CaseStatus.Duplicate].includes(c.status)) return null
  return (
    <View className='card' id='case-reward'>
      <Text className='card__title'>一事一奖</Text>
      <Text className='muted'>上报人提供的线索或帮助有价值的，可发起精神或物质奖励，由派出所领导审批；同一件事只奖励一次。</Text>
      <Button block className='block-button' id='case-reward-open' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: `${ROUTES.rewardPropose}?caseId=${c.id}` })}>
        为上报人发起奖励
      </Button>
    </View>
  )
}
