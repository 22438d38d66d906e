import { AssistMode, RouteType } from '@jws/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { encryptedTransformer } from '../../personal-data/field-cipher';

/** The matter and route of a 请民警协助 service case, and for hard cases the named helper and mode. */
@Entity('case_assists')
export class CaseAssistEntity {
  @PrimaryColumn({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'matter_code', type: 'varchar', length: 64 })
  matterCode: string;

  @Column({ name: 'matter_version', type: 'int' })
  matterVersion: number;

  @Column({ name: 'route_type', type: 'varchar', length: 24 })
  routeType: RouteType;

  /** The named helper (民警、社区干部); personal data, encrypted. */
  @Column({ name: 'helper_name_enc', type: 'varchar', length: 255, nullable: true, transformer: encryptedTransformer })
  helperName: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  mode: AssistMode | null;

  @Column({ name: 'planned_by', type: 'int', nullable: true })
  plannedBy: number | null;

  @Column({ name: 'planned_at', type: 'datetime', nullable: true })
  plannedAt: Date | null;
}
