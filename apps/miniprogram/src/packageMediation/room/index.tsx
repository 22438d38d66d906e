import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import {
  AGREEMENT_TEXT_MAX, agreementStatusLabel, ErrorCode, MAX_PHOTO_BYTES, MESSAGE_TEXT_MAX, MessageKind, RECALL_WINDOW_MS, ROOM_STATUS_LABELS, RoomMemberRole, RoomStatus,
  SystemEvent, type MessageView, type OfflineSlotView, type RoomDetail, type RoomInvitationView,
} from '@jws/contracts'

import { api, errorMessage, isApiError } from '../../api'
import AuthImage from '../../components/AuthImage'
import Chips, { type ChipOption } from '../../components/Chips'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { chinaDate } from '../../lib/china-time'
import { formatDateTime } from '../../lib/labels'
import { droppedPhotosMessage } from '../../lib/photo-choice'
import { platform } from '../../platform'
import { roomSocket, type ConnectionState } from '../lib/room-socket'
import { unreadAfter } from '../lib/unread'
import './index.scss'

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: '正在连接…',
  open: '已连接',
  reconnecting: '连接已断开，正在重新连接…',
}

/** Events after which the room itself (agreement, status, booking) has changed. */
const ROOM_EVENTS: readonly (SystemEvent | null)[] = [
  SystemEvent.AgreementProposed, SystemEvent.AgreementConfirmed, SystemEvent.Settled, SystemEvent.Transferred,
  SystemEvent.Closed, SystemEvent.Joined, SystemEvent.OfflineOutcome, SystemEvent.CaucusOpened,
]

/** Applies new messages to the list: appends (state updates carry only the delta), and marks recalls. */
function applyMessages(list: MessageView[], fresh: MessageView[]): MessageView[] {
  const known = new Set(list.map((m) => m.seq))
  const added = fresh.filter((m) => !known.has(m.seq))
  const recalled = new Set(fresh.filter((m) => m.event === SystemEvent.Recalled && m.refSeq !== null).map((m) => m.refSeq as number))
  const base = recalled.size ? list.map((m) => (recalled.has(m.seq) ? { ...m, recalled: true, text: null, imageUrl: null } : m)) : list
  return added.length || recalled.size ? [...base, ...added] : list
}

function Message({ m, mine, onRecall }: { m: MessageView; mine: boolean; onRecall: (seq: number) => void }) {
  if (m.kind === MessageKind.System) {
    return (
      <View className='msg msg--system' id={`msg-${m.seq}`}>
        <Text className='msg__bubble'>{m.text}</Text>
      </View>
    )
  }
  const canRecall = mine && !m.recalled && Date.now() - Date.parse(m.createdAt) < RECALL_WINDOW_MS
  return (
    <View className={`msg${mine ? ' msg--mine' : ''}`} id={`msg-${m.seq}`}>
      <Text className='msg__sender'>{m.senderName} · {formatDateTime(m.createdAt)}</Text>
      <View className='msg__bubble'>
        {m.recalled ? (
          <Text className='msg__recalled'>已撤回</Text>
        ) : m.kind === MessageKind.Image && m.imageUrl ? (
          <AuthImage className='msg__image' url={m.imageUrl} />
        ) : (
          <Text className='msg__text'>{m.text}</Text>
        )}
      </View>
      {canRecall && (
        <View className='msg__recall' id={`msg-recall-${m.seq}`} ariaRole='button' onClick={() => onRecall(m.seq)}>撤回</View>
      )}
    </View>
  )
}

/** A channel's messages as the page holds them. */
interface ChannelFeed {
  messages: MessageView[]
  /** Sequence number to page back from (查看更早的消息), null when everything is shown. */
  older: number | null
  error: string
  /** What others wrote here while another channel was shown: the tab's unread count. */
  unread: number[]
}

const EMPTY_FEED: ChannelFeed = { messages: [], older: null, error: '', unread: [] }

interface FeedOptions {
  /** The channel on screen: what arrives there is read at once. */
  viewed: () => number
  isMine: (channelId: number, m: MessageView) => boolean
  /** Channels announced while the page was open (a new 背靠背): everything in them is new. */
  isNew: (channelId: number) => boolean
  onRoomEvent: () => void
}

