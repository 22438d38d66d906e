import { ReferralTargetKind } from '@jws/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A place cases are referred to: a 警种 department, the 12345 hotline or another government department. */
@Entity('referral_targets')
export class ReferralTargetEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  kind: ReferralTargetKind;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** Branch or city the department belongs to (null for city-wide ones such as 12345). */
  @Column({ name: 'org_unit_id', type: 'int', nullable: true })
  orgUnitId: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
