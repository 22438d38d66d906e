import { InquiryOutcome } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/**
 * A 核查 (inquiry) an inspector (信访/督察) opened on a case: findings and an outcome
 * (docs/accountability.md). The findings may name residents and officers' conduct, so they are
 * encrypted. `orgPath` is the case's path when opened, so a jurisdiction's inquiries are one prefix
 * range; `officerId` is the officer responsible then (a later handover does not move the record).
 */
@Entity('inspection_inquiries')
@Index('ix_inspection_inquiries_case', ['caseId', 'createdAt'])
@Index('ix_inspection_inquiries_scope', ['orgPath', 'createdAt'])
export class InquiryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ name: 'officer_id', type: 'int', nullable: true })
  officerId: number | null;

  @Column({ name: 'inspector_id', type: 'int' })
  inspectorId: number;

  @Column({ type: 'varchar', length: 16 })
  outcome: InquiryOutcome;

  @Column({ name: 'findings_enc', type: 'text', transformer: encryptedTransformer })
  findings: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
