import { useCallback, useEffect, useRef, useState } from 'react'

import { platform } from '../../platform'

/** Larger than any chat: a scroll-view clamps it to its end. Two values, so that setting it again is a change. */
const END = 1_000_000

/**
 * A chat's scrolling: it follows the newest message while the person is at the end, and stays where
 * they are once they scrolled up to read, saying instead that there is something new (`newBelow`)
 * until they come back (`toEnd`, or scrolling down). `newest` names the last message (its seq),
 * `mine` is true when that message is the person's own (sending always shows it), `channel`
 * restarts at the end when another channel is shown. `paneId` is the scroll-view's element id;
 * spread `scrollProps` on it (the mini program's scroll-view is moved through its `scrollTop`).
 */
export function useStickToBottom(paneId: string, newest: number, mine: boolean, channel: number) {
  const [scrollTop, setScrollTop] = useState(END)
  // Asked once, on the first render: the answer is the platform's, and the call starts the chat at its end.
  const [movesItself] = useState(() => platform.scrollToEnd(paneId))
  const [newBelow, setNewBelow] = useState(false)
  const atEnd = useRef(true)
  const lastTop = useRef(0)
  const shown = useRef(newest)

  const toEnd = useCallback(() => {
    atEnd.current = true
    setNewBelow(false)
    if (!platform.scrollToEnd(paneId)) setScrollTop((top) => (top === END ? END + 1 : END))
  }, [paneId])

  useEffect(() => toEnd(), [channel, toEnd])
  useEffect(() => {
    if (newest === shown.current) return
    shown.current = newest
    if (atEnd.current || mine) toEnd()
    else setNewBelow(true)
  }, [newest, mine, toEnd])

  /** Any move up is the person reading back; a scroll-view reports where it is after every move. */
  const onScroll = useCallback((e: { detail: { scrollTop: number } }) => {
    const top = e.detail.scrollTop
    if (top < lastTop.current - 4) atEnd.current = false
    lastTop.current = top
  }, [])
  const onScrollToLower = useCallback(() => {
    atEnd.current = true
    setNewBelow(false)
  }, [])

  // Where the platform moves the element itself (h5), no scrollTop prop at all: an undefined one would be written as 0.
  const scrollProps = movesItself ? {} : { scrollTop }
  return { scrollProps, newBelow, toEnd, onScroll, onScrollToLower }
}
