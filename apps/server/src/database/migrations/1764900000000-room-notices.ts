import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * `notifications.room_id`: 调解室有新消息, the in-app notice a room member gets when others write
 * while they are away — one unread notice per member and room, read when they open the room.
 */
export class RoomNotices1764900000000 implements MigrationInterface {
  name = 'RoomNotices1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('notifications', new TableColumn(columnsFor(queryRunner).int('room_id', { nullable: true })));
    await queryRunner.createIndex('notifications', new TableIndex({ name: 'ix_notifications_user_room', columnNames: ['user_id', 'room_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'ix_notifications_user_room');
    await queryRunner.dropColumn('notifications', 'room_id');
  }
}
