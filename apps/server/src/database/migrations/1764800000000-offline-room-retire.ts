import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * `mediation_offline_rooms.retired_at`: station staff now create and retire their 警民联调室 in the
 * app (they were demo seed only). A retired room offers no free slots; bookings already made stay.
 */
export class OfflineRoomRetire1764800000000 implements MigrationInterface {
  name = 'OfflineRoomRetire1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('mediation_offline_rooms', new TableColumn(columnsFor(queryRunner).datetime('retired_at', { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mediation_offline_rooms', 'retired_at');
  }
}
