import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** Closed days' figures per community and the records behind them, made once by the scheduler (figures/data/figure-snapshot.entity.ts). */
export class FigureSnapshots1766900000001 implements MigrationInterface {
  name = 'FigureSnapshots1766900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    const counts = ['disputes_resolved', 'services', 'prevention', 'anomalies', 'response_met', 'response_due', 'resolved', 'resolvable', 'satisfied', 'rated'];
    await queryRunner.createTable(
      new Table({
        name: 'figure_snapshots',
        columns: [
          col.id(), col.str('day', 10), col.int('community_id'), col.str('org_path', 255),
          col.int('publicity', { nullable: true }), col.int('notices', { nullable: true }), ...counts.map((c) => col.int(c)),
        ],
      }),
    );
    await queryRunner.createIndex('figure_snapshots', new TableIndex({ name: 'uq_figure_snapshots_day_community', columnNames: ['day', 'community_id'], isUnique: true }));
    await queryRunner.createIndex('figure_snapshots', new TableIndex({ name: 'ix_figure_snapshots_scope', columnNames: ['org_path', 'day'] }));
    await queryRunner.createTable(
      new Table({
        name: 'figure_snapshot_records',
        columns: [
          col.id(), col.str('day', 10), col.int('community_id'), col.str('org_path', 255), col.str('counter', 20), col.str('record_type', 20),
          col.int('record_id'), col.datetime('at'),
        ],
      }),
    );
    await queryRunner.createIndex('figure_snapshot_records', new TableIndex({ name: 'ix_figure_snapshot_records_scope', columnNames: ['org_path', 'day', 'counter'] }));
    await queryRunner.createTable(
      new Table({ name: 'figure_snapshot_days', columns: [{ ...col.str('day', 10), isPrimary: true }, col.str('made_by', 64), col.datetime('made_at')] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('figure_snapshot_days');
    await queryRunner.dropTable('figure_snapshot_records');
    await queryRunner.dropTable('figure_snapshots');
  }
}
