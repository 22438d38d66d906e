import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 成绩突出社区民警: an officer named by a branch leader for a month (one per officer and month; docs/rewards.md). */
@Entity('officer_honours')
@Index('uq_officer_honours', ['officerId', 'month'], { unique: true })
@Index('ix_officer_honours_month', ['month', 'orgPath'])
export class OfficerHonourEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'officer_id', type: 'int' })
  officerId: number;

  /** YYYY-MM, China time. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  /** The officer's station's path (the branch leader's scope is a prefix of it). */
  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ name: 'named_by', type: 'int' })
  namedBy: number;

  @Column({ name: 'named_at', type: 'datetime' })
  namedAt: Date;
}
