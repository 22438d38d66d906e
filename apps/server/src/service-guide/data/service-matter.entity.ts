import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
