import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RoomDetail } from '@jws/contracts'

import { api } from '../../../api'
import NoteInput from '../../../components/NoteInput'
import { useSubmit } from '../../../hooks/useSubmit'
import type { OnRoomUpdated } from './shared'

/** After a transfer: staff record how the meeting at the 警民联调室 ended (the case follows). */
export default function OutcomeCard({ room, onUpdated }: { room: RoomDetail; onUpdated: OnRoomUpdated }) {
  const [note, setNote] = useState('')
  const { error, setError, run } = useSubmit()
  async function record(settled: boolean) {
    if (!note.trim()) return setError('请填写线下调解的情况')
    const updated = await run(() => api.recordOfflineOutcome(room.id, { settled, note: note.trim() }))
    if (updated) onUpdated(updated)
  }
  return (
    <View className='card' id='room-outcome'>
      <Text className='card__title'>记录线下调解结果</Text>
      <View className='room__field'>
        <NoteInput id='room-outcome-note' value={note} placeholder='线下调解的情况' onChange={setNote} />
      </View>
      {error && <Text className='room__error' id='room-outcome-error'>{error}</Text>}
      <Button block className='block-button' id='room-outcome-settled' type='primary' onClick={() => void record(true)}>线下达成协议</Button>
      <Button block className='block-button' id='room-outcome-unsettled' fill='outline' onClick={() => void record(false)}>线下未达成协议</Button>
    </View>
  )
}
