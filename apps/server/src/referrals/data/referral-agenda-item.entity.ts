import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 转办分流联席 agenda item: referrals to one target in one category piled up in one branch and period. */
@Entity('referral_agenda_items')
@Index('uq_referral_agenda_items', ['targetId', 'category', 'branchPath', 'periodStart'], { unique: true })
export class ReferralAgendaItemEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'target_id', type: 'int' })
  targetId: number;

  @Column({ type: 'varchar', length: 64 })
  category: string;

  @Column({ name: 'branch_path', type: 'varchar', length: 255 })
  branchPath: string;

  @Column({ name: 'period_start', type: 'datetime' })
  periodStart: Date;

  @Column({ name: 'period_end', type: 'datetime' })
  periodEnd: Date;

  @Column({ type: 'int' })
  count: number;

  @Column({ type: 'int' })
  threshold: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
