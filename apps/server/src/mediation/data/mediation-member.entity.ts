import { RoomMemberRole } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A member of a room; `userId` is null until an invitee binds their WeChat account. */
@Entity('mediation_members')
@Index('uq_mediation_members_room_user', ['roomId', 'userId'], { unique: true })
@Index('ix_mediation_members_user', ['userId'])
export class MediationMemberEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'user_id', type: 'int', nullable: true }) userId: number | null;
  @Column({ type: 'varchar', length: 16 }) role: RoomMemberRole;
  @Column({ name: 'display_name', type: 'varchar', length: 64 }) displayName: string;
  @Column({ name: 'joined_at', type: 'datetime', nullable: true }) joinedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  /** How far the member has read this channel: the room's unread count is what others wrote after it. */
  @Column({ name: 'last_read_seq', type: 'int', default: 0 }) lastReadSeq: number;
}
