import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import { OFFLINE_ROOM_ADDRESS_MAX, OFFLINE_ROOM_NAME_MAX, type OfflineRoomSlot, type OfflineRoomView } from '@jws/contracts'

import { api } from '../../api'
import PickerField from '../../components/PickerField'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { chinaDate, chinaIso, chinaTimeRange, clockPlusHour } from '../../lib/china-time'
import './index.scss'

const toast = (title: string) => void Taro.showToast({ title, icon: 'success' })

/** 新增时段 of one active room: a China-time date, start and end; the server judges past, inverted and taken slots. */
function NewSlotForm({ roomId, onCreated }: { roomId: number; onCreated: () => void }) {
  const today = chinaDate()
  const [date, setDate] = useState('')
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const { busy, error, setError, run } = useSubmit()

  async function submit() {
    if (!date || !start || !end) return setError('请选择日期、开始时间和结束时间')
    const startsAt = chinaIso(date, start)
    const endsAt = chinaIso(date, end)
    if (!startsAt || !endsAt) return setError('时间格式不正确，请重新选择')
    // Checked here before sending, for an answer without a round trip; the server refuses them too.
    if (endsAt <= startsAt) return setError('结束时间应晚于开始时间')
    if (Date.parse(startsAt) <= Date.now()) return setError('开始时间已过，请选择将来的时间')
    // The values stay after success too: the next slot is usually the same day, a little later.
    const created = await run(() => api.createOfflineSlot(roomId, { startsAt, endsAt }))
    if (!created) return
    toast('已新增时段')
    onCreated()
  }

  return (
    <View className='offline__slot-form'>
      <Text className='offline__label'>新增时段</Text>
      <View className='offline__when'>
        <Picker mode='date' value={date || today} start={today} onChange={(e) => setDate(e.detail.value)}>
          <PickerField className='offline__picker' id={`offline-slot-date-${roomId}`} text={date} placeholder='选择日期' />
        </Picker>
        <Picker mode='time' value={start || '09:00'} onChange={(e) => setStart(e.detail.value)}>
          <PickerField className='offline__picker' id={`offline-slot-start-${roomId}`} text={start} placeholder='开始时间' />
        </Picker>
        <Text className='muted'>至</Text>
        <Picker mode='time' value={end || (start ? clockPlusHour(start) : '10:00')} onChange={(e) => setEnd(e.detail.value)}>
          <PickerField className='offline__picker' id={`offline-slot-end-${roomId}`} text={end} placeholder='结束时间' />
        </Picker>
      </View>
      {error && <Text className='error-text' id={`offline-slot-error-${roomId}`}>{error}</Text>}
      <Button block className='block-button' id={`offline-slot-submit-${roomId}`} type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        新增时段
      </Button>
    </View>
  )
}

function SlotRow({ slot, retired, onCancel }: { slot: OfflineRoomSlot; retired: boolean; onCancel: (slot: OfflineRoomSlot) => void }) {
  return (
    <View className='row list-item offline__slot' id={`offline-slot-${slot.id}`}>
      <Text>{chinaTimeRange(slot.startsAt, slot.endsAt)}</Text>
      <View className='row offline__slot-side'>
        {slot.booked ? (
          <Tag type='success'>已预约</Tag>
        ) : retired ? (
          <Tag type='default'>不再开放</Tag>
        ) : (
          <>
            <Tag type='primary'>可预约</Tag>
            {/* Secondary on purpose: the frequent action here is 新增时段, and a cancel is confirmed first. */}
            <Button size='small' fill='none' type='default' className='offline__quiet' id={`offline-slot-cancel-${slot.id}`} onClick={() => onCancel(slot)}>
              取消
            </Button>
          </>
        )}
      </View>
    </View>
  )
}

