import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * Bulletins (公告, docs/bulletins.md): the bulletin with its review state, its immutable versions,
 * its pushes into groups (the daily quota is the unique slot key) and each reader's read and 有用.
 * `ix_bulletin_pushes_feed` (group_id, pushed_at) is the resident feed's index range.
 */
export class Bulletins1766800000000 implements MigrationInterface {
  name = 'Bulletins1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const idx = (columnNames: string[], name: string, isUnique = false) => new TableIndex({ name, columnNames, isUnique });
    await queryRunner.createTable(
      new Table({
        name: 'bulletins',
        columns: [
          c.id(), c.str('kind', 16), c.str('warning_type', 16, { nullable: true }), c.str('status', 16), c.int('author_id'),
          c.int('org_unit_id'), c.str('org_path', 255), c.int('version_id'), c.int('approved_version_id', { nullable: true }),
          c.datetime('submitted_at', { nullable: true }), c.int('reviewed_by', { nullable: true }), c.datetime('reviewed_at', { nullable: true }),
          c.str('review_comment', 300, { nullable: true }), c.int('withdrawn_by', { nullable: true }), c.datetime('withdrawn_at', { nullable: true }),
          c.str('withdraw_reason', 200, { nullable: true }), c.int('useful_count', { default: 0 }), c.datetime('created_at'), c.datetime('updated_at'),
        ],
        indices: [idx(['status', 'org_path'], 'ix_bulletins_status_path'), idx(['author_id', 'updated_at'], 'ix_bulletins_author')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'bulletin_versions',
        columns: [
          c.id(), c.int('bulletin_id'), c.int('version_no'), c.str('title', 120), c.text('body'), c.str('image_ids', 400),
          c.str('legal_basis', 200, { nullable: true }), c.str('tags', 200), c.int('created_by'), c.datetime('created_at'),
        ],
        indices: [idx(['bulletin_id', 'version_no'], 'uq_bulletin_versions_no', true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'bulletin_pushes',
        columns: [
          c.id(), c.int('bulletin_id'), c.int('version_id'), c.int('group_id'), c.str('day', 10), c.int('slot'), c.int('pushed_by'),
          c.datetime('pushed_at'), c.datetime('created_at'),
        ],
        indices: [
          idx(['group_id', 'day', 'slot'], 'uq_bulletin_pushes_slot', true),
          idx(['bulletin_id', 'group_id'], 'uq_bulletin_pushes_group', true),
          idx(['group_id', 'pushed_at'], 'ix_bulletin_pushes_feed'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'bulletin_reads',
        columns: [
          { ...c.int('bulletin_id'), isPrimary: true }, { ...c.int('user_id'), isPrimary: true }, c.datetime('read_at'),
          c.datetime('useful_at', { nullable: true }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['bulletin_reads', 'bulletin_pushes', 'bulletin_versions', 'bulletins']) await queryRunner.dropTable(table);
  }
}
