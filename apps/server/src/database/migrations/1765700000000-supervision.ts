import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * 督办/催办 (supervision/supervision.service.ts):
 * - `cases.urged_at`, the last 催办 of a case. Setting it is a conditional UPDATE (only when the
 *   last one is older than URGE_INTERVAL_MINUTES), so of two leaders urging at once only one gets
 *   through, and the 督办 list shows 已催办 without reading the timeline.
 * - ix_cases_escalated (escalation, org_path, status, next_due_at): a leader's 督办 list is the
 *   open cases of a subtree whose escalation is 2 or 3. About 2–3 % of the city's cases are
 *   escalated and open at any time (escalation falls back to 0 once every deadline is met), so the
 *   index ranges `escalation = ? AND org_path LIKE '<prefix>%'` hold only the list's own rows: the
 *   page of ids and the count are read from the index alone (status is checked there too), and the
 *   sort by next_due_at is over those rows only. The queue's indexes lead with the station or the
 *   status, where every open case of the subtree would be read to find the escalated few.
 * - On SQLite, every column added to or dropped from `cases` rebuilds the table, and TypeORM's
 *   rebuild keeps only the indexes it can read back: the queue's ix_cases_officer_due and
 *   ix_cases_station_due (`id DESC`) had been lost by the migrations after theirs, so the embedded
 *   demo's queue scanned. They are made again here, after this migration's own rebuild (any later
 *   migration that alters `cases` must do the same; the platform test compares the indexes).
 */
export class Supervision1765700000000 implements MigrationInterface {
  name = 'Supervision1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.addColumn('cases', new TableColumn(col.datetime('urged_at', { nullable: true })));
    await queryRunner.createIndex('cases', new TableIndex({ name: 'ix_cases_escalated', columnNames: ['escalation', 'org_path', 'status', 'next_due_at'] }));
    await restoreSqliteQueueIndexes(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'ix_cases_escalated');
    await queryRunner.dropColumn('cases', 'urged_at');
    await restoreSqliteQueueIndexes(queryRunner);
  }
}

/** The queue's `id DESC` indexes, which a SQLite table rebuild drops (see above); MariaDB keeps them. */
async function restoreSqliteQueueIndexes(queryRunner: QueryRunner): Promise<void> {
  if (queryRunner.connection.options.type === 'mysql') return;
  await queryRunner.query('CREATE INDEX IF NOT EXISTS ix_cases_officer_due ON cases (officer_id, queue_band, next_due_at, id DESC)');
  await queryRunner.query('CREATE INDEX IF NOT EXISTS ix_cases_station_due ON cases (station_id, queue_band, next_due_at, id DESC)');
}
