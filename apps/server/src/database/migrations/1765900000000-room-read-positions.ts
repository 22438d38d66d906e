import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * `mediation_members.last_read_seq`: how far the member has read their channel (the main room or
 * a 背靠背, each has its own member rows). A room's detail counts what others wrote after it as the
 * channel's unread messages, so a party who was away finds the mark on the tab. Members who were
 * already in rooms start as having read everything there so far.
 */
export class RoomReadPositions1765900000000 implements MigrationInterface {
  name = 'RoomReadPositions1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.addColumn('mediation_members', new TableColumn(col.int('last_read_seq', { default: 0 })));
    await queryRunner.query('UPDATE mediation_members SET last_read_seq = (SELECT r.last_seq FROM mediation_rooms r WHERE r.id = mediation_members.room_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mediation_members', 'last_read_seq');
  }
}
