import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * 责任追究's response-time trail lists who was told about each case of a page
 * (inspection/response-trail.ts): notices by case id, without scanning every notice.
 */
export class NotificationsByCase1767500000001 implements MigrationInterface {
  name = 'NotificationsByCase1767500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('notifications', new TableIndex({ name: 'ix_notifications_case', columnNames: ['case_id', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'ix_notifications_case');
  }
}
