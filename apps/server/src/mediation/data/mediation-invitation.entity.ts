import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Single-use, expiring invitation to a member slot; only the token's hash is stored. */
@Entity('mediation_invitations')
export class MediationInvitationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'member_id', type: 'int' }) memberId: number;
  @Index('uq_mediation_invitations_token', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'datetime' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'datetime', nullable: true }) usedAt: Date | null;
  @Column({ name: 'used_by', type: 'int', nullable: true }) usedBy: number | null;
  @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}
