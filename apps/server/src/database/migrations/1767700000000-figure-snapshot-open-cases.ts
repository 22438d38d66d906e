import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * The cases in handling at the end of each kept day, where they were then: the 政法委/综治 digest of
 * a past day; and a covering index for the sums of a period's snapshot rows (GET /api/figures reads
 * a month of a city as an index range, not the table) and one for 一警一群 coverage's member counts
 * (org/data/membership.entity.ts). figures/data/figure-snapshot.entity.ts.
 */
/** The day range first, then the path and every summed column: the sums read the index only. */
const SUMS_INDEX_COLUMNS = [
  'day', 'org_path', 'publicity', 'notices', 'disputes_resolved', 'services', 'prevention', 'anomalies',
  'response_met', 'response_due', 'resolved', 'resolvable', 'satisfied', 'rated',
];

export class FigureSnapshotOpenCases1767700000000 implements MigrationInterface {
  name = 'FigureSnapshotOpenCases1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'figure_snapshot_open_cases',
        columns: [col.id(), col.str('day', 10), col.int('case_id'), col.int('community_id'), col.str('org_path', 255), col.int('officer_id', { nullable: true }), col.str('status', 20)],
      }),
    );
    await queryRunner.createIndex('figure_snapshot_open_cases', new TableIndex({ name: 'uq_figure_snapshot_open_cases_day_case', columnNames: ['day', 'case_id'], isUnique: true }));
    await queryRunner.createIndex('figure_snapshot_open_cases', new TableIndex({ name: 'ix_figure_snapshot_open_cases_scope', columnNames: ['day', 'org_path'] }));
    await queryRunner.createIndex('figure_snapshot_open_cases', new TableIndex({ name: 'ix_figure_snapshot_open_cases_officer', columnNames: ['day', 'officer_id'] }));
    await queryRunner.createIndex('figure_snapshots', new TableIndex({ name: 'ix_figure_snapshots_sums', columnNames: SUMS_INDEX_COLUMNS }));
    // 一警一群 coverage counts a subtree's active members and distinct people off the index alone.
    await queryRunner.createIndex('memberships', new TableIndex({ name: 'ix_memberships_coverage', columnNames: ['community_id', 'status', 'user_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('memberships', 'ix_memberships_coverage');
    await queryRunner.dropIndex('figure_snapshots', 'ix_figure_snapshots_sums');
    await queryRunner.dropTable('figure_snapshot_open_cases');
  }
}
