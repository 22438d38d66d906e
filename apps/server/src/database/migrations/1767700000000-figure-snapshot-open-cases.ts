import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** The cases in handling at the end of each kept day, where they were then: the 政法委/综治 digest of a past day (figures/data/figure-snapshot.entity.ts). */
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('figure_snapshot_open_cases');
  }
}
