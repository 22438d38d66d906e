import { MigrationInterface, QueryRunner } from 'typeorm';
import { ANONYMOUS_APPLICANT_NAME } from '@jws/contracts';
import { FieldCipher } from '../../personal-data/field-cipher';

type Row = { id: number | string; room_id: number | string; parent_id: number | string | null; display_name: string };

/**
 * An applicant who reported 对他人匿名 was named in their room (申请人 张阿姨) to the mediator and the
 * respondent. Rooms opened before now get the anonymous label the service gives new ones: the
 * member rows (main room and 背靠背), the caucus titles, the room notices' bodies and, with the
 * data key installed, the system messages and agreement parties that carried the name.
 */
export class AnonymousApplicants1765500000000 implements MigrationInterface {
  name = 'AnonymousApplicants1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: Row[] = await queryRunner.query(
      'SELECT mm.id, mm.room_id, r.parent_id, mm.display_name FROM mediation_members mm ' +
        'JOIN mediation_rooms r ON r.id = mm.room_id JOIN cases c ON c.id = r.case_id ' +
        "WHERE mm.role = 'applicant' AND c.anonymity <> 'none' AND mm.display_name <> ?",
      [ANONYMOUS_APPLICANT_NAME],
    );
    const keyed = FieldCipher.installed();
    for (const row of rows) {
      const roomId = Number(row.room_id);
      const name = row.display_name;
      await queryRunner.query('UPDATE mediation_members SET display_name = ? WHERE id = ?', [ANONYMOUS_APPLICANT_NAME, Number(row.id)]);
      if (row.parent_id !== null) {
        await queryRunner.query('UPDATE mediation_rooms SET title = ? WHERE id = ?', [`背靠背：${ANONYMOUS_APPLICANT_NAME}`, roomId]);
      }
      if (!name.trim()) continue;
      await queryRunner.query('UPDATE notifications SET body = REPLACE(body, ?, ?) WHERE room_id = ?', [name, ANONYMOUS_APPLICANT_NAME, roomId]);
      if (!keyed) continue;
      const texts: { id: number | string; body_enc: string }[] = await queryRunner.query(
        "SELECT id, body_enc FROM mediation_messages WHERE room_id = ? AND kind = 'system' AND body_enc IS NOT NULL", [roomId],
      );
      for (const t of texts) await this.rewrite(queryRunner, 'mediation_messages', 'body_enc', t.id, t.body_enc, name);
      const agreements: { id: number | string; parties_enc: string }[] = await queryRunner.query(
        'SELECT id, parties_enc FROM mediation_agreements WHERE room_id = ?', [roomId],
      );
      for (const a of agreements) await this.rewrite(queryRunner, 'mediation_agreements', 'parties_enc', a.id, a.parties_enc, name);
    }
  }

  private async rewrite(queryRunner: QueryRunner, table: string, column: string, id: number | string, stored: string, name: string): Promise<void> {
    const plain = FieldCipher.decrypt(stored);
    if (!plain.includes(name)) return;
    await queryRunner.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [FieldCipher.encrypt(plain.split(name).join(ANONYMOUS_APPLICANT_NAME)), Number(id)]);
  }

  async down(): Promise<void> {
    // The names are not brought back: showing them was the defect.
  }
}
