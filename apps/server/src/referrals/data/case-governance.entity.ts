import { GovernanceClass } from '@jws/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An officer's governance classification of a case; without a row the class follows the kind. */
@Entity('case_governance')
export class CaseGovernanceEntity {
  @PrimaryColumn({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'governance_class', type: 'varchar', length: 16 })
  governanceClass: GovernanceClass;

  @Column({ name: 'classified_by', type: 'int' })
  classifiedBy: number;

  @Column({ name: 'classified_at', type: 'datetime' })
  classifiedAt: Date;
}
