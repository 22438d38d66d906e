import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('mediation_confirmations')
@Index('uq_mediation_confirmations', ['agreementId', 'memberId'], { unique: true })
export class MediationConfirmationEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'agreement_id', type: 'int' }) agreementId: number;
  @Column({ name: 'member_id', type: 'int' }) memberId: number;
  @Column({ name: 'confirmed_at', type: 'datetime' }) confirmedAt: Date;
}
