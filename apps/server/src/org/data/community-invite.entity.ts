import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A community invite an officer shares in the group (mini-program code or short code).
 * Reusable until it expires or is revoked: the officer issuing it is the approval.
 */
@Entity('community_invites')
export class CommunityInviteEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_community_invites_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Index('ix_community_invites_community')
  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'use_count', type: 'int', default: 0 })
  useCount: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
