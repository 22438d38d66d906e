import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Permission, type UserView } from '@jws/contracts'

import { ROUTES } from '../lib/routes'
import { userCan } from '../session/store'

/** 工作台: the 公告 card for those who write, review or push bulletins. */
export default function BulletinEntry({ user }: { user: UserView }) {
  const review = userCan(user, Permission.BulletinReview)
  const push = userCan(user, Permission.BulletinPush)
  if (!review && !push && !userCan(user, Permission.BulletinWrite)) return null
  const open = (view: string) => void Taro.navigateTo({ url: `${ROUTES.bulletinList}?view=${view}` })
  return (
    <View className='card' id='workbench-bulletins'>
      <Text className='card__title'>警务公告</Text>
      <Text className='muted'>法治宣传、预警、辟谣和正气：撰写后经审核，推送到群，每群每天最多2条。</Text>
      {review && <Button block className='block-button' id='workbench-bulletins-review' type='primary' onClick={() => open('review')}>审核公告</Button>}
      {push && <Button block className='block-button' id='workbench-bulletins-push' type='primary' fill='outline' onClick={() => open('push')}>推送公告</Button>}
      {push && <Button block className='block-button' id='workbench-bulletins-stats' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.bulletinStats })}>推送统计</Button>}
      {push && <Button block className='block-button' id='workbench-bulletins-wechat-groups' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.bulletinWechatGroups })}>绑定微信群</Button>}
      <Button block className='block-button' id='workbench-bulletins-mine' type='primary' fill='outline' onClick={() => open('mine')}>我写的公告</Button>
    </View>
  )
}
