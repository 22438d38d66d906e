import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/** Expression of `cases.queue_band`; the entity maps the same text (TypeORM compares them). */
export const QUEUE_BAND_EXPRESSION = "CASE WHEN status IN ('closed', 'rejected', 'duplicate') THEN NULL WHEN next_due_at IS NULL THEN 1 ELSE 0 END";

/**
 * `cases.queue_band`, a virtual column the database computes: NULL once a case is terminal
 * (closed, rejected, duplicate), 0 while it is open with a deadline, 1 while it is open without
 * one (a resolved case waiting for the resident). Ordered by (queue_band, next_due_at, id DESC),
 * an officer's open cases come overdue first, nearest deadline next, deadline-less last, which is
 * the queue's order; ix_cases_officer_due (officer_id, queue_band, next_due_at, id DESC) holds them
 * in exactly that order, so a queue page is read in index order (no temporary table, no sort) and
 * counted on the index alone (`pnpm bench`: the statement's database time about halved). The
 * database keeps the column right on every write, whichever code path changes status or deadline.
 * The terminal statuses are written out, as a migration must stay as it ran: if contracts'
 * TERMINAL_STATUSES ever change, a new migration changes the expression.
 *
 * TypeORM records generated columns' expressions in its `typeorm_metadata` table (and reads it
 * whenever it inspects a table with one), so the migration creates that table first. The index is
 * plain SQL: TypeORM's TableIndex has no descending key parts.
 */
export class QueueDue1764700000000 implements MigrationInterface {
  name = 'QueueDue1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    if (!(await queryRunner.hasTable('typeorm_metadata'))) {
      const text = (name: string, nullable = true) => ({ name, type: 'varchar', length: '255', isNullable: nullable });
      await queryRunner.createTable(
        new Table({
          name: 'typeorm_metadata',
          columns: [text('type', false), text('database'), text('schema'), text('table'), text('name'), { name: 'value', type: 'text', isNullable: true }],
        }),
      );
    }
    if (mysql) {
      // TypeORM's addColumn writes NULL after VIRTUAL, which MariaDB refuses; so the column by
      // hand, and the expression where TypeORM looks for it (schema = the database, as it writes).
      await queryRunner.query(`ALTER TABLE cases ADD COLUMN queue_band INT AS (${QUEUE_BAND_EXPRESSION}) VIRTUAL`);
      await queryRunner.query(
        "INSERT INTO typeorm_metadata (`type`, `schema`, `table`, `name`, `value`) VALUES ('GENERATED_COLUMN', DATABASE(), 'cases', 'queue_band', ?)",
        [QUEUE_BAND_EXPRESSION],
      );
    } else {
      await queryRunner.addColumn(
        'cases',
        new TableColumn({ name: 'queue_band', type: 'int', isNullable: true, generatedType: 'VIRTUAL', asExpression: QUEUE_BAND_EXPRESSION }),
      );
    }
    await queryRunner.query('CREATE INDEX ix_cases_officer_due ON cases (officer_id, queue_band, next_due_at, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.query(mysql ? 'DROP INDEX ix_cases_officer_due ON cases' : 'DROP INDEX ix_cases_officer_due');
    if (mysql) {
      await queryRunner.query('ALTER TABLE cases DROP COLUMN queue_band');
    } else {
      await queryRunner.dropColumn('cases', 'queue_band');
    }
    await queryRunner.dropTable('typeorm_metadata');
  }
}
