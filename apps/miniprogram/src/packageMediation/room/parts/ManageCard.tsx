import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { RoomStatus, type OfflineSlotView, type RoomDetail, type RoomInvitationView } from '@jws/contracts'

import { api } from '../../../api'
import { EmptyBlock } from '../../../components/StatusBlock'
import { useSubmit } from '../../../hooks/useSubmit'
import { formatDateTime } from '../../../lib/labels'
import InviteShare from './InviteShare'
import type { OnRoomUpdated } from './shared'

/** 调解管理 (staff, while the room is open): invitations, 转线下调解 to a bookable slot, 调解未成. */
export default function ManageCard({ room, onUpdated, onInvited }: {
  room: RoomDetail
  onUpdated: OnRoomUpdated
  /** The invitation the share card (转发) should carry from now on. */
  onInvited: (invitation: RoomInvitationView) => void
}) {
  const [slots, setSlots] = useState<OfflineSlotView[] | null>(null)
  const [invited, setInvited] = useState<RoomInvitationView | null>(null)
  const { error, run } = useSubmit()
  const waiting = room.members.filter((m) => !m.joined)

  async function invite(memberId: number) {
    const created = await run(() => api.inviteToRoom(room.id, memberId))
    if (!created) return
    onInvited(created)
    setInvited(created)
  }
  async function change(call: () => Promise<RoomDetail>) {
    const updated = await run(call)
    if (updated) onUpdated(updated)
  }
  async function showSlots() {
    const offered = await run(() => api.offlineSlots(room.id))
    if (offered) setSlots(offered)
  }
  async function book(s: OfflineSlotView) {
    // Booking closes the online room and summons every party: one tap is not enough for that.
    const { confirm } = await Taro.showModal({
      title: '转线下调解',
      content: `预约${formatDateTime(s.startsAt)}的${s.offlineRoomName}？预约后网上调解室将关闭，并通知各方按时到场。`,
      confirmText: '预约',
    })
    if (confirm) await change(() => api.transferOffline(room.id, s.id))
  }
  async function close() {
    const { confirm } = await Taro.showModal({ title: '结束调解', content: '确定调解未成并关闭调解室吗？', confirmText: '关闭' })
    if (confirm) await change(() => api.closeRoom(room.id, { outcome: RoomStatus.ClosedUnsettled }))
  }
  return (
    <View className='card' id='room-manage'>
      <Text className='card__title'>调解管理</Text>
      {waiting.map((m) => (
        <Button key={m.id} block className='block-button' id={`room-invite-${m.id}`} fill='outline' type='primary' onClick={() => void invite(m.id)}>
          邀请{m.displayName.replace('（待加入）', '')}加入
        </Button>
      ))}
      {invited && <InviteShare invitation={invited} />}
      {slots === null ? (
        <Button block className='block-button' id='room-transfer-open' fill='outline' onClick={() => void showSlots()}>
          转线下调解（预约警民联调室）
        </Button>
      ) : slots.length === 0 ? (
        <EmptyBlock title='暂无可预约的时段' />
      ) : (
        slots.map((s) => (
          <View key={s.id} className='room__slot row' id={`slot-${s.id}`} ariaRole='button' onClick={() => void book(s)}>
            <Text>{formatDateTime(s.startsAt)} · {s.offlineRoomName}</Text>
            <Text className='muted'>预约 ›</Text>
          </View>
        ))
      )}
      <Button block className='block-button' id='room-close' type='danger' fill='outline' onClick={() => void close()}>调解未成，关闭调解室</Button>
      {error && <Text className='room__error' id='room-manage-error'>{error}</Text>}
    </View>
  )
}