/**
 * Every channel the person may read (the main room and their 背靠背 channels), each loaded over
 * HTTP and then followed live on the one socket, so a message in a channel not on screen is
 * counted there instead of going unseen. The server lets each socket join only channels the
 * person is in: another party's 背靠背 never reaches this page.
 */
function useChannelFeeds(channelIds: readonly number[], options: FeedOptions) {
  const [feeds, setFeeds] = useState<ReadonlyMap<number, ChannelFeed>>(new Map())
  const optionsRef = useRef(options)
  optionsRef.current = options
  const following = useRef(new Map<number, () => void>())

  const update = useCallback((id: number, change: (feed: ChannelFeed) => ChannelFeed) => {
    setFeeds((prev) => {
      const before = prev.get(id) ?? EMPTY_FEED
      const after = change(before)
      return after === before ? prev : new Map(prev).set(id, after)
    })
  }, [])

  const follow = useCallback((id: number) => {
    let cancelled = false
    let leave: (() => void) | null = null
    const isMine = (m: MessageView) => optionsRef.current.isMine(id, m)
    const away = () => optionsRef.current.viewed() !== id
    void (async () => {
      let lastSeq = 0
      try {
        const page = await api.roomHistory(id)
        if (cancelled) return
        lastSeq = page.items.length ? page.items[page.items.length - 1].seq : 0
        const unseen = optionsRef.current.isNew(id) && away() ? unreadAfter([], page.items, isMine) : []
        update(id, (f) => ({ ...f, messages: page.items, older: page.nextBeforeSeq, error: '', unread: unseen }))
      } catch (e) {
        if (!cancelled) update(id, (f) => ({ ...f, error: errorMessage(e) }))
      }
      if (cancelled) return
      leave = roomSocket.join(id, lastSeq, {
        onMessages: (fresh) => {
          update(id, (f) => {
            const unread = away() ? unreadAfter(f.unread, fresh, isMine) : f.unread
            const messages = applyMessages(f.messages, fresh)
            return messages === f.messages && unread === f.unread ? f : { ...f, messages, unread }
          })
          if (fresh.some((m) => ROOM_EVENTS.includes(m.event))) optionsRef.current.onRoomEvent()
        },
        onError: (frame) => update(id, (f) => ({ ...f, error: frame.message })),
      })
    })()
    return () => {
      cancelled = true
      leave?.()
    }
  }, [update])

  const key = channelIds.join(',')
  useEffect(() => {
    const wanted = new Set(channelIds)
    for (const [id, stop] of following.current) {
      if (wanted.has(id)) continue
      stop()
      following.current.delete(id)
      setFeeds((prev) => {
        const rest = new Map(prev)
        rest.delete(id)
        return rest
      })
    }
    for (const id of wanted) if (!following.current.has(id)) following.current.set(id, follow(id))
  }, [key, follow])

  useEffect(() => () => {
    for (const stop of following.current.values()) stop()
    following.current.clear()
  }, [])

  const markRead = useCallback((id: number) => update(id, (f) => (f.unread.length ? { ...f, unread: [] } : f)), [update])
  const setError = useCallback((id: number, error: string) => update(id, (f) => (f.error === error ? f : { ...f, error })), [update])
  const loadOlder = useCallback(async (id: number, beforeSeq: number) => {
    const page = await api.roomHistory(id, beforeSeq)
    update(id, (f) => ({ ...f, messages: [...page.items.filter((m) => !f.messages.some((x) => x.seq === m.seq)), ...f.messages], older: page.nextBeforeSeq }))
  }, [update])

  return { feeds, markRead, setError, loadOlder }
}

/** At most one read report per channel in this time (the first at once, the latest at its end). */
const READ_REPORT_MS = 3000

/**
 * Tells the server how far the person has read each channel, so the unread marks on the tabs are
 * right the next time the room opens. Reports only move forward and are throttled; a lost one is
 * made good by the next.
 */
