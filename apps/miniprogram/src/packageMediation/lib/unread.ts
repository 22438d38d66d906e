import { MessageKind, SystemEvent, type MessageView } from '@jws/contracts'

/** What someone wrote (a text or an image), as opposed to the room's own notices. */
const isWritten = (m: MessageView) => m.kind === MessageKind.Text || m.kind === MessageKind.Image

/**
 * The unread messages of a channel the person is not looking at, after `arrived` came in: what
 * others wrote is added (by sequence number, so a message delivered twice counts once); a recall
 * takes the recalled message out again. System notices (agreement drafted, someone joined) show
 * on the page by themselves and are not counted.
 */
export function unreadAfter(unread: readonly number[], arrived: readonly MessageView[], isMine: (m: MessageView) => boolean): number[] {
  const next = new Set(unread)
  for (const m of arrived) {
    if (m.event === SystemEvent.Recalled && m.refSeq !== null) next.delete(m.refSeq)
    else if (isWritten(m) && !m.recalled && !isMine(m)) next.add(m.seq)
  }
  return next.size === unread.length && unread.every((seq) => next.has(seq)) ? (unread as number[]) : [...next].sort((a, b) => a - b)
}
