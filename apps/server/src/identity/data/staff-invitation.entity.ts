import { Role } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/** Single-use, expiring invitation that enrols a police officer, mediator or department staff member. */
@Entity('staff_invitations')
export class StaffInvitationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_staff_invitations_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ name: 'org_unit_id', type: 'int' })
  orgUnitId: number;

  @Column({ name: 'invitee_name_enc', type: 'varchar', length: 255, transformer: encryptedTransformer })
  inviteeName: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'used_by', type: 'int', nullable: true })
  usedBy: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  /** 撤销: set while unused; a revoked invitation enrols nobody. */
  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
