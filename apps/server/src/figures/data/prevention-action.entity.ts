import { PreventionActionKind } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/**
 * A 安全防范 action an officer recorded (巡逻 / 走访 / 提示), on a hazard case or on its own, with
 * when it happened and where (docs/figures.md). The place and the note may name a home
 * (走访 5栋201), so both are personal data, encrypted. `orgPath` is the community's path, copied
 * like a case's so a subtree's actions are one prefix range.
 */
@Entity('prevention_actions')
@Index('ix_prevention_actions_scope', ['orgPath', 'actedAt'])
@Index('ix_prevention_actions_officer', ['officerId', 'actedAt'])
export class PreventionActionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 12 })
  kind: PreventionActionKind;

  @Column({ name: 'acted_at', type: 'datetime' })
  actedAt: Date;

  /** Where (100 characters; 600 of ciphertext). */
  @Column({ name: 'place_enc', type: 'varchar', length: 600, transformer: encryptedTransformer })
  place: string;

  @Column({ name: 'note_enc', type: 'varchar', length: 1200, nullable: true, transformer: encryptedTransformer })
  note: string | null;

  /** The hazard case it answers, if any. */
  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId: number | null;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  /** Who recorded it (and did it). */
  @Column({ name: 'officer_id', type: 'int' })
  officerId: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
