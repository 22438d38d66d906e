import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { ROOM_STATUS_LABELS, RoomStatus, type RoomDetail } from '@jws/contracts'

import { formatDateTime } from '../../../lib/labels'

/**
 * Title and status on one line, the members on one more; 详情 opens the case number, the members
 * in full, the booked 线下调解 and `more` (staff's 背靠背 buttons). Folded while the room is open so
 * that the chat has the screen; a finished room shows its details.
 */
export default function RoomHeader({ room, more }: { room: RoomDetail; more?: ReactNode }) {
  const open = room.status === RoomStatus.Open
  // Until the person chooses, the details show when the room is no longer open (also when it closes meanwhile).
  const [chosen, setChosen] = useState<boolean | null>(null)
  const expanded = chosen ?? !open
  return (
    <View className='room__header' id='room-header'>
      <View className='room__header-line'>
        <Text className='room__title' id='room-title'>{room.title}</Text>
        <View id='room-status' className='room__header-tag'>
          <Tag type={open ? 'primary' : room.status === RoomStatus.Settled ? 'success' : 'default'}>{ROOM_STATUS_LABELS[room.status]}</Tag>
        </View>
        <View
          className='room__header-toggle'
          id='room-details-toggle'
          ariaRole='button'
          ariaLabel={expanded ? '收起详情' : '展开详情'}
          onClick={() => setChosen(!expanded)}
        >
          {expanded ? '收起' : '详情'}
        </View>
      </View>
      <Text className={`room__members${expanded ? ' room__members--all' : ''}`} id='room-members'>
        {room.members.map((m) => m.displayName).join('、')}
      </Text>
      {expanded && (
        <View className='room__details' id='room-details'>
          <Text className='muted'>{room.caseNumber}</Text>
          {room.booking && (
            <Text id='room-booking'>线下调解：{formatDateTime(room.booking.startsAt)}，{room.booking.offlineRoomName}（{room.booking.address}）</Text>
          )}
          {more}
        </View>
      )}
    </View>
  )
}
