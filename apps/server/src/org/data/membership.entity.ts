import { MemberType, MembershipStatus } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/** A resident's membership of a community and its group, with the member's type (身份). */
@Entity('memberships')
@Index('uq_memberships_user_community', ['userId', 'communityId'], { unique: true })
@Index('ix_memberships_community_status', ['communityId', 'status'])
/** 一警一群 coverage (GET /api/figures) counts members and distinct people of a subtree off this index alone. */
@Index('ix_memberships_coverage', ['communityId', 'status', 'userId'])
export class MembershipEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'member_type', type: 'varchar', length: 32 })
  memberType: MemberType;

  @Column({ type: 'varchar', length: 16 })
  status: MembershipStatus;

  /**
   * 申请说明: what the resident told the officer about themselves when asking to join (personal
   * data, encrypted; 200 characters of ciphertext room is 1200).
   */
  @Column({ name: 'note_enc', type: 'varchar', length: 1200, nullable: true, transformer: encryptedTransformer })
  note: string | null;

  @Column({ name: 'joined_at', type: 'datetime', nullable: true })
  joinedAt: Date | null;

  /** 拒绝理由: why the officer refused (status refused), shown to the resident; cleared when they ask again. */
  @Column({ name: 'refusal_reason', type: 'varchar', length: 200, nullable: true })
  refusalReason: string | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
