import type { MessageView } from '@jws/contracts';
import type { MediationMessageEntity } from './data/mediation-message.entity';

/** How a stored room message reads on the wire (room-messages.service.ts, message-batcher.ts). */
export const SYSTEM_NAME = '系统';

export function imageUrlOf(roomId: number, uploadId: string): string {
  return `/api/mediation/rooms/${roomId}/images/${uploadId}`;
}

export function toView(m: Omit<MediationMessageEntity, 'id'>, senderName: string): MessageView {
  const recalled = m.recalledAt !== null;
  return {
    roomId: m.roomId,
    seq: m.seq,
    kind: m.kind,
    senderMemberId: m.senderMemberId,
    senderName,
    text: recalled ? null : m.body,
    imageUrl: !recalled && m.uploadId ? imageUrlOf(m.roomId, m.uploadId) : null,
    event: m.event,
    refSeq: m.refSeq,
    clientMsgId: m.clientMsgId,
    recalled,
    createdAt: m.createdAt.toISOString(),
  };
}

