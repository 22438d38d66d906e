import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { ROOM_STATUS_LABELS, RoomStatus, type RoomDetail } from '@jws/contracts'

import { formatDateTime } from '../../../lib/labels'

/** Title, case number, status, members and the booked 线下调解 if any. */
export default function RoomHeader({ room }: { room: RoomDetail }) {
  const open = room.status === RoomStatus.Open
  return (
    <View className='card room__header'>
      <Text className='room__title' id='room-title'>{room.title}</Text>
      <View className='row'>
        <Text className='muted'>{room.caseNumber}</Text>
        <View id='room-status'>
          <Tag type={open ? 'primary' : room.status === RoomStatus.Settled ? 'success' : 'default'}>{ROOM_STATUS_LABELS[room.status]}</Tag>
        </View>
      </View>
      <Text className='muted' id='room-members'>{room.members.map((m) => m.displayName).join('、')}</Text>
      {room.booking && (
        <Text id='room-booking'>线下调解：{formatDateTime(room.booking.startsAt)}，{room.booking.offlineRoomName}（{room.booking.address}）</Text>
      )}
    </View>
  )
}
