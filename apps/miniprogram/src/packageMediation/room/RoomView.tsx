import { useEffect, useRef, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RoomMemberRole, RoomStatus, type RoomDetail, type RoomInvitationView } from '@jws/contracts'

import { api } from '../../api'
import Chips, { type ChipOption } from '../../components/Chips'
import { roomSocket } from '../lib/room-socket'
import AgreementCard from './parts/AgreementCard'
import Chat from './parts/Chat'
import Composer from './parts/Composer'
import DraftForm from './parts/DraftForm'
import ManageCard from './parts/ManageCard'
import OutcomeCard from './parts/OutcomeCard'
import RoomHeader from './parts/RoomHeader'
import { orToast, type OnRoomUpdated } from './parts/shared'
import WithdrawButton from './parts/WithdrawButton'
import { EMPTY_FEED, useChannelFeeds } from './useChannelFeeds'
import { useReadReports } from './useReadReports'
import { useStickToBottom } from './useStickToBottom'

/** The room on screen: its channels (全体成员 and 背靠背), the agreement, the chat of the channel shown, and staff tools. */
export default function RoomView({ room, initialChannel, onUpdated, onInvited, reload }: {
  room: RoomDetail
  /** A 背靠背 channel to show first instead of 全体成员. */
  initialChannel: number | null
  onUpdated: OnRoomUpdated
  onInvited: (invitation: RoomInvitationView) => void
  reload: () => void
}) {
  const [channel, setChannel] = useState(() => (room.caucuses.some((c) => c.roomId === initialChannel) ? (initialChannel as number) : room.id))
  // 背靠背 channels opened while the page is open and not looked at yet.
  const [newCaucuses, setNewCaucuses] = useState<ReadonlySet<number>>(new Set())
  const announced = useRef(new Set<number>())
  const channelRef = useRef(channel)
  channelRef.current = channel
  const reloadRef = useRef(reload)
  reloadRef.current = reload
  const me = room.members.find((m) => m.isMe) ?? null
  useEffect(() => roomSocket.onCaucus((mainRoomId, caucus) => {
    if (mainRoomId !== room.id) return
    announced.current.add(caucus.roomId)
    if (caucus.roomId !== channelRef.current) setNewCaucuses((set) => new Set(set).add(caucus.roomId))
    reloadRef.current()
  }), [room.id])
  // A 背靠背 opened while the socket was (re)connecting sent its frame to nobody: each time the
  // socket is signed in again, the room is read afresh (its channels, agreement and members).
  useEffect(() => {
    let wasOpen: boolean | null = null
    return roomSocket.onState((state) => {
      const open = state === 'open'
      if (open && wasOpen === false) reloadRef.current()
      wasOpen = open
    })
  }, [])

  const channelIds = [room.id, ...room.caucuses.map((c) => c.roomId)]
  const { feeds, markRead, setError, loadOlder } = useChannelFeeds(channelIds, {
    viewed: () => channelRef.current,
    // In a caucus the person's member row is the caucus's own: their messages are known by the clientMsgId this app sent.
    isMine: (id, m) => roomSocket.sentHere(m.clientMsgId) || (id === room.id && me !== null && m.senderMemberId === me.id),
    isNew: (id) => announced.current.has(id),
    onRoomEvent: reload,
  })
  // What others wrote while the person was away, as the server counted it when the page opened;
  // what arrives while the page is open is counted by the feeds on top.
  const [storedUnread, setStoredUnread] = useState<ReadonlyMap<number, number>>(() => {
    const counts = new Map([[room.id, room.unread], ...room.caucuses.map((c): [number, number] => [c.roomId, c.unread])])
    counts.delete(channel)
    return counts
  })
  const unreadOf = (id: number) => (feeds.get(id)?.unread.length ?? 0) + (storedUnread.get(id) ?? 0)
  const reportRead = useReadReports(me !== null)
  const feed = feeds.get(channel) ?? EMPTY_FEED
  const viewedMessages = feed.messages
  const viewedLastSeq = viewedMessages?.length ? viewedMessages[viewedMessages.length - 1].seq : 0
  useEffect(() => {
    if (viewedLastSeq > 0) reportRead(channel, viewedLastSeq)
  }, [channel, viewedLastSeq, reportRead])

  function selectChannel(next: number) {
    // Back from another channel the room may have moved on (a revised agreement): read it again.
    if (next !== channelRef.current) reload()
    channelRef.current = next
    setChannel(next)
    markRead(next)
    setStoredUnread((counts) => {
      if (!counts.has(next)) return counts
      const rest = new Map(counts)
      rest.delete(next)
      return rest
    })
    setNewCaucuses((set) => {
      if (!set.has(next)) return set
      const rest = new Set(set)
      rest.delete(next)
      return rest
    })
  }
  const channels: ChipOption<number>[] = [
    { value: room.id, label: '全体成员', id: `room-channel-${room.id}`, unread: unreadOf(room.id) },
    ...room.caucuses.map((c) => ({
      value: c.roomId, label: `背靠背：${c.withName}`, id: `room-channel-${c.roomId}`, unread: unreadOf(c.roomId) || newCaucuses.has(c.roomId),
    })),
  ]
  // A party is told in words too: a dot on a chip is easy to miss.
  const caucusNotice = room.canMediate ? '' : newCaucuses.size > 0
    ? '调解员邀请您单独沟通（背靠背，其他成员看不到），请点上方的“背靠背”查看'
    : room.caucuses.some((c) => unreadOf(c.roomId) > 0) ? '调解员在背靠背中给您发来新消息，请点上方的“背靠背”查看' : ''
  const parties = room.members.filter((m) => (m.role === RoomMemberRole.Applicant || m.role === RoomMemberRole.Respondent) && m.joined)
  const withoutCaucus = room.canMediate ? parties.filter((p) => !room.caucuses.some((c) => c.withMemberId === p.id)) : []
  const open = room.status === RoomStatus.Open
  // In a caucus the sender's member row is the caucus's own; the main room's id still marks "mine" by name.
  const [caucusMemberId, setCaucusMemberId] = useState<number | null>(null)
  useEffect(() => {
    if (channel === room.id) return setCaucusMemberId(null)
    void api.room(channel).then((c) => setCaucusMemberId(c.members.find((m) => m.isMe)?.id ?? null), () => undefined)
  }, [channel, room.id])

  async function openCaucus(memberId: number) {
    const caucus = await orToast(() => api.openCaucus(room.id, memberId))
    if (!caucus) return
    reload()
    selectChannel(caucus.id)
  }

  const viewedLast = viewedMessages?.length ? viewedMessages[viewedMessages.length - 1] : null
  const myViewedId = channel === room.id ? me?.id ?? null : caucusMemberId
  const stick = useStickToBottom('room-scroll', viewedLastSeq, viewedLast !== null && (roomSocket.sentHere(viewedLast.clientMsgId) || viewedLast.senderMemberId === myViewedId), channel)
  const caucusButtons = open && withoutCaucus.length > 0 ? withoutCaucus.map((p) => (
    <Button key={p.id} size='small' fill='outline' id={`room-caucus-open-${p.id}`} onClick={() => void openCaucus(p.id)}>
      与{p.displayName}背靠背沟通
    </Button>
  )) : undefined

  // A chat screen: the header and channel switch on top, then the scrolling part (the agreement
  // and staff tools above the messages, which it opens at), the input pinned below.
  return (
    <View className='room'>
      <View className='room__top'>
        <RoomHeader room={room} more={caucusButtons} />
        {channels.length > 1 && (
          <View className='room__channels' id='room-channels'>
            <Chips options={channels} value={channel} onChange={selectChannel} scroll />
          </View>
        )}
        {caucusNotice && <Text className='room__caucus-new' id='room-caucus-new'>{caucusNotice}</Text>}
      </View>
      <View className='room__scroll-wrap'>
        <ScrollView
          className='room__scroll'
          id='room-scroll'
          scrollY
          {...stick.scrollProps}
          lowerThreshold={40}
          onScroll={stick.onScroll}
          onScrollToLower={stick.onScrollToLower}
        >
          <View className='room__scroll-body'>
            <AgreementCard room={room} onUpdated={onUpdated} reload={reload} />
            {room.canMediate && channel === room.id && <DraftForm key={room.agreement?.id ?? 0} room={room} onUpdated={onUpdated} />}
            {room.canManage && open && <ManageCard room={room} onUpdated={onUpdated} onInvited={onInvited} />}
            {room.canManage && room.status === RoomStatus.TransferredOffline && room.booking && !room.booking.outcome && <OutcomeCard room={room} onUpdated={onUpdated} />}
            {open && me?.role === RoomMemberRole.Applicant && <WithdrawButton room={room} onUpdated={onUpdated} />}
            <Chat
              roomId={channel}
              feed={feed}
              myMemberId={myViewedId}
              setError={(error) => setError(channel, error)}
              loadOlder={(beforeSeq) => loadOlder(channel, beforeSeq)}
            />
          </View>
        </ScrollView>
        {stick.newBelow && (
          <View className='room__new-pill' id='room-new-messages' ariaRole='button' onClick={stick.toEnd}>有新消息 ↓</View>
        )}
      </View>
      <Composer roomId={channel} readOnly={room.readOnly} error={feed.error} setError={(error) => setError(channel, error)} onSent={stick.toEnd} />
    </View>
  )
}
