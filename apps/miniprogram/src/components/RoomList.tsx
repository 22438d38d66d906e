import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { ROOM_MEMBER_ROLE_LABELS, ROOM_STATUS_LABELS, RoomStatus } from '@jws/contracts'

import { api } from '../api'
import { usePaged } from '../hooks/usePaged'
import { formatDateTime } from '../lib/labels'
import { roomUrl } from '../lib/routes'
import PagedList from './PagedList'

const PAGE_SIZE = 10

/**
 * The caller's mediation rooms (工作台 → 我的调解, 我的 → 我的调解室), open ones first, then
 * newest (the server's order), a page at a time with 加载更多.
 */
export default function RoomList({ id, title, hideWhenEmpty = false }: { id: string; title: string; hideWhenEmpty?: boolean }) {
  const rooms = usePaged((page) => api.myRooms(page, PAGE_SIZE), [], { reloadOnShow: true })
  if (hideWhenEmpty && !rooms.items?.length) return null
  return (
    <View className='card' id={id}>
      <Text className='card__title'>{title}</Text>
      <PagedList state={rooms} id={`${id}-list`} moreId={`${id}-more`} empty={{ title: '暂无调解', description: '民警开启调解后，调解室会显示在这里。' }}>
        {(r) => (
          <View key={r.id} className='row list-item' id={`room-item-${r.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: roomUrl(r.id) })}>
            <View className='list-item__main'>
              <Text className='list-item__title'>{r.title}</Text>
              <Text className='list-item__meta'>
                {r.myRole ? ROOM_MEMBER_ROLE_LABELS[r.myRole] : ''} · {formatDateTime(r.createdAt)}
              </Text>
            </View>
            <Tag type={r.status === RoomStatus.Open ? 'primary' : r.status === RoomStatus.Settled ? 'success' : 'default'}>{ROOM_STATUS_LABELS[r.status]}</Tag>
          </View>
        )}
      </PagedList>
    </View>
  )
}
