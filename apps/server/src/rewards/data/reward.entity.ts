import type { DeedType, RewardKind, RewardStatus } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/**
 * 一事一奖: a reward proposed for a resident's deed (docs/rewards.md). `deedKey` (`case:12`,
 * `bulletin:7`) is unique while the proposal stands, so one deed has one reward however many
 * officers race for it; refusing clears it, and the deed may be proposed again. The deed's text
 * may tell what happened at someone's home: personal data, encrypted. `orgPath` is the deed's
 * community's path, so a station's rewards are one prefix range.
 */
@Entity('rewards')
@Index('uq_rewards_deed', ['deedKey'], { unique: true })
@Index('ix_rewards_scope', ['orgPath', 'proposedAt'])
@Index('ix_rewards_resident', ['residentId', 'status'])
@Index('ix_rewards_proposer', ['proposedBy', 'proposedAt'])
export class RewardEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'deed_key', type: 'varchar', length: 40, nullable: true })
  deedKey: string | null;

  @Column({ name: 'deed_type', type: 'varchar', length: 10 })
  deedType: DeedType;

  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId: number | null;

  @Column({ name: 'bulletin_id', type: 'int', nullable: true })
  bulletinId: number | null;

  @Column({ name: 'resident_id', type: 'int' })
  residentId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 10 })
  kind: RewardKind;

  @Column({ type: 'varchar', length: 10 })
  form: string;

  /** Material rewards: fen (yuan × 100), so no rounding. */
  @Column({ name: 'amount_cents', type: 'int', nullable: true })
  amountCents: number | null;

  @Column({ name: 'deed_enc', type: 'varchar', length: 1200, transformer: encryptedTransformer })
  deed: string;

  @Column({ type: 'varchar', length: 10 })
  status: RewardStatus;

  @Column({ name: 'proposed_by', type: 'int' })
  proposedBy: number;

  @Column({ name: 'proposed_at', type: 'datetime' })
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'refusal_reason', type: 'varchar', length: 600, nullable: true })
  refusalReason: string | null;
}