/** One 警民联调室 with its slots not yet ended; active rooms take new slots, cancel free ones and can be retired. */
function OfflineRoomCard({ room, onChanged }: { room: OfflineRoomView; onChanged: () => void }) {
  const retired = room.retiredAt !== null
  const { error, run } = useSubmit()

  async function cancelSlot(slot: OfflineRoomSlot) {
    const { confirm } = await Taro.showModal({
      title: '取消时段',
      content: `取消后，${chinaTimeRange(slot.startsAt, slot.endsAt)} 这个时段不再开放预约（目前没有人预约）。`,
      confirmText: '取消时段',
      cancelText: '保留',
    })
    if (!confirm) return
    const done = await run(async () => {
      await api.cancelOfflineSlot(slot.id)
      return true
    })
    if (!done) return
    toast('已取消时段')
    onChanged()
  }

  async function retire() {
    const free = room.slots.filter((s) => !s.booked).length
    const booked = room.slots.length - free
    const { confirm } = await Taro.showModal({
      title: '停用联调室',
      content:
        `停用后，“${room.name}”${free ? `的 ${free} 个空闲时段` : ''}不再开放预约，也不能再新增时段，停用后不能恢复。` +
        (booked ? `已预约的 ${booked} 个时段照常进行。` : ''),
      cancelText: '保留',
      confirmText: '停用',
    })
    if (!confirm) return
    const retiredRoom = await run(() => api.retireOfflineRoom(room.id))
    if (!retiredRoom) return
    toast('已停用')
    onChanged()
  }

  return (
    <View className={`card${retired ? ' offline__room--retired' : ''}`} id={`offline-room-${room.id}`}>
      <View className='row offline__room-head'>
        <Text className='card__title'>{room.name}</Text>
        {retired ? (
          <Tag type='default'>已停用</Tag>
        ) : (
          // Retiring the whole room sits up here, away from 新增时段, and is confirmed with what it ends.
          <Button size='small' fill='none' type='default' className='offline__quiet' id={`offline-room-retire-${room.id}`} onClick={() => void retire()}>
            停用
          </Button>
        )}
      </View>
      <Text className='muted offline__address'>{room.address}</Text>
      <View className='offline__slots' id={`offline-room-slots-${room.id}`}>
        {room.slots.length === 0 ? (
          <Text className='muted'>暂无时段</Text>
        ) : (
          room.slots.map((s) => <SlotRow key={s.id} slot={s} retired={retired} onCancel={(slot) => void cancelSlot(slot)} />)
        )}
      </View>
      {error && <Text className='error-text' id={`offline-room-error-${room.id}`}>{error}</Text>}
      {!retired && <NewSlotForm roomId={room.id} onCreated={onChanged} />}
    </View>
  )
}

/** 新增联调室: what was typed stays when the server refuses it. */
function NewRoomForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const { busy, error, setError, run } = useSubmit()

  async function submit() {
    if (!name.trim() || !address.trim()) return setError('请填写名称和地址')
    const created = await run(() => api.createOfflineRoom({ name: name.trim(), address: address.trim() }))
    if (!created) return
    setName('')
    setAddress('')
    toast('已新增联调室')
    onCreated()
  }

  return (
    <View className='card' id='offline-room-new'>
      <Text className='card__title'>新增联调室</Text>
      <Text className='offline__label'>名称</Text>
      <View className='offline__input' id='offline-room-new-name'>
        <Input value={name} placeholder='如：纬四路联调室' maxLength={OFFLINE_ROOM_NAME_MAX} onChange={setName} />
      </View>
      <Text className='offline__label'>地址</Text>
      <View className='offline__input' id='offline-room-new-address'>
        <TextArea value={address} placeholder='群众前来调解的详细地址' maxLength={OFFLINE_ROOM_ADDRESS_MAX} autoSize onChange={setAddress} />
      </View>
      {error && <Text className='error-text' id='offline-room-new-error'>{error}</Text>}
      <Button block className='block-button' id='offline-room-new-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        新增联调室
      </Button>
    </View>
  )
}

/** Active rooms first; the server orders them so too, the page does not rely on it. */
const activeFirst = (rooms: OfflineRoomView[]) => [...rooms].sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null))

/** 警民联调室 of the caller's station (工作台, staff who manage mediation): rooms, their bookable slots, new rooms. */
export default function OfflineRoomsPage() {
  const state = useAsync(() => api.offlineRooms(), [], { reloadOnShow: true })
  const reload = () => void state.reload()
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='offline-rooms-error'>
        {(rooms) => (
          <>
            {rooms.length === 0 ? (
              <View className='card'>
                <EmptyBlock id='offline-rooms-empty' title='本所还没有警民联调室' description='新增后，网上调解转线下时可以预约它的时段。' />
              </View>
            ) : (
              <View id='offline-rooms-list'>
                {activeFirst(rooms).map((room) => <OfflineRoomCard key={room.id} room={room} onChanged={reload} />)}
              </View>
            )}
            <NewRoomForm onCreated={reload} />
          </>
        )}
      </AsyncContent>
    </View>
  )
}
