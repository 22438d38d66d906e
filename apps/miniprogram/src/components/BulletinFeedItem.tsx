import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import type { BulletinFeedItem as Item } from '@jws/contracts'

import { bulletinKindLabel, bulletinKindTagType } from '../lib/bulletin-labels'
import { formatDateTime } from '../lib/labels'
import { ROUTES } from '../lib/routes'
import './BulletinFeedItem.scss'

/** One line of a reader's bulletins: kind tag, title, when it came, and a dot while unread. */
export default function BulletinFeedItem({ item }: { item: Item }) {
  return (
    <View
      className='bulletin-item'
      id={`bulletin-item-${item.id}`}
      ariaRole='link'
      ariaLabel={`${bulletinKindLabel(item.kind, item.warningType)}：${item.title}${item.read ? '' : '，未读'}`}
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.bulletin}?id=${item.id}` })}
    >
      <View className='row'>
        <Tag type={bulletinKindTagType(item.kind)}>{bulletinKindLabel(item.kind, item.warningType)}</Tag>
        {!item.read && <Text className='bulletin-item__unread' id={`bulletin-unread-${item.id}`}>未读</Text>}
      </View>
      <Text className={`bulletin-item__title${item.read ? '' : ' bulletin-item__title--unread'}`}>{item.title}</Text>
      <Text className='list-item__meta'>{formatDateTime(item.pushedAt)}</Text>
    </View>
  )
}
