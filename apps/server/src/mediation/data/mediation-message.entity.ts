import { MessageKind, SystemEvent } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/** A room message, stored with its sequence number before it is fanned out. The text is encrypted. */
@Entity('mediation_messages')
@Index('uq_mediation_messages_room_seq', ['roomId', 'seq'], { unique: true })
@Index('uq_mediation_messages_client_id', ['roomId', 'senderUserId', 'clientMsgId'], { unique: true })
export class MediationMessageEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'varchar', length: 8 }) kind: MessageKind;
  @Column({ name: 'sender_member_id', type: 'int', nullable: true }) senderMemberId: number | null;
  @Column({ name: 'sender_user_id', type: 'int', nullable: true }) senderUserId: number | null;
  @Column({ name: 'body_enc', type: 'text', nullable: true, transformer: encryptedTransformer }) body: string | null;
  @Column({ name: 'upload_id', type: 'varchar', length: 36, nullable: true }) uploadId: string | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) event: SystemEvent | null;
  @Column({ name: 'ref_seq', type: 'int', nullable: true }) refSeq: number | null;
  @Column({ name: 'client_msg_id', type: 'varchar', length: 64, nullable: true }) clientMsgId: string | null;
  @Column({ name: 'recalled_at', type: 'datetime', nullable: true }) recalledAt: Date | null;
  /** The text check said review (or was unavailable): delivered, marked for the mediator. */
  @Column({ type: 'boolean', default: false }) flagged: boolean;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}
