import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { ROOM_MEMBER_ROLE_LABELS, ROOM_STATUS_LABELS, RoomStatus } from '@jws/contracts'

import { api } from '../api'
import { useAsync } from '../hooks/useAsync'
import { formatDateTime } from '../lib/labels'
import { roomUrl } from '../lib/routes'
import { EmptyBlock } from './StatusBlock'

/** The caller's mediation rooms (工作台 → 我的调解, 我的 → 我的调解室), open ones first. */
export default function RoomList({ id, title, hideWhenEmpty = false }: { id: string; title: string; hideWhenEmpty?: boolean }) {
  const state = useAsync(api.myRooms, [], { reloadOnShow: true })
  const rooms = [...(state.data ?? [])].sort((a, b) => Number(b.status === RoomStatus.Open) - Number(a.status === RoomStatus.Open))
  if (hideWhenEmpty && rooms.length === 0) return null
  return (
    <View className='card' id={id}>
      <Text className='card__title'>{title}</Text>
      {rooms.length === 0 ? (
        <EmptyBlock title='暂无调解' description='民警开启调解后，调解室会显示在这里。' />
      ) : (
        rooms.map((r) => (
          <View key={r.id} className='row list-item' id={`room-item-${r.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: roomUrl(r.id) })}>
            <View className='list-item__main'>
              <Text className='list-item__title'>{r.title}</Text>
              <Text className='list-item__meta'>
                {r.myRole ? ROOM_MEMBER_ROLE_LABELS[r.myRole] : ''} · {formatDateTime(r.createdAt)}
              </Text>
            </View>
            <Tag type={r.status === RoomStatus.Open ? 'primary' : r.status === RoomStatus.Settled ? 'success' : 'default'}>{ROOM_STATUS_LABELS[r.status]}</Tag>
          </View>
        ))
      )}
    </View>
  )
}
