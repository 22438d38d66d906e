import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * `staff_invitations.revoked_at`: 撤销 an invitation nobody has used yet (sent to the wrong person,
 * or the post filled otherwise). A revoked invitation enrols nobody; the row stays for the list and
 * the audit trail.
 */
export class StaffInvitationRevoke1766600000000 implements MigrationInterface {
  name = 'StaffInvitationRevoke1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnsFor(queryRunner);
    await queryRunner.addColumn('staff_invitations', new TableColumn(col.datetime('revoked_at', { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('staff_invitations', 'revoked_at');
  }
}
