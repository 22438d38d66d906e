import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes for the case queries at city scale (found with EXPLAIN on 100,000 cases, `pnpm bench`):
 * - ix_cases_open_queue (status, org_path, next_due_at): a leader's queue filters status IN (open
 *   statuses) and org_path LIKE 'prefix%'. Leading with the status equalities, the range covers only
 *   the subtree's open cases (a tenth of them) and, with the primary key, also covers the page-id
 *   subquery and the count; ix_cases_scope_queue reads every case of the subtree.
 * - ix_cases_status_resolved (status, resolved_at): the auto-confirm scheduler looks for resolved
 *   cases past the window every tick; without it that was a full scan of cases.
 * Plain CREATE INDEX, so it runs unchanged on MySQL/MariaDB and SQLite.
 */
export class CaseIndexes1764300000000 implements MigrationInterface {
  name = 'CaseIndexes1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('cases', new TableIndex({ name: 'ix_cases_open_queue', columnNames: ['status', 'org_path', 'next_due_at'] }));
    await queryRunner.createIndex('cases', new TableIndex({ name: 'ix_cases_status_resolved', columnNames: ['status', 'resolved_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'ix_cases_status_resolved');
    await queryRunner.dropIndex('cases', 'ix_cases_open_queue');
  }
}
