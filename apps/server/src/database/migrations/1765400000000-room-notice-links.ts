import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room notices written before they carried their room (您有一个调解室, 请确认调解协议, 调解室已关闭,
 * 调解转到线下) linked to the case, which a mediator or a respondent may not read: tapping one in
 * 消息 showed 未找到该记录. Each gets the room of its case that its recipient is a member of.
 */
export class RoomNoticeLinks1765400000000 implements MigrationInterface {
  name = 'RoomNoticeLinks1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'UPDATE notifications SET room_id = (' +
        'SELECT MAX(r.id) FROM mediation_rooms r JOIN mediation_members mm ON mm.room_id = r.id ' +
        'WHERE r.case_id = notifications.case_id AND r.parent_id IS NULL AND mm.user_id = notifications.user_id' +
        ") WHERE room_id IS NULL AND case_id IS NOT NULL AND title IN ('您有一个调解室', '请确认调解协议', '调解室已关闭', '调解转到线下')",
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: the column is RoomNotices', and a notice that names its room stays valid.
  }
}
