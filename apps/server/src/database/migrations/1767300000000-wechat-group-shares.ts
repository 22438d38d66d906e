import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * Share cards and the real WeChat groups (docs/bulletins.md): each share of a bulletin, each
 * WeChat group its cards were opened from (its openGId; bound to at most one police group, and a
 * police group to at most one WeChat group), and each person's open of a bulletin's card from a
 * WeChat group (one per person, bulletin and WeChat group).
 */
export class WechatGroupShares1767300000000 implements MigrationInterface {
  name = 'WechatGroupShares1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const idx = (columnNames: string[], name: string, isUnique = false) => new TableIndex({ name, columnNames, isUnique });
    await queryRunner.createTable(
      new Table({
        name: 'bulletin_shares',
        columns: [c.id(), c.int('bulletin_id'), c.int('user_id'), c.datetime('created_at')],
        indices: [idx(['bulletin_id'], 'ix_bulletin_shares_bulletin')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wechat_groups',
        columns: [
          c.id(), c.str('open_gid', 64), c.int('group_id', { nullable: true }), c.int('first_bulletin_id'), c.datetime('first_seen_at'),
          c.int('shared_by', { nullable: true }), c.str('org_path', 255, { nullable: true }), c.int('bound_by', { nullable: true }),
          c.datetime('bound_at', { nullable: true }),
        ],
        indices: [
          idx(['open_gid'], 'uq_wechat_groups_gid', true),
          idx(['group_id'], 'uq_wechat_groups_group', true),
          idx(['shared_by'], 'ix_wechat_groups_sharer'),
          idx(['org_path'], 'ix_wechat_groups_path'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'bulletin_opens',
        columns: [
          { ...c.int('bulletin_id'), isPrimary: true }, { ...c.int('wechat_group_id'), isPrimary: true }, { ...c.int('user_id'), isPrimary: true },
          c.int('share_id', { nullable: true }), c.datetime('opened_at'),
        ],
        indices: [idx(['wechat_group_id', 'user_id'], 'ix_bulletin_opens_group')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['bulletin_opens', 'wechat_groups', 'bulletin_shares']) await queryRunner.dropTable(table);
  }
}
