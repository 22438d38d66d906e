import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * Bulletins' content check, images, urgent review deadlines and subscribe messages (docs/bulletins.md):
 * - `bulletins`: `held_reason` (WeChat's content check held it), `sec_check` (what it said of the
 *   submitted version), `urgent`, `review_due_at` and the escalation's state and lease
 *   (`review_escalation`, `review_next_check_at`, `lease_until`, `lease_owner`);
 * - `uploads.bulletin_id`: the images a bulletin claimed (kept from the unclaimed-upload purge);
 * - `bulletin_subscriptions`: one-time 警务公告 subscriptions each person accepted and has not used.
 */
export class BulletinSafety1767100000000 implements MigrationInterface {
  name = 'BulletinSafety1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.addColumns('bulletins', [
      new TableColumn(c.str('held_reason', 200, { nullable: true })),
      new TableColumn(c.str('sec_check', 16, { nullable: true })),
      new TableColumn(c.bool('urgent', false)),
      new TableColumn(c.datetime('review_due_at', { nullable: true })),
      new TableColumn(c.int('review_escalation', { default: 0 })),
      new TableColumn(c.datetime('review_next_check_at', { nullable: true })),
      new TableColumn(c.datetime('lease_until', { nullable: true })),
      new TableColumn(c.str('lease_owner', 64, { nullable: true })),
    ]);
    await queryRunner.createIndex('bulletins', new TableIndex({ name: 'ix_bulletins_review_check', columnNames: ['review_next_check_at'] }));
    await queryRunner.addColumn('uploads', new TableColumn(c.int('bulletin_id', { nullable: true })));
    await queryRunner.createIndex('uploads', new TableIndex({ name: 'ix_uploads_bulletin', columnNames: ['bulletin_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'bulletin_subscriptions',
        columns: [{ ...c.int('user_id'), isPrimary: true }, c.int('credits', { default: 0 }), c.datetime('updated_at')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('bulletin_subscriptions');
    await queryRunner.dropIndex('uploads', 'ix_uploads_bulletin');
    await queryRunner.dropColumn('uploads', 'bulletin_id');
    await queryRunner.dropIndex('bulletins', 'ix_bulletins_review_check');
    for (const col of ['lease_owner', 'lease_until', 'review_next_check_at', 'review_escalation', 'review_due_at', 'urgent', 'sec_check', 'held_reason']) {
      await queryRunner.dropColumn('bulletins', col);
    }
  }
}
