import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { RoomStatus, type RoomDetail } from '@jws/contracts'

import { api } from '../../../api'
import { orToast, type OnRoomUpdated } from './shared'

/** The applicant may withdraw while the room is open (撤回). */
export default function WithdrawButton({ room, onUpdated }: { room: RoomDetail; onUpdated: OnRoomUpdated }) {
  async function withdraw() {
    const { confirm } = await Taro.showModal({ title: '撤回调解', content: '撤回后调解室将关闭，民警会继续办理您的上报。确定撤回吗？', confirmText: '撤回' })
    if (!confirm) return
    const closed = await orToast(() => api.closeRoom(room.id, { outcome: RoomStatus.Withdrawn }))
    if (closed) onUpdated(closed)
  }
  return (
    <Button block className='block-button' id='room-withdraw' fill='outline' type='danger' onClick={() => void withdraw()}>撤回调解申请</Button>
  )
}