function useReadReports(enabled: boolean) {
  const reported = useRef(new Map<number, number>())
  const pending = useRef(new Map<number, number>())
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flush = useCallback(() => {
    for (const [id, seq] of pending.current) {
      reported.current.set(id, seq)
      void api.markRoomRead(id, seq).catch(() => reported.current.delete(id))
    }
    pending.current.clear()
  }, [])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
    flush()
  }, [flush])
  return useCallback((id: number, seq: number) => {
    if (!enabled || seq <= (pending.current.get(id) ?? reported.current.get(id) ?? 0)) return
    pending.current.set(id, seq)
    if (timer.current) return
    flush()
    const tick = () => {
      timer.current = pending.current.size ? setTimeout(tick, READ_REPORT_MS) : null
      flush()
    }
    timer.current = setTimeout(tick, READ_REPORT_MS)
  }, [enabled, flush])
}

/** The chat of the channel on screen (the main room or a caucus); its messages come from useChannelFeeds. */
function Chat({ roomId, feed, readOnly, myMemberId, setError, loadOlder }: {
  roomId: number
  feed: ChannelFeed
  readOnly: boolean
  myMemberId: number | null
  setError: (error: string) => void
  loadOlder: (beforeSeq: number) => Promise<void>
}) {
  const [connection, setConnection] = useState<ConnectionState>('connecting')
  const [text, setText] = useState('')
  const { messages, older, error } = feed

  useEffect(() => roomSocket.onState(setConnection), [])
  useDidShow(() => roomSocket.wake())
  useEffect(() => platform.onNetworkRestored(() => roomSocket.wake()), [])

  function sendText() {
    const body = text.trim()
    if (!body) return
    if ([...body].length > MESSAGE_TEXT_MAX) {
      setError(`消息太长，请分几条发送（每条最多${MESSAGE_TEXT_MAX}字）`)
      return
    }
    setError('')
    roomSocket.send(roomId, MessageKind.Text, { text: body })
    setText('')
  }

  async function sendImage() {
    const { images, dropped } = await platform.choosePhotos({ count: 1, maxBytes: MAX_PHOTO_BYTES })
    const [image] = images
    if (!image) {
      setError(droppedPhotosMessage(dropped, { maxCount: 1, maxBytes: MAX_PHOTO_BYTES }))
      return
    }
    setError('')
    try {
      const uploaded = await api.uploadPhoto(image)
      roomSocket.send(roomId, MessageKind.Image, { uploadId: uploaded.id })
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <View className='card'>
      <Text id='room-connection' className={`room__state room__state--${connection}`}>{CONNECTION_LABELS[connection]}</Text>
      {older && (
        <Button size='small' fill='none' id='room-older' onClick={() => void loadOlder(older).catch((e: unknown) => setError(errorMessage(e)))}>查看更早的消息</Button>
      )}
      <View className='room__messages' id='room-messages'>
        {messages.map((m) => (
          <Message key={m.seq} m={m} mine={myMemberId !== null && m.senderMemberId === myMemberId} onRecall={(seq) => roomSocket.recall(roomId, seq)} />
        ))}
      </View>
      {error && <Text className='room__error' id='room-error'>{error}</Text>}
      {readOnly ? (
        <Text className='muted' id='room-readonly'>调解已结束，调解室只能查看</Text>
      ) : (
        <View className='room__composer'>
          <View className='room__input' id='room-input'>
            <Input value={text} placeholder='输入消息' maxLength={MESSAGE_TEXT_MAX + 20} onChange={setText} onConfirm={sendText} />
          </View>
          <Button size='small' id='room-image' fill='outline' onClick={() => void sendImage()}>图片</Button>
          <Button size='small' id='room-send' type='primary' onClick={sendText}>发送</Button>
        </View>
      )}
    </View>
  )
}

function AgreementCard({ room, onUpdated, reload }: { room: RoomDetail; onUpdated: (r: RoomDetail) => void; reload: () => void }) {
  const a = room.agreement
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [error, setError] = useState('')
  // The version this page showed first: a later one is pointed out, so nobody confirms unawares.
  const [seenVersion, setSeenVersion] = useState(a?.version ?? 0)
  const updated = a !== null && !room.canMediate && seenVersion > 0 && a.version > seenVersion
  useEffect(() => {
    if (seenVersion === 0 && a) setSeenVersion(a.version)
  }, [a, seenVersion])
  if (!a) return null
  const open = room.status === RoomStatus.Open
  async function confirm() {
    // A second tap while the dialog or the call is under way does nothing.
    if (!a || busyRef.current) return
    busyRef.current = true
    setBusy(true)
    setError('')
    try {
      // Confirming binds the party and, once everyone has, ends the mediation: one tap is not enough for that.
      const { confirm: sure } = await Taro.showModal({
        title: '确认调解协议',
        content: `确认后即表示您同意第${a.version}版协议内容，全部当事人确认后调解结束，不能撤回。`,
        confirmText: '确认',
        cancelText: '再看看',
      })
      if (!sure) return
      onUpdated(await api.confirmAgreement(room.id, a.id))
    } catch (e) {
      // The mediator revised it meanwhile (e.g. while this person was in 背靠背): show the new version.
      if (isApiError(e) && e.code === ErrorCode.AgreementOutdated) reload()
      setError(errorMessage(e))
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }
  return (
    <View className='card' id='agreement-card'>
      <Text className='card__title'>调解协议（第{a.version}版）</Text>
      {updated && (
        <View className='room__agreement-updated' id='agreement-updated'>
          <Text>调解员已修改调解协议（现为第{a.version}版），请重新阅读后再确认</Text>
          <View className='room__agreement-seen' ariaRole='button' id='agreement-updated-seen' onClick={() => { setSeenVersion(a.version); setError('') }}>知道了</View>
        </View>
      )}
      <Text className='room__label'>当事人</Text>
      <Text className='room__agreement-text'>{a.parties}</Text>
      <Text className='room__label'>纠纷事实</Text>
      <Text className='room__agreement-text'>{a.facts}</Text>
      <Text className='room__label'>协议内容</Text>
      <Text className='room__agreement-text' id='agreement-terms-text'>{a.terms}</Text>
      <Text className='room__label'>履行期限：{a.performanceDueAt.slice(0, 10)}</Text>
      <View id='agreement-confirmations'>
        {a.confirmations.map((c) => (
          <View key={c.memberId} className='room__confirmation' id={`agreement-confirmation-${c.memberId}`}>
            <Text className='room__confirmation-name'>{c.displayName}</Text>
            <View className='room__confirmation-tag'>
              <Tag type={c.confirmedAt ? 'success' : 'default'}>{c.confirmedAt ? '已确认' : open ? '待确认' : '未确认'}</Tag>
            </View>
          </View>
        ))}
      </View>
      <Text id='agreement-status' className={a.confirmed ? 'room__settled' : 'muted'}>{agreementStatusLabel(a.confirmed, room.status)}</Text>
      {error && <Text className='room__error' id='agreement-error'>{error}</Text>}
      {a.canConfirm && open && (
        <Button block className='block-button' id='agreement-confirm' type='primary' loading={busy} disabled={busy} onClick={() => void confirm()}>
          我已阅读并确认协议
        </Button>
      )}
    </View>
  )
}

function in7Days(): string {
  return chinaDate(Date.now() + 7 * 86_400_000)
}

function DraftForm({ room, onUpdated }: { room: RoomDetail; onUpdated: (r: RoomDetail) => void }) {
  const parties = room.members.filter((m) => m.role === RoomMemberRole.Applicant || m.role === RoomMemberRole.Respondent)
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState({
    parties: room.agreement?.parties ?? parties.map((p) => p.displayName).join('；'),
    facts: room.agreement?.facts ?? '',
    terms: room.agreement?.terms ?? '',
    due: in7Days(),
  })
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const field = (key: 'parties' | 'facts' | 'terms', label: string, placeholder: string) => (
    <View className='room__field' id={`agreement-${key}`}>
      <Text className='room__label'>{label}</Text>
      <TextArea value={form[key]} placeholder={placeholder} maxLength={AGREEMENT_TEXT_MAX} autoSize onChange={(v) => setForm({ ...form, [key]: v })} />
    </View>
  )
  async function submit() {
    if (!form.parties.trim() || !form.facts.trim() || !form.terms.trim()) return setError('请填写当事人、纠纷事实和协议内容')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.due)) return setError('履行期限格式为 2026-12-31')
    setBusy(true)
    setError('')
    try {
      onUpdated(await api.draftAgreement(room.id, { parties: form.parties, facts: form.facts, terms: form.terms, performanceDueAt: `${form.due}T23:59:00+08:00` }))
      setOpen(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  if (!open) {
    return (
      <Button block className='block-button' id='agreement-draft-open' fill='outline' type='primary' onClick={() => setOpen(true)}>
        {room.agreement ? '修改调解协议' : '起草调解协议'}
      </Button>
    )
  }
  return (
    <View className='card' id='agreement-form'>
      <Text className='card__title'>起草调解协议</Text>
      {field('parties', '当事人', '双方当事人')}
      {field('facts', '纠纷事实', '纠纷的主要事实')}
      {field('terms', '协议内容', '双方同意的具体内容')}
      <View className='room__field' id='agreement-due'>
        <Text className='room__label'>履行期限（年-月-日）</Text>
        <Input value={form.due} onChange={(v) => setForm({ ...form, due: v })} />
      </View>
      {error && <Text className='room__error' id='agreement-form-error'>{error}</Text>}
      <Button block className='block-button' id='agreement-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        发给双方确认
      </Button>
    </View>
  )
}

/** The invitation the share card (转发) carries: set when staff invite a member who has no account yet. */
let sharedInvitation: RoomInvitationView | null = null

function ManageCard({ room, onUpdated }: { room: RoomDetail; onUpdated: (r: RoomDetail) => void }) {
  const [slots, setSlots] = useState<OfflineSlotView[] | null>(null)
  const [invited, setInvited] = useState<RoomInvitationView | null>(null)
  const waiting = room.members.filter((m) => !m.joined)
  async function invite(memberId: number) {
    setError('')
    try {
      const created = await api.inviteToRoom(room.id, memberId)
      sharedInvitation = created
      setInvited(created)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const [error, setError] = useState('')
  async function run(call: () => Promise<RoomDetail>) {
    setError('')
    try {
      onUpdated(await call())
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  async function book(s: OfflineSlotView) {
    // Booking closes the online room and summons every party: one tap is not enough for that.
    const { confirm } = await Taro.showModal({
      title: '转线下调解',
      content: `预约${formatDateTime(s.startsAt)}的${s.offlineRoomName}？预约后网上调解室将关闭，并通知各方按时到场。`,
      confirmText: '预约',
    })
    if (confirm) await run(() => api.transferOffline(room.id, s.id))
  }
  async function close() {
    const { confirm } = await Taro.showModal({ title: '结束调解', content: '确定调解未成并关闭调解室吗？', confirmText: '关闭' })
    if (confirm) await run(() => api.closeRoom(room.id, { outcome: RoomStatus.ClosedUnsettled }))
  }
  return (
    <View className='card' id='room-manage'>
      <Text className='card__title'>调解管理</Text>
      {waiting.map((m) => (
        <Button key={m.id} block className='block-button' id={`room-invite-${m.id}`} fill='outline' type='primary' onClick={() => void invite(m.id)}>
          邀请{m.displayName.replace('（待加入）', '')}加入
        </Button>
      ))}
      {invited && (
        <Text className='muted' id='room-invite-ready'>
          邀请已生成（一次有效，{formatDateTime(invited.expiresAt)}前），请点右上角“…”转发给对方
        </Text>
      )}
      {slots === null ? (
        <Button block className='block-button' id='room-transfer-open' fill='outline' onClick={() => void api.offlineSlots(room.id).then(setSlots, (e: unknown) => setError(errorMessage(e)))}>
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

/** After a transfer: staff record how the meeting at the 警民联调室 ended (the case follows). */
function OutcomeCard({ room, onUpdated }: { room: RoomDetail; onUpdated: (r: RoomDetail) => void }) {
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  async function record(settled: boolean) {
    if (!note.trim()) return setError('请填写线下调解的情况')
    setError('')
    try {
      onUpdated(await api.recordOfflineOutcome(room.id, { settled, note: note.trim() }))
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <View className='card' id='room-outcome'>
      <Text className='card__title'>记录线下调解结果</Text>
      <View className='room__field' id='room-outcome-note'>
        <TextArea value={note} placeholder='线下调解的情况' maxLength={500} autoSize onChange={setNote} />
      </View>
      {error && <Text className='room__error' id='room-outcome-error'>{error}</Text>}
      <Button block className='block-button' id='room-outcome-settled' type='primary' onClick={() => void record(true)}>线下达成协议</Button>
      <Button block className='block-button' id='room-outcome-unsettled' fill='outline' onClick={() => void record(false)}>线下未达成协议</Button>
    </View>
  )
}

/** The applicant may withdraw while the room is open (撤回). */
function WithdrawButton({ room, onUpdated }: { room: RoomDetail; onUpdated: (r: RoomDetail) => void }) {
  async function withdraw() {
    const { confirm } = await Taro.showModal({ title: '撤回调解', content: '撤回后调解室将关闭，民警会继续办理您的上报。确定撤回吗？', confirmText: '撤回' })
    if (!confirm) return
    try {
      onUpdated(await api.closeRoom(room.id, { outcome: RoomStatus.Withdrawn }))
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }
  return (
    <Button block className='block-button' id='room-withdraw' fill='outline' type='danger' onClick={() => void withdraw()}>撤回调解申请</Button>
  )
}

function RoomView({ room, initialChannel, onUpdated, reload }: {
  room: RoomDetail
  /** A 背靠背 channel to show first instead of 全体成员. */
  initialChannel: number | null
  onUpdated: (r: RoomDetail) => void
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
  const viewedMessages = feeds.get(channel)?.messages
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
    try {
      const caucus = await api.openCaucus(room.id, memberId)
      reload()
      selectChannel(caucus.id)
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }

  return (
    <>
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
      {(channels.length > 1 || withoutCaucus.length > 0) && (
        <View className='card' id='room-channels'>
          <Chips options={channels} value={channel} onChange={selectChannel} scroll />
          {caucusNotice && <Text className='room__caucus-new' id='room-caucus-new'>{caucusNotice}</Text>}
          {open && withoutCaucus.map((p) => (
            <Button key={p.id} size='small' fill='outline' id={`room-caucus-open-${p.id}`} onClick={() => void openCaucus(p.id)}>
              与{p.displayName}背靠背沟通
            </Button>
          ))}
        </View>
      )}
      <AgreementCard room={room} onUpdated={onUpdated} reload={reload} />
      {room.canMediate && channel === room.id && <DraftForm key={room.agreement?.id ?? 0} room={room} onUpdated={onUpdated} />}
      <Chat
        roomId={channel}
        feed={feeds.get(channel) ?? EMPTY_FEED}
        readOnly={room.readOnly}
        myMemberId={channel === room.id ? me?.id ?? null : caucusMemberId}
        setError={(error) => setError(channel, error)}
        loadOlder={(beforeSeq) => loadOlder(channel, beforeSeq)}
      />
      {room.canManage && open && <ManageCard room={room} onUpdated={onUpdated} />}
      {room.canManage && room.status === RoomStatus.TransferredOffline && room.booking && !room.booking.outcome && <OutcomeCard room={room} onUpdated={onUpdated} />}
      {open && me?.role === RoomMemberRole.Applicant && <WithdrawButton room={room} onUpdated={onUpdated} />}
    </>
  )
}

/** 网上调解室: opened with ?id= (我的, 工作台, a case, a subscribe message) or ?invite= / scene (an invitation). */
export default function RoomPage() {
  const router = useRouter()
  useShareAppMessage(() => ({
    title: '邀请您加入网上调解室',
    path: sharedInvitation ? `/${sharedInvitation.page}` : router.path,
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

  return (
    <View className='page'>
      <AsyncContent state={state} errorId='room-load-error'>
        {(room) => (room ? <RoomView room={room} initialChannel={openChannel} onUpdated={state.set} reload={() => void state.reload()} /> : <EmptyBlock id='room-missing' title='未找到该调解室' />)}
      </AsyncContent>
    </View>
  )
}
