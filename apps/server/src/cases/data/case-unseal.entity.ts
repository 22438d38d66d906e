import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Each unseal of an informant's identity: who, why, when. Listed for city leaders. */
@Entity('case_unseals')
@Index('ix_case_unseals_at', ['at'])
export class CaseUnsealEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'by_user_id', type: 'int' })
  byUserId: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'datetime' })
  at: Date;
}
