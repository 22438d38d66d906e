import { Column, Entity, PrimaryColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/** The sealed identity of an informant-mode reporter (信息员), encrypted; unsealing is audited. */
@Entity('case_sealed_reporters')
export class CaseSealedReporterEntity {
  @PrimaryColumn({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'reporter_id_enc', type: 'varchar', length: 255, transformer: encryptedTransformer })
  reporterId: string;
}
