import { useCallback, useEffect, useRef, useState } from 'react'
import { SystemEvent, type MessageView } from '@jws/contracts'

import { api, errorMessage } from '../../api'
import { roomSocket } from '../lib/room-socket'
import { unreadAfter } from '../lib/unread'

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

/** A channel's messages as the page holds them. */
export interface ChannelFeed {
  messages: MessageView[]
  /** Sequence number to page back from (查看更早的消息), null when everything is shown. */
  older: number | null
  error: string
  /** What others wrote here while another channel was shown: the tab's unread count. */
  unread: number[]
}

export const EMPTY_FEED: ChannelFeed = { messages: [], older: null, error: '', unread: [] }

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
export function useChannelFeeds(channelIds: readonly number[], options: FeedOptions) {
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
