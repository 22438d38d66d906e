import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Rotating refresh tokens, stored as SHA-256 hashes. Tokens issued from one sign-in share a
 * family; presenting a token that was already rotated revokes the whole family (theft signal).
 */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_refresh_tokens_user')
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Index('ix_refresh_tokens_family')
  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId: string;

  @Index('uq_refresh_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'rotated_at', type: 'datetime', nullable: true })
  rotatedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
