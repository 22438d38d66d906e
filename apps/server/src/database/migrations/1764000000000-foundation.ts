import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/** Foundation schema: identity, jurisdiction tree, groups, memberships, invites, audit. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const idx = (columnNames: string[], name: string, isUnique = false) =>
      new TableIndex({ name, columnNames, isUnique });

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.id(),
          c.str('openid', 64, { nullable: true }),
          c.str('unionid', 64, { nullable: true }),
          c.str('username', 64, { nullable: true }),
          c.str('nickname', 64),
          c.str('real_name_enc', 255, { nullable: true }),
          c.str('phone_enc', 255, { nullable: true }),
          c.str('phone_hash', 64, { nullable: true }),
          c.str('id_number_enc', 255, { nullable: true }),
          c.str('work_phone', 32, { nullable: true }),
          c.str('photo_url', 255, { nullable: true }),
          c.str('role', 32),
          c.bool('is_informant', false),
          c.int('org_unit_id', { nullable: true }),
          c.str('session_key_enc', 255, { nullable: true }),
          c.bool('disabled', false),
          c.datetime('created_at', { defaultNow: true }),
        ],
        indices: [
          idx(['openid'], 'uq_users_openid', true),
          idx(['unionid'], 'ix_users_unionid'),
          idx(['username'], 'uq_users_username', true),
          idx(['phone_hash'], 'ix_users_phone_hash'),
          idx(['org_unit_id'], 'ix_users_org_unit'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          c.id(),
          c.int('user_id'),
          c.str('family_id', 36),
          c.str('token_hash', 64),
          c.datetime('expires_at'),
          c.datetime('rotated_at', { nullable: true }),
          c.datetime('revoked_at', { nullable: true }),
          c.datetime('created_at'),
        ],
        indices: [
          idx(['user_id'], 'ix_refresh_tokens_user'),
          idx(['family_id'], 'ix_refresh_tokens_family'),
          idx(['token_hash'], 'uq_refresh_tokens_hash', true),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'staff_invitations',
        columns: [
          c.id(),
          c.str('token_hash', 64),
          c.str('role', 32),
          c.int('org_unit_id'),
          c.str('invitee_name_enc', 255),
          c.int('created_by'),
          c.datetime('expires_at'),
          c.datetime('used_at', { nullable: true }),
          c.int('used_by', { nullable: true }),
          c.datetime('created_at'),
        ],
        indices: [idx(['token_hash'], 'uq_staff_invitations_hash', true)],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'org_units',
        columns: [
          c.id(),
          c.str('name', 64),
          c.str('level', 16),
          c.int('parent_id', { nullable: true }),
          c.str('path', 255),
          c.int('officer_id', { nullable: true }),
        ],
        indices: [
          idx(['parent_id'], 'ix_org_units_parent'),
          idx(['path'], 'ix_org_units_path'),
          idx(['officer_id'], 'ix_org_units_officer'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'police_groups',
        columns: [
          c.id(),
          c.str('kind', 16),
          c.str('name', 64),
          c.int('community_id', { nullable: true }),
          c.int('station_id'),
          c.int('owner_id', { nullable: true }),
          c.str('wechat_open_gid', 64, { nullable: true }),
          c.int('enterprise_count', { default: 0 }),
        ],
        indices: [
          idx(['community_id'], 'uq_police_groups_community', true),
          idx(['station_id'], 'ix_police_groups_station'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [
          c.id(),
          c.int('user_id'),
          c.int('community_id'),
          c.str('member_type', 32),
          c.str('status', 16),
          c.str('note', 200, { nullable: true }),
          c.datetime('joined_at', { nullable: true }),
          c.int('decided_by', { nullable: true }),
          c.datetime('created_at'),
        ],
        indices: [
          idx(['user_id', 'community_id'], 'uq_memberships_user_community', true),
          idx(['community_id', 'status'], 'ix_memberships_community_status'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'community_invites',
        columns: [
          c.id(),
          c.str('code', 16),
          c.int('community_id'),
          c.int('created_by'),
          c.datetime('expires_at'),
          c.datetime('revoked_at', { nullable: true }),
          c.int('use_count', { default: 0 }),
          c.datetime('created_at'),
        ],
        indices: [
          idx(['code'], 'uq_community_invites_code', true),
          idx(['community_id'], 'ix_community_invites_community'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'community_handovers',
        columns: [
          c.id(),
          c.int('community_id'),
          c.int('from_officer_id', { nullable: true }),
          c.int('to_officer_id'),
          c.int('by_user_id'),
          c.str('reason', 200),
          c.datetime('at'),
        ],
        indices: [idx(['community_id'], 'ix_community_handovers_community')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          c.id(),
          c.datetime('at'),
          c.int('actor_id', { nullable: true }),
          c.str('action', 64),
          c.str('target_type', 32, { nullable: true }),
          c.str('target_id', 64, { nullable: true }),
          c.str('outcome', 8),
          c.str('ip', 64, { nullable: true }),
          c.str('request_id', 64, { nullable: true }),
          c.str('detail', 500, { nullable: true }),
        ],
        indices: [idx(['at'], 'ix_audit_entries_at'), idx(['actor_id', 'at'], 'ix_audit_entries_actor')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_entries', 'community_handovers', 'community_invites', 'memberships', 'police_groups',
      'org_units', 'staff_invitations', 'refresh_tokens', 'users',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
