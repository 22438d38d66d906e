import { MessageKind } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, LessThan, MoreThan } from 'typeorm';
import { Database, UnitOfWork, valueTuples } from '../../common/db';
import { encryptedTransformer } from '../../personal-data/field-cipher';
import { MediationMemberEntity } from './mediation-member.entity';
import { MediationMessageEntity } from './mediation-message.entity';

/** Room messages (their text encrypted by the entity's column), stored with the room's sequence number. */
@Injectable()
export class MessagesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores a message in `m`'s transaction and returns it. One INSERT: nothing is read back (the
   * message's view needs no generated value), which keeps a chat line's round trips down.
   */
  async insert(m: EntityManager, values: Omit<MediationMessageEntity, 'id'>): Promise<MediationMessageEntity> {
    const entity = m.getRepository(MediationMessageEntity).create(values);
    await m.createQueryBuilder().insert().into(MediationMessageEntity).values(entity).updateEntity(false).execute();
    return entity;
  }

  /**
   * Queues several messages to be stored with `uow`'s commit, one multi-row INSERT in the same
   * round trip as the COMMIT (message-batcher.ts); the texts are encrypted as the entity's column does.
   */
  insertManyLater(uow: Pick<UnitOfWork, 'later'>, rows: readonly Omit<MediationMessageEntity, 'id'>[]): void {
    uow.later(
      `INSERT INTO mediation_messages (room_id, seq, kind, sender_member_id, sender_user_id, body_enc, upload_id, event, ref_seq, client_msg_id, recalled_at, flagged, created_at) VALUES ${valueTuples(rows.length, 13)}`,
      rows.flatMap((r) => [
        r.roomId, r.seq, r.kind, r.senderMemberId, r.senderUserId, encryptedTransformer.to(r.body) as string | null, r.uploadId, r.event, r.refSeq, r.clientMsgId,
        r.recalledAt, r.flagged, r.createdAt,
      ]),
    );
  }

  byClientId(roomId: number, senderUserId: number, clientMsgId: string): Promise<MediationMessageEntity | null> {
    return this.db.manager.getRepository(MediationMessageEntity).findOne({ where: { roomId, senderUserId, clientMsgId } });
  }

  bySeq(roomId: number, seq: number): Promise<MediationMessageEntity | null> {
    return this.db.manager.getRepository(MediationMessageEntity).findOne({ where: { roomId, seq } });
  }

  /** A message of the room carrying this upload, if any. */
  withUpload(roomId: number, uploadId: string): Promise<MediationMessageEntity | null> {
    return this.db.manager.getRepository(MediationMessageEntity).findOne({ where: { roomId, uploadId } });
  }

  /** 已撤回: the text goes, the row stays (its sequence number is kept). */
  async recall(m: EntityManager, id: number, at: Date): Promise<void> {
    await m.getRepository(MediationMessageEntity).update({ id }, { recalledAt: at, body: null });
  }

  /**
   * Per channel, what others wrote there after the user's read position (texts and images, not
   * recalled). Only channels the user is a member of are counted: the join on their member row is the check.
   */
  async unreadCounts(userId: number, roomIds: readonly number[]): Promise<Map<number, number>> {
    if (!roomIds.length) return new Map();
    const rows = await this.db.manager.getRepository(MediationMessageEntity).createQueryBuilder('msg')
      .innerJoin(MediationMemberEntity, 'mm', 'mm.room_id = msg.room_id AND mm.user_id = :userId', { userId })
      .select('msg.room_id', 'roomId')
      .addSelect('COUNT(*)', 'n')
      .where('msg.room_id IN (:...roomIds)', { roomIds })
      .andWhere('msg.seq > mm.last_read_seq')
      .andWhere('msg.kind IN (:...kinds)', { kinds: [MessageKind.Text, MessageKind.Image] })
      .andWhere('msg.recalled_at IS NULL')
      .andWhere('(msg.sender_user_id IS NULL OR msg.sender_user_id <> :userId)', { userId })
      .groupBy('msg.room_id')
      .getRawMany<{ roomId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.roomId), Number(r.n)]));
  }

  /** Messages after `afterSeq`, oldest first. */
  after(roomId: number, afterSeq: number, limit: number): Promise<MediationMessageEntity[]> {
    return this.db.manager.getRepository(MediationMessageEntity).find({ where: { roomId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit });
  }

  /** Up to `limit` messages before `beforeSeq` (or the latest), newest first. */
  before(roomId: number, beforeSeq: number | undefined, limit: number): Promise<MediationMessageEntity[]> {
    return this.db.manager.getRepository(MediationMessageEntity).find({
      where: { roomId, ...(beforeSeq ? { seq: LessThan(beforeSeq) } : {}) }, order: { seq: 'DESC' }, take: limit,
    });
  }
}
