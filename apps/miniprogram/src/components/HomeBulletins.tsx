import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

import { bulletinsApi } from '../api/bulletins'
import { readAuth } from '../api/tokens'
import { useAsync } from '../hooks/useAsync'
import { ROUTES } from '../lib/routes'
import { platform } from '../platform'
import BulletinFeedItem from './BulletinFeedItem'

/** 首页: the latest bulletins of my groups, newest first; nothing for visitors and people in no group. */
export default function HomeBulletins() {
  const state = useAsync(
    () => (platform.loginMode === 'wechat' || readAuth() ? bulletinsApi.feed(1, 5) : Promise.resolve(null)),
    [],
    { reloadOnShow: true },
  )
  const page = state.data
  if (!page || page.items.length === 0) return null
  return (
    <View className='card' id='home-bulletins'>
      <View className='row'>
        <Text className='card__title'>警务公告</Text>
        {page.items.some((i) => !i.read) && <Text className='muted' id='home-bulletins-unread'>{`${page.items.filter((i) => !i.read).length}条未读`}</Text>}
      </View>
      {page.items.map((item) => <BulletinFeedItem key={item.id} item={item} />)}
      <Button block className='block-button' id='home-rumour-report' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.rumourReport })}>
        看到传言？报告给民警
      </Button>
      {page.total > page.items.length && (
        <Button block className='block-button' id='home-bulletins-more' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.bulletins })}>
          {`全部公告（${page.total}）`}
        </Button>
      )}
    </View>
  )
}
