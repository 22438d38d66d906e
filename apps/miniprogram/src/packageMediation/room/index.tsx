import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { RoomInvitationView } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import RoomView from './RoomView'
import InviteFailed from './parts/InviteFailed'
import './index.scss'

/** 网上调解室: opened with ?id= (我的, 工作台, a case, a subscribe message) or ?invite= / scene (an invitation). */
export default function RoomPage() {
  const router = useRouter()
  // The invitation the share card (转发) carries: set when staff invite a member who has no account yet.
  const sharedInvitation = useRef<RoomInvitationView | null>(null)
  useShareAppMessage(() => ({
    title: '邀请您加入网上调解室',
    path: sharedInvitation.current ? `/${sharedInvitation.current.page}` : router.path,
  }))
  const invite = router.params.invite ?? (router.params.scene ? decodeURIComponent(router.params.scene) : undefined)
  const [roomId, setRoomId] = useState(Number(router.params.id) || 0)
  // A 背靠背 channel opened by its own id (its 调解室有新消息 notice) shows inside its main room.
  const [openChannel, setOpenChannel] = useState<number | null>(null)
  const state = useAsync(async () => {
    if (!roomId && invite) {
      const joined = await api.joinRoomInvitation(invite)
      setRoomId(joined.id)
      return joined
    }
    if (!roomId) return null
    const detail = await api.room(roomId)
    if (detail.parentRoomId === null) return detail
    setOpenChannel(detail.id)
    setRoomId(detail.parentRoomId)
    return api.room(detail.parentRoomId)
  }, [roomId])

  // Joining failed (a wrong or used code): say why, with a way back, instead of an empty room.
  if (invite && !roomId && state.error && state.data === undefined) {
    return (
      <View className='page room-page'>
        <InviteFailed error={state.error} code={invite} onRetry={() => void state.reload()} />
      </View>
    )
  }
  return (
    <View className='page room-page'>
      <AsyncContent state={state} errorId='room-load-error'>
        {(room) => (room ? <RoomView room={room} initialChannel={openChannel} onUpdated={state.set} onInvited={(invitation) => { sharedInvitation.current = invitation }} reload={() => void state.reload()} /> : <EmptyBlock id='room-missing' title='未找到该调解室' />)}
      </AsyncContent>
    </View>
  )
}

