import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/** 调解协议: each redraft is a new version; the previous one is superseded (and its confirmations void). */
@Entity('mediation_agreements')
@Index('uq_mediation_agreements_room_version', ['roomId', 'version'], { unique: true })
export class MediationAgreementEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'parties_enc', type: 'text', transformer: encryptedTransformer }) parties: string;
  @Column({ name: 'facts_enc', type: 'text', transformer: encryptedTransformer }) facts: string;
  @Column({ name: 'terms_enc', type: 'text', transformer: encryptedTransformer }) terms: string;
  @Column({ name: 'performance_due_at', type: 'datetime' }) performanceDueAt: Date;
  @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  @Column({ name: 'superseded_at', type: 'datetime', nullable: true }) supersededAt: Date | null;
  @Column({ name: 'confirmed_at', type: 'datetime', nullable: true }) confirmedAt: Date | null;
}
