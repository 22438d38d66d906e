import { AssistMode, RouteType } from '@jws/contracts';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../personal-data/field-cipher';

/**
 * One version of a 办事指引 matter. Editing writes a new row (version + 1) and retires the old one,
 * so every earlier wording stays on record; `isCurrent` marks the one the guide shows.
 */
@Entity('service_matters')
@Index('uq_service_matters_code_version', ['code', 'version'], { unique: true })
@Index('ix_service_matters_current', ['isCurrent', 'code'])
export class ServiceMatterEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** The matter as JSON (ServiceMatter without the code). */
  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'is_current', type: 'boolean', default: true })
  isCurrent: boolean;

  /** Who wrote this version; null for the seeded catalogue. */
  @Column({ name: 'edited_by', type: 'int', nullable: true })
  editedBy: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

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
