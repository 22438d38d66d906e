import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

import { ROUTES } from '../../../lib/routes'

/** Residents outside any community (or waiting to be let in) join first: reports go to a community's officers. */
export default function JoinFirst({ pending }: { pending: boolean }) {
  return (
    <View className='card' id='report-join'>
      <Text className='card__title'>{pending ? '加入申请待民警审核' : '请先加入您所在的社区'}</Text>
      <Text className='muted'>
        {pending ? '民警通过您的加入申请后，即可在这里上报。' : '上报会交给您所在社区的民警办理，加入社区后即可上报。'}
      </Text>
      <Button block className='block-button' type='primary' fill={pending ? 'outline' : 'solid'} onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>
        {pending ? '有邀请码？直接加入' : '加入社区'}
      </Button>
    </View>
  )
}
