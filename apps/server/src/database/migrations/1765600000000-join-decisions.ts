import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { FieldCipher } from '../../personal-data/field-cipher';
import { columnsFor } from './schema-helpers';

/**
 * Join requests and their decisions:
 * - `memberships.refusal_reason`: why the officer refused a join request (拒绝理由, shown to the
 *   resident on the join page; cleared when they ask again or join);
 * - `memberships.note` becomes `note_enc`: the 申请说明 a resident writes for the officer is
 *   personal data (address, name, phone), so it is encrypted at rest like other personal text;
 *   a ciphertext of 200 characters needs up to ~1,100, hence 1200. Notes already written are
 *   encrypted in place (the data key is installed by `migrate` and at start-up);
 * - `notifications.link`: the page a notice about neither a case nor a room opens (首页 after
 *   已加入社区, the join page after a refusal, a community's 待审核 for 新的加入申请);
 * - `notifications.community_id`: the community such a notice is about (whose 待审核 it opens).
 */
export class JoinDecisions1765600000000 implements MigrationInterface {
  name = 'JoinDecisions1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = columnsFor(queryRunner);
    await queryRunner.addColumn('memberships', new TableColumn(columns.str('refusal_reason', 200, { nullable: true })));
    await queryRunner.changeColumn('memberships', 'note', new TableColumn(columns.str('note_enc', 1200, { nullable: true })));
    await rewriteNotes(queryRunner, (plain) => FieldCipher.encrypt(plain));
    await queryRunner.addColumn('notifications', new TableColumn(columns.str('link', 16, { nullable: true })));
    await queryRunner.addColumn('notifications', new TableColumn(columns.int('community_id', { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const columns = columnsFor(queryRunner);
    await queryRunner.dropColumn('notifications', 'community_id');
    await queryRunner.dropColumn('notifications', 'link');
    await rewriteNotes(queryRunner, (stored) => [...FieldCipher.decrypt(stored)].slice(0, 200).join(''));
    await queryRunner.changeColumn('memberships', 'note_enc', new TableColumn(columns.str('note', 200, { nullable: true })));
    await queryRunner.dropColumn('memberships', 'refusal_reason');
  }
}

/** Rewrites every written note (encrypting or decrypting it); without the data key only an empty table passes. */
async function rewriteNotes(queryRunner: QueryRunner, rewrite: (value: string) => string): Promise<void> {
  const rows: { id: number | string; note_enc: string }[] = await queryRunner.query('SELECT id, note_enc FROM memberships WHERE note_enc IS NOT NULL');
  if (!rows.length) return;
  if (!FieldCipher.installed()) throw new Error('memberships.note_enc: the data encryption key must be installed to rewrite join notes');
  for (const row of rows) await queryRunner.query('UPDATE memberships SET note_enc = ? WHERE id = ?', [rewrite(row.note_enc), Number(row.id)]);
}
