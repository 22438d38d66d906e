import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * ix_audit_entries_target (target_type, target_id, id): 谁看过这个人的信息 — the audit log filtered
 * by what an entry is about (GET /api/audit?targetType=user&targetId=…), newest first, without
 * scanning the whole log. Reveals of a member's phone number are recorded against the member
 * (target_type 'user'), so this answers for each resident whose number was read.
 */
export class AuditTarget1765300000000 implements MigrationInterface {
  name = 'AuditTarget1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('audit_entries', new TableIndex({ name: 'ix_audit_entries_target', columnNames: ['target_type', 'target_id', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_entries', 'ix_audit_entries_target');
  }
}
