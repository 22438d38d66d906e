import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * 传言 (rumour reports, docs/bulletins.md "Rumours"): what a resident or an officer saw, in which
 * group (the 辟谣 goes there), with an optional screenshot (an upload it claims: `uploads.rumour_report_id`),
 * and the 辟谣 bulletin that links it, 已辟谣 once that is approved.
 */
export class RumourReports1767200000000 implements MigrationInterface {
  name = 'RumourReports1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const idx = (columnNames: string[], name: string) => new TableIndex({ name, columnNames });
    await queryRunner.createTable(
      new Table({
        name: 'rumour_reports',
        columns: [
          c.id(), c.int('reporter_id'), c.str('reporter_role', 32), c.int('group_id'), c.str('text', 2000), c.str('place', 200, { nullable: true }),
          c.str('screenshot_id', 36, { nullable: true }), c.int('bulletin_id', { nullable: true }), c.datetime('debunked_at', { nullable: true }),
          c.datetime('created_at'),
        ],
        indices: [
          idx(['group_id', 'created_at'], 'ix_rumour_reports_group'),
          idx(['reporter_id', 'created_at'], 'ix_rumour_reports_reporter'),
          idx(['bulletin_id'], 'ix_rumour_reports_bulletin'),
        ],
      }),
    );
    await queryRunner.addColumn('uploads', new TableColumn(c.int('rumour_report_id', { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('uploads', 'rumour_report_id');
    await queryRunner.dropTable('rumour_reports');
  }
}
