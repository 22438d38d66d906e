import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A closed day's figures of one community, as they stood when the day was closed (docs/figures.md,
 * "Snapshots"): the counters and the rates' numerators and denominators. A case that moves later
 * (a transfer, a late rating) does not change them. A node's figures for closed days are the sums
 * of its communities' rows (`orgPath`, the community's path then).
 */
@Entity('figure_snapshots')
@Index('uq_figure_snapshots_day_community', ['day', 'communityId'], { unique: true })
@Index('ix_figure_snapshots_scope', ['orgPath', 'day'])
@Index('ix_figure_snapshots_sums', [
  'day', 'orgPath', 'publicity', 'notices', 'disputesResolved', 'services', 'prevention', 'anomalies',
  'responseMet', 'responseDue', 'resolved', 'resolvable', 'satisfied', 'rated',
])
export class FigureSnapshotEntity {
  @PrimaryGeneratedColumn() id: number;
  /** The China-time date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 }) day: string;
  @Column({ name: 'community_id', type: 'int' }) communityId: number;
  @Column({ name: 'org_path', type: 'varchar', length: 255 }) orgPath: string;
  /** Null while the source is not connected (bulletin pushes, #21). */
  @Column({ type: 'int', nullable: true }) publicity: number | null;
  @Column({ type: 'int', nullable: true }) notices: number | null;
  @Column({ name: 'disputes_resolved', type: 'int' }) disputesResolved: number;
  @Column({ type: 'int' }) services: number;
  @Column({ type: 'int' }) prevention: number;
  @Column({ type: 'int' }) anomalies: number;
  @Column({ name: 'response_met', type: 'int' }) responseMet: number;
  @Column({ name: 'response_due', type: 'int' }) responseDue: number;
  @Column({ type: 'int' }) resolved: number;
  @Column({ type: 'int' }) resolvable: number;
  @Column({ type: 'int' }) satisfied: number;
  @Column({ type: 'int' }) rated: number;
}

/** One row per closed day snapshotted: written in the same transaction as its rows, by one instance only (its key). */
@Entity('figure_snapshot_days')
export class FigureSnapshotDayEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  @Column({ name: 'made_by', type: 'varchar', length: 64 }) madeBy: string;
  @Column({ name: 'made_at', type: 'datetime' }) madeAt: Date;
}

/**
 * A record behind a kept day's counter (the drill-down of a closed day lists what was counted,
 * where it was counted, whatever became of it since).
 */
@Entity('figure_snapshot_records')
@Index('ix_figure_snapshot_records_scope', ['orgPath', 'day', 'counter'])
export class FigureSnapshotRecordEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 10 }) day: string;
  @Column({ name: 'community_id', type: 'int' }) communityId: number;
  @Column({ name: 'org_path', type: 'varchar', length: 255 }) orgPath: string;
  @Column({ type: 'varchar', length: 20 }) counter: string;
  @Column({ name: 'record_type', type: 'varchar', length: 20 }) recordType: string;
  @Column({ name: 'record_id', type: 'int' }) recordId: number;
  @Column({ type: 'datetime' }) at: Date;
}

/**
 * A case in handling at the end of a kept day, where it was then (its community, path and
 * officer) and its status then: a past day's 政法委/综治 digest lists these, so a case transferred
 * later stays under its old station there.
 */
@Entity('figure_snapshot_open_cases')
@Index('uq_figure_snapshot_open_cases_day_case', ['day', 'caseId'], { unique: true })
@Index('ix_figure_snapshot_open_cases_scope', ['day', 'orgPath'])
@Index('ix_figure_snapshot_open_cases_officer', ['day', 'officerId'])
export class FigureSnapshotOpenCaseEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 10 }) day: string;
  @Column({ name: 'case_id', type: 'int' }) caseId: number;
  @Column({ name: 'community_id', type: 'int' }) communityId: number;
  @Column({ name: 'org_path', type: 'varchar', length: 255 }) orgPath: string;
  @Column({ name: 'officer_id', type: 'int', nullable: true }) officerId: number | null;
  @Column({ type: 'varchar', length: 20 }) status: string;
}
