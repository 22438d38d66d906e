import { MessageKind, SystemEvent, type MessageView } from '@jws/contracts'

import { unreadAfter } from './unread'

const MEDIATOR = 7
const ME = 3

function message(seq: number, patch: Partial<MessageView> = {}): MessageView {
  return {
    roomId: 9, seq, kind: MessageKind.Text, senderMemberId: MEDIATOR, senderName: '调解员 王调解', text: `第${seq}条`, imageUrl: null,
    event: null, refSeq: null, clientMsgId: `m-${seq}`, recalled: false, createdAt: '2026-12-02T06:40:00.000Z', ...patch,
  }
}

const system = (seq: number, event: SystemEvent, refSeq: number | null = null) =>
  message(seq, { kind: MessageKind.System, senderMemberId: null, senderName: '系统', event, refSeq, clientMsgId: null })

const isMine = (m: MessageView) => m.senderMemberId === ME

describe('unreadAfter', () => {
  it('counts what others wrote, texts and images, once each', () => {
    const first = unreadAfter([], [message(4), message(5, { kind: MessageKind.Image, text: null, imageUrl: '/x' })], isMine)
    expect(first).toEqual([4, 5])
    expect(unreadAfter(first, [message(5), message(6)], isMine)).toEqual([4, 5, 6])
  })

  it('leaves out the person’s own messages and the room’s system notices', () => {
    const arrived = [message(4, { senderMemberId: ME }), system(5, SystemEvent.AgreementProposed), system(6, SystemEvent.CaucusOpened), message(7)]
    expect(unreadAfter([], arrived, isMine)).toEqual([7])
  })

  it('takes a message out again when its writer recalls it', () => {
    expect(unreadAfter([4, 5], [system(6, SystemEvent.Recalled, 4)], isMine)).toEqual([5])
    expect(unreadAfter([], [message(4), system(5, SystemEvent.Recalled, 4)], isMine)).toEqual([])
    expect(unreadAfter([], [message(4, { recalled: true, text: null })], isMine)).toEqual([])
  })

  it('gives back the same list when nothing changed, so the page need not redraw', () => {
    const unread = [4]
    expect(unreadAfter(unread, [message(4), message(8, { senderMemberId: ME })], isMine)).toBe(unread)
  })
})
