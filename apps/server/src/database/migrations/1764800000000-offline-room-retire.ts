import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `mediation_offline_rooms.retired_at`: station staff now create and retire their 警民联调室 in the
 * app (they were demo seed only). A retired room offers no free slots; bookings already made stay.
 */
export class OfflineRoomRetire1764800000000 implements MigrationInterface {
  name = 'OfflineRoomRetire1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.addColumn(
      'mediation_offline_rooms',
      new TableColumn({ name: 'retired_at', type: 'datetime', ...(mysql ? { precision: 3 } : {}), isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mediation_offline_rooms', 'retired_at');
  }
}
