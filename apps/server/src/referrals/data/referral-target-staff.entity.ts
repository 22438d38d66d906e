import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Department staff (警种部门 role) working for a target: they see, sign and reply to its referrals. */
@Entity('referral_target_staff')
@Index('uq_referral_target_staff', ['userId', 'targetId'], { unique: true })
export class ReferralTargetStaffEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'target_id', type: 'int' })
  targetId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;
}
